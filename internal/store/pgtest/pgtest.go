// Package pgtest gives tests a PostgreSQL schema of their own on the database named by
// RONEO_TEST_POSTGRES (make test sets it), dropped when the test ends.
//
// It is for tests only and imports nothing of Roneo but testkit.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/roneo/roneo/internal/testkit"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// Env is the variable that names the test database.
const Env = "RONEO_TEST_POSTGRES"

// URL returns a connection URL whose search_path is a new, empty schema. It skips the
// test when RONEO_TEST_POSTGRES is unset and fails it when the database cannot be
// reached.
func URL(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(Env)
	if base == "" {
		testkit.Missing(tb, "%s is not set: `make test` points it at the local PostgreSQL", Env)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "roneo_test_" + hex.EncodeToString(b[:])
	db, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(context.Background(), `CREATE SCHEMA `+schema); err != nil {
		tb.Fatalf("PostgreSQL at %s: %v", redacted(base), err)
	}
	tb.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer db.Close()
		db.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`)
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func redacted(s string) string {
	if u, err := url.Parse(s); err == nil {
		return u.Redacted()
	}
	return "(unparsable URL)"
}
