package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/content"
)

var hostileQueries = []string{
	"", " ", `"`, `""`, `"""`, "«", "»«", `") OR 1=1 --`, "'; DROP TABLE articles; --", `NEAR(a b, 2)`,
	"a:*", "!&|", "title:grève", "^grève", "grève*", `"a" + "b"`, "a <-> b", "a & !b | c", `\'\\`,
	"-", "--grève", `-"`, "«droit de grève", "l'", "l’usine", "😀🇧🇪", "إضراب عام", "\u202egrève\u202c",
	"\xff\xfe", "gre\u0300ve", "x\u0301", strings.Repeat("grève ", 100), strings.Repeat("é", 3000),
}

// checkQuoted checks that s consists of operators and quoted terms, the terms
// made of letters and digits only, and that its parentheses balance. It
// returns s with each term replaced by T.
func checkQuoted(s string, quote byte, operators ...string) error {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != quote {
			b.WriteByte(s[i])
			continue
		}
		end := strings.IndexByte(s[i+1:], quote)
		if end <= 0 {
			return fmt.Errorf("empty or unterminated term at %d", i)
		}
		for _, r := range s[i+1 : i+1+end] {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return fmt.Errorf("term %q holds %q", s[i+1:i+1+end], r)
			}
		}
		b.WriteByte('T')
		i += end + 1
	}
	rest, depth := b.String(), 0
	for _, r := range rest {
		depth += map[rune]int{'(': 1, ')': -1}[r]
		if depth < 0 {
			return fmt.Errorf("unbalanced parentheses")
		}
	}
	if depth != 0 {
		return fmt.Errorf("unbalanced parentheses")
	}
	pairs := []string{"(", "", ")", "", " ", "", "T", ""}
	for _, op := range operators {
		pairs = append(pairs, op, "")
	}
	if left := strings.NewReplacer(pairs...).Replace(rest); left != "" {
		return fmt.Errorf("stray characters %q in %q", left, rest)
	}
	return nil
}

func FuzzParse(f *testing.F) {
	for _, q := range hostileQueries {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, input string) {
		q := Parse(input)
		words := 0
		for _, c := range q.Clauses {
			for _, w := range c.Words {
				words++
				if w == "" || strings.IndexFunc(w, func(r rune) bool { return !isWordRune(r) }) >= 0 {
					t.Fatalf("Parse(%q) has the word %q", input, w)
				}
			}
		}
		if words > maxQueryTerms {
			t.Fatalf("Parse(%q) has %d words", input, words)
		}
		for _, ls := range [][]string{nil, {"fr"}, {"nl-BE", "en", "de"}} {
			x := q.Expand(langs(ls...))
			fts, ts := FTS5(x), TSQuery(x)
			if (fts == "") != x.Empty() || (ts == "") != x.Empty() {
				t.Fatalf("Parse(%q): empty is %v, renderings %q, %q", input, x.Empty(), fts, ts)
			}
			if len(fts) > maxRendered || len(ts) > maxRendered {
				t.Fatalf("Parse(%q) renders %d and %d bytes", input, len(fts), len(ts))
			}
			if err := checkQuoted(fts, '"', "*", "+", "AND", "OR", "NOT"); err != nil {
				t.Fatalf("FTS5(%q) = %s: %v", input, fts, err)
			}
			if err := checkQuoted(ts, '\'', ":*", "<->", "&", "|", "!"); err != nil {
				t.Fatalf("TSQuery(%q) = %s: %v", input, ts, err)
			}
		}
	})
}

func FuzzTerms(f *testing.F) {
	for _, q := range hostileQueries {
		f.Add(uint8(0), q)
	}
	f.Add(uint8(1), article())
	f.Fuzz(func(t *testing.T, lang uint8, text string) {
		l := langs("fr", "nl", "en", "de")[lang%4]
		checkInitials(t, l, text)
		for _, term := range Terms(l, text) {
			if term == "" || utf8.RuneCountInString(term) > maxTermRunes {
				t.Fatalf("Terms(%s, %q) has the term %q", l, text, term)
			}
			for _, r := range term {
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) || unicode.ToLower(r) != r {
					t.Fatalf("Terms(%s, %q) has the term %q", l, text, term)
				}
			}
		}
	})
}

