package sqlstore

import (
	"fmt"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// fillArticles writes n published articles, enough for ANALYZE to have something to say.
func fillArticles(t *testing.T, db *DB, n int) {
	t.Helper()
	err := db.Update(t.Context(), func(tx store.Tx) error {
		for i := range n {
			if err := tx.CreateArticle(t.Context(), &content.Article{Kind: content.KindArticle, Lang: "fr",
				Slug: fmt.Sprint("a", i), Title: fmt.Sprint("Article ", i), Status: content.StatusPublished}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// SQLite keeps the counts ANALYZE gathers but not its value samples: with samples, every
// prepared query whose plan could depend on a bound value was compiled again on each
// call, which doubled the time of an article page.
func TestAnalyzeKeepsCountsWithoutSamples(t *testing.T) {
	db, err := OpenSQLite(t.Context(), t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	fillArticles(t, db, 50)
	for name, refresh := range map[string]func() error{
		"Analyze":  func() error { return db.Analyze(t.Context()) },
		"Optimize": func() error { return db.Optimize(t.Context()) },
	} {
		if err := refresh(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var counts, samples int
		if err := db.read.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'articles'`).Scan(&counts); err != nil {
			t.Fatal(err)
		}
		if err := db.read.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM sqlite_stat4`).Scan(&samples); err != nil {
			t.Fatal(err)
		}
		if counts == 0 || samples != 0 {
			t.Errorf("after %s: %d counts for the articles' indexes, %d samples; want counts and no samples", name, counts, samples)
		}
	}
}

// On PostgreSQL a bare ANALYZE reads every table of the database: Analyze reads the
// store's own schema only, so that sites (and tests) in other schemas are left alone.
func TestAnalyzeReadsOnlyItsOwnSchema(t *testing.T) {
	mine := mustOpenPostgres(t, newTestSchema(t), Options{})
	other := mustOpenPostgres(t, newTestSchema(t), Options{})
	fillArticles(t, mine, 20)
	fillArticles(t, other, 20)
	if err := mine.Analyze(t.Context()); err != nil {
		t.Fatal(err)
	}
	analysed := func(db *DB) int {
		var n int
		// The statistics collector reports asynchronously; the catalog has the counts.
		err := db.read.QueryRowContext(t.Context(), `SELECT c.reltuples::int FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = current_schema() AND c.relname = 'articles'`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if got := analysed(mine); got != 20 {
		t.Errorf("the store's own articles table: %d rows estimated after Analyze, want 20", got)
	}
	if got := analysed(other); got == 20 {
		t.Errorf("another schema's articles table was analysed too")
	}
}

// A new database gets no statistics when it opens: measured nearly empty, they misled the
// planner while demo content filled it. Once it holds articles, opening refreshes them.
func TestOpeningOptimizesFilledDatabasesOnly(t *testing.T) {
	dir := t.TempDir()
	stats := func(db *DB) int {
		var n int
		err := db.read.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return 0
		}
		if err := db.read.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'articles'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	db, err := OpenSQLite(t.Context(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := stats(db); n != 0 {
		t.Errorf("a new database has statistics for %d indexes of articles", n)
	}
	fillArticles(t, db, 30)
	db.Close()
	if db, err = OpenSQLite(t.Context(), dir, Options{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if n := stats(db); n == 0 {
		t.Error("opening a database with articles gathered no statistics for them")
	}
}
