package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"net"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// defaultConnectTimeout bounds each connection attempt when the URL sets none, so that a
// host that drops packets makes start-up fail, and requests answer ErrUnavailable, in
// seconds rather than after the operating system's minutes.
const defaultConnectTimeout = 5 * time.Second

// OpenPostgres connects to the PostgreSQL database at url, applies pending migrations and
// starts listening for the changes other instances commit. Tables live in the URL's
// search_path (a runtime parameter: ?search_path=site1), so that one database can hold
// several sites. Errors name what is wrong with the URL or the server, never the password.
func OpenPostgres(ctx context.Context, url string, opts Options) (*DB, error) {
	opts = opts.withDefaults()
	cfg, err := parsePostgresURL(url)
	if err != nil {
		return nil, err
	}
	pool := stdlib.OpenDB(*cfg)
	pool.SetMaxOpenConns(opts.Conns)
	pool.SetMaxIdleConns(opts.Conns)
	db := newDB(pool, pool, postgresDialect, opts)
	if err := pool.PingContext(ctx); err != nil {
		db.Close()
		return nil, startupError(url, cfg, err)
	}
	schema, err := currentSchema(ctx, pool)
	if err != nil {
		db.Close()
		return nil, scrub(fmt.Errorf("postgres %s: %w", describeTarget(cfg), err), url, cfg)
	}
	locker, err := lock.NewPostgresSessionLocker(
		// One lock per schema: sites in other schemas of the database migrate meanwhile.
		lock.WithLockID(migrationLockID(schema)),
		// Probe every second for up to five minutes: the instance that holds the lock
		// is applying migrations, which take seconds, not the default's 5 s steps.
		lock.WithLockTimeout(1, 300),
	)
	if err != nil {
		db.Close()
		return nil, err
	}
	if err := db.migrate(ctx, goose.DialectPostgres, "migrations/postgres", goose.WithSessionLocker(locker)); err != nil {
		db.Close()
		return nil, scrub(fmt.Errorf("postgres %s, schema %s: %w", describeTarget(cfg), schema, err), url, cfg)
	}
	if db.schema.WritesRefused {
		// Every connection of the pool starts its transactions read-only: every write
		// path then fails, asked or not. The change listener keeps its own connection.
		readOnly := cfg.Copy()
		readOnly.RuntimeParams["default_transaction_read_only"] = "on"
		pool.Close()
		pool = stdlib.OpenDB(*readOnly)
		pool.SetMaxOpenConns(opts.Conns)
		pool.SetMaxIdleConns(opts.Conns)
		db.read, db.write = pool, pool
	}
	listener, err := startPeers(ctx, cfg, schema, db.notify, opts.Log)
	if err == nil {
		db.peers = listener
	}
	if err != nil {
		db.Close()
		return nil, startupError(url, cfg, fmt.Errorf("listening for changes: %w", err))
	}
	return db, nil
}

// parsePostgresURL reads the URL (or keyword/value string) the way libpq does.
func parsePostgresURL(url string) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, scrub(fmt.Errorf("postgres URL cannot be parsed: %w", err), url, nil)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = defaultConnectTimeout
	}
	return cfg, nil
}

// currentSchema is where the migrations create tables: the first schema of search_path
// that exists.
func currentSchema(ctx context.Context, pool *sql.DB) (string, error) {
	var schema sql.NullString
	if err := pool.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return "", err
	}
	if !schema.Valid {
		var path string
		if err := pool.QueryRowContext(ctx, `SHOW search_path`).Scan(&path); err != nil {
			return "", err
		}
		return "", fmt.Errorf("no schema of search_path %q exists: create it first", path)
	}
	return schema.String, nil
}

// migrationLockID names the advisory lock that serialises the migrations of one schema.
func migrationLockID(schema string) int64 {
	h := fnv.New64a()
	h.Write([]byte("roneo migrations " + schema))
	return int64(h.Sum64())
}

var postgresDialect = &dialect{
	name:      "postgres",
	errorCode: postgresErrorClass,
	position:  "strpos",
	search:    postgresSearch,
	// Several instances claim at once: the claim's subquery locks the row it picks, and
	// SKIP LOCKED makes a concurrent claim pass over it to the next due job instead of
	// waiting for it and then finding it taken.
	claimLock: " FOR UPDATE SKIP LOCKED",
	snapshot:  &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true},
	// Autovacuum refreshes the planner statistics; readers take them at once.
	optimize:         "",
	reloadStatistics: "",
	ownTables:        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
	resetIdentity:    postgresResetIdentity,
	checkpoint:       "",
	// to_regclass looks the name up along search_path, where the migrations create
	// tables.
	tableExists: `SELECT to_regclass($1) IS NOT NULL`,
}

// postgresResetIdentity moves the sequence of table's id column past its largest ID.
func postgresResetIdentity(ctx context.Context, tx *sql.Tx, table string) error {
	_, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+table+`', 'id'),
		GREATEST(COALESCE(MAX(id), 0), 1), COALESCE(MAX(id), 0) > 0) FROM `+table)
	return err
}

// postgresErrorClass classifies by SQLSTATE, and treats everything that says "the server
// or the way to it is gone" as unavailable: failed connects, the 08 class, shutdowns, and
// the network and EOF errors of a connection that broke under a query.
func postgresErrorClass(err error) errClass {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		// The caller gave up; that says nothing about the database.
		return errOther
	}
	var connect *pgconn.ConnectError
	if errors.As(err, &connect) {
		// Whatever the reason, even a database dropped under a running instance.
		return errUnavailable
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pgStateClass(pe.Code)
	}
	var netErr net.Error
	switch {
	case errors.As(err, &netErr),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, pgconn.ErrConnClosed), errors.Is(err, driver.ErrBadConn),
		errors.Is(err, sql.ErrConnDone):
		return errUnavailable
	}
	return errOther
}

func pgStateClass(code string) errClass {
	switch code {
	case "23505": // unique_violation
		return errUnique
	case "23503": // foreign_key_violation
		return errForeignKey
	case "23514", "23502": // check_violation, not_null_violation
		return errCheck
	case "22021", "22P05":
		// character_not_in_repertoire, untranslatable_character: text with a NUL byte
		// or invalid UTF-8, which PostgreSQL cannot store (SQLite can).
		return errCheck
	case "40001", "40P01":
		// serialization_failure, deadlock_detected: the transaction lost to a concurrent
		// one, which translate reports as ErrConflict, like a stale version: try again.
		return errUnique
	case "25006": // read_only_sql_transaction: see schema.go
		return errReadOnly
	case "57P01", "57P02", "57P03", "53300":
		// admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
		return errUnavailable
	}
	if strings.HasPrefix(code, "08") { // connection_exception and its subclasses
		return errUnavailable
	}
	return errOther
}
