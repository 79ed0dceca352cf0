package sqlstore_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/sqlstore"
	"github.com/roneo/roneo/internal/store/storetest"
)

func TestSQLite(t *testing.T) {
	storetest.Run(t, func(t *testing.T, clock func() time.Time) store.Store {
		return mustOpen(t, t.TempDir(), clock)
	})
}

// mustOpen opens the SQLite store in dir and closes it when the test ends.
func mustOpen(tb testing.TB, dir string, clock func() time.Time) *sqlstore.DB {
	tb.Helper()
	db, err := sqlstore.OpenSQLite(context.Background(), dir, sqlstore.Options{Clock: clock})
	if err != nil {
		tb.Fatalf("OpenSQLite(%s): %v", dir, err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestSQLiteOpenEmptyDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "not", "yet", "there")
	db := mustOpen(t, dir, time.Now)
	if _, err := os.Stat(filepath.Join(dir, sqlstore.SQLiteFile)); err != nil {
		t.Fatalf("database file: %v", err)
	}
	site, err := db.Site(t.Context())
	if err != nil || site.Name != content.DefaultSite().Name {
		t.Fatalf("Site on a new database: %+v, %v", site, err)
	}
	if _, err := db.Article(t.Context(), "fr", "anything"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Article on a new database: %v, want ErrNotFound", err)
	}
}

// TestSQLiteReopen checks that opening again migrates nothing and loses nothing, whether
// the first handle is still open (two instances on one directory) or closed.
func TestSQLiteReopen(t *testing.T) {
	dir := t.TempDir()
	first, err := sqlstore.OpenSQLite(t.Context(), dir, sqlstore.Options{})
	if err != nil {
		t.Fatalf("first open: %v", err)
	}
	a := &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: "kept", Title: "Kept",
		Status: content.StatusPublished, PublishAt: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)}
	storetest.MustUpdate(t, first, func(tx store.Tx) error {
		if err := tx.PutSite(t.Context(), content.Site{Name: "Kept", Langs: []content.Lang{"fr"}, Location: time.UTC}); err != nil {
			return err
		}
		return tx.CreateArticle(t.Context(), a)
	})

	second := mustOpen(t, dir, time.Now)
	checkKept(t, "second handle, first still open", second, a)
	storetest.MustUpdate(t, second, func(tx store.Tx) error {
		return tx.CreateTag(t.Context(), &content.Tag{Lang: "fr", Slug: "from-second", Name: "T"})
	})
	if _, err := first.Tag(t.Context(), "fr", "from-second"); err != nil {
		t.Errorf("first handle does not see the second's write: %v", err)
	}
	if err := first.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}

	third := mustOpen(t, dir, time.Now)
	checkKept(t, "after close and reopen", third, a)
}

func checkKept(t *testing.T, when string, db *sqlstore.DB, want *content.Article) {
	t.Helper()
	got, err := db.Article(t.Context(), want.Lang, want.Slug)
	if err != nil {
		t.Fatalf("%s: Article: %v", when, err)
	}
	if got.ID != want.ID || got.Title != want.Title || !got.PublishAt.Equal(want.PublishAt) {
		t.Errorf("%s: article %+v, want %+v", when, got, want)
	}
	if site, err := db.Site(t.Context()); err != nil || site.Name != "Kept" {
		t.Errorf("%s: site %q, %v; want the saved name", when, site.Name, err)
	}
}
