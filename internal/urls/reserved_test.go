package urls_test

import (
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/urls"
)

func TestReserved(t *testing.T) {
	s := urls.New()
	everywhere := []string{"page", "preview", "dossier", "dossiers", "static", "media", "newsroom"}
	for _, tc := range []struct {
		lang     content.Lang
		reserved []string
		free     []string
	}{
		{"fr", []string{"article", "rubrique", "sujet", "auteur", "recherche"},
			[]string{"a-propos", "artikel", "rubriek", "zoeken", "section", "tag", "author", "search", "print", "mastodon", "pages"}},
		{"nl", []string{"artikel", "rubriek", "trefwoord", "auteur", "zoeken"},
			[]string{"over-ons", "article", "rubrique", "sujet", "recherche", "section", "tag", "search"}},
		{"en", []string{"article", "section", "tag", "author", "search"},
			[]string{"about-us", "rubrique", "artikel", "auteur", "zoeken", "recherche"}},
		{"fr-BE", []string{"article", "rubrique", "sujet", "auteur", "recherche"}, []string{"section", "zoeken"}},
		{"de", []string{"article", "section", "tag", "author", "search"}, []string{"rubrique", "artikel", "impressum"}},
	} {
		for _, slug := range append(tc.reserved, everywhere...) {
			if !s.Reserved(tc.lang, slug) {
				t.Errorf("Reserved(%s, %q) = false", tc.lang, slug)
			}
		}
		for _, slug := range tc.free {
			if s.Reserved(tc.lang, slug) {
				t.Errorf("Reserved(%s, %q) = true", tc.lang, slug)
			}
		}
	}
}

// TestReservedFollowsTheTable: a standing page at /{lang}/{slug} can never take the
// place of a path of the scheme, whatever kinds are added: every word that means
// something right after a language is reserved.
func TestReservedFollowsTheTable(t *testing.T) {
	s := urls.New()
	for _, lang := range testLangs {
		for _, k := range urls.Kinds() {
			w := s.Word(lang, k)
			if w == "" {
				continue
			}
			prefix := "/" + string(lang) + "/" + w
			used := false
			for _, path := range []string{prefix, prefix + "/", prefix + "/x", prefix + "/page/2"} {
				used = used || s.Parse(path).Status != urls.NotFound
			}
			if used && !s.Reserved(lang, w) {
				t.Errorf("%s: %q, the word of %s, leads somewhere but is not reserved", lang, w, k)
			}
		}
	}
}
