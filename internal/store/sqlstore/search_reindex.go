package sqlstore

import (
	"context"
	"fmt"

	"github.com/roneo/roneo/internal/store"
)

// Reindex rebuilds every article's entry while the site keeps answering: batch after
// batch, each analysed before a write transaction of its own, so that writers wait for
// a batch's writing only. How the entries are replaced is the database's (see rebuild).
func (db *DB) Reindex(ctx context.Context, progress func(done, total int)) error {
	if progress == nil {
		progress = func(int, int) {}
	}
	if err := rebuildFor(db.dialect)(ctx, db, progress); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	return nil
}

// eachBatch reads, analyses and hands every article to write, a batch at a time, in ID
// order, and tells progress.
func (db *DB) eachBatch(ctx context.Context, b *indexBuilder, progress func(done, total int), write func([]indexEntry) error) error {
	var total int
	if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&total); err != nil {
		return db.dialect.translate(err)
	}
	var after int64
	done := 0
	for {
		srcs, err := b.read(ctx, db.read, after)
		if err != nil {
			return fmt.Errorf("reading articles: %w", db.dialect.translate(err))
		}
		if len(srcs) == 0 {
			return nil
		}
		if err := write(b.analyse(srcs)); err != nil {
			return err
		}
		after = srcs[len(srcs)-1].id
		done += len(srcs)
		progress(done, max(total, done))
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

// IndexStats counts the articles in the index and measures it. On SQLite the size is
// the pages of the FTS5 table's shadow tables, as the dbstat table reports them (modernc
// builds SQLite with it), plus the articles_search index searches filter through; on
// PostgreSQL, article_search with its GIN index and TOAST.
func (db *DB) IndexStats(ctx context.Context) (store.IndexStats, error) {
	var s store.IndexStats
	row := db.queryRow(ctx, searchFor(db.dialect).stats)
	if err := row.Scan(&s.Articles, &s.Bytes); err != nil {
		return s, fmt.Errorf("index stats: %w", db.dialect.translate(err))
	}
	return s, nil
}
