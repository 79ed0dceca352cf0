package sqlstore

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/search"
)

// sqliteSearch keeps each collection's index in a contentless FTS5 table whose rowid is
// the entry's ID (the article's, or the document's in search_documents) and whose
// columns title and body hold space-separated terms. Filters read the source table
// through an index holding every column they test: SQLite would otherwise read the rest
// of each matching row, whose text puts those columns in overflow pages.
var sqliteSearch = &searchSQL{
	render: search.FTS5,
	// A search reads from the pool: each statement sees the database as it is then.
	reader:      func(ctx context.Context, db *DB) (querier, func(), error) { return db.read, func() {}, nil },
	deferWrites: true,
	articles:    sqliteCollection(articleCollection, "article_search", "articles f INDEXED BY articles_search"),
	documents:   sqliteCollection(documentCollection, "document_search", "search_documents f INDEXED BY search_documents_search"),
	stats: `SELECT (SELECT COUNT(*) FROM article_search_docsize), (SELECT COUNT(*) FROM document_search_docsize),
		(SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE aggregate = TRUE AND name IN ('article_search_data',
			'article_search_idx', 'article_search_docsize', 'article_search_config', 'articles_search',
			'document_search_data', 'document_search_idx', 'document_search_docsize', 'document_search_config',
			'search_documents_search'))`,
	rebuild: sqliteRebuild,
}

// sqliteCollection is a collection's index in the FTS5 table fts, whose matches are
// tested against the filters in the row filtered ("table f INDEXED BY index").
func sqliteCollection(c *collection, fts, filtered string) *collectionSQL {
	return &collectionSQL{
		collection:   c,
		table:        fts,
		perStatement: indexBatch,
		entryArgs: func(e indexEntry) []any {
			return []any{e.id, e.fields.Title, e.fields.Body}
		},
		put: func(n int) string {
			var b strings.Builder
			b.WriteString(`REPLACE INTO ` + fts + ` (rowid, title, body) VALUES `)
			writeRows(&b, n, "(CAST($%d AS INTEGER), CAST($%d AS TEXT), CAST($%d AS TEXT))")
			return b.String()
		},
		remove: func(n int) string { return `DELETE FROM ` + fts + ` WHERE rowid IN (` + placeholders(1, n) + `)` },
		// Emptied in one go, the index is written afresh: no entry leaves a tombstone.
		clear:        `INSERT INTO ` + fts + ` (` + fts + `) VALUES ('delete-all')`,
		versions:     `SELECT f.id, f.version FROM ` + filtered,
		filtered:     "f",
		filteredFrom: filtered,
		idOf:         "f.id",
		// FTS5 reads its doclists backwards from the newest match and stops at the n-th
		// that passes the filters; bm25 (negative, lower is better) is computed for
		// those alone.
		window: func(where string, n int) string {
			return `SELECT s.rowid, -bm25(` + fts + `, ` + titleWeight + `, 1.0), f.publish_at
			FROM ` + fts + ` s JOIN ` + filtered + ` ON f.id = s.rowid
			WHERE ` + fts + ` MATCH $1 AND ` + where + ` ORDER BY s.rowid DESC LIMIT ` + strconv.Itoa(n)
		},
		estimate: sqliteEstimate(fts, filtered),
		older: func(where, edge, limit, offset string) string {
			return `SELECT s.rowid FROM ` + fts + ` s JOIN ` + filtered + ` ON f.id = s.rowid
			WHERE ` + fts + ` MATCH $1 AND s.rowid < ` + edge + ` AND ` + where + `
			ORDER BY s.rowid DESC LIMIT ` + limit + ` OFFSET ` + offset
		},
		countOlder: func(where, edge string) string {
			return `SELECT COUNT(*) FROM ` + fts + ` s JOIN ` + filtered + ` ON f.id = s.rowid
			WHERE ` + fts + ` MATCH $1 AND s.rowid < ` + edge + ` AND ` + where
		},
	}
}

// sqliteEstimate estimates the number of matches when the window is full. FTS5 counts
// the matches older than the window without filters in a millisecond or two, where
// testing each against the filters costs half a microsecond more; so the filters are
// tested on a sample of them, spread evenly over their IDs (every k-th ID), and the
// total supposes they keep the same share of the rest. Only the older matches are
// sampled: drafts and embargoes gather among the newest articles. One statement, so
// that FTS5 evaluates the query once.
func sqliteEstimate(fts, filtered string) func(ctx context.Context, db *DB, r querier, where string, args []any, edge int64) (int, error) {
	return func(ctx context.Context, db *DB, r querier, where string, args []any, edge int64) (int, error) {
		n := len(args)
		every := max(1, edge/estimateSample)
		q := fmt.Sprintf(`SELECT COUNT(*), COALESCE(SUM(s.rowid %% $%d = 0), 0),
				COALESCE(SUM(CASE WHEN s.rowid %% $%d = 0 THEN (SELECT COUNT(*) FROM %s
					WHERE f.id = s.rowid AND %s) END), 0)
			FROM %s s WHERE %s MATCH $1 AND s.rowid < $%d`, n+1, n+1, filtered, where, fts, fts, n+2)
		return sampleCount(ctx, db, r, q, append(args[:n:n], every, edge))
	}
}

// sampleCount runs sqliteEstimate's statement, which counts the matches older than the
// window, those of them sampled and those of the sample that pass the filters, and
// returns the estimate.
func sampleCount(ctx context.Context, db *DB, r querier, q string, args []any) (int, error) {
	var older, tried, kept int
	rows, err := db.queryIn(ctx, r, q, args...)
	if err != nil {
		return 0, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	if !rows.Next() { // an aggregate has a row, unless the query failed
		return 0, fmt.Errorf("search: %w", rows.Err())
	}
	if err := rows.Scan(&older, &tried, &kept); err != nil {
		return 0, fmt.Errorf("search: %w", db.dialect.translate(err))
	}
	return rankWindow + int(float64(older)*float64(kept)/float64(max(tried, 1))+0.5), nil
}

// estimateSample bounds the IDs whose matches sqliteEstimate tests against the filters.
const estimateSample = 2000
