package render

import (
	"strconv"
	"strings"
	"unicode"
)

// headingIDs gives the headings of one document ids made from their words,
// folded to ASCII where a Latin letter allows it ("Été à Bruxelles" →
// "ete-a-bruxelles") so that links read well when pasted. The ids depend on
// nothing but the text and order of the headings, so they survive edits
// elsewhere in the article. They never contain ':', which every goldmark
// footnote id ("fn:1", "fnref:1") does, so the two cannot collide.
type headingIDs struct {
	used map[string]bool
	next map[string]int // suffixes taken per base, so duplicates stay linear
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

func (h *headingIDs) generate(text string) string {
	base := slug(text)
	if base == "" {
		base = "section"
	}
	id := base
	for h.used[id] {
		h.next[base]++
		id = base + "-" + strconv.Itoa(h.next[base]+1)
	}
	h.used[id] = true
	return id
}

// slug keeps letters and digits, lower-cased and folded, and turns every
// other run of characters into a single hyphen. Long headings give ids of
// a few words: an anchor is for linking, not for reading the heading.
func slug(text string) string {
	const maxLen = 64
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(text) {
		switch {
		case b.Len() >= maxLen:
			return b.String()
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			b.WriteString(foldLatin(r))
		case unicode.IsMark(r):
			// A combining accent belongs to the letter before it.
		default:
			gap = true
		}
	}
	return b.String()
}

// foldLatin drops the accents of the Latin letters Roneo's languages use.
// Other scripts stay as they are: HTML ids may hold any letter.
func foldLatin(r rune) string {
	if r < 0x80 {
		return string(r)
	}
	for _, f := range [...]struct{ from, to string }{
		{"àáâãäåāăą", "a"}, {"çćĉċč", "c"}, {"ďđ", "d"}, {"èéêëēĕėęě", "e"},
		{"ĝğġģ", "g"}, {"ìíîïĩīĭįı", "i"}, {"ĵ", "j"}, {"ķ", "k"}, {"ĺļľŀł", "l"},
		{"ñńņň", "n"}, {"òóôõöøōŏő", "o"}, {"ŕŗř", "r"}, {"śŝşš", "s"},
		{"ţťŧ", "t"}, {"ùúûüũūŭůűų", "u"}, {"ŵ", "w"}, {"ýÿŷ", "y"}, {"źżž", "z"},
		{"æ", "ae"}, {"œ", "oe"}, {"ĳ", "ij"}, {"ß", "ss"}, {"þ", "th"}, {"ð", "d"},
	} {
		if strings.ContainsRune(f.from, r) {
			return f.to
		}
	}
	return string(r)
}
