package search

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/french"
)

// accentPairs are words as written and as typed without accents, in each language,
// many of them with the accent in the ending the stemmer removes.
var accentPairs = []struct {
	lang              string
	written, unmarked string
}{
	{"fr", "supprimées", "supprimees"},
	{"fr", "supprimé", "supprime"},
	{"fr", "solidarité", "solidarite"},
	{"fr", "austérité", "austerite"},
	{"fr", "mémoire", "memoire"},
	{"fr", "ouvrière", "ouvriere"},
	{"fr", "ouvrières", "ouvrieres"},
	{"fr", "grève", "greve"},
	{"fr", "grèves", "greves"},
	{"fr", "européenne", "europeenne"},
	{"fr", "créées", "creees"},
	{"fr", "sécurité", "securite"},
	{"fr", "procès", "proces"},
	{"fr", "entièrement", "entierement"},
	{"fr", "libérez", "liberez"},
	{"fr", "créant", "creant"},
	{"fr", "ambiguë", "ambigue"},
	{"fr", "œuvrées", "oeuvrees"},
	{"nl", "scène", "scene"},
	{"nl", "financiële", "financiele"},
	{"nl", "coöperaties", "cooperaties"},
	{"nl", "geïnteresseerd", "geinteresseerd"},
	{"nl", "ideeën", "ideeen"},
	{"nl", "crèches", "creches"},
	{"en", "rôles", "roles"},
	{"en", "élites", "elites"},
	{"en", "cafés", "cafes"},
	{"en", "protégés", "proteges"},
	{"en", "naïvely", "naively"},
}

// A word typed without its accents searches exactly what the accented word searches,
// and each finds an article that writes the word either way.
func TestAccentsDoNotMatter(t *testing.T) {
	for _, p := range accentPairs {
		for _, ls := range [][]string{nil, {p.lang}} {
			written, unmarked := Parse(p.written+" ").Expand(langs(ls...)), Parse(p.unmarked+" ").Expand(langs(ls...))
			if a, b := FTS5(written), FTS5(unmarked); a != b {
				t.Errorf("%s in %v: %q searches %s, %q %s", p.lang, ls, p.written, a, p.unmarked, b)
			}
			if a, b := TSQuery(written), TSQuery(unmarked); a != b {
				t.Errorf("%s in %v: %q searches %s, %q %s", p.lang, ls, p.written, a, p.unmarked, b)
			}
			for _, text := range []string{p.written, p.unmarked} {
				term := Terms(langs(p.lang)[0], text)[0]
				if !unmarked.Groups[0].Terms[0].matches(term) {
					t.Errorf("%s in %v: %q does not find %q, indexed as %q (%s)", p.lang, ls, p.unmarked, text, term, FTS5(unmarked))
				}
			}
		}
	}
}

// Dutch and English are folded before they are stemmed: both spellings are one term.
func TestAccentsFoldedBeforeStemming(t *testing.T) {
	for _, p := range accentPairs {
		if p.lang == "fr" {
			continue
		}
		a, b := Terms(langs(p.lang)[0], p.written), Terms(langs(p.lang)[0], p.unmarked)
		if !slices.Equal(a, b) {
			t.Errorf("%s: %q is indexed as %q, %q as %q", p.lang, p.written, a, p.unmarked, b)
		}
	}
}

