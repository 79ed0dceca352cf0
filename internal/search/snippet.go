package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/content"
)

// Fragment is a piece of a snippet, in plain text: the site escapes it and
// wraps the matching ones in <mark>.
type Fragment struct {
	Text  string
	Match bool
}

const (
	snippetWords        = 30
	defaultSnippetRunes = 240
	minSnippetRunes     = 20
	maxSnippetSearch    = 64 << 10 // bytes of text searched for the best passage
	ellipsis            = "…"
)

// Snippet returns the passage of text, written in lang, that best matches q:
// about thirty words holding the most distinct query words, then the most
// matches, cut at word boundaries with "…" where the text goes on, and at
// most maxRunes characters long (240 when maxRunes ≤ 0, at least 20). A word
// matches as it does in the index: its analysed form is one of a query word's
// forms, or begins with its prefix. Without a match it returns the opening of
// the text; for a text without words, nil. Pass plain text, not Markdown.
// Only the first 64 KB are searched, which keeps a page of results cheap
// whatever the length of its articles.
func Snippet(lang content.Lang, text string, q Query, maxRunes int) []Fragment {
	if maxRunes <= 0 {
		maxRunes = defaultSnippetRunes
	}
	maxRunes = max(maxRunes, minSnippetRunes)
	x := q.Expand([]content.Lang{lang, "fr", "nl", "en"})
	toks := analysedTokens(analyzerFor(lang), text[:searchedLen(text)], x)
	if len(toks) == 0 {
		return nil
	}
	hits := x.hits(toks)
	a, b := window(text, toks, hits, len(x.Groups), maxRunes-2)
	return fragments(text, toks[a:b], hits[a:b], maxRunes)
}

// Highlight returns the whole of a short text, a title, with the words that match q
// marked as Snippet marks them. Texts longer than 64 KB are cut there.
func Highlight(lang content.Lang, text string, q Query) []Fragment {
	text = text[:searchedLen(text)]
	x := q.Expand([]content.Lang{lang, "fr", "nl", "en"})
	toks := analysedTokens(analyzerFor(lang), text, x)
	return markMatches(text, 0, toks, x.hits(toks))
}

// searchedLen is how much of text Snippet searches: up to the last space
// within maxSnippetSearch bytes, or the last whole character.
func searchedLen(text string) int {
	if len(text) <= maxSnippetSearch {
		return len(text)
	}
	if i := strings.LastIndexFunc(text[:maxSnippetSearch], unicode.IsSpace); i > 0 {
		return i
	}
	i := maxSnippetSearch
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// analysedToken is a word of a text with its index term.
type analysedToken struct {
	term       string
	start, end int
}

// unmatchable stands for the term of a word that cannot match the query.
const unmatchable = "\x00"

// analysedTokens analyses the words of text. It stems only the words that
// begin with the letter some term of x begins with: the stemmers keep a
// word's first letter, and stemming is most of the cost.
func analysedTokens(a analyzer, text string, x Expanded) []analysedToken {
	initials := x.initials()
	var toks []analysedToken
	st := newStemmer(a, len(text))
	sc := scanner{text: text}
	for sc.next() {
		t := unmatchable
		if r := initial(sc.word); r < 0 || initials[r] {
			t = st.term(&sc)
		}
		if t != "" {
			toks = append(toks, analysedToken{term: t, start: sc.start, end: sc.end})
		}
	}
	return toks
}

// initial returns the first letter of a word's index term, or -1 when the
// word begins with a combining mark and only analysing it will tell.
func initial(word []byte) rune {
	r, size := utf8.DecodeRune(word)
	if r < utf8.RuneSelf {
		return r
	}
	if f := fold(spellLigatures(string(word[:size]))); f != "" {
		r, _ = utf8.DecodeRuneInString(f)
		return r
	}
	return -1
}

// initials returns the first letters of the terms x matches.
func (x Expanded) initials() map[rune]bool {
	m := map[rune]bool{}
	for _, g := range x.Groups {
		for _, t := range g.Terms {
			for _, fs := range t.Forms {
				for _, f := range fs {
					r, _ := utf8.DecodeRuneInString(f)
					m[r] = true
				}
			}
			r, _ := utf8.DecodeRuneInString(t.Plain)
			m[r] = true
		}
	}
	return m
}

// hits returns, for each token, the index of the required group it matches,
// or -1. A phrase marks all its words, only where they follow one another.
func (x Expanded) hits(toks []analysedToken) []int {
	hits := make([]int, len(toks))
	for i := range hits {
		hits[i] = -1
	}
	for gi, g := range x.Groups {
		if g.Exclude {
			continue
		}
		for i := 0; i+len(g.Terms) <= len(toks); i++ {
			if g.matchesAt(toks[i:]) {
				for j := range g.Terms {
					hits[i+j] = gi
				}
			}
		}
	}
	return hits
}

func (g Group) matchesAt(toks []analysedToken) bool {
	for j, t := range g.Terms {
		if !t.matches(toks[j].term) {
			return false
		}
	}
	return true
}

// bestWindow slides a window of w tokens over hits and returns the one holding
// the most distinct groups, then the most hits. Of equal windows it takes the
// first, which ends on its last match, then moves it on so that its first
// match comes after a few words of context.
func bestWindow(hits []int, groups, w int) (int, int) {
	if len(hits) <= w {
		return 0, len(hits)
	}
	count := make([]int, groups)
	distinct, matched := 0, 0
	add := func(i, d int) {
		if g := hits[i]; g >= 0 {
			if count[g] == 0 {
				distinct++
			}
			count[g] += d
			if count[g] == 0 {
				distinct--
			}
			matched += d
		}
	}
	for i := range w {
		add(i, 1)
	}
	best, bestScore := 0, distinct*(w+1)+matched
	for s := 1; s+w <= len(hits); s++ {
		add(s-1, -1)
		add(s+w-1, 1)
		if score := distinct*(w+1) + matched; score > bestScore {
			best, bestScore = s, score
		}
	}
	return leadIn(hits, best, w)
}

// leadIn moves the window of w tokens starting at a forward until its first
// match has min(5, w/3) words before it; the words it drops match nothing.
func leadIn(hits []int, a, w int) (int, int) {
	first := a
	for first < a+w && hits[first] < 0 {
		first++
	}
	if first == a+w {
		return a, a + w
	}
	start := min(max(a, first-min(5, w/3)), len(hits)-w)
	return start, start + w
}
