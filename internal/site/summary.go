package site

import (
	"strings"
	"unicode"

	"github.com/roneo/roneo/internal/render"
)

// summary is the start of an HTML fragment's text for a list, at most max characters,
// cut between words. Typography's no-break spaces stay (strings.Fields would turn the
// narrow space before a French colon into an ordinary one). A cut that can end on a
// sentence in the second half of the text does; otherwise the ellipsis is set against
// the last word, never after a sentence's end, a comma or a space.
func summary(fragment string, max int) string {
	text := strings.Join(strings.FieldsFunc(render.HTMLText(fragment), isBreakable), " ")
	runes := []rune(text)
	if len(runes) <= max {
		return text
	}
	cut := string(runes[:max])
	if runes[max] == ' ' {
		cut += " " // the cut falls between two words: keep the last one whole
	}
	if i := lastSentenceEnd(cut); i > len(cut)/2 {
		return cut[:i]
	}
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	cut = strings.TrimRightFunc(cut, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—«„“‘(", r)
	})
	if endsSentence(cut) {
		return cut
	}
	return cut + "…"
}

// isBreakable is white space a line may break at; no-break spaces are typography.
func isBreakable(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }

// lastSentenceEnd is the index of the last space in s that follows the end of a
// sentence, or -1.
func lastSentenceEnd(s string) int {
	for i := strings.LastIndexByte(s, ' '); i > 0; i = strings.LastIndexByte(s[:i], ' ') {
		if endsSentence(s[:i]) {
			return i
		}
	}
	return -1
}

// endsSentence: s ends with a full stop, a question or exclamation mark or an
// ellipsis, perhaps inside closing quotes or brackets ("ici.\u202f»").
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return strings.ContainsRune("»”’\")]", r) || r == '\u202f' || r == '\u00a0'
	})
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}
