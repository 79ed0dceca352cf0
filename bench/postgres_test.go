package main

import (
	"context"
	"database/sql"
	"os"
	"slices"
	"testing"

	"github.com/roneo/roneo/internal/testkit"
)

// TestSchema makes a schema as the benchmark does, connects through its URL as roneo
// would, and checks that the connection's server process is found and that the schema
// goes away. It needs RONEO_TEST_POSTGRES, as the store's tests do (make test sets it).
func TestSchema(t *testing.T) {
	base := os.Getenv(postgresEnv)
	if base == "" {
		testkit.Missing(t, "%s is not set: `make test` points it at the local PostgreSQL", postgresEnv)
	}
	ctx := context.Background()
	s, err := createSchema(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	roneo, err := sql.Open("pgx", s.url)
	if err != nil {
		t.Fatal(err)
	}
	defer roneo.Close()
	var pid int
	if _, err := roneo.ExecContext(ctx, `CREATE TABLE articles (id int)`); err != nil {
		t.Fatal(err)
	}
	if err := roneo.QueryRowContext(ctx, `SELECT pg_backend_pid()`).Scan(&pid); err != nil {
		t.Fatal(err)
	}
	if pids, err := s.backendPIDs(ctx); err != nil || !slices.Contains(pids, pid) {
		t.Errorf("backendPIDs = %v, %v; want it to hold %d", pids, err, pid)
	}
	if err := s.analyze(ctx); err != nil {
		t.Error(err)
	}
	if n, err := s.size(ctx); err != nil || n < 0 {
		t.Errorf("size = %d, %v", n, err)
	}
	roneo.Close()
	if err := s.drop(); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM pg_namespace WHERE nspname = $1`, s.name).Scan(&left); err != nil || left != 0 {
		t.Errorf("schema %s left after drop: %d, %v", s.name, left, err)
	}
}
