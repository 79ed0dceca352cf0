package sqlstore

import (
	"context"
	"fmt"

	"github.com/roneo/roneo/internal/store"
)

// Reindex rebuilds every entry while the site keeps answering, the articles' and then
// the documents' (from the text search_documents keeps of them): batch after batch,
// each analysed before a write transaction of its own, so that writers wait for a
// batch's writing only. How the entries are replaced is the database's (see rebuild).
func (db *DB) Reindex(ctx context.Context, progress func(done, total int)) error {
	if progress == nil {
		progress = func(int, int) {}
	}
	si := db.dialect.search
	total := 0
	for _, c := range si.collections() {
		var n int
		if err := db.read.QueryRowContext(ctx, c.count).Scan(&n); err != nil {
			return fmt.Errorf("reindex: %w", db.dialect.translate(err))
		}
		total += n
	}
	before := 0 // entries of the collections done
	for _, c := range si.collections() {
		done := 0
		err := si.rebuild(ctx, db, c, func(n int) {
			done = n
			progress(before+n, max(total, before+n))
		})
		if err != nil {
			return fmt.Errorf("reindex %s: %w", c.sources, err)
		}
		before += done
	}
	return nil
}

// eachBatch reads, analyses and hands every source of b's collection to write, a batch
// at a time, in ID order, and tells progress how many are done.
func (db *DB) eachBatch(ctx context.Context, b *indexBuilder, progress func(done int), write func([]indexEntry) error) error {
	var after int64
	done := 0
	for {
		srcs, err := b.read(ctx, db.read, after)
		if err != nil {
			return fmt.Errorf("reading %s: %w", b.c.sources, db.dialect.translate(err))
		}
		if len(srcs) == 0 {
			return nil
		}
		if err := write(b.analyse(srcs)); err != nil {
			return err
		}
		after = srcs[len(srcs)-1].id
		done += len(srcs)
		progress(done)
	}
}

// inTx runs fn in a write transaction of its own.
func (db *DB) inTx(ctx context.Context, fn func(q querier) error) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return db.dialect.translate(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return db.dialect.translate(err)
	}
	return db.dialect.translate(tx.Commit())
}

// IndexStats counts the articles and documents in the index and measures it. On SQLite
// the size is the pages of the FTS5 tables' shadow tables, as the dbstat table reports
// them (modernc builds SQLite with it), plus the indexes searches filter through; on
// PostgreSQL, article_search and document_search with their GIN indexes and TOAST. The
// documents' text, which search_documents keeps, is the site's data, not the index.
func (db *DB) IndexStats(ctx context.Context) (store.IndexStats, error) {
	var s store.IndexStats
	row := db.queryRow(ctx, db.dialect.search.stats)
	if err := row.Scan(&s.Articles, &s.Documents, &s.Bytes); err != nil {
		return s, fmt.Errorf("index stats: %w", db.dialect.translate(err))
	}
	return s, nil
}
