package jsonld

import (
	"time"
	"unicode"
	"unicode/utf8"
)

// Article is what NewsArticle describes: one published article, press release or photo
// report. URLs are absolute.
type Article struct {
	URL, Headline, Description string
	Lang                       string // BCP 47: "fr", "nl", "en"
	Published, Modified        time.Time
	Authors                    []Person
	// Signature is the free-text byline, the author's name when Authors is empty.
	Signature string
	Images    []Image
	Section   string
	Keywords  []string
	// PressRelease marks a statement of the publishing organisation itself.
	PressRelease bool
	// Dossiers are the collections the article belongs to.
	Dossiers  []Part
	Publisher Org
	WordCount int
}

// HeadlineMax is the length Google shows of a headline and accepts in "headline", in
// characters.
const HeadlineMax = 110

// NewsArticle describes a as a schema.org NewsArticle, with its own @context.
//
// A press release is a NewsArticle too, since schema.org has no type for it: its genre
// says "press release", the publisher is its sourceOrganization, and the organisation is
// its author when no person signs it.
//
// The headline is cut to HeadlineMax characters at a word; "name" keeps the whole title.
// Empty fields and zero times are left out.
func NewsArticle(a Article) map[string]any {
	m := top("NewsArticle")
	title := clean(a.Headline)
	if title != "" {
		m["headline"] = cutHeadline(title)
		m["name"] = title
	}
	setText(m, "description", a.Description)
	setText(m, "url", a.URL)
	setText(m, "mainEntityOfPage", a.URL)
	setText(m, "inLanguage", a.Lang)
	setTime(m, "datePublished", a.Published)
	setTime(m, "dateModified", a.Modified)
	setNodes(m, "author", authors(a))
	setNodes(m, "image", images(a.Images))
	setText(m, "articleSection", a.Section)
	setTexts(m, "keywords", a.Keywords)
	setNodes(m, "isPartOf", dossiers(a.Dossiers))
	setInt(m, "wordCount", a.WordCount)
	if a.Publisher.Name != "" {
		m["publisher"] = organization(a.Publisher)
	}
	if a.PressRelease {
		m["genre"] = "press release"
		if a.Publisher.Name != "" {
			m["sourceOrganization"] = organization(a.Publisher)
		}
	}
	return m
}

// authors are the people who signed a, or the one name of its byline, or for a press
// release with neither, the organisation that issues it.
func authors(a Article) []map[string]any {
	var list []map[string]any
	for _, p := range a.Authors {
		if n := person(p); n != nil {
			list = append(list, n)
		}
	}
	if len(list) == 0 {
		if n := person(Person{Name: a.Signature}); n != nil {
			list = append(list, n)
		}
	}
	if len(list) == 0 && a.PressRelease && a.Publisher.Name != "" {
		list = append(list, organization(a.Publisher))
	}
	return list
}

// person is nil for a person without a name, whom a reader could not tell from anyone.
func person(p Person) map[string]any {
	if clean(p.Name) == "" {
		return nil
	}
	n := node("Person")
	setText(n, "name", p.Name)
	setText(n, "url", p.URL)
	return n
}

func images(list []Image) []map[string]any {
	var out []map[string]any
	for _, img := range list {
		if clean(img.URL) == "" {
			continue
		}
		n := node("ImageObject")
		setText(n, "url", img.URL)
		setInt(n, "width", img.Width)
		setInt(n, "height", img.Height)
		// schema.org has no alt text; caption is the text that goes with an image.
		setText(n, "caption", img.Alt)
		out = append(out, n)
	}
	return out
}

// dossiers are CollectionPages: a dossier is a page gathering articles on one subject,
// in no set order, which a CreativeWorkSeries (episodes, volumes) is not.
func dossiers(list []Part) []map[string]any {
	var out []map[string]any
	for _, d := range list {
		if clean(d.Name) == "" && clean(d.URL) == "" {
			continue
		}
		n := node("CollectionPage")
		setText(n, "name", d.Name)
		setText(n, "url", d.URL)
		out = append(out, n)
	}
	return out
}

// setTime sets key to t in RFC 3339 with its offset, to the second; a zero time is
// unknown and left out.
func setTime(m map[string]any, key string, t time.Time) {
	if !t.IsZero() {
		m[key] = t.Format(time.RFC3339)
	}
}

// cutHeadline shortens a cleaned title to HeadlineMax characters, an ellipsis included.
// It cuts at the last space, unless that would lose more than half the room (a long
// word, or a script written without spaces), and then between two characters, never
// between a letter and its accents. No-break spaces hold their words together.
func cutHeadline(title string) string {
	if utf8.RuneCountInString(title) <= HeadlineMax {
		return title
	}
	r := []rune(title)
	n := HeadlineMax - 1 // room for the ellipsis
	space := -1
	for i := n; i > 0; i-- {
		if r[i] == ' ' {
			space = i
			break
		}
	}
	if space >= HeadlineMax/2 {
		n = space
	} else {
		for n > 0 && (isMark(r[n]) || r[n-1] == '\u200d') { // r[n] is the first rune dropped
			n--
		}
	}
	kept := trimEnd(r[:n])
	return string(kept) + "…"
}

// isMark reports whether r belongs to the character before it: an accent, a joiner or a
// variation selector. A character after a joiner belongs to the one before it too (the
// parts of 👩‍💻), which the cut checks.
func isMark(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) || r == '\u200d'
}

// trimEnd drops what would dangle before the ellipsis: spaces, separating punctuation
// and opening quotes or brackets.
func trimEnd(r []rune) []rune {
	for len(r) > 0 {
		switch c := r[len(r)-1]; {
		case unicode.IsSpace(c), unicode.In(c, unicode.Ps, unicode.Pi, unicode.Pd), c == ',', c == ';', c == ':':
			r = r[:len(r)-1]
		default:
			return r
		}
	}
	return r
}
