package content

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxSlugLen bounds slugs in bytes, so that URLs stay well under proxies' limits.
const MaxSlugLen = 120

// latinFolds maps letters that do not decompose into a base letter and a mark.
var latinFolds = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
}

// Slugify turns a title into a URL slug: lower case, Latin accents folded ("Grève à
// Liège" → "greve-a-liege"), other scripts kept as they are, every run of anything else
// turned into one hyphen. It returns "" when nothing usable is left; callers pick a
// fallback then.
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case latinFolds[r] != "":
			b.WriteString(latinFolds[r])
			hyphen = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			hyphen = false
		case !hyphen && b.Len() > 0:
			b.WriteByte('-')
			hyphen = true
		}
	}
	return truncateSlug(norm.NFC.String(strings.TrimRight(b.String(), "-")))
}

// truncateSlug cuts at a hyphen below MaxSlugLen so that a slug never ends mid-word.
func truncateSlug(s string) string { return ClipSlug(s, MaxSlugLen) }

// ClipSlug shortens a slug to at most n bytes, cutting between words where it can and
// never inside a letter.
func ClipSlug(slug string, n int) string {
	if len(slug) <= n {
		return slug
	}
	cut := slug[:n]
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	if i := strings.LastIndexByte(cut, '-'); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, "-")
}

// ValidSlug reports whether s can be used as a slug: exactly what Slugify makes of it.
// So "grève" is refused (it would be "greve"), and two spellings of one address cannot
// exist side by side.
func ValidSlug(s string) bool {
	return s != "" && len(s) <= MaxSlugLen && utf8.ValidString(s) && Slugify(s) == s
}

func sortedKeys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }
