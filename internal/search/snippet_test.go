package search

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// marked writes fragments as text with the matches in brackets.
func marked(fs []Fragment) string {
	var b strings.Builder
	for _, f := range fs {
		if f.Match {
			b.WriteString("[" + f.Text + "]")
		} else {
			b.WriteString(f.Text)
		}
	}
	return b.String()
}

const story = "Le gouvernement a présenté mardi son projet. Les syndicats dénoncent une atteinte au " +
	"droit de grève, qu’ils jugent « fondamental ». À l’usine de Flins, les grévistes ont voté " +
	"la reconduction de la grève jusqu’à vendredi.\n\nUne manifestation est prévue devant le " +
	"ministère, où la grève des transports pourrait s'étendre à d'autres secteurs dans les jours " +
	"qui viennent, selon plusieurs responsables syndicaux interrogés par notre rédaction."

func TestSnippet(t *testing.T) {
	tests := []struct {
		query    string
		maxRunes int
		want     string
	}{
		{"grèves ", 0, "…de [grève], qu’ils jugent « fondamental ». À l’usine de Flins, les grévistes ont voté la " +
			"reconduction de la [grève] jusqu’à vendredi. Une manifestation est prévue devant le ministère, où la [grève]…"},
		{`"droit de grève"`, 0, "…syndicats dénoncent une atteinte au [droit de grève], qu’ils jugent « fondamental ». " +
			"À l’usine de Flins, les grévistes ont voté la reconduction de la grève jusqu’à vendredi. Une manifestation est prévue…"},
		{"usine ", 60, "…fondamental ». À l’[usine] de Flins, les grévistes ont…"},
		{"grève ", 60, "…droit de [grève], qu’ils jugent « fondamental ». À l’usine…"},
		{"ministère ", 60, "…prévue devant le [ministère], où la grève des transports…"},
		{"xyz ", 60, "Le gouvernement a présenté mardi son projet. Les syndicats…"},
		{"rédaction ", 60, "…responsables syndicaux interrogés par notre [rédaction]."},
	}
	for _, tt := range tests {
		got := marked(Snippet("fr", story, Parse(tt.query), tt.maxRunes))
		if got != tt.want {
			t.Errorf("Snippet(%q, %d)\n got %s\nwant %s", tt.query, tt.maxRunes, got, tt.want)
		}
	}
}

func TestSnippetFindsTheBestPassage(t *testing.T) {
	filler := strings.Repeat("Le conseil communal a siégé sans incident. ", 300)
	text := filler + "La grève des éboueurs de Bruxelles entre dans sa deuxième semaine. " + filler +
		"Les éboueurs reprennent." + filler
	got := marked(Snippet("fr", text, Parse("grève éboueurs "), 0))
	if !strings.Contains(got, "[grève] des [éboueurs]") {
		t.Errorf("Snippet missed the passage with both words: %s", got)
	}
}

func TestSnippetSearchesTheOpening(t *testing.T) {
	text := strings.Repeat("Le conseil communal a siégé. ", 5000)
	if got := marked(Snippet("fr", text+"grève", Parse("grève"), 0)); !strings.HasPrefix(got, "Le conseil") || !strings.HasSuffix(got, "…") {
		t.Errorf("Snippet of a 140 KB text = %s, want its opening", got)
	}
	if got := marked(Snippet("fr", strings.Repeat("é", 100_000), Parse("x"), 0)); utf8.RuneCountInString(got) > defaultSnippetRunes || !strings.HasSuffix(got, "é…") {
		t.Errorf("Snippet of one 200 KB word = %s", got)
	}
}

func TestSnippetLength(t *testing.T) {
	long := strings.Repeat("Antidisestablishmentarianism ", 3) + story
	for _, text := range []string{story, long, strings.Repeat("grève", 100)} {
		for _, q := range []string{"grève", "anti", "xyz", `"droit de grève" syndicats`} {
			for maxRunes := -1; maxRunes < 300; maxRunes += 7 {
				fs := Snippet("fr", text, Parse(q), maxRunes)
				n := 0
				for _, f := range fs {
					n += utf8.RuneCountInString(f.Text)
				}
				if limit := max(maxRunes, minSnippetRunes); maxRunes > 0 && n > limit || n > defaultSnippetRunes && maxRunes <= 0 {
					t.Errorf("Snippet(%q, %d) is %d runes long: %s", q, maxRunes, n, marked(fs))
				}
			}
		}
	}
}

func TestSnippetOtherLanguages(t *testing.T) {
	tests := []struct{ lang, text, query, want string }{
		{"nl", "De stakingen in de haven gaan door.", "staking ", "De [stakingen] in de haven gaan door."},
		{"nl", "Met de fietsen naar het werk.", "fiets", "Met de [fietsen] naar het werk."},
		{"en", "Workers are striking for wages.", "strikes ", "Workers are [striking] for wages."},
		{"de", "Die Straße ist gesperrt.", "strasse ", "Die [Straße] ist gesperrt."},
	}
	for _, tt := range tests {
		got := marked(Snippet(langs(tt.lang)[0], tt.text, Parse(tt.query), 0))
		if got != tt.want {
			t.Errorf("Snippet(%s, %q) = %s, want %s", tt.lang, tt.query, got, tt.want)
		}
	}
}

func TestInitials(t *testing.T) {
	words := article() + " Œuvres ÆSOP Ørsted Ĳssel İstanbul dying lying skis Yvette yeux ÿ ĳs " + story
	for _, lang := range langs("fr", "nl", "en", "de") {
		checkInitials(t, lang, words)
	}
}

func TestSnippetEmpty(t *testing.T) {
	for _, text := range []string{"", "  \n", "?! — …"} {
		if fs := Snippet("fr", text, Parse("grève"), 0); fs != nil {
			t.Errorf("Snippet(%q) = %v, want nil", text, fs)
		}
	}
	if got := marked(Snippet("fr", story, Parse(""), 0)); !strings.HasPrefix(got, "Le gouvernement") {
		t.Errorf("Snippet with an empty query = %s, want the opening", got)
	}
}

func BenchmarkSnippet(b *testing.B) {
	text := article()
	q := Parse(`"droit de grève" stakingen`)
	for b.Loop() {
		Snippet("fr", text, q, 0)
	}
}

func TestHighlight(t *testing.T) {
	title := "Préavis de grève chez Colis Rapide\u202f: «\u202fOn nous a promis des négociations, on a eu du mépris, du mépris et encore du mépris, voilà ce que disent les grévistes\u202f»"
	got := Highlight("fr", title, Parse("greves mépris"))
	var whole strings.Builder
	var marked []string
	for _, f := range got {
		whole.WriteString(f.Text)
		if f.Match {
			marked = append(marked, f.Text)
		}
	}
	if whole.String() != title {
		t.Errorf("the title is not kept whole, typography included:\n got %q\nwant %q", whole.String(), title)
	}
	if want := []string{"grève", "mépris", "mépris", "mépris"}; !slices.Equal(marked, want) {
		t.Errorf("marked %q, want %q", marked, want)
	}
	if got := Highlight("fr", "Rien à voir", Parse("grève")); len(got) != 1 || got[0].Match || got[0].Text != "Rien à voir" {
		t.Errorf("no match: %+v", got)
	}
	if got := Highlight("fr", "", Parse("grève")); len(got) != 0 {
		t.Errorf("empty title: %+v", got)
	}
}
