package sqlstore

import (
	"context"
	"fmt"

	"github.com/roneo/roneo/internal/store"
)

// Reindex rewrites every article's entry, batch after batch, each batch in a write
// transaction of its own: analysis happens before the transaction, so that writers wait
// for a batch's writing only, some tens of milliseconds. An article saved while its
// batch was being analysed keeps the entry its save wrote. Readers keep finding articles
// throughout: entries are replaced, never emptied first.
func (db *DB) Reindex(ctx context.Context, progress func(done, total int)) error {
	var total int
	if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&total); err != nil {
		return fmt.Errorf("reindex: %w", db.dialect.translate(err))
	}
	b := newIndexBuilder(db.dialect)
	var after int64
	done := 0
	for {
		srcs, err := b.read(ctx, db.read, after)
		if err != nil {
			return fmt.Errorf("reindex: reading articles: %w", db.dialect.translate(err))
		}
		if len(srcs) == 0 {
			return nil
		}
		entries := b.analyse(srcs)
		if err := db.writeBatch(ctx, b, entries); err != nil {
			return fmt.Errorf("reindex: %w", err)
		}
		after = srcs[len(srcs)-1].id
		done += len(srcs)
		if progress != nil {
			progress(min(done, max(total, done)), max(total, done))
		}
	}
}

func (db *DB) writeBatch(ctx context.Context, b *indexBuilder, entries []indexEntry) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return db.dialect.translate(err)
	}
	defer tx.Rollback()
	if err := b.write(ctx, tx, entries, true); err != nil {
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
	row, err := db.queryRow(ctx, searchFor(db.dialect).stats)
	if err != nil {
		return s, err
	}
	if err := row.Scan(&s.Articles, &s.Bytes); err != nil {
		return s, fmt.Errorf("index stats: %w", db.dialect.translate(err))
	}
	return s, nil
}
