package search

import (
	"strconv"
	"strings"
)

// PostgreSQL's limits on a tsvector: larger positions are clamped to the
// maximum, and a lexeme keeps at most 256 of them.
const (
	maxTSPosition  = 16383
	maxTSPositions = 256
)

// TSVector renders f as a PostgreSQL tsvector literal, to be stored with
// CAST($1 AS tsvector) and searched with CAST(TSQuery(x) AS tsquery). Title
// lexemes are weighted A and body ones left at D, for ts_rank. Positions are
// counted as FTS5 counts them, and the body starts after a one-position gap,
// so that, as in FTS5 where title and body are two columns, no phrase spans
// the two.
//
// Stored this way no PostgreSQL parser touches our terms, and both databases
// hold exactly the same ones. to_tsvector('simple', …) with to_tsquery('simple',
// …) would mostly agree, but its parser splits scientific notation ("1e5g"
// into "1e5" and "g") and concatenating two tsvectors lets phrases run from
// the title into the body. Only positions beyond 16383 (articles of some
// 16,000 words) are less precise than in FTS5.
func TSVector(f Fields) string {
	title, body := strings.Fields(f.Title), strings.Fields(f.Body)
	v := tsvector{index: make(map[string]int, (len(title)+len(body))/2)}
	v.add(title, 1, 'A')
	v.add(body, len(title)+2, 0)
	var b strings.Builder
	for i, e := range v.entries {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tsquery.quote(e.lexeme, false))
		b.WriteByte(':')
		b.Write(e.positions)
	}
	return b.String()
}

// tsvector gathers the positions of each lexeme, in the order lexemes appear.
type tsvector struct {
	index   map[string]int // into entries
	entries []tsEntry
}

type tsEntry struct {
	lexeme    string
	count     int
	positions []byte // "1A,5,9"
}

func (v *tsvector) add(terms []string, first int, weight byte) {
	for i, t := range terms {
		n, seen := v.index[t]
		if !seen {
			n = len(v.entries)
			v.index[t] = n
			v.entries = append(v.entries, tsEntry{lexeme: t})
		}
		e := &v.entries[n]
		if e.count == maxTSPositions {
			continue
		}
		if e.count++; e.count > 1 {
			e.positions = append(e.positions, ',')
		}
		e.positions = strconv.AppendInt(e.positions, int64(min(first+i, maxTSPosition)), 10)
		if weight != 0 {
			e.positions = append(e.positions, weight)
		}
	}
}
