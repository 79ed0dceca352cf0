package card

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/math/fixed"
)

func testFace(t *testing.T, size float64) *face {
	t.Helper()
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	return newFace(r.bold, size, 0)
}

func TestClean(t *testing.T) {
	f := testFace(t, 64)
	for _, c := range []struct{ in, want string }{
		{"  Grève\t\tgénérale\n", "Grève générale"},
		{"Cafe\u0301", "Café"},                                             // composed: the fonts have no combining accent
		{"Quoi\u202f? «\u202fOui\u202f»", "Quoi\u00a0? «\u00a0Oui\u00a0»"}, // narrow no-break spaces the fonts lack
		{"a\x00b\u200bc\u00add\u202ee", "abcde"},
		{"Hong Kong 香港 : ok ✊🏽", "Hong Kong : ok"},
		{"\xffbad\xc3", "bad"},
	} {
		if got := clean(c.in, 300, f); got != c.want {
			t.Errorf("clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := clean(strings.Repeat("ab", 10), 5, f); got != "ababa…" {
		t.Errorf("clean cut at 5 runes = %q", got)
	}
}

func TestWords(t *testing.T) {
	const fr = "Pistes cyclables : la mairie « recule » ! Et ?! vraiment"
	for _, c := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", fr, []string{"Pistes", "cyclables\u00a0:", "la", "mairie", "«\u00a0recule\u00a0»\u00a0!", "Et\u00a0?!", "vraiment"}},
		{"fr-BE", "« Non »", []string{"«\u00a0Non\u00a0»"}},
		{"en", "Strike ! now", []string{"Strike", "!", "now"}},
		{"fy", "Strike ! now", []string{"Strike", "!", "now"}},
		{"fr", "", nil},
	} {
		if got := words(c.text, c.lang); !slices.Equal(got, c.want) {
			t.Errorf("words(%q, %q) = %q, want %q", c.text, c.lang, got, c.want)
		}
	}
}

func TestWrap(t *testing.T) {
	f := testFace(t, 64)
	max := fixed.I(textWidth)
	long := strings.Repeat("x", 200)
	lines, broken := wrap(f, []string{"Un", long, "fin"}, max)
	if !broken || len(lines) < 3 || lines[0] != "Un" || !strings.HasSuffix(lines[len(lines)-1], " fin") {
		t.Errorf("a long word broke into %q", lines)
	}
	if got := strings.Join(lines[1:], ""); got != long+" fin" {
		t.Errorf("breaking a word lost characters: %q", got)
	}
	for _, l := range lines {
		if f.width(l) > max {
			t.Errorf("line %q is wider than %d px", l, textWidth)
		}
	}
}

func TestEllipsize(t *testing.T) {
	f := testFace(t, 44)
	max := fixed.I(textWidth)
	for _, c := range []struct{ in, want string }{
		{"court", "court…"},
		{"fin de phrase,", "fin de phrase…"},
		{"« Non", "« Non…"},
	} {
		if got := ellipsize(f, c.in, max); got != c.want {
			t.Errorf("ellipsize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Too long: it keeps as many whole words as fit with the ellipsis.
	got := ellipsize(f, strings.Repeat("mot ", 40), max)
	kept := strings.TrimSuffix(got, "…")
	if f.width(got) > max || f.width(kept+" mot…") <= max || strings.Trim(strings.ReplaceAll(kept, "mot", ""), " ") != "" {
		t.Errorf("ellipsize of 40 words = %q (%d px)", got, f.width(got).Ceil())
	}
	if got := ellipsize(f, strings.Repeat("m", 100), max); !strings.HasSuffix(got, "m…") || f.width(got) > max {
		t.Errorf("ellipsize of one long word = %q", got)
	}
}
