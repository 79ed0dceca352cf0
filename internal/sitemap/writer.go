package sitemap

import (
	"io"
	"time"
)

// URL is one page of a <urlset>.
type URL struct {
	// Loc is the page's absolute address, already escaped as a URL; the writer
	// escapes it for XML.
	Loc string
	// LastMod is when the page last changed; the zero time writes none.
	LastMod time.Time
}

// Writer writes one <urlset> to an io.Writer as URLs are added. It is not safe for
// concurrent use.
type Writer struct {
	s stream
}

// NewWriter starts a <urlset> on w. Nothing reaches w before the buffer fills or Close.
func NewWriter(w io.Writer) *Writer {
	return &Writer{s: newStream(w, "urlset", "url")}
}

// Add writes u, or refuses it with ErrInvalid, ErrFull, ErrClosed or the error of the
// underlying writer. A refused URL leaves the file unchanged.
func (w *Writer) Add(u URL) error { return w.s.add(u.Loc, u.LastMod) }

// Count is the number of URLs written so far.
func (w *Writer) Count() int { return w.s.n }

// Close writes the closing tag and flushes; it leaves the underlying writer open.
func (w *Writer) Close() error { return w.s.close() }

// Files is the number of sitemap files that n URLs need. No URLs still need one file,
// since an index lists at least one sitemap.
func Files(n int) int {
	if n <= 0 {
		return 1
	}
	return (n + MaxURLs - 1) / MaxURLs
}
