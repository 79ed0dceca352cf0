package demo

import (
	"strings"

	"github.com/roneo/roneo/internal/content"
)

// slugRoom is what a slug keeps free for a "-123456" suffix.
const slugRoom = 7

// slugSet hands out slugs that are unique within a namespace ("fr" articles, "nl" tags,
// persons, ...) by the editorial rule (content.UniqueSlug), checking candidates in
// memory: a hundred thousand generated titles collide often, and a round trip per
// candidate would cost more than writing the article.
type slugSet map[string]bool

// unique returns the slug of text in namespace ns, with -2, -3 … appended when taken.
func (s slugSet) unique(ns, text string) string {
	slug, err := content.UniqueSlug(text, "sans-titre", func(cand string) (bool, error) {
		return s[ns+"/"+cand] || scheme.Reserved(nsLang(ns), cand), nil
	})
	if err != nil {
		panic(err) // the generator's titles never run out of suffixes
	}
	s[ns+"/"+slug] = true
	return slug
}

// nsLang is the language of a namespace; people have none, and are checked against
// English words.
func nsLang(ns string) content.Lang {
	if ns == "person" {
		return "en"
	}
	return content.Lang(ns[strings.LastIndexByte(ns, '/')+1:])
}