// checkInitials checks what Snippet relies on to skip words: a word's index
// term begins with the letter initial predicts.
func checkInitials(t *testing.T, lang content.Lang, text string) {
	st := newStemmer(analyzerFor(lang), len(text))
	sc := scanner{text: text}
	for sc.next() {
		want := initial(sc.word)
		if term := st.term(&sc); want >= 0 && !strings.HasPrefix(term, string(want)) {
			t.Fatalf("%s: the term of %q is %q, which does not begin with %q", lang, sc.word, term, want)
		}
	}
}

func FuzzSnippet(f *testing.F) {
	for _, q := range hostileQueries {
		f.Add(story, q, 60)
		f.Add(q, "grève", 0)
	}
	f.Fuzz(func(t *testing.T, text, query string, maxRunes int) {
		fs := Snippet("fr", text, Parse(query), maxRunes)
		n := 0
		for _, fr := range fs {
			n += utf8.RuneCountInString(fr.Text)
			if fr.Match && strings.IndexFunc(fr.Text, isWordRune) < 0 {
				t.Fatalf("Snippet(%q, %q) marks %q", text, query, fr.Text)
			}
		}
		limit := defaultSnippetRunes
		if maxRunes > 0 {
			limit = max(maxRunes, minSnippetRunes)
		}
		if n > limit {
			t.Fatalf("Snippet(%q, %q, %d) is %d runes long", text, query, maxRunes, n)
		}
	})
}

// FuzzAccents checks that a query typed without accents searches what the accented
// query searches: the same words, the same Dutch and English terms, and French terms
// that the accented query has too (it may have one more, when the stemmer reads an
// accent that no ending restores). Inputs whose folding changes how they split into
// words are not what this is about, and pass.
func FuzzAccents(f *testing.F) {
	for _, p := range accentPairs {
		f.Add(p.written)
	}
	f.Add("Transports publics : 10 lignes supprimées à Seraing")
	f.Add(`"ouvrières licenciées" -grève austérité`)
	for _, q := range hostileQueries {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, input string) {
		written, unmarked := Parse(input), Parse(fold(spellLigatures(input)))
		if plainWords(written) != plainWords(unmarked) {
			return
		}
		for _, ls := range [][]string{nil, {"fr"}, {"nl", "en", "de"}} {
			a, b := written.Expand(langs(ls...)), unmarked.Expand(langs(ls...))
			if len(a.Groups) != len(b.Groups) {
				t.Fatalf("%q: %d groups, %d without accents", input, len(a.Groups), len(b.Groups))
			}
			for i, g := range a.Groups {
				for j, term := range g.Terms {
					other := b.Groups[i].Terms[j]
					if term.Plain != other.Plain || term.Prefix != other.Prefix {
						t.Fatalf("%q: word %q, %q without accents", input, term.Plain, other.Plain)
					}
					for k, forms := range term.Forms {
						for _, form := range other.Forms[k] {
							if !slices.Contains(forms, form) {
								t.Fatalf("%q in %v: %q searches %q, not without accents %q", input, ls, term.Plain, forms, other.Forms[k])
							}
						}
						if analyzersOf(langs(ls...))[k] != frenchStems && !slices.Equal(forms, other.Forms[k]) {
							t.Fatalf("%q in %v: %q searches %q, without accents %q", input, ls, term.Plain, forms, other.Forms[k])
						}
					}
				}
			}
			if fts, ts := FTS5(b), TSQuery(b); len(fts) > maxRendered || len(ts) > maxRendered {
				t.Fatalf("%q renders %d and %d bytes", input, len(fts), len(ts))
			}
		}
	})
}

// plainWords is a query's words folded, in its syntax.
func plainWords(q Query) string {
	var b strings.Builder
	for _, c := range q.Clauses {
		for _, w := range c.Words {
			b.WriteString(fold(spellLigatures(w)) + " ")
		}
		fmt.Fprintf(&b, "%v %v %v|", c.Phrase, c.Exclude, c.Prefix)
	}
	return b.String()
}
