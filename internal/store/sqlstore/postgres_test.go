package sqlstore

import (
	"context"
	"crypto/rand"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/storetest"
	"github.com/roneo/roneo/internal/testkit"
)

// TestPostgres runs the store suite on PostgreSQL, each test in a schema of its own.
func TestPostgres(t *testing.T) {
	storetest.Run(t, func(t *testing.T, clock func() time.Time) store.Store {
		return mustOpenPostgres(t, newTestSchema(t), Options{Clock: clock})
	})
}

func TestPostgresOpenEmptySchema(t *testing.T) {
	db := mustOpenPostgres(t, newTestSchema(t), Options{})
	site, err := db.Site(t.Context())
	if err != nil || site.Name != content.DefaultSite().Name {
		t.Fatalf("Site on a new schema: %+v, %v", site, err)
	}
	if _, err := db.Article(t.Context(), "fr", "anything"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Article on a new schema: %v, want ErrNotFound", err)
	}
}

// testPostgresURL is the server the tests use, from RONEO_TEST_POSTGRES.
func testPostgresURL(tb testing.TB) string {
	tb.Helper()
	u := os.Getenv("RONEO_TEST_POSTGRES")
	if u == "" {
		testkit.Missing(tb, "RONEO_TEST_POSTGRES is not set: no PostgreSQL to test against (make test sets it)")
	}
	return u
}

// newTestSchema creates an empty schema, drops it when the test ends, and returns a URL
// whose search_path points into it: pgx sends unknown URL parameters to the server as
// runtime parameters.
func newTestSchema(tb testing.TB) string {
	tb.Helper()
	base := testPostgresURL(tb)
	schema := "roneo_test_" + strings.ToLower(rand.Text())
	mustExec(tb, base, `CREATE SCHEMA `+schema)
	tb.Cleanup(func() { mustExec(tb, base, `DROP SCHEMA `+schema+` CASCADE`) })
	return withParam(tb, base, "search_path", schema)
}

// mustExec runs sql on a connection of its own, outside any store.
func mustExec(tb testing.TB, dbURL, sql string, args ...any) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
}

// mustQueryInt runs a query that returns one number, on a connection of its own.
func mustQueryInt(tb testing.TB, sql string, args ...any) int64 {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, testPostgresURL(tb))
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	var n int64
	if err := conn.QueryRow(ctx, sql, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
	return n
}

func withParam(tb testing.TB, dbURL, key, value string) string {
	tb.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		tb.Fatalf("RONEO_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String()
}

// mustOpenPostgres opens the store at dbURL and closes it when the test ends.
func mustOpenPostgres(tb testing.TB, dbURL string, opts Options) *DB {
	tb.Helper()
	db, err := OpenPostgres(context.Background(), dbURL, opts)
	if err != nil {
		tb.Fatalf("OpenPostgres: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}