// Folding keeps stemming: every form of a word, typed with or without accents, finds
// every other as written, and a word does not find its neighbours. (A text written
// without accents is found by the word as typed either way, not by all its forms: a
// French stem is made from what was written.)
func TestAccentsKeepStemming(t *testing.T) {
	families := []struct {
		lang  string
		forms []string
	}{
		{"fr", []string{"grève", "grèves", "greve", "greves", "GRÈVES"}},
		{"fr", []string{"supprimé", "supprimée", "supprimées", "supprimés", "supprimer", "supprimes", "supprime"}},
		{"fr", []string{"ouvrier", "ouvriers", "ouvrière", "ouvrières", "ouvriere", "ouvrieres"}},
		{"fr", []string{"solidarité", "solidarités", "solidarite"}},
		{"nl", []string{"staking", "stakingen"}},
		{"nl", []string{"financiële", "financiele"}},
		{"en", []string{"strike", "strikes", "striking"}},
		{"en", []string{"rôle", "rôles", "role", "roles"}},
	}
	for _, f := range families {
		lang := langs(f.lang)[0]
		for _, typed := range f.forms {
			term := Parse(typed + " ").Expand(nil).Groups[0].Terms[0]
			for _, written := range f.forms {
				if indexed := Terms(lang, written)[0]; !term.matches(indexed) {
					t.Errorf("%s: %q does not find %q, indexed as %q", f.lang, typed, written, indexed)
				}
			}
		}
	}
	// Restored endings do not reach other words: "grève" is not "grevé" (burdened).
	term := Parse("greve ").Expand(langs("fr")).Groups[0].Terms[0]
	for _, other := range []string{"gravé", "grive", "grue"} {
		if indexed := Terms("fr", other)[0]; term.matches(indexed) {
			t.Errorf("greve finds %q, indexed as %q", other, indexed)
		}
	}
}

// Every accented ending of the French stemmer's tables is restored: a word typed
// without it is also stemmed with it.
func TestFrenchEndingsCoverTheStemmer(t *testing.T) {
	tables := [][]*snowballstem.Among{french.A_0, french.A_1, french.A_2, french.A_3, french.A_4,
		french.A_5, french.A_6, french.A_7, french.A_8}
	for _, table := range tables {
		for _, a := range table {
			// Upper-case I, U and Y are the stemmer's marks for those letters used as consonants.
			ending := strings.ToLower(a.Str)
			if fold(ending) == ending {
				continue
			}
			if !slices.ContainsFunc(frenchEndings, func(e struct{ typed, written string }) bool {
				return strings.Contains(e.written, ending) && fold(e.written) == e.typed
			}) {
				t.Errorf("the French stemmer reads the ending %q, which no entry of frenchEndings restores", a.Str)
			}
		}
	}
	for _, e := range frenchEndings {
		if fold(e.written) != e.typed || utf8.RuneCountInString(e.written) != len(e.typed) {
			t.Errorf("ending %q is not %q with accents", e.written, e.typed)
		}
	}
}

// A phrase of words that each stand for several spellings is bounded.
func TestPhraseSpellingsBounded(t *testing.T) {
	q := Parse(`"` + strings.Repeat("ouvrieres supprimees ", 10) + `"`)
	x := q.Expand(nil)
	perLanguage := 0
	for i := range x.Groups[0].Terms[0].Forms {
		perLanguage = max(perLanguage, len(x.Groups[0].spellings(i)))
	}
	if perLanguage > maxPhraseSpellings {
		t.Errorf("a phrase has %d spellings in one language, want at most %d", perLanguage, maxPhraseSpellings)
	}
	if f, ts := FTS5(x), TSQuery(x); len(f) > maxRendered || len(ts) > maxRendered {
		t.Errorf("a phrase of 20 ambiguous words renders %d and %d bytes", len(f), len(ts))
	}
	// A short one has every combination: here, each word's two French terms.
	x = Parse(`"ouvrieres supprimees"`).Expand(langs("fr"))
	if got := FTS5(x); !strings.Contains(got, `"ouvri" + "supprim"`) || !strings.Contains(got, `"ouvrier" + "supprime"`) {
		t.Errorf(`"ouvrieres supprimees" renders %s`, got)
	}
}

// The words a query typed without accents finds are marked in the text as written.
func TestHighlightWithoutAccents(t *testing.T) {
	title := "Transports publics\u202f: 10 lignes supprimées à Seraing"
	got := marked(Highlight("fr", title, Parse("transports publics : 10 lignes supprimees a seraing")))
	if want := "[Transports publics]\u202f: [10 lignes supprimées] à [Seraing]"; got != want {
		t.Errorf("Highlight = %q, want %q", got, want)
	}
	got = marked(Snippet("fr", "Les ouvrières de l’usine dénoncent l’austérité.", Parse("ouvrieres austerite"), 0))
	if want := "Les [ouvrières] de l’usine dénoncent l’[austérité]."; got != want {
		t.Errorf("Snippet = %q, want %q", got, want)
	}
}
