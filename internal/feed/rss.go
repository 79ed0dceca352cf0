package feed

import (
	"bytes"
	"cmp"
	"strings"
	"time"
)

const (
	contentNS = "http://purl.org/rss/1.0/modules/content/"
	dcNS      = "http://purl.org/dc/elements/1.1/"
)

func writeRSS(b *bytes.Buffer, f *Feed) {
	x := newXMLWriter(b)
	x.open("rss", "version", "2.0", "xmlns:atom", atomNS, "xmlns:content", contentNS, "xmlns:dc", dcNS)
	x.open("channel")
	x.elem("title", f.Title)
	x.elem("link", uri(f.HomeURL))
	x.elem("description", cmp.Or(f.Subtitle, f.Title))
	x.opt("language", f.Lang)
	x.opt("lastBuildDate", rfc1123(feedUpdated(f)))
	x.elem("generator", generator)
	for _, l := range [...]struct{ rel, href string }{{"self", f.SelfURL}, {"next", f.NextURL}, {"previous", f.PrevURL}} {
		if present(l.href) {
			x.empty("atom:link", "href", uri(l.href), "rel", l.rel, "type", "application/rss+xml")
		}
	}
	if present(f.IconURL) {
		// RSS wants the image's title and link to be the channel's.
		x.open("image")
		x.elem("url", uri(f.IconURL))
		x.elem("title", f.Title)
		x.elem("link", uri(f.HomeURL))
		x.close("image")
	}
	for i := range f.Entries {
		writeRSSItem(x, f, &f.Entries[i])
	}
	x.close("channel")
	x.close("rss")
}

func writeRSSItem(x *xmlWriter, f *Feed, e *Entry) {
	x.open("item")
	x.elem("title", e.Title)
	x.opt("link", uri(e.URL))
	// The stable id, not the URL: a renamed article must not come back as new.
	x.elem("guid", entryID(e), "isPermaLink", "false")
	// description is HTML to readers: plain text is escaped once more, or a summary
	// that speaks of "<script>" would lose those words.
	x.opt("description", textToHTML(e.Summary))
	x.opt("content:encoded", e.ContentHTML)
	x.opt("pubDate", rfc1123(cmp.Or(e.Published, e.Updated)))
	for _, name := range entryAuthors(f, e) {
		x.opt("dc:creator", name)
	}
	x.opt("dc:language", otherLang(f, e))
	for _, c := range e.Categories {
		x.opt("category", c.label(), "domain", uri(c.Scheme))
	}
	// RSS requires an enclosure's length and type; without them, no enclosure.
	if img := e.Image; img != nil && present(img.URL) && present(img.MIMEType) && img.Length > 0 {
		x.empty("enclosure", "url", uri(img.URL), "length", lengthAttr(img.Length), "type", img.MIMEType)
	}
	x.close("item")
}

// rfc1123 formats t as RSS dates are (RFC 822 with a four-digit year and a numeric
// zone), or returns "" for the zero time.
func rfc1123(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC1123Z)
}

// textToHTML escapes plain text for an element readers take as HTML. Quotes are left
// alone: they need no escape outside attributes, and French is full of apostrophes.
func textToHTML(s string) string {
	if !strings.ContainsAny(s, "&<>") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
