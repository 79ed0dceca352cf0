package sqlstore

import (
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/search"
)

// postgresSearch keeps the index in article_search: a tsvector an article, written as
// the literal search.TSVector makes so that no PostgreSQL parser touches the terms, with
// a GIN index. The row also holds copies of the article's columns that searches filter
// on, which triggers keep (migration 5): testing them on this small table costs a
// fraction of a join with articles, whose rows are ten times larger, for each of the tens
// of thousands of matches a common word has.
var postgresSearch = &searchSQL{
	perStatement: indexBatch,
	entryArgs: func(e indexEntry) []any {
		return []any{e.id, e.version, search.TSVector(e.fields)}
	},
	put: func(n int, sameVersion bool) string {
		var b strings.Builder
		b.WriteString(`INSERT INTO article_search (article_id, document) SELECT v.id, v.document FROM (VALUES `)
		writeRows(&b, n, "(CAST($%d AS BIGINT), CAST($%d AS BIGINT), CAST($%d AS tsvector))")
		b.WriteString(`) AS v (id, version, document)`)
		if sameVersion {
			b.WriteString(` JOIN articles a ON a.id = v.id AND a.version = v.version`)
		}
		b.WriteString(` ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document`)
		return b.String()
	},
	render:   search.TSQuery,
	filtered: "f",
	idOf:     "f.article_id",
	// PostgreSQL reads every match from the GIN index's bitmap anyway, so the window
	// counts them all on the way. "+ 0" keeps the planner from walking the primary key
	// backwards instead, which tests each article's tsvector, read from TOAST, until it
	// has found n: ten times slower for a common word. ts_rank, computed for the window alone, weighs title
	// lexemes (A) ten times body ones (D); normalisation 1 divides by the log of the
	// length, so that long articles do not win by size.
	window: func(where string, n int) string {
		return `SELECT w.article_id, ts_rank(w.document, CAST($1 AS tsquery), 1), w.publish_at, w.total
			FROM (SELECT f.article_id, f.document, f.publish_at, COUNT(*) OVER () AS total FROM article_search f
				WHERE f.document @@ CAST($1 AS tsquery) AND ` + where + `
				ORDER BY f.article_id + 0 DESC LIMIT ` + strconv.Itoa(n) + `) AS w`
	},
	older: func(where, edge, limit, offset string) string {
		return `SELECT f.article_id FROM article_search f
			WHERE f.document @@ CAST($1 AS tsquery) AND f.article_id < ` + edge + ` AND ` + where + `
			ORDER BY f.article_id DESC LIMIT ` + limit + ` OFFSET ` + offset
	},
	stats: `SELECT (SELECT COUNT(*) FROM article_search), pg_total_relation_size('article_search')`,
}
