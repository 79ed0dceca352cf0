package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// SQLiteFile is the database file's name inside the data directory.
const SQLiteFile = "roneo.db"

// OpenSQLite opens (creating if needed) the SQLite database in dir and applies pending
// migrations.
func OpenSQLite(ctx context.Context, dir string, opts Options) (*DB, error) {
	opts = opts.withDefaults()
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	path := filepath.Join(dir, SQLiteFile)
	unlock, err := lockSQLiteStartup(ctx, path)
	if err != nil {
		return nil, err
	}
	defer unlock()
	write, err := sql.Open("sqlite", sqliteDSN(path, false))
	if err != nil {
		return nil, err
	}
	// One writer: SQLite allows one at a time anyway, and queueing in Go avoids
	// SQLITE_BUSY on concurrent read-then-write transactions.
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	read, err := sql.Open("sqlite", sqliteDSN(path, true))
	if err != nil {
		write.Close()
		return nil, err
	}
	read.SetMaxOpenConns(opts.ReadConns)
	read.SetMaxIdleConns(opts.ReadConns)
	// A connection keeps the planner statistics it started with: renewing them now and
	// then lets the ones Optimize refreshes reach every reader.
	read.SetConnMaxLifetime(time.Hour)
	db := newDB(read, write, sqliteDialect, opts)
	// The migrator keeps a connection for itself while a migration that manages its
	// own transactions takes another.
	write.SetMaxOpenConns(2)
	err = db.migrate(ctx, goose.DialectSQLite3, "migrations/sqlite")
	write.SetMaxOpenConns(1)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if db.schema.WritesRefused {
		// The writer becomes a reader: every write path then fails, asked or not.
		readOnly, err := sql.Open("sqlite", sqliteDSN(path, true))
		if err != nil {
			db.Close()
			return nil, err
		}
		readOnly.SetMaxOpenConns(1)
		db.write.Close()
		db.write = readOnly
	} else if err := db.optimizeFilled(ctx); err != nil {
		// A database filled by an older version, or copied in, may have no statistics yet.
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	changes, err := startLogPeers(ctx, db, db.notify, opts.Log)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.peers = changes
	return db, nil
}

// sqliteDSN puts the pragmas in the DSN so that every pooled connection gets them.
// Writers take the lock when they begin (immediate), not when they first write.
func sqliteDSN(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(FULL)")
	// A long reader (a backup) lets the write-ahead log grow while it reads; once a
	// checkpoint has passed, the log is cut back to this size instead of keeping the
	// disk it took.
	q.Add("_pragma", "journal_size_limit(67108864)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// dialect holds what differs between the SQL databases. Each difference is a named field
// or helper here, never a fragment spliced into a shared query, and never a test of the
// dialect's name outside its definition (a test checks): shared code asks what it needs.
type dialect struct {
	name string // "sqlite" or "postgres", for messages
	// errorCode classifies a driver error; translate maps the class to store errors.
	errorCode func(error) errClass
	// position is the function that finds a string in another, case and accents as
	// they are: instr on SQLite, strpos on PostgreSQL (LIKE folds ASCII case on SQLite
	// only).
	position string
	// search is how the database stores and queries the search index.
	search *searchSQL
	// claimLock is what the subquery of a job's claim adds to lock the job it picks
	// (see claimQuery).
	claimLock string
	// snapshot makes a transaction that reads one consistent state of the database
	// while others keep writing.
	snapshot *sql.TxOptions
	// optimize refreshes the planner statistics that went stale (see DB.Optimize);
	// empty where the database does it on its own.
	optimize string
	// reloadStatistics makes the other connections plan with statistics just
	// gathered; empty where they do so on their own.
	reloadStatistics string
	// ownTables lists the tables of the store, to be analysed, where the database
	// holds others too; empty where ANALYZE alone is the store's.
	ownTables string
	// resetIdentity makes the next generated ID of table follow the largest one a copy
	// wrote.
	resetIdentity func(ctx context.Context, tx *sql.Tx, table string) error
	// checkpoint makes the database file alone the whole database (for an archive);
	// empty where there is no such file.
	checkpoint string
	// tableExists answers whether the table named by $1 exists where the migrations
	// create tables.
	tableExists string
}

// contains is the condition that column holds the text of param, exactly.
func (d *dialect) contains(column, param string) string {
	return d.position + "(" + column + ", " + param + ") > 0"
}

type errClass int

const (
	errOther errClass = iota
	errUnique
	errForeignKey
	errCheck
	errUnavailable
	// errReadOnly: a write on a connection that may not write, which this store opens
	// only when the schema is newer than it knows (see schema.go).
	errReadOnly
)

var sqliteDialect = &dialect{
	name:      "sqlite",
	errorCode: sqliteErrorClass,
	position:  "instr",
	search:    sqliteSearch,
	// One writer: the claim's UPDATE with its subquery is atomic as it stands.
	claimLock: "",
	// A read transaction is a snapshot already.
	snapshot: &sql.TxOptions{ReadOnly: true},
	// Every table checked (0x10000), analysed in full where needed (0x02, without the
	// approximate 0x10: sampled statistics mislead the related-reading query).
	optimize: `PRAGMA optimize=0x10002`,
	// A connection reads the statistics with the schema, so a change of schema makes
	// every reader take the new ones.
	reloadStatistics: `CREATE TABLE statistics_reload (x); DROP TABLE statistics_reload`,
	// The next ID follows the largest in the table.
	resetIdentity: func(context.Context, *sql.Tx, string) error { return nil },
	// Folds the write-ahead log into the database file.
	checkpoint:  `PRAGMA wal_checkpoint(TRUNCATE)`,
	tableExists: `SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = $1`,
}

func sqliteErrorClass(err error) errClass {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return errOther
	}
	switch se.Code() {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return errUnique
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return errForeignKey
	case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
		return errCheck
	case sqlite3.SQLITE_BUSY:
		return errUnavailable
	}
	if se.Code()&0xff == sqlite3.SQLITE_READONLY {
		return errReadOnly
	}
	return errOther
}

// translate maps driver errors to the store's sentinel errors, keeping the original
// message for logs. sql.ErrNoRows becomes store.ErrNotFound.
func (d *dialect) translate(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w: %w", store.ErrNotFound, err)
	}
	switch d.errorCode(err) {
	case errUnique:
		return fmt.Errorf("%w: %w", store.ErrConflict, err)
	case errForeignKey, errCheck:
		return fmt.Errorf("%w: %w", content.ErrInvalid, err)
	case errUnavailable:
		return fmt.Errorf("%w: %w", store.ErrUnavailable, err)
	case errReadOnly:
		return fmt.Errorf("%w: %w", ErrWritesRefused, err)
	}
	return err
}

// ErrCheckpointBusy: the write-ahead log could not be emptied because other
// connections were reading or writing; the next checkpoint will.
var ErrCheckpointBusy = errors.New("the write-ahead log could not be emptied: other connections were using the database")

// Checkpoint folds SQLite's write-ahead log into the database file and empties the log,
// so that the file alone is the whole database (for an archive) and the log gives back
// the disk it took (after a backup or a restore). It does nothing on PostgreSQL.
func (db *DB) Checkpoint(ctx context.Context) error {
	if db.dialect.checkpoint == "" {
		return nil
	}
	var busy, logPages, moved int
	err := db.write.QueryRowContext(ctx, db.dialect.checkpoint).Scan(&busy, &logPages, &moved)
	if err != nil {
		return db.dialect.translate(fmt.Errorf("checkpoint: %w", err))
	}
	if busy != 0 {
		return fmt.Errorf("%w (%d of %d pages folded)", ErrCheckpointBusy, moved, logPages)
	}
	return nil
}

// IsDiskFull reports whether err says that a disk is full: SQLite's "database or disk
// is full", or the operating system's ENOSPC.
func IsDiskFull(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_FULL {
		return true
	}
	return errors.Is(err, syscall.ENOSPC)
}
