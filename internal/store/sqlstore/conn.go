package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/roneo/roneo/internal/store"
)

// conn is where a topic's statements run: the read pool through its statement cache, or
// a write transaction. Each topic's reading code is written once against it, so that a
// use case reads through the transaction it writes in and the site reads through the
// pool, with the same SQL.
type conn interface {
	// query runs a fixed query text; queryOnce one assembled from optional filters,
	// which is not prepared for later.
	query(ctx context.Context, q string, args ...any) (*rows, error)
	queryOnce(ctx context.Context, q string, args ...any) (*rows, error)
	// queryRow runs a query expected to return one row; errors, a missing row included
	// (store.ErrNotFound), come from Scan.
	queryRow(ctx context.Context, q string, args ...any) *row
	dialect() *dialect
	now() time.Time
}

// rows translates the errors of reading a result too: a connection lost in the middle
// of one shows up there, and must reach callers as store.ErrUnavailable.
type rows struct {
	*sql.Rows
	d    *dialect
	fail func(error) // a write transaction's: see tx.fail
}

func (r *rows) Scan(dest ...any) error { return r.record(r.Rows.Scan(dest...)) }
func (r *rows) Err() error             { return r.record(r.Rows.Err()) }

func (r *rows) record(err error) error {
	err = r.d.translate(err)
	if err != nil && r.fail != nil {
		r.fail(err)
	}
	return err
}

// row is one row of a result. Its Scan translates errors to the store's, and in a
// write transaction remembers a failed statement, so that the transaction refuses to
// commit even when the caller ignored the error.
type row struct {
	r    *sql.Row
	err  error // a failure before the query ran (preparing it)
	d    *dialect
	fail func(error)
}

func (r *row) Scan(dest ...any) error {
	err := r.err
	if err == nil {
		err = r.r.Scan(dest...)
	}
	if err == nil {
		return nil
	}
	err = r.d.translate(err)
	// A missing row is an answer, not a failed statement: no database aborts a
	// transaction for it.
	if r.fail != nil && !errors.Is(err, store.ErrNotFound) {
		r.fail(err)
	}
	return err
}

// pool is the read pool as a conn.
type pool struct{ db *DB }

func (p pool) dialect() *dialect { return p.db.dialect }
func (p pool) now() time.Time    { return p.db.now() }

func (p pool) query(ctx context.Context, q string, args ...any) (*rows, error) {
	return p.db.query(ctx, q, args...)
}

func (p pool) queryOnce(ctx context.Context, q string, args ...any) (*rows, error) {
	return p.db.queryOnce(ctx, q, args...)
}

func (p pool) queryRow(ctx context.Context, q string, args ...any) *row {
	if observe := p.db.observe.Load(); observe != nil {
		(*observe)(q, args)
	}
	s, err := p.db.stmt(ctx, q)
	if err != nil {
		return &row{err: err, d: p.db.dialect}
	}
	return &row{r: s.QueryRowContext(ctx, args...), d: p.db.dialect}
}

// readers are the reading interfaces of content, on one conn. DB embeds them on the
// read pool, a transaction on itself.
type readers struct {
	articleSQL
	taxonomySQL
	dossierSQL
	revisionSQL
	redirectSQL
	photoSQL
}

func readersOn(c conn) readers {
	return readers{
		articleSQL: articleSQL{c}, taxonomySQL: taxonomySQL{c}, dossierSQL: dossierSQL{c},
		revisionSQL: revisionSQL{c}, redirectSQL: redirectSQL{c}, photoSQL: photoSQL{c},
	}
}
