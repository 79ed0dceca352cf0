package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// pgSchema is the PostgreSQL schema the benchmark makes for itself in the -postgres
// database, so that it neither needs an empty database nor touches anything else in it.
type pgSchema struct {
	name string
	db   *sql.DB // the benchmark's own connection, outside the schema
	url  string  // what roneo is given: the -postgres URL with search_path and application_name
}

// createSchema makes a schema with a random name. Roneo reaches it through the URL's
// search_path, which pgx sends as a runtime parameter; application_name, set to the
// schema's name, tells the server processes of roneo's connections apart from those of
// anything else using the database, so that their CPU is counted as the database's.
func createSchema(ctx context.Context, base string) (*pgSchema, error) {
	var b [6]byte
	rand.Read(b[:])
	name := "roneo_bench_" + hex.EncodeToString(b[:])
	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("-postgres: %w", err)
	}
	q := u.Query()
	q.Set("search_path", name)
	q.Set("application_name", name)
	u.RawQuery = q.Encode()
	db, err := sql.Open("pgx", base)
	if err != nil {
		return nil, fmt.Errorf("-postgres: %w", err)
	}
	if _, err := db.ExecContext(ctx, `CREATE SCHEMA `+name); err != nil {
		db.Close()
		return nil, fmt.Errorf("PostgreSQL at %s: %w (start it, point -postgres at another, or leave out the scenarios that need it: -only %s)",
			redacted(base), err, strings.Join(withoutPostgres(), ","))
	}
	return &pgSchema{name: name, db: db, url: u.String()}, nil
}

// analyze gathers the planner's statistics, as autovacuum would soon after a copy on a
// production server; without them (autovacuum is off on our test machines) the
// uncached scenario would measure plans made blind.
func (s *pgSchema) analyze(ctx context.Context) error {
	tables, err := s.tables(ctx)
	if err != nil {
		return err
	}
	for _, t := range tables {
		if _, err := s.db.ExecContext(ctx, `ANALYZE `+s.name+`.`+t); err != nil {
			return fmt.Errorf("analyze %s: %w", t, err)
		}
	}
	return nil
}

func (s *pgSchema) tables(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = $1`, s.name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// size is what the schema's tables, indexes and TOAST take on disk.
func (s *pgSchema) size(ctx context.Context) (int64, error) {
	var n sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT sum(pg_total_relation_size(c.oid))::bigint
		FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
		WHERE ns.nspname = $1 AND c.relkind IN ('r', 'm')`, s.name).Scan(&n)
	return n.Int64, err
}

// backendPIDs are the server processes of roneo's connections to the schema.
func (s *pgSchema) backendPIDs(ctx context.Context) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT pid FROM pg_stat_activity WHERE application_name = $1`, s.name)
	if err != nil {
		return nil, fmt.Errorf("PostgreSQL backends: %w", err)
	}
	defer rows.Close()
	var pids []int
	for rows.Next() {
		var pid int
		if err := rows.Scan(&pid); err != nil {
			return nil, err
		}
		pids = append(pids, pid)
	}
	return pids, rows.Err()
}

// drop removes the schema and everything in it. It runs after an interruption too, so
// it does not take the benchmark's (cancelled) context.
func (s *pgSchema) drop() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := s.db.ExecContext(ctx, `DROP SCHEMA `+s.name+` CASCADE`)
	return err
}

func (s *pgSchema) close() { s.db.Close() }

// redacted is a URL without its password, for messages.
func redacted(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Redacted()
	}
	return "(an unparsable URL)"
}

// withoutPostgres are the scenarios that run without PostgreSQL.
func withoutPostgres() []string {
	return slices.DeleteFunc(defaultScenarios(), func(name string) bool {
		return slices.Contains(postgresScenarios, name)
	})
}
