package site

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A summary never doubles punctuation, never leaves a space before its ellipsis, and
// keeps the narrow no-break spaces of French typography.
func TestSummary(t *testing.T) {
	long := strings.Repeat("mot ", 30) // 120 characters, no sentence
	for _, c := range []struct {
		name, in string
		max      int
		want     string
	}{
		{"short text whole", "<p>Notre campagne.</p>", 40, "Notre campagne."},
		{"blocks joined", "<p>Un.</p><ul><li>deux</li></ul>", 40, "Un. deux"},
		{"cut at a word", "<p>La grève a commencé à l’aube devant l’usine</p>", 30, "La grève a commencé à l’aube…"},
		{"cut between two words keeps the last", "<p>un deux trois quatre</p>", 8, "un deux…"},
		{"a sentence end in the second half is the end", "<p>Le bilan est accablant. Les syndicats demandent</p>", 34, "Le bilan est accablant."},
		{"no ellipsis after a full stop", "<p>Court. Le bilan est accablant. Les syndicats</p>", 32, "Court. Le bilan est accablant."},
		{"no ellipsis after a question", "<p>Qui paiera\u202f? La question reste posée</p>", 14, "Qui paiera\u202f?"},
		{"a closing guillemet ends the sentence", "<p>Il dit\u202f: «\u202fNon.\u202f» Puis il part loin</p>", 25, "Il dit\u202f: «\u202fNon.\u202f»"},
		{"no colon before the ellipsis", "<p>La réforme touche les métiers\u202f: pénibles et usants</p>", 33, "La réforme touche les métiers…"},
		{"no comma before the ellipsis", "<p>Travailler plus, gagner moins, partir plus tard</p>", 33, "Travailler plus, gagner moins…"},
		{"no opening guillemet before the ellipsis", "<p>Elle a dit tout simplement «\u202fnon\u202f» hier</p>", 30, "Elle a dit tout simplement…"},
		{"narrow spaces survive", "<p>moins\u202f: la réforme</p>", 40, "moins\u202f: la réforme"},
		{"footnote markers left out", `<p>Des salaires<sup id="r1"><a href="#f1">1</a></sup>.</p>`, 40, "Des salaires."},
		{"long text without a sentence", "<p>" + long + "</p>", 50, strings.TrimSpace(long[:48]) + "…"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := summary(c.in, c.max)
			if got != c.want {
				t.Errorf("summary(%q, %d)\n got %q\nwant %q", c.in, c.max, got, c.want)
			}
			if n := utf8.RuneCountInString(strings.TrimSuffix(got, "…")); n > c.max {
				t.Errorf("%d characters, more than %d", n, c.max)
			}
			for _, bad := range []string{".…", "?…", "!…", " …", "\u202f…", ",…", ":…"} {
				if strings.Contains(got, bad) {
					t.Errorf("%q contains %q", got, bad)
				}
			}
		})
	}
}
