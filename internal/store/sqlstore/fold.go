package sqlstore

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldLetters maps the letters that do not decompose into a base letter and a mark, as
// content.Slugify does.
var foldLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
}

// foldText is how titles are stored for the newsroom's search and how names are sorted:
// lower case, accents removed, every run of anything but letters and digits turned into
// one space ("L’Été à Liège" → "l ete a liege"). It is computed in Go because SQLite and
// PostgreSQL fold non-ASCII letters differently, and the two must find the same articles.
func foldText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case foldLetters[r] != "":
			b.WriteString(foldLetters[r])
			space = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		case !space && b.Len() > 0:
			b.WriteByte(' ')
			space = true
		}
	}
	return norm.NFC.String(strings.TrimRight(b.String(), " "))
}

// maxTitleWords bounds a title search: each word is one more condition.
const maxTitleWords = 16

// titleWords returns the distinct folded words of a title search. They hold letters and
// digits only, so they go into a LIKE pattern without escaping.
func titleWords(q string) []string {
	var out []string
	for _, w := range strings.Fields(foldText(q)) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// sortByName orders people, accounts and tags by name as a reader expects, the same on
// both databases: their collations disagree on accented letters.
func sortByName[T any](items []T, name func(T) string, id func(T) int64) {
	keys := make(map[int64]string, len(items))
	for _, it := range items {
		keys[id(it)] = foldText(name(it))
	}
	slices.SortStableFunc(items, func(a, b T) int {
		return cmp.Or(strings.Compare(keys[id(a)], keys[id(b)]),
			strings.Compare(name(a), name(b)), cmp.Compare(id(a), id(b)))
	})
}
