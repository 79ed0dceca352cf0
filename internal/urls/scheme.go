package urls

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/roneo/roneo/internal/content"
)

// Scheme builds and parses public paths. It is immutable after New and safe for
// concurrent use.
type Scheme struct {
	vocabs map[string]*vocab // by base language; "en" serves the others
	top    map[string]Kind   // first segments outside the languages: "media", "static"
	files  map[string]Kind   // files at the root, by word: "sitemap" of /sitemap.xml
}

// vocab is what the words after a language mean in that language.
type vocab struct {
	lead     map[string]Kind          // the segment after the language: items, indexes, the home page's files
	subs     map[Kind]map[string]Kind // the segment after an item's path: "print", "photo"
	files    map[Kind]map[string]Kind // a page's files by parent and word: "feed" of feed.atom
	reserved map[string]bool          // slugs a standing page may not take
}

// New returns the scheme. It panics if the table of kinds is inconsistent (two kinds
// sharing a word in one place), which any test catches.
func New() *Scheme {
	s := &Scheme{vocabs: map[string]*vocab{}, top: map[string]Kind{}, files: map[string]Kind{}}
	for _, base := range tableLangs() {
		s.vocabs[base] = newVocab(base)
	}
	for _, k := range Kinds() {
		switch sp := k.spec(); {
		case sp.shape == top:
			claim(s.top, sp.word("en"), k, "")
		case sp.shape == file && sp.parent == Root:
			claim(s.files, sp.word("en"), k, "")
		}
	}
	return s
}

// tableLangs are the base languages that have words of their own, and "en".
func tableLangs() []string {
	set := map[string]bool{"en": true}
	for _, sp := range specs {
		for base := range sp.words {
			set[base] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

func newVocab(base string) *vocab {
	v := &vocab{lead: map[string]Kind{}, subs: map[Kind]map[string]Kind{}, files: map[Kind]map[string]Kind{}, reserved: map[string]bool{}}
	for _, k := range Kinds() {
		sp := k.spec()
		switch {
		case sp.shape == file && sp.parent != Root:
			if v.files[sp.parent] == nil {
				v.files[sp.parent] = map[string]Kind{}
			}
			claim(v.files[sp.parent], sp.word(base), k, base)
		case sp.shape == index, sp.shape == item, sp.shape == sub && sp.parent == Home:
			claim(v.lead, sp.word(base), k, base)
		case sp.shape == sub, sp.shape == nth:
			if v.subs[sp.parent] == nil {
				v.subs[sp.parent] = map[string]Kind{}
			}
			claim(v.subs[sp.parent], sp.word(base), k, base)
		}
	}
	v.fillReserved()
	return v
}

// claim gives word to k, refusing words that would make a path mean two things.
func claim(m map[string]Kind, word string, k Kind, base string) {
	if word == "" || word == pageWord || strings.ContainsAny(word, "/%?#.") || strings.Trim(word, "0123456789") == "" {
		panic(fmt.Sprintf("urls: %s has word %q in %q", k, word, base))
	}
	if other, ok := m[word]; ok {
		panic(fmt.Sprintf("urls: %s and %s share the word %q in %q", other, k, word, base))
	}
	m[word] = k
}

// fillReserved keeps for the scheme every word that may follow a language, the page
// word and the first segments outside the languages.
func (v *vocab) fillReserved() {
	for w := range v.lead {
		v.reserved[w] = true
	}
	v.reserved[pageWord] = true
	for _, k := range Kinds() {
		if sp := k.spec(); sp.shape == top {
			v.reserved[sp.word("en")] = true
		}
	}
	for _, w := range reservedEverywhere {
		v.reserved[w] = true
	}
}

func (s *Scheme) vocab(lang content.Lang) *vocab {
	if v, ok := s.vocabs[lang.Base()]; ok {
		return v
	}
	return s.vocabs["en"]
}

// Word is the segment that names kind k in lang ("rubrique" for a French section);
// "" for the kinds without one (Root, Home).
func (s *Scheme) Word(lang content.Lang, k Kind) string {
	return k.spec().word(lang.Base())
}

// Reserved reports whether a standing page in lang may not take slug, because the
// scheme uses that word right after the language (/fr/rubrique/…, /fr/page/2) or keeps
// it everywhere (static, media, newsroom). A word of another language is free: "zoeken"
// is a fine French slug.
func (s *Scheme) Reserved(lang content.Lang, slug string) bool {
	return s.vocab(lang).reserved[slug]
}
