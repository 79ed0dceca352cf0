package sitemap

import (
	"io"
	"time"
)

// Index writes one <sitemapindex>, listing sitemap files, to an io.Writer as they are
// added. It is not safe for concurrent use.
type Index struct {
	s stream
}

// NewIndex starts a <sitemapindex> on w.
func NewIndex(w io.Writer) *Index {
	return &Index{s: newStream(w, "sitemapindex", "sitemap")}
}

// Add lists the sitemap file at loc (an escaped absolute URL), modified at lastmod
// (the zero time writes none). It refuses as Writer.Add does; an index too holds at
// most MaxURLs entries.
func (x *Index) Add(loc string, lastmod time.Time) error { return x.s.add(loc, lastmod) }

// Count is the number of sitemaps listed so far.
func (x *Index) Count() int { return x.s.n }

// Close writes the closing tag and flushes; it leaves the underlying writer open.
func (x *Index) Close() error { return x.s.close() }
