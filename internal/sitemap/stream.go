package sitemap

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"time"
)

const (
	// MaxURLs is the protocol's limit on the entries of one file.
	MaxURLs = 50_000
	// MaxBytes is the protocol's limit on the size of one uncompressed file.
	MaxBytes = 50 << 20
	// MaxLocBytes bounds a Loc once XML-escaped. The protocol allows 2,048 characters,
	// but 50,000 of those can pass MaxBytes; at this length a file of MaxURLs entries
	// always fits, so files are cut by count alone and Files is exact.
	MaxLocBytes = 960
	// minLocBytes is the schema's minimum length of a Loc (tLoc's minLength).
	minLocBytes = 12
)

var (
	// ErrInvalid refuses one entry (a bad Loc or date); the file is unchanged.
	ErrInvalid = errors.New("sitemap: invalid entry")
	// ErrFull refuses an entry past MaxURLs: the rest belongs in the next file.
	ErrFull = errors.New("sitemap: file full")
	// ErrClosed refuses an entry after Close.
	ErrClosed = errors.New("sitemap: closed")
)

const header = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// stream is what a urlset and an index share: one XML element per entry, written
// through a buffer whose write errors are sticky, so the first one is returned by every
// later Add and by Close.
type stream struct {
	bw      *bufio.Writer
	elem    string // "url" or "sitemap"
	closing string
	n       int
	entry   []byte // scratch for one entry, reused so that Add does not allocate
	closed  bool
}

func newStream(w io.Writer, root, elem string) stream {
	s := stream{
		bw:      bufio.NewWriterSize(w, 32<<10),
		elem:    elem,
		closing: "</" + root + ">\n",
		entry:   make([]byte, 0, 2*MaxLocBytes),
	}
	// Into an empty buffer this cannot fail; a failure of w shows at the first flush.
	s.bw.WriteString(header + "<" + root + ` xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	return s
}

// add validates the whole entry before writing any of it.
func (s *stream) add(loc string, lastmod time.Time) error {
	switch {
	case s.closed:
		return ErrClosed
	case s.n >= MaxURLs:
		return ErrFull
	}
	if err := checkLoc(loc); err != nil {
		return fmt.Errorf("%w: Loc %.80q: %s", ErrInvalid, loc, err)
	}
	e := append(s.entry[:0], '<')
	e = append(e, s.elem...)
	e = append(e, "><loc>"...)
	e = appendEscaped(e, loc)
	if n := len(e) - len(s.elem) - len("<><loc>"); n > MaxLocBytes {
		return fmt.Errorf("%w: Loc %.80q is %d bytes escaped, more than %d", ErrInvalid, loc, n, MaxLocBytes)
	}
	e = append(e, "</loc>"...)
	e, err := appendLastmod(e, lastmod)
	if err != nil {
		return err
	}
	e = append(e, "</"...)
	e = append(e, s.elem...)
	e = append(e, ">\n"...)
	s.entry = e
	if _, err := s.bw.Write(e); err != nil {
		return err
	}
	s.n++
	return nil
}

// appendLastmod writes the W3C datetime the protocol asks for, in UTC to the second,
// and refuses a year that the format cannot hold in four digits.
func appendLastmod(e []byte, t time.Time) ([]byte, error) {
	if t.IsZero() {
		return e, nil
	}
	t = t.UTC()
	if y := t.Year(); y < 1 || y > 9999 {
		return e, fmt.Errorf("%w: lastmod %v is outside years 1 to 9999", ErrInvalid, t)
	}
	e = append(e, "<lastmod>"...)
	e = t.AppendFormat(e, "2006-01-02T15:04:05Z")
	return append(e, "</lastmod>"...), nil
}

// close writes the closing tag and flushes; it does not close the underlying writer.
// Closing twice returns the first result again.
func (s *stream) close() error {
	if !s.closed {
		s.closed = true
		s.bw.WriteString(s.closing)
	}
	return s.bw.Flush()
}
