package render

import (
	"strings"
	"unicode"
)

type quoteKind int

const (
	apostrophe quoteKind = iota
	opener
	closer
)

// quoteState follows the quotations open at a point of a block.
type quoteState struct {
	typed      int   // quotations opened with a typed curly mark or guillemet
	doubleOpen bool  // a straight double quote opened and is not closed yet
	inner      bool  // it opened inside a typed quotation
	pending    []int // single quotes that opened and wait for their partner
}

// quoteMarks chooses the curly mark for every straight quote of a block. It
// looks at the whole block because a single quote is only a quotation mark
// when a partner closes it; alone it is an apostrophe, which is what French
// and Dutch elisions ("l'été", "'s avonds") need. The result reuses marks
// and is indexed like in; only the positions of editable straight quotes are
// meaningful.
func (s style) quoteMarks(in []cell, marks []rune) []rune {
	if !hasStraightQuote(in) {
		return marks[:0]
	}
	marks = append(marks[:0], make([]rune, len(in))...)
	var q quoteState
	for i, c := range in {
		switch {
		case c.seg >= 0 && c.r == s.double[0]:
			q.typed++
		case c.seg >= 0 && c.r == s.double[1] && q.typed > 0:
			q.typed--
		case c.frozen() || (c.r != '"' && c.r != '\''):
		case c.r == '"':
			prev, next := neighbours(in, marks, i)
			marks[i] = s.doubleMark(&q, prev, next)
		default:
			marks[i] = s.singleMark(&q, in, marks, i)
		}
	}
	for _, j := range q.pending {
		marks[j] = '’'
	}
	return marks
}

// doubleMark picks the mark for a straight double quote. Inside a quotation
// the writer opened with a typed mark (« "non" »), it is a quotation within
// a quotation and takes the second-level marks.
func (s style) doubleMark(q *quoteState, prev, next rune) rune {
	q.doubleOpen = opensDouble(prev, next, q.doubleOpen)
	if q.doubleOpen {
		q.inner = q.typed > 0
	}
	pair := s.double
	if q.inner {
		pair = s.single
	}
	if q.doubleOpen {
		return pair[0]
	}
	return pair[1]
}

func (s style) singleMark(q *quoteState, in []cell, marks []rune, i int) rune {
	prev, next := neighbours(in, marks, i)
	switch s.singleKind(in, i, prev, next) {
	case opener:
		q.pending = append(q.pending, i)
		return s.single[0]
	case closer:
		if len(q.pending) > 0 {
			q.pending = q.pending[:len(q.pending)-1]
			return s.single[1]
		}
	}
	return '’'
}

func hasStraightQuote(in []cell) bool {
	for _, c := range in {
		if !c.frozen() && (c.r == '"' || c.r == '\'') {
			return true
		}
	}
	return false
}

// neighbours returns the characters around in[i], 0 at the block's edges. A
// quote already decided counts as its curly form, so "'…'" nests correctly.
func neighbours(in []cell, marks []rune, i int) (prev, next rune) {
	if i > 0 {
		prev = in[i-1].r
		if marks[i-1] != 0 {
			prev = marks[i-1]
		}
	}
	if i+1 < len(in) {
		next = in[i+1].r
	}
	return prev, next
}

// opensDouble decides a double quote by its sides; a quote with the same
// kind of character on both sides ("dit " oui "", a"b) alternates with the
// previous one.
func opensDouble(prev, next rune, open bool) bool {
	before, after := isOpening(prev), isClosing(next)
	switch {
	case before && !after:
		return true
	case !before && after:
		return false
	default:
		return !open
	}
}

func (s style) singleKind(in []cell, i int, prev, next rune) quoteKind {
	before, after := isOpening(prev), isClosing(next)
	switch {
	case isLetterish(prev) && isLetterish(next):
		return apostrophe
	case before && !after:
		if unicode.IsDigit(next) || s.elides(in, i+1) {
			return apostrophe // '90s, 's avonds, 'tis
		}
		return opener
	case !before && after:
		return closer
	default:
		return apostrophe
	}
}

// elides reports whether the word starting at in[j] is one the language
// writes with a leading apostrophe.
func (s style) elides(in []cell, j int) bool {
	if len(s.elisions) == 0 {
		return false
	}
	var word strings.Builder
	for ; j < len(in) && unicode.IsLetter(in[j].r); j++ {
		word.WriteRune(in[j].r)
	}
	for _, e := range s.elisions {
		if strings.EqualFold(word.String(), e) {
			return true
		}
	}
	return false
}

func isLetterish(r rune) bool {
	return r == objectRune || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
