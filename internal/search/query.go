package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A query is cut to its first maxQueryRunes characters and maxQueryTerms
// words, so that a pasted page costs no more than a short query.
const (
	maxQueryRunes = 500
	maxQueryTerms = 20
)

// Query is a reader's search as typed, split into clauses. Its words are not
// yet stemmed: see [Query.Expand].
type Query struct {
	Clauses []Clause
}

// Clause is one word or phrase of a query, required or excluded.
type Clause struct {
	Words   []string // lowercase, in order, as the analyzer cuts them
	Phrase  bool     // quoted, or one word that punctuation splits ("état-major")
	Exclude bool     // written with a leading minus
	Prefix  bool     // the last word ends the input: the reader is still typing it
}

// Empty reports a query that requires nothing: blank, only punctuation, or
// only exclusions. There is nothing to match; the caller shows no results.
func (q Query) Empty() bool {
	return !slices.ContainsFunc(q.Clauses, func(c Clause) bool { return !c.Exclude })
}

// String writes the query back in query syntax, a trailing * marking the word
// being typed. It is meant for logs and tests.
func (q Query) String() string {
	parts := make([]string, 0, len(q.Clauses))
	for _, c := range q.Clauses {
		s := strings.Join(c.Words, " ")
		if c.Prefix {
			s += "*"
		}
		if c.Phrase {
			s = `"` + s + `"`
		}
		if c.Exclude {
			s = "-" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// Parse reads a reader's query. It never fails: text in double quotes (also
// « » and “ ”) is a phrase, a closing quote being implied at the end; a
// leading minus excludes a word or a phrase; the last word is also matched as
// a prefix when nothing follows it; every other character, including the
// syntax of FTS5, tsquery and SQL, only separates words.
func Parse(input string) Query {
	p := parser{in: clip(input, maxQueryRunes), budget: maxQueryTerms}
	var q Query
	for p.budget > 0 {
		c, ok := p.clause()
		if !ok {
			break
		}
		if len(c.Words) > 0 && !slices.ContainsFunc(q.Clauses, c.equal) {
			q.Clauses = append(q.Clauses, c)
		}
	}
	q.Clauses = dropStopWords(q.Clauses)
	return q
}

type parser struct {
	in     string
	pos    int
	budget int // words still allowed
}

// clause reads the next clause, which may have no words ("--", "!&|").
// It reports false at the end of the input.
func (p *parser) clause() (Clause, bool) {
	i := strings.IndexFunc(p.in[p.pos:], notSpace)
	if i < 0 {
		return Clause{}, false
	}
	p.pos += i
	var c Clause
	if r, size := utf8.DecodeRuneInString(p.in[p.pos:]); r == '-' || r == '−' {
		p.pos += size
		c.Exclude = true
	}
	r, size := utf8.DecodeRuneInString(p.in[p.pos:])
	if c.Exclude && (p.pos == len(p.in) || unicode.IsSpace(r)) {
		return Clause{}, true // a lone minus
	}
	if isQuote(r) {
		start := p.pos + size
		end := strings.IndexFunc(p.in[start:], isQuote)
		open := end < 0
		if open {
			end = len(p.in) - start
		}
		p.pos = start + end
		if !open {
			_, size = utf8.DecodeRuneInString(p.in[p.pos:])
			p.pos += size
		}
		c.Words, c.Prefix = p.words(p.in[start:start+end], open)
		c.Phrase = true
		return c, true
	}
	start := p.pos
	end := strings.IndexFunc(p.in[start:], func(r rune) bool { return unicode.IsSpace(r) || isQuote(r) })
	if end < 0 {
		end = len(p.in) - start
	}
	p.pos = start + end
	c.Words, c.Prefix = p.words(p.in[start:p.pos], p.pos == len(p.in))
	c.Phrase = len(c.Words) > 1
	return c, true
}

// words cuts text into words while the budget lasts. The last one is a prefix
// when it ends the text and the text ends the input.
func (p *parser) words(text string, atEnd bool) (words []string, prefix bool) {
	sc := scanner{text: text}
	for p.budget > 0 && sc.next() {
		words = append(words, sc.wordText())
		prefix = atEnd && sc.end == len(text)
		p.budget--
	}
	return words, prefix
}

func (c Clause) equal(d Clause) bool {
	return slices.Equal(c.Words, d.Words) && c.Phrase == d.Phrase && c.Exclude == d.Exclude
}

func notSpace(r rune) bool { return !unicode.IsSpace(r) }

func isQuote(r rune) bool {
	switch r {
	case '"', '«', '»', '“', '”', '„', '‟', '＂':
		return true
	}
	return false
}

// clip returns the first n runes of s.
func clip(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// dropStopWords removes the required single words that are stop words, unless
// nothing else would be left to search for.
func dropStopWords(cs []Clause) []Clause {
	kept := slices.DeleteFunc(slices.Clone(cs), func(c Clause) bool {
		return !c.Phrase && !c.Exclude && stopWords[fold(c.Words[0])]
	})
	if (Query{kept}).Empty() {
		return cs
	}
	return kept
}

// stopWords are folded function words of French, Dutch and English. Only words
// that mean nothing else in the other two languages are listed: not "or" (gold
// in French), "an" (a year), "son", "est", "die" or "as".
var stopWords = map[string]bool{
	// French
	"le": true, "la": true, "les": true, "un": true, "une": true, "des": true, "du": true,
	"de": true, "et": true, "en": true, "au": true, "aux": true, "a": true, "ou": true,
	"ce": true, "ces": true, "cet": true, "cette": true, "que": true, "qui": true,
	"dans": true, "par": true, "pour": true, "sur": true, "se": true, "ne": true,
	"il": true, "elle": true, "ils": true, "elles": true, "on": true, "y": true,
	"leur": true, "leurs": true, "sa": true, "ses": true,
	// Dutch
	"het": true, "een": true, "van": true, "in": true, "op": true, "te": true,
	"dat": true, "is": true, "voor": true, "aan": true, "er": true, "niet": true,
	"ook": true, "als": true, "bij": true, "of": true, "om": true, "zijn": true,
	"naar": true, "dan": true, "deze": true, "dit": true, "wat": true,
	// English
	"the": true, "and": true, "to": true, "at": true, "for": true, "by": true,
	"with": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"it": true, "its": true, "from": true, "that": true, "this": true,
}
