package feed

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"time"
)

// Feed is one feed, whatever its format.
type Feed struct {
	ID       string // stable IRI of the feed; SelfURL when empty
	Title    string
	Subtitle string
	Lang     string    // BCP 47 tag: "fr", "nl-BE"
	SelfURL  string    // absolute URL of this feed document
	HomeURL  string    // absolute URL of the HTML page the feed follows
	IconURL  string    // optional
	Updated  time.Time // newest entry's update; the newest entry date when zero
	Author   string    // the publisher's name, author of entries that name none
	// NextURL and PrevURL are the neighbouring pages of a paged feed (RFC 5005):
	// older entries, and newer ones; "" at either end.
	NextURL, PrevURL string
	Entries          []Entry
}

// Entry is one article or page in a feed.
type Entry struct {
	// ID is stable: it does not change when the slug does, so readers do not show a
	// renamed article twice ("tag:example.org,2026:article/123"). URL when empty.
	ID          string
	URL         string // absolute link to the page
	Title       string
	Authors     []string // names; the feed's Author when empty (Atom requires one)
	Published   time.Time
	Updated     time.Time // Published when zero
	Summary     string    // plain text (standfirst)
	ContentHTML string    // sanitised HTML fragment; see Absolutize for relative links
	Categories  []Category
	Lang        string // written only where it differs from the feed's
	Image       *Image // optional
}

// Category is a subject of an entry: Term is what software matches on, Label what
// people read.
type Category struct {
	Term   string
	Label  string // Term when empty
	Scheme string // optional IRI of the vocabulary
}

// Image is an entry's main picture, sent as an enclosure.
type Image struct {
	URL      string
	MIMEType string
	Length   int64 // bytes; RSS drops the enclosure when unknown (0), as it requires one
	Alt      string
}

// ErrNoFeed is returned for a nil *Feed.
var ErrNoFeed = errors.New("no feed")

// Write writes f to w in format. It renders the whole document in memory first, so
// that w gets one write and nothing on error.
func Write(w io.Writer, f *Feed, format Format) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("write %s feed: %w", format, err)
		}
	}()
	if f == nil {
		return ErrNoFeed
	}
	var buf bytes.Buffer
	buf.Grow(sizeHint(f))
	switch format {
	case Atom:
		writeAtom(&buf, f)
	case RSS:
		writeRSS(&buf, f)
	case JSON:
		writeJSON(&buf, f)
	default:
		return ErrUnknownFormat
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// sizeHint guesses the document's size so that the buffer grows once: escaping makes
// HTML about a third longer in XML, and each entry carries a kilobyte of markup.
func sizeHint(f *Feed) int {
	n := 2048
	for i := range f.Entries {
		e := &f.Entries[i]
		n += 1024 + len(e.Title) + len(e.Summary)*2 + len(e.ContentHTML)*3/2
	}
	return n
}

// feedUpdated is the feed's date: its own, else its newest entry's, else the zero time.
func feedUpdated(f *Feed) time.Time {
	if !f.Updated.IsZero() {
		return f.Updated
	}
	var newest time.Time
	for i := range f.Entries {
		if t := entryUpdated(&f.Entries[i], time.Time{}); t.After(newest) {
			newest = t
		}
	}
	return newest
}

// entryUpdated is the entry's last change: Updated, else Published, else fallback.
func entryUpdated(e *Entry, fallback time.Time) time.Time {
	switch {
	case !e.Updated.IsZero():
		return e.Updated
	case !e.Published.IsZero():
		return e.Published
	}
	return fallback
}

// generator is how the feeds name the software that wrote them.
const generator = "Roneo"

// entryAuthors is who to credit: the entry's authors, or the publisher.
func entryAuthors(f *Feed, e *Entry) []string {
	if len(e.Authors) > 0 {
		return e.Authors
	}
	if f.Author == "" {
		return nil
	}
	return []string{f.Author}
}

// publisher is the feed's author: its Author, or the site's name in its title.
func publisher(f *Feed) string {
	return cmp.Or(f.Author, f.Title)
}

func entryID(e *Entry) string {
	return cmp.Or(cleanXML(e.ID), uri(e.URL))
}

func feedID(f *Feed) string {
	return cmp.Or(cleanXML(f.ID), uri(f.SelfURL))
}

// present reports whether s holds something once cleaned, for the elements that are
// written only with a value.
func present(s string) bool {
	return cleanXML(s) != ""
}

func (c Category) label() string {
	return cmp.Or(cleanXML(c.Label), c.Term)
}

// otherLang is the entry's language when a reader would not infer it from the feed's.
func otherLang(f *Feed, e *Entry) string {
	if l := cleanXML(e.Lang); l != cleanXML(f.Lang) {
		return l
	}
	return ""
}
