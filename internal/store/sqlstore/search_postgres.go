package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
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
	put:      func(n int) string { return postgresPut(n, false) },
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
	stats:  `SELECT (SELECT COUNT(*) FROM article_search), pg_total_relation_size('article_search')`,
	reader: postgresReader,
}

// postgresReader runs a search in a read-only transaction that keeps the planner from
// scanning article_search whole. Its cost model takes testing a tsvector for a few
// operations, where reading one from TOAST costs microseconds: with fresh statistics
// (after an ANALYZE, which autovacuum runs when it likes) it chose to scan the 100,000
// documents for any word found in a few thousand, 300 to 450 ms instead of 10 to 20
// with the GIN index.
func postgresReader(ctx context.Context, db *DB) (querier, func(), error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, db.dialect.translate(err)
	}
	if _, err := tx.ExecContext(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
		tx.Rollback()
		return nil, nil, db.dialect.translate(err)
	}
	return tx, func() { tx.Rollback() }, nil
}

// postgresPut writes n entries, replacing older ones; with sameVersion only those whose
// article still has the version the entry was made from. The triggers fill the copies of
// the article's columns.
func postgresPut(n int, sameVersion bool) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO article_search (article_id, document) SELECT v.id, v.document FROM (VALUES `)
	writeRows(&b, n, "(CAST($%d AS BIGINT), CAST($%d AS BIGINT), CAST($%d AS tsvector))")
	b.WriteString(`) AS v (id, version, document)`)
	if sameVersion {
		b.WriteString(` JOIN articles a ON a.id = v.id AND a.version = v.version`)
	}
	b.WriteString(` ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document`)
	return b.String()
}

// postgresRebuild replaces each entry where it is, each batch in a transaction: readers
// keep finding articles throughout, and an article saved while its batch was being
// analysed keeps the entry its save wrote (the version is tested in the statement, under
// the row's lock). Then it vacuums: the rebuild left a dead row for every entry, and
// autovacuum may be off or late. ANALYZE refreshes the lexeme statistics the planner
// estimates matches with.
func postgresRebuild(ctx context.Context, db *DB, progress func(done, total int)) error {
	b := newIndexBuilder(db.dialect)
	err := db.eachBatch(ctx, b, progress, func(entries []indexEntry) error {
		return db.inTx(ctx, func(q querier) error { return putSameVersion(ctx, q, entries) })
	})
	if err != nil {
		return err
	}
	_, err = db.write.ExecContext(ctx, `VACUUM (ANALYZE) article_search`)
	return db.dialect.translate(err)
}

func putSameVersion(ctx context.Context, q querier, entries []indexEntry) error {
	for len(entries) > 0 {
		n := min(len(entries), indexBatch)
		var args []any
		for _, e := range entries[:n] {
			args = append(args, postgresSearch.entryArgs(e)...)
		}
		if _, err := q.ExecContext(ctx, postgresPut(n, true), args...); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		entries = entries[n:]
	}
	return nil
}
