package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/search"
)

// postgresSearch keeps each collection's index in a table of its own: a tsvector an
// entry, written as the literal search.TSVector makes so that no PostgreSQL parser
// touches the terms, with a GIN index. The row also holds copies of the source's columns
// that searches filter on: testing them on this small table costs a fraction of a join
// with articles, whose rows are ten times larger, for each of the tens of thousands of
// matches a common word has. Triggers keep the articles' copies (migration 5), the
// statement that writes a document's entry the documents'.
var postgresSearch = &searchSQL{
	render: search.TSQuery,
	reader: postgresReader,
	articles: postgresCollection(articleCollection, "article_search", "article_id", postgresCollectionSQL{
		put:        func(n int) string { return postgresArticlePut(n, false) },
		putCurrent: func(n int) string { return postgresArticlePut(n, true) },
	}),
	documents: postgresCollection(documentCollection, "document_search", "document_id", postgresCollectionSQL{
		put:        postgresDocumentPut,
		putCurrent: postgresDocumentPut,
	}),
	stats: `SELECT (SELECT COUNT(*) FROM article_search), (SELECT COUNT(*) FROM document_search),
		pg_total_relation_size('article_search') + pg_total_relation_size('document_search')`,
	rebuild: postgresRebuild,
}

// postgresCollectionSQL is what differs between the collections on PostgreSQL: how
// their entries are written.
type postgresCollectionSQL struct {
	put, putCurrent func(n int) string
}

// postgresCollection is a collection's index in table, whose entries' ID is the column
// id.
func postgresCollection(c *collection, table, id string, w postgresCollectionSQL) *collectionSQL {
	return &collectionSQL{
		collection:   c,
		table:        table,
		perStatement: indexBatch,
		entryArgs: func(e indexEntry) []any {
			return []any{e.id, e.version, search.TSVector(e.fields)}
		},
		put:        w.put,
		putCurrent: w.putCurrent,
		// TRUNCATE leaves no dead rows behind, which VACUUM cannot clear within a
		// migration's transaction.
		clear:   `TRUNCATE ` + table,
		analyze: `ANALYZE ` + table,
		// remove stays nil: an entry goes with its source's row (ON DELETE CASCADE).
		filtered:     "f",
		filteredFrom: table + " f",
		idOf:         "f." + id,
		// PostgreSQL reads every match from the GIN index's bitmap anyway, so the window
		// counts them all on the way. "+ 0" keeps the planner from walking the primary
		// key backwards instead, which tests each entry's tsvector, read from TOAST,
		// until it has found n: ten times slower for a common word. ts_rank, computed for
		// the window alone, weighs title lexemes (A) ten times body ones (D);
		// normalisation 1 divides by the log of the length, so that long texts do not
		// win by size.
		window: func(where string, n int) string {
			return `SELECT w.` + id + `, ts_rank(w.document, CAST($1 AS tsquery), 1), w.publish_at, w.total
			FROM (SELECT f.` + id + `, f.document, f.publish_at, COUNT(*) OVER () AS total FROM ` + table + ` f
				WHERE f.document @@ CAST($1 AS tsquery) AND ` + where + `
				ORDER BY f.` + id + ` + 0 DESC LIMIT ` + strconv.Itoa(n) + `) AS w`
		},
		older: func(where, edge, limit, offset string) string {
			return `SELECT f.` + id + ` FROM ` + table + ` f
			WHERE f.document @@ CAST($1 AS tsquery) AND f.` + id + ` < ` + edge + ` AND ` + where + `
			ORDER BY f.` + id + ` DESC LIMIT ` + limit + ` OFFSET ` + offset
		},
	}
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

// postgresArticlePut writes n articles' entries, replacing older ones; with sameVersion
// only those whose article still has the version the entry was made from. FOR SHARE
// waits for a transaction saving the article, then tests the version again: without it
// the statement reads the version from before that save, and its entry replaced the
// save's once the save committed. The triggers fill the copies of the article's columns.
func postgresArticlePut(n int, sameVersion bool) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO article_search (article_id, document) SELECT v.id, v.document FROM (VALUES `)
	writeRows(&b, n, "(CAST($%d AS BIGINT), CAST($%d AS BIGINT), CAST($%d AS tsvector))")
	b.WriteString(`) AS v (id, version, document)`)
	if sameVersion {
		b.WriteString(` JOIN articles a ON a.id = v.id AND a.version = v.version FOR SHARE OF a`)
	}
	b.WriteString(` ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document`)
	return b.String()
}

// postgresDocumentPut writes n documents' entries, replacing older ones, with the copies
// of the columns searches filter on; only for documents that still have the version
// the entry was made from. FOR SHARE waits for a transaction that is saving or removing
// the document, then tests its version again: without it, an entry analysed before a
// save could replace the save's, or one written for a document being removed fail on
// its foreign key.
func postgresDocumentPut(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO document_search (document_id, document, subject_type, lang, visible, publish_at)
		SELECT d.id, v.document, d.subject_type, d.lang, d.visible, d.publish_at FROM (VALUES `)
	writeRows(&b, n, "(CAST($%d AS BIGINT), CAST($%d AS BIGINT), CAST($%d AS tsvector))")
	b.WriteString(`) AS v (id, version, document) JOIN search_documents d ON d.id = v.id AND d.version = v.version
		FOR SHARE OF d
		ON CONFLICT (document_id) DO UPDATE SET document = EXCLUDED.document, subject_type = EXCLUDED.subject_type,
			lang = EXCLUDED.lang, visible = EXCLUDED.visible, publish_at = EXCLUDED.publish_at`)
	return b.String()
}

// postgresRebuild replaces each entry of c where it is, each batch in a transaction:
// readers keep finding everything throughout, and a source saved while its batch was
// being analysed keeps the entry its save wrote (putCurrent tests the version). Then it
// vacuums: the rebuild left a dead row for every entry, and autovacuum may be off or
// late. ANALYZE refreshes the lexeme statistics the planner estimates matches with.
func postgresRebuild(ctx context.Context, db *DB, c *collectionSQL, progress func(done int)) error {
	b := newIndexBuilder(c)
	err := db.eachBatch(ctx, b, progress, func(entries []indexEntry) error {
		return db.inTx(ctx, func(q querier) error { return putCurrent(ctx, q, c, entries) })
	})
	if err != nil {
		return err
	}
	_, err = db.write.ExecContext(ctx, `VACUUM (ANALYZE) `+c.table)
	return db.dialect.translate(err)
}

func putCurrent(ctx context.Context, q querier, c *collectionSQL, entries []indexEntry) error {
	for len(entries) > 0 {
		n := min(len(entries), c.perStatement)
		var args []any
		for _, e := range entries[:n] {
			args = append(args, c.entryArgs(e)...)
		}
		if _, err := q.ExecContext(ctx, c.putCurrent(n), args...); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		entries = entries[n:]
	}
	return nil
}
