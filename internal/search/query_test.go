package search

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	tests := []struct{ input, want string }{
		{"grève", "grève*"}, // still being typed
		{"grève ", "grève"},
		{`"droit de grève" -ford fiets`, `"droit de grève" -ford fiets*`},
		{"« droit de grève »", `"droit de grève"`},
		{"“droit de grève” ", `"droit de grève"`},
		{`„droit de grève“`, `"droit de grève"`},
		{`-"a phrase" x `, `-"a phrase" x`},
		{`"droit de grè`, `"droit de grè*"`}, // an open quote closes at the end
		{`"droit de grève `, `"droit de grève"`},
		{"grève de la faim ", "grève faim"}, // stop words ignored outside phrases
		{"the ", "the"},                     // unless nothing else is left
		{"the -strike ", "the -strike"},
		{"état-major ", `"état major"`}, // a hyphenated word is a phrase
		{"l’usine ", "usine"},
		{"GRÈVE Grève grève ", "grève"},
		{"- grève -", "grève"}, // lone minus signs
		{`grève"droit de"`, `grève "droit de"`},
		{`") OR 1=1 --`, `"or 1 1"`},
		{"NEAR(a b)", `"near a" b`},
		{"a:*", "a"},
		{"'; DROP TABLE articles; --", "drop table articles"},
		{`title:grève ^x (a OR b) AND c|d&e!f<g>h`, `"title grève" x or b "c d e f g h*"`},
		{"😀 grève 😀", "grève"},
		{"إضراب عام", "إضراب عام*"},
		{"\xff\xfegrève\xff", "grève"},
	}
	for _, tt := range tests {
		if got := Parse(tt.input).String(); got != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.input, got, tt.want)
		}
	}
}

func TestParseEmpty(t *testing.T) {
	for _, input := range []string{"", "   ", `"`, `""`, "« »", "!&|", "-", "--", "-grève", `-"droit de grève"`, "😀", "*:^()"} {
		q := Parse(input)
		if !q.Empty() {
			t.Errorf("Parse(%q) = %s, want an empty query", input, q)
		}
		x := q.Expand(nil)
		if !x.Empty() || FTS5(x) != "" || TSQuery(x) != "" {
			t.Errorf("Parse(%q) renders %q and %q, want empty", input, FTS5(x), TSQuery(x))
		}
	}
}

func TestParseHugeQuery(t *testing.T) {
	inputs := []string{
		strings.Repeat("grève ", 2000),
		strings.Repeat(`"a `, 5000),
		strings.Repeat("é", 10000),
		strings.Repeat("-(", 5000),
		strings.Repeat("grève", 2000),
	}
	for _, input := range inputs {
		start := time.Now()
		q := Parse(input)
		x := q.Expand(nil)
		f, ts := FTS5(x), TSQuery(x)
		if d := time.Since(start); d > 50*time.Millisecond {
			t.Errorf("Parse of %d bytes took %v", len(input), d)
		}
		words := 0
		for _, c := range q.Clauses {
			words += len(c.Words)
		}
		if words > maxQueryTerms || len(f) > maxRendered || len(ts) > maxRendered {
			t.Errorf("Parse of %d bytes: %d words, %d and %d bytes rendered", len(input), words, len(f), len(ts))
		}
	}
}

func TestExpandLanguages(t *testing.T) {
	q := Parse("stakingen ")
	tests := []struct {
		langs []string
		want  string
	}{
		{nil, `("staking" OR "stakingen"*)`},
		{[]string{"nl-BE", "nl"}, `("staking" OR "stakingen"*)`},
		{[]string{"fr"}, `"stakingen"*`},
		{[]string{"de"}, `"stakingen"*`},
	}
	for _, tt := range tests {
		x := q.Expand(langs(tt.langs...))
		if got := FTS5(x); got != tt.want {
			t.Errorf("Expand(%v) renders %s, want %s", tt.langs, got, tt.want)
		}
		if n := len(x.Groups[0].Terms[0].Forms); n != max(len(tt.langs)-1, 1) && tt.langs != nil {
			t.Errorf("Expand(%v) has %d forms", tt.langs, n)
		}
	}
}

func TestPrefixLengths(t *testing.T) {
	tests := []struct{ input, want string }{
		{"gr", `"gr"`},                     // too short to be a prefix even while typing
		{"grè", `"gre"*`},                  // typing: a prefix from three letters
		{"vel ", `"vel"`},                  // a complete word: from four letters
		{"2024 ", `"2024"`},                // numbers are never prefixes once typed
		{"-fiets ", `("fiet" OR "fiets")`}, // nor excluded words: "fiets" still excludes "fietsen"
	}
	for _, tt := range tests {
		x := Parse(tt.input).Expand(nil)
		x.Groups[0].Exclude = false // render the excluded word alone
		if got := FTS5(x); got != tt.want {
			t.Errorf("%q renders %s, want %s", tt.input, got, tt.want)
		}
	}
}

// maxRendered bounds a rendered query: 20 words of at most 64 letters, each
// in at most five forms.
const maxRendered = 32 << 10

func TestClip(t *testing.T) {
	s := strings.Repeat("é", 600)
	if got := utf8.RuneCountInString(clip(s, maxQueryRunes)); got != maxQueryRunes {
		t.Errorf("clip kept %d runes", got)
	}
	if clip("abc", 5) != "abc" {
		t.Error("clip changed a short string")
	}
}
