package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/french"
	"golang.org/x/text/unicode/norm"

	"github.com/roneo/roneo/internal/content"
)

// analyzer is the way one language turns a word into an index term. The zero
// value, for languages we have no stemmer for, only folds.
type analyzer uint8

const (
	unstemmed analyzer = iota
	frenchStems
	dutchStems
	englishStems
)

// defaultAnalyzers are the languages a query is expanded into when the caller
// names none.
var defaultAnalyzers = []analyzer{frenchStems, dutchStems, englishStems}

func analyzerFor(lang content.Lang) analyzer {
	switch lang.Base() {
	case "fr":
		return frenchStems
	case "nl":
		return dutchStems
	case "en":
		return englishStems
	}
	return unstemmed
}

// term turns a token's text into an index term: ligatures spelt out, stemmed,
// folded. French is stemmed with its accents, which its stemmer reads (see
// accents.go); Dutch and English are folded first, as their stemmers expect
// unaccented words: "rôles" and "roles" both give "role". It returns "" only for
// a word made only of marks.
func (a analyzer) term(env *snowballstem.Env, word string) string {
	word = spellLigatures(word)
	if a == unstemmed || !hasLetter(word) {
		return fold(word)
	}
	if a != frenchStems {
		word = fold(word)
	}
	env.SetCurrent(word)
	switch a {
	case frenchStems:
		french.Stem(env)
	case dutchStems:
		dutch.Stem(env)
	case englishStems:
		english.Stem(env)
	}
	if t := fold(env.Current()); t != "" {
		return t
	}
	return fold(word) // the stemmer left only marks: "\u0301s" → "\u0301"
}

// forms returns the terms a query word may have been indexed as in this language:
// one, but in French the term of each spelling with accents that its folded form
// plain may stand for (frenchSpellings), and the word's own. They depend on plain
// alone, so that a word typed with or without its accents searches the same terms,
// unless the stemmer reads an accent that no spelling restores.
func (a analyzer) forms(env *snowballstem.Env, word, plain string) []string {
	if a != frenchStems {
		return []string{a.term(env, word)}
	}
	var out []string
	for _, s := range frenchSpellings(plain) {
		if t := a.term(env, s); !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	if t := a.term(env, word); !slices.Contains(out, t) {
		out = append(out, t)
	}
	return out
}

// Terms analyses text as written in lang: the index terms in order, stop words
// and repetitions included, as phrase matching needs their positions.
func Terms(lang content.Lang, text string) []string {
	return newStemmer(analyzerFor(lang), len(text)).appendTerms(nil, text)
}

// stemmer analyses the words of a text, remembering the term of each word it
// has seen: an article repeats many of its words, and stemming is most of the
// cost of indexing.
type stemmer struct {
	a     analyzer
	env   *snowballstem.Env
	terms map[string]string
}

// newStemmer returns a stemmer for about size bytes of text.
func newStemmer(a analyzer, size int) *stemmer {
	return &stemmer{a: a, env: snowballstem.NewEnv(""), terms: make(map[string]string, min(size/16, 4096))}
}

func (st *stemmer) appendTerms(dst []string, text string) []string {
	dst = slices.Grow(dst, len(text)/7)
	sc := scanner{text: text}
	for sc.next() {
		if t := st.term(&sc); t != "" {
			dst = append(dst, t)
		}
	}
	return dst
}

// term returns the index term of the scanner's current word.
func (st *stemmer) term(sc *scanner) string {
	if t, ok := st.terms[string(sc.word)]; ok {
		return t
	}
	t := st.a.term(st.env, sc.wordText())
	st.terms[string(sc.word)] = t
	return t
}

// Fields is what the store indexes for one article: space-separated terms,
// the title apart so that a title hit can weigh more than a body hit.
type Fields struct {
	Title string
	Body  string // standfirst, then body
}

// Document analyses an article in its own language for the index.
func Document(lang content.Lang, title, standfirst, body string) Fields {
	st := newStemmer(analyzerFor(lang), len(title)+len(standfirst)+len(body))
	return st.document(title, standfirst, body)
}

// Indexer analyses articles one after another, as [Document] does, but
// remembers the term of every word it has met: across a site the vocabulary
// repeats, and stemming is most of the cost. It remembers at most
// maxRemembered words a language (some 15 MB), then starts afresh. The zero
// value is ready to use; an Indexer is not safe for concurrent use, so give
// each indexing worker its own.
type Indexer struct {
	stemmers map[analyzer]*stemmer
}

const maxRemembered = 1 << 17

// Document analyses an article in its own language for the index.
func (ix *Indexer) Document(lang content.Lang, title, standfirst, body string) Fields {
	a := analyzerFor(lang)
	if ix.stemmers == nil {
		ix.stemmers = map[analyzer]*stemmer{}
	}
	st := ix.stemmers[a]
	if st == nil || len(st.terms) > maxRemembered {
		st = newStemmer(a, 64<<10)
		ix.stemmers[a] = st
	}
	return st.document(title, standfirst, body)
}

func (st *stemmer) document(title, standfirst, body string) Fields {
	terms := st.appendTerms(nil, standfirst)
	terms = st.appendTerms(terms, body)
	return Fields{
		Title: strings.Join(st.appendTerms(nil, title), " "),
		Body:  strings.Join(terms, " "),
	}
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf || 'a' <= r && r <= 'z' {
			return true
		}
	}
	return false
}

// spellLigatures writes out the ligatures that no Unicode decomposition
// splits, before stemming, so that "œuvres" and "oeuvres" stem alike.
func spellLigatures(s string) string {
	if !strings.ContainsAny(s, "œæĳß") {
		return s
	}
	return ligatures.Replace(s)
}

var ligatures = strings.NewReplacer("œ", "oe", "æ", "ae", "ĳ", "ij", "ß", "ss")

// letterFolds are letters with a stroke or bar, which are not decomposed by NFD.
var letterFolds = map[rune]rune{'ø': 'o', 'ł': 'l', 'đ': 'd', 'ħ': 'h', 'ı': 'i'}

// fold removes accents: it decomposes each character (NFD) and drops the
// combining marks, spacing ones too (SQLite's unicode61 would split a word at
// an Indic vowel sign). ASCII words are returned as they are.
func fold(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s))
	copy(b, s)
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < utf8.RuneSelf {
			b = append(b, byte(r))
		} else if f, ok := letterFolds[r]; ok {
			b = append(b, byte(f))
		} else if d := norm.NFD.PropertiesString(s[i:]).Decomposition(); d != nil {
			b = appendUnmarked(b, string(d))
		} else {
			b = appendUnmarked(b, s[i:i+size])
		}
		i += size
	}
	return string(b)
}

func appendUnmarked(b []byte, s string) []byte {
	for _, r := range s {
		if !unicode.Is(unicode.M, r) {
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}
