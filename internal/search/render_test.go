package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
)

func langs(tags ...string) []content.Lang {
	var out []content.Lang
	for _, t := range tags {
		out = append(out, content.Lang(t))
	}
	return out
}

func TestRender(t *testing.T) {
	tests := []struct{ input, fts5, tsquery string }{
		{"grève", `("grev" OR "greve"*)`, `('grev' | 'greve':*)`},
		{"stakingen ", `("staking" OR "stakingen"*)`, `('staking' | 'stakingen':*)`},
		{"strikes ", `("strik" OR "strike" OR "strikes"*)`, `('strik' | 'strike' | 'strikes':*)`},
		{
			`"droit de grève" -ford fiets`,
			`(("droit" + "de" + "grev" OR "droit"* + "de" + "greve"*) AND ("fiet" OR "fiets"*)) NOT ("ford")`,
			`('droit' <-> 'de' <-> 'grev' | 'droit':* <-> 'de' <-> 'greve':*) & ('fiet' | 'fiets':*) & !('ford')`,
		},
		{"état-major ", `"etat"* + "major"*`, `'etat':* <-> 'major':*`},
		{`") OR 1=1 --`, `"or" + "1" + "1"`, `'or' <-> '1' <-> '1'`},
		{"NEAR(a b)", `"near"* + "a" AND "b"`, `'near':* <-> 'a' & 'b'`},
		{"a:*", `"a"`, `'a'`},
	}
	for _, tt := range tests {
		x := Parse(tt.input).Expand(nil)
		if got := FTS5(x); got != tt.fts5 {
			t.Errorf("FTS5(%q)\n got %s\nwant %s", tt.input, got, tt.fts5)
		}
		if got := TSQuery(x); got != tt.tsquery {
			t.Errorf("TSQuery(%q)\n got %s\nwant %s", tt.input, got, tt.tsquery)
		}
	}
}

// doc is an indexed article as the databases see it: its fields' terms.
type doc struct {
	lang                    content.Lang
	title, standfirst, body string
}

// matches evaluates x on d as FTS5 evaluates FTS5(x) and PostgreSQL
// TSQuery(x): a group is found when one of its alternatives is, a phrase when
// its words follow one another in one field.
func (d doc) matches(x Expanded) bool {
	f := Document(d.lang, d.title, d.standfirst, d.body)
	fields := [][]string{strings.Fields(f.Title), strings.Fields(f.Body)}
	for _, g := range x.Groups {
		found := false
		for _, p := range g.phrases() {
			for _, terms := range fields {
				found = found || phraseIn(p, terms)
			}
		}
		if found == g.Exclude {
			return false
		}
	}
	return true
}

func phraseIn(p []word, terms []string) bool {
	for i := 0; i+len(p) <= len(terms); i++ {
		if coversPhrase(p, asWords(terms[i:i+len(p)])) {
			return true
		}
	}
	return false
}

func asWords(terms []string) []word {
	out := make([]word, len(terms))
	for i, t := range terms {
		out[i] = word{text: t}
	}
	return out
}

// TestRelevance runs readers' queries against a small newsroom: each query
// must find exactly the articles a reader expects.
func TestRelevance(t *testing.T) {
	docs := map[string]doc{
		"greves":    {"fr", "Les grèves continuent", "", "Les syndicats défendent le droit de grève à l’usine de Flins."},
		"greve":     {"fr", "Une greve sans accent", "La grève générale.", "Le droit du travail. Sur l'état-major."},
		"faim":      {"fr", "Grève de la faim", "", "Un militant refuse de manger depuis dix jours."},
		"staking":   {"nl", "Stakingen in de haven", "", "De staking legt de haven van Antwerpen stil. Met de fiets naar het werk."},
		"fietsen":   {"nl", "Nieuwe fietsen", "", "De fietsen van de stad en het fietspad."},
		"strike":    {"en", "Strikes spread", "", "The strike at the plant; workers striking for wages."},
		"oeuvre":    {"en", "Œuvres complètes", "", "The oeuvre of a painter near the harbour."},
		"titlebody": {"fr", "Le droit", "", "de grève"},
	}
	tests := []struct {
		query string
		want  string
	}{
		{"grève ", "faim greve greves titlebody"},
		{"greves", "faim greve greves titlebody"},
		{"GRÈVE", "faim greve greves titlebody"},
		{"grè", "faim greve greves titlebody"},
		{`"droit de grève"`, "greves"}, // not "greve" (droit du travail), not across title and body
		{`« grève de la faim »`, "faim"},
		{"grève -faim ", "greve greves titlebody"},
		{`grève -"droit de grève" `, "faim greve titlebody"},
		{"grève de la faim ", "faim"},
		{"stakingen ", "staking"},
		{"staking ", "staking"},
		{"fiets ", "fietsen staking"},
		{"fietsen ", "fietsen"},
		{"strike ", "strike"},
		{"strikes ", "strike"},
		{"l’usine ", "greves"},
		{"usine ", "greves"},
		{"état-major", "greve"},
		{"etat major", "greve"},
		{"oeuvre ", "oeuvre"},
		{"œuvres ", "oeuvre"},
		{"haven antwerpen ", "staking"},
		{"haven -antwerpen ", ""},
	}
	for _, tt := range tests {
		x := Parse(tt.query).Expand(langs("fr", "nl", "en"))
		var got []string
		for name, d := range docs {
			if d.matches(x) {
				got = append(got, name)
			}
		}
		slices.Sort(got)
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q finds %v, want %s\n%s", tt.query, got, tt.want, FTS5(x))
		}
	}
}

func BenchmarkQuery(b *testing.B) {
	for b.Loop() {
		x := Parse(`"droit de grève" stakingen -ford fiets`).Expand(nil)
		FTS5(x)
		TSQuery(x)
	}
}
