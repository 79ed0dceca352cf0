package feed

import (
	"bytes"
	"cmp"
	"strconv"
	"time"
)

const atomNS = "http://www.w3.org/2005/Atom"

func writeAtom(b *bytes.Buffer, f *Feed) {
	x := newXMLWriter(b)
	updated := feedUpdated(f)
	x.open("feed", "xmlns", atomNS, "xml:lang", f.Lang)
	x.elem("id", feedID(f))
	x.elem("title", f.Title)
	x.opt("subtitle", f.Subtitle)
	x.elem("updated", rfc3339(orEpoch(updated)))
	atomLink(x, "self", "application/atom+xml", f.SelfURL)
	atomLink(x, "alternate", "text/html", f.HomeURL)
	atomLink(x, "next", "application/atom+xml", f.NextURL)
	atomLink(x, "previous", "application/atom+xml", f.PrevURL)
	x.opt("icon", uri(f.IconURL))
	// An entry without an author of its own inherits this one: Atom wants one for each.
	atomAuthor(x, publisher(f))
	x.elem("generator", generator)
	for i := range f.Entries {
		writeAtomEntry(x, f, &f.Entries[i], updated)
	}
	x.close("feed")
}

// writeAtomEntry writes e; Atom requires its updated date, which is fallback when e has
// no date at all.
func writeAtomEntry(x *xmlWriter, f *Feed, e *Entry, fallback time.Time) {
	x.open("entry", "xml:lang", otherLang(f, e))
	x.elem("id", entryID(e))
	x.elem("title", e.Title)
	atomLink(x, "alternate", "text/html", e.URL)
	x.opt("published", rfc3339(e.Published))
	x.elem("updated", rfc3339(orEpoch(entryUpdated(e, fallback))))
	for _, name := range entryAuthors(f, e) {
		atomAuthor(x, name)
	}
	for _, c := range e.Categories {
		if term := cmp.Or(cleanXML(c.Term), cleanXML(c.Label)); term != "" {
			x.empty("category", "term", term, "scheme", uri(c.Scheme), "label", c.label())
		}
	}
	x.opt("summary", e.Summary, "type", "text")
	// xml:base lets readers that honour it resolve links the caller left relative.
	x.opt("content", e.ContentHTML, "type", "html", "xml:base", uri(e.URL))
	if img := e.Image; img != nil && present(img.URL) {
		x.empty("link", "rel", "enclosure", "type", img.MIMEType,
			"length", lengthAttr(img.Length), "title", img.Alt, "href", uri(img.URL))
	}
	x.close("entry")
}

func atomLink(x *xmlWriter, rel, mediaType, href string) {
	if present(href) {
		x.empty("link", "rel", rel, "type", mediaType, "href", uri(href))
	}
}

func atomAuthor(x *xmlWriter, name string) {
	if !present(name) {
		return
	}
	x.open("author")
	x.elem("name", name)
	x.close("author")
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// orEpoch stands the epoch in for a date Atom requires and the feed does not have: an
// empty feed has not changed since, and the output stays deterministic.
func orEpoch(t time.Time) time.Time {
	if t.IsZero() {
		return time.Unix(0, 0)
	}
	return t
}

func lengthAttr(n int64) string {
	if n <= 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}
