// Package sqlstore implements the store interfaces on database/sql. The SQL is written
// once where SQLite and PostgreSQL agree; where they differ, the difference sits in a
// named helper of the dialect (sqlite.go, postgres.go), never spliced into query strings
// inline.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/roneo/roneo/internal/store"
)

// DB is a store backed by a SQL database. Reads go through a pool of connections; writes
// through a separate pool, which for SQLite holds a single connection so that writers
// queue in Go instead of failing with SQLITE_BUSY. On PostgreSQL both are one pool.
type DB struct {
	readers // on the read pool
	read    *sql.DB
	write   *sql.DB
	dialect *dialect
	now     func() time.Time
	// peers carries committed changes to and from other instances and processes sharing
	// the database: PostgreSQL's notifications, or SQLite's change log.
	peers peers
	log   *slog.Logger
	// schema compares the database's schema with this program's (see schema.go);
	// allowNewerSchema lets it write to a newer one all the same.
	schema           store.SchemaStatus
	allowNewerSchema bool

	stmts sync.Map // query text → *sql.Stmt prepared on the read pool
	// observe, when set (by tests only), sees every query of the read pool. It is set
	// while background readers (the peers' log) already run.
	observe atomic.Pointer[func(query string, args []any)]

	mu     sync.Mutex
	subs   map[int]func(store.Change)
	nextID int
}

// peers sends this instance's changes to the others and hears theirs.
type peers interface {
	// announce records change inside the transaction that makes it, so that the others
	// hear of it only if it commits.
	announce(ctx context.Context, tx *sql.Tx, c store.Change) error
	// hearing reports whether the others' changes reach this instance now.
	hearing() bool
	close()
}

// Hearing reports whether changes made by other instances and processes reach this
// one now.
func (db *DB) Hearing() bool { return db.peers == nil || db.peers.hearing() }

var _ store.Store = (*DB)(nil)

// Options configure a DB.
type Options struct {
	// Clock returns the current time; tests pass a fake one. Defaults to time.Now.
	Clock func() time.Time
	// ReadConns bounds the read pool. Defaults to 4: each connection keeps its own page
	// cache, and queries are short enough that more would only add memory.
	ReadConns int
	// Conns bounds PostgreSQL's one pool, which serves reads and writes. Defaults to 10;
	// at least 2, as migrations hold one connection for their lock and use another.
	Conns int
	// Log hears what happens in the background with no caller to return an error to:
	// the PostgreSQL change listener losing its connection. Nil discards.
	Log *slog.Logger
	// AllowNewerSchema writes to a database whose schema is newer than this program's
	// even where its newer migrations are not marked safe for older versions. Without
	// it, such a database is read-only (see schema.go).
	AllowNewerSchema bool
}

func (o Options) withDefaults() Options {
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.ReadConns <= 0 {
		o.ReadConns = 4
	}
	if o.Conns <= 0 {
		o.Conns = 10
	}
	o.Conns = max(o.Conns, 2)
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return o
}

func newDB(read, write *sql.DB, d *dialect, opts Options) *DB {
	db := &DB{read: read, write: write, dialect: d, now: opts.Clock, log: opts.Log, allowNewerSchema: opts.AllowNewerSchema}
	db.readers = readersOn(pool{db})
	return db
}

// Close stops listening to other instances and closes both pools.
func (db *DB) Close() error {
	if db.peers != nil {
		db.peers.close()
	}
	db.stmts.Range(func(_, v any) bool {
		v.(*sql.Stmt).Close()
		return true
	})
	return errors.Join(db.read.Close(), db.write.Close())
}

// Subscribe registers fn to be called after every committed change.
func (db *DB) Subscribe(fn func(store.Change)) (cancel func()) {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.subs == nil {
		db.subs = map[int]func(store.Change){}
	}
	id := db.nextID
	db.nextID++
	db.subs[id] = fn
	return func() {
		db.mu.Lock()
		defer db.mu.Unlock()
		delete(db.subs, id)
	}
}

func (db *DB) notify(c store.Change) {
	if c.Empty() {
		return
	}
	db.mu.Lock()
	subs := make([]func(store.Change), 0, len(db.subs))
	for _, fn := range db.subs {
		subs = append(subs, fn)
	}
	db.mu.Unlock()
	for _, fn := range subs {
		fn(c)
	}
}

// Update runs fn in one write transaction.
func (db *DB) Update(ctx context.Context, fn func(store.Tx) error) error {
	if db.schema.WritesRefused {
		return db.writesRefused()
	}
	sqlTx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return db.dialect.translate(fmt.Errorf("begin: %w", err))
	}
	t := newTx(db, sqlTx)
	defer func() {
		t.closeStatements()
		sqlTx.Rollback() // a no-op once committed; undoes everything on error or panic
	}()
	if err := fn(t); err != nil {
		return err
	}
	if t.failed != nil {
		return fmt.Errorf("a statement of the transaction failed, so none was kept: %w", t.failed)
	}
	if err := t.flushIndex(ctx); err != nil {
		return err
	}
	change := t.change()
	if db.peers != nil && !change.Empty() {
		if err := db.peers.announce(ctx, sqlTx, change); err != nil {
			return db.dialect.translate(fmt.Errorf("announce changes: %w", err))
		}
	}
	if err := sqlTx.Commit(); err != nil {
		return db.dialect.translate(fmt.Errorf("commit: %w", err))
	}
	db.notify(change)
	return nil
}

// stmt returns a statement prepared once on the read pool. Only fixed query texts go
// through it, so the cache stays small.
func (db *DB) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if s, ok := db.stmts.Load(query); ok {
		return s.(*sql.Stmt), nil
	}
	s, err := db.read.PrepareContext(ctx, query)
	if err != nil {
		return nil, db.dialect.translate(fmt.Errorf("prepare: %w", err))
	}
	if prev, loaded := db.stmts.LoadOrStore(query, s); loaded {
		s.Close()
		return prev.(*sql.Stmt), nil
	}
	return s, nil
}

// query runs a fixed read query through the statement cache.
func (db *DB) query(ctx context.Context, query string, args ...any) (*rows, error) {
	if observe := db.observe.Load(); observe != nil {
		(*observe)(query, args)
	}
	s, err := db.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	r, err := s.QueryContext(ctx, args...)
	if err != nil {
		return nil, db.dialect.translate(err)
	}
	return &rows{Rows: r, d: db.dialect}, nil
}

// queryOnce runs a read query without preparing it for later: for texts assembled from
// many optional filters, whose variants would fill the statement cache.
func (db *DB) queryOnce(ctx context.Context, query string, args ...any) (*rows, error) {
	if observe := db.observe.Load(); observe != nil {
		(*observe)(query, args)
	}
	r, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, db.dialect.translate(err)
	}
	return &rows{Rows: r, d: db.dialect}, nil
}

// queryRow runs a fixed read query expected to return one row.
func (db *DB) queryRow(ctx context.Context, query string, args ...any) *row {
	return pool{db}.queryRow(ctx, query, args...)
}
