package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// maxKeys bounds the keys one change names. A change that touches more pages than this
// is too wide to name; it touches everything, which costs the caches a refill, not
// correctness.
const maxKeys = 400

// tx is one write transaction. It prepares each query text once, reads through itself
// (readers), remembers the first statement that failed so that it never commits after
// one, and gathers what it changed for the subscribers.
type tx struct {
	readers
	db    *DB
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// failed is the first statement error: after one, PostgreSQL refuses the rest of the
	// transaction, but SQLite would commit whatever had been written.
	failed error

	keys   content.Keys
	named  bool // Affect was called: the caller named what the change touches, maybe nothing
	all    bool // the change touches every page
	wrote  bool // content was written: without keys, that touches everything
	queued bool // jobs were queued
	// pendingIndex holds search index entries to write just before the commit (SQLite).
	pendingIndex map[int64]indexEntry
}

var _ store.Tx = (*tx)(nil)

func newTx(db *DB, sqlTx *sql.Tx) *tx {
	t := &tx{db: db, tx: sqlTx, stmts: map[string]*sql.Stmt{}, keys: content.Keys{}}
	t.readers = readersOn(t)
	return t
}

func (t *tx) closeStatements() {
	for _, s := range t.stmts {
		s.Close()
	}
}

// fail remembers the first failed statement.
func (t *tx) fail(err error) {
	if err != nil && t.failed == nil {
		t.failed = err
	}
}

func (t *tx) dialect() *dialect { return t.db.dialect }
func (t *tx) now() time.Time    { return t.db.now() }

func (t *tx) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if s := t.stmts[query]; s != nil {
		return s, nil
	}
	s, err := t.tx.PrepareContext(ctx, query)
	if err != nil {
		err = t.db.dialect.translate(fmt.Errorf("prepare: %w", err))
		t.fail(err)
		return nil, err
	}
	t.stmts[query] = s
	return s, nil
}

func (t *tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s, err := t.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	res, err := s.ExecContext(ctx, args...)
	err = t.db.dialect.translate(err)
	t.fail(err)
	return res, err
}

func (t *tx) query(ctx context.Context, query string, args ...any) (*rows, error) {
	s, err := t.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	r, err := s.QueryContext(ctx, args...)
	if err != nil {
		err = t.db.dialect.translate(err)
		t.fail(err)
		return nil, err
	}
	return &rows{Rows: r, d: t.db.dialect, fail: t.fail}, nil
}

func (t *tx) queryOnce(ctx context.Context, query string, args ...any) (*rows, error) {
	r, err := t.tx.QueryContext(ctx, query, args...)
	if err != nil {
		err = t.db.dialect.translate(err)
		t.fail(err)
		return nil, err
	}
	return &rows{Rows: r, d: t.db.dialect, fail: t.fail}, nil
}

func (t *tx) queryRow(ctx context.Context, query string, args ...any) *row {
	s, err := t.prepared(ctx, query)
	if err != nil {
		return &row{err: err, d: t.db.dialect}
	}
	return &row{r: s.QueryRowContext(ctx, args...), d: t.db.dialect, fail: t.fail}
}

// Affect names keys the change touches. Calling it with none says the change touches no
// public page (a draft that stays a draft).
func (t *tx) Affect(keys ...content.Key) {
	t.named = true
	t.keys.Add(keys...)
}

// AffectAll says the change touches every page.
func (t *tx) AffectAll() { t.all = true }

// wroteContent marks a write that public pages may show.
func (t *tx) wroteContent() { t.wrote = true }

// change is what subscribers are told once the transaction commits.
func (t *tx) change() store.Change {
	c := store.Change{Jobs: t.queued}
	switch {
	case t.all, len(t.keys) > maxKeys, t.wrote && !t.named:
		c.All = true
	default:
		c.Keys = t.keys.Sorted()
	}
	return c
}
