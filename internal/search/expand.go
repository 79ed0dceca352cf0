package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"

	"github.com/roneo/roneo/internal/content"
)

// Words are matched as prefixes of longer terms only from these lengths on: a
// short prefix matches a large part of the index and costs as much to look up.
const (
	minWordPrefix   = 4 // a complete word: "fiets" finds "fiets", the stem of "fietsen"
	minTypingPrefix = 3 // the word being typed: "grè" finds "greve"
)

// Expanded is a query with each word analysed as every language searched would
// have indexed it. Render it with [FTS5] or [TSQuery].
type Expanded struct {
	Groups []Group
}

// Group is one expanded clause: a word (one term) or a phrase (its terms in
// order), required or excluded.
type Group struct {
	Terms   []Term
	Phrase  bool
	Exclude bool
}

// Term is one query word and the index terms it matches.
type Term struct {
	// Forms[i] are the terms the i-th language searched may index the word as: one,
	// or in French one for each accented spelling the word may stand for.
	Forms  [][]string
	Plain  string // the word folded but not stemmed; it matches as it is
	Prefix bool   // Plain also matches every term it begins
}

// Empty reports an expansion that requires nothing; its renderings are "".
func (x Expanded) Empty() bool {
	return !slices.ContainsFunc(x.Groups, func(g Group) bool { return !g.Exclude })
}

// Expand analyses the query's words as articles in langs are indexed (the
// site's languages, or the one a reader filters on); no langs means French,
// Dutch and English. Languages sharing a stemmer count once, so a word has the
// forms of at most four languages whatever langs holds: one each, and in French
// one for each accented spelling it may stand for (accents.go).
func (q Query) Expand(langs []content.Lang) Expanded {
	as := analyzersOf(langs)
	env := snowballstem.NewEnv("")
	var x Expanded
	for _, c := range q.Clauses {
		g := Group{Phrase: c.Phrase, Exclude: c.Exclude}
		for i, w := range c.Words {
			if t, ok := expandWord(env, as, w, c.Prefix && i == len(c.Words)-1); ok {
				t.Prefix = t.Prefix && !c.Exclude // "-ford" must not exclude "fordisme"
				g.Terms = append(g.Terms, t)
			}
		}
		if len(g.Terms) > 0 {
			x.Groups = append(x.Groups, g)
		}
	}
	return x
}

func analyzersOf(langs []content.Lang) []analyzer {
	var as []analyzer
	for _, l := range langs {
		if a := analyzerFor(l); !slices.Contains(as, a) {
			as = append(as, a)
		}
	}
	if len(as) == 0 {
		return defaultAnalyzers
	}
	return as
}

// expandWord analyses one word; it reports false for a word the index cannot
// hold, one made only of combining marks.
func expandWord(env *snowballstem.Env, as []analyzer, word string, typing bool) (Term, bool) {
	plain := fold(spellLigatures(word))
	if plain == "" {
		return Term{}, false
	}
	t := Term{Plain: plain, Forms: make([][]string, len(as))}
	for i, a := range as {
		t.Forms[i] = a.forms(env, word, plain)
	}
	n := utf8.RuneCountInString(plain)
	t.Prefix = typing && n >= minTypingPrefix || n >= minWordPrefix && hasLetter(plain)
	return t, true
}

// exact returns the distinct terms t matches exactly, leaving out those its
// prefix already matches.
func (t Term) exact() []string {
	var out []string
	for _, f := range append(slices.Concat(t.Forms...), t.Plain) {
		if !slices.Contains(out, f) && !(t.Prefix && strings.HasPrefix(f, t.Plain)) {
			out = append(out, f)
		}
	}
	return out
}

// matches reports whether an index term matches t.
func (t Term) matches(term string) bool {
	if term == t.Plain || t.Prefix && strings.HasPrefix(term, t.Plain) {
		return true
	}
	return slices.ContainsFunc(t.Forms, func(fs []string) bool { return slices.Contains(fs, term) })
}

// word is one position of a phrase as rendered: a term, maybe a prefix.
type word struct {
	text   string
	prefix bool
}

// phrases returns the distinct ways a phrase may be indexed: its words stemmed
// as each one language would, in each combination of their forms (see
// spellings), and its words unstemmed, with their prefixes. Mixing languages
// within a phrase would match nothing an article holds.
func (g Group) phrases() [][]word {
	var out [][]word
	add := func(p []word) {
		if !slices.ContainsFunc(out, func(q []word) bool { return slices.Equal(p, q) }) {
			out = append(out, p)
		}
	}
	for i := range g.Terms[0].Forms {
		for _, p := range g.spellings(i) {
			add(p)
		}
	}
	plain := make([]word, len(g.Terms))
	for j, t := range g.Terms {
		plain[j] = word{text: t.Plain, prefix: t.Prefix}
	}
	add(plain)
	return slices.DeleteFunc(slices.Clone(out), func(p []word) bool {
		return slices.ContainsFunc(out, func(q []word) bool { return !slices.Equal(p, q) && coversPhrase(q, p) })
	})
}

// maxPhraseSpellings bounds the combinations of forms one language gives a phrase,
// which FTS5 can only OR whole: a phrase of words typed without accents, each of
// which French may have written in up to four ways, would otherwise grow
// exponentially with its length. Sixteen hold two such words, or four words with
// two forms each; and the rendering of twenty words stays within some 25 KB.
const maxPhraseSpellings = 16

// spellings returns the phrases the words make with their forms in the i-th
// language, at most maxPhraseSpellings of them: once there would be more, a word
// keeps only its first forms, as many as fit.
func (g Group) spellings(i int) [][]word {
	ps := [][]word{make([]word, 0, len(g.Terms))}
	for _, t := range g.Terms {
		forms := t.Forms[i]
		if len(ps)*len(forms) > maxPhraseSpellings {
			forms = forms[:max(1, maxPhraseSpellings/len(ps))]
		}
		next := make([][]word, 0, len(ps)*len(forms))
		for _, p := range ps {
			for _, f := range forms {
				next = append(next, append(slices.Clip(p), word{text: f}))
			}
		}
		ps = next
	}
	return ps
}

// coversPhrase reports whether every text phrase p matches, q matches too.
func coversPhrase(q, p []word) bool {
	for j := range q {
		if q[j] != p[j] && !(q[j].prefix && strings.HasPrefix(p[j].text, q[j].text)) {
			return false
		}
	}
	return true
}
