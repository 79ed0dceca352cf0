package pictures

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	l := newLettering()
	for _, tc := range []struct{ in, want string }{
		{"  Pas de   réforme\n sans nous ! ", "Pas de réforme sans nous !"},
		{"Re\u0301forme", "Réforme"},     // composed: the font has é, not the combining accent
		{"a\u0000b\u200bc 🚩 d", "abc d"}, // controls, format characters and emoji left out
		{"\u202e\u0001 🚩", ""},           // nothing drawable
		{"Handen af", "Handen af"},
	} {
		if got := l.clean(tc.in, false); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := l.clean("égalité", true); got != "ÉGALITÉ" {
		t.Errorf("clean in capitals = %q", got)
	}
	if got := utf8.RuneCountInString(l.clean(strings.Repeat("ab ", 1000), false)); got > maxTextRunes {
		t.Errorf("clean kept %d runes of a long text", got)
	}
}

func TestGlue(t *testing.T) {
	got := glue(strings.Fields("« Pas de réforme » sans nous ! Vraiment ?"))
	want := []string{"«\u00a0Pas", "de", "réforme\u00a0»", "sans", "nous\u00a0!", "Vraiment\u00a0?"}
	if !slices.Equal(got, want) {
		t.Errorf("glue = %q, want %q", got, want)
	}
}

// TestFit: lines are no wider than the box, as many as it holds, and a word longer
// than any line is broken rather than left to overflow.
func TestFit(t *testing.T) {
	l := newLettering()
	for _, tc := range []struct {
		text     string
		w, h     float64
		maxLines int
	}{
		{"Pas de réforme sans nous !", 400, 240, 4},
		{"Handen af van ons pensioen", 900, 120, 2},
		{"Arbeidsongeschiktheidsverzekeringsmaatschappijen", 120, 60, 3},
		{"Égalité salariale, maintenant ! Les femmes méritent mieux", 300, 300, 4},
	} {
		b := l.fit(l.clean(tc.text, false), tc.w, tc.h, tc.maxLines)
		if len(b.lines) == 0 {
			t.Errorf("%q in %v×%v: nothing fits", tc.text, tc.w, tc.h)
			continue
		}
		for _, line := range b.lines {
			if w := l.width(line) * b.size; w > tc.w+0.5 {
				t.Errorf("%q in %v×%v: line %q is %.0f wide", tc.text, tc.w, tc.h, line, w)
			}
		}
		if h := l.height(len(b.lines)) * b.size; h > tc.h+0.5 {
			t.Errorf("%q in %v×%v: %d lines are %.0f tall", tc.text, tc.w, tc.h, len(b.lines), h)
		}
	}
	if b := l.fit("", 100, 100, 3); len(b.lines) != 0 {
		t.Errorf("empty text laid out as %q", b.lines)
	}
}
