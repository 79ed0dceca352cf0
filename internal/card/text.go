package card

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	nbsp     = '\u00a0'
	ellipsis = "…"
)

// clean makes text drawable with f: cut at limit runes, composed (NFC, since the Go
// fonts have é but no combining accent), control and invisible format characters
// dropped, characters the font lacks left out, white space collapsed to single spaces
// and trimmed. No-break spaces of any width become U+00A0, the only one the Go fonts
// have. A cut text ends with an ellipsis.
func clean(text string, limit int, f *face) string {
	cut, more := cutRunes(text, limit)
	var b strings.Builder
	space := false
	for _, r := range norm.NFC.String(cut) {
		switch {
		case r == nbsp || r == '\u202f' || r == '\u2007':
			r = nbsp
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || !f.has(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if more && b.Len() > 0 {
		b.WriteString(ellipsis)
	}
	return b.String()
}

// cutRunes returns the first limit runes of s and whether there were more, without
// reading past them.
func cutRunes(s string, limit int) (string, bool) {
	n := 0
	for i := range s {
		if n == limit {
			return s[:i], true
		}
		n++
	}
	return s, false
}
