package search

import "strings"

// dialect is the query syntax of one database.
type dialect struct {
	quote  func(term string, prefix bool) string
	or     string // between the alternatives of a word or a phrase
	and    string // between required clauses
	next   string // between the words of a phrase
	except func(required, excluded string) string
}

var fts5 = dialect{
	quote: func(term string, prefix bool) string {
		s := `"` + strings.ReplaceAll(term, `"`, `""`) + `"`
		if prefix {
			s += "*"
		}
		return s
	},
	or: " OR ", and: " AND ", next: " + ",
	except: func(required, excluded string) string {
		return "(" + required + ") NOT (" + excluded + ")"
	},
}

var tsquery = dialect{
	quote: func(term string, prefix bool) string {
		term = tsEscape.Replace(term)
		s := "'" + term + "'"
		if prefix {
			s += ":*"
		}
		return s
	},
	or: " | ", and: " & ", next: " <-> ",
	except: func(required, excluded string) string {
		return required + " & !(" + excluded + ")"
	},
}

var tsEscape = strings.NewReplacer(`'`, `''`, `\`, `\\`)

// FTS5 renders x as the right-hand side of an SQLite FTS5 MATCH, for a table
// whose columns hold [Fields] and whose tokenizer is unicode61. Every term is
// a double-quoted string; phrases are joined with "+", prefixes end in "*",
// alternatives are OR'ed in parentheses, exclusions follow NOT. It returns ""
// when x is empty: do not run the search then.
func FTS5(x Expanded) string { return render(x, fts5) }

// TSQuery renders x as a PostgreSQL tsquery, to be cast with CAST($1 AS
// tsquery) and matched against [TSVector] columns (to_tsquery('simple', $1)
// accepts it too). Every lexeme is single-quoted; prefixes end in ":*",
// phrases use "<->", alternatives "|", required clauses "&" and exclusions
// "& !". It returns "" when x is empty: do not run the search then.
func TSQuery(x Expanded) string { return render(x, tsquery) }

func render(x Expanded, d dialect) string {
	if x.Empty() {
		return ""
	}
	var required, excluded []string
	for _, g := range x.Groups {
		if g.Exclude {
			excluded = append(excluded, d.group(g))
		} else {
			required = append(required, d.group(g))
		}
	}
	s := strings.Join(required, d.and)
	if len(excluded) > 0 {
		s = d.except(s, strings.Join(excluded, d.or))
	}
	return s
}

// group renders the alternatives of one clause, in parentheses when there are
// several.
func (d dialect) group(g Group) string {
	var alts []string
	if g.Phrase {
		for _, p := range g.phrases() {
			words := make([]string, len(p))
			for i, w := range p {
				words[i] = d.quote(w.text, w.prefix)
			}
			alts = append(alts, strings.Join(words, d.next))
		}
	} else {
		t := g.Terms[0]
		for _, e := range t.exact() {
			alts = append(alts, d.quote(e, false))
		}
		if t.Prefix {
			alts = append(alts, d.quote(t.Plain, true))
		}
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return "(" + strings.Join(alts, d.or) + ")"
}
