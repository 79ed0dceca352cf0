package sqlstore

import (
	"errors"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/testkit"
)

// TestPostgresUnavailable cuts a store off its server: reads and writes must fail with
// ErrUnavailable, quickly, and work again on the same DB once the server is back.
func TestPostgresUnavailable(t *testing.T) {
	proxy, viaProxy := pgtest.NewProxy(t, newTestSchema(t))
	db := mustOpenPostgres(t, viaProxy, Options{Conns: 4})

	ctx := t.Context()
	write := func(slug string) error {
		return db.Update(ctx, func(tx store.Tx) error {
			return tx.CreateArticle(ctx, &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: slug,
				Title: "T", Status: content.StatusPublished})
		})
	}
	// Each way of reaching the database: statements with one row, with many, and Update.
	calls := map[string]func() error{
		"Article": func() error { _, err := db.Article(ctx, "fr", "before"); return err },
		"Articles": func() error {
			_, err := db.Articles(ctx, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: 10})
			return err
		},
		"Site":     func() error { _, err := db.Site(ctx); return err },
		"Sections": func() error { _, err := db.Sections(ctx); return err },
		"Stats":    func() error { _, err := db.Stats(ctx); return err },
		"Update":   func() error { return write("during") },
	}
	if err := write("before"); err != nil {
		t.Fatalf("Update before the cut: %v", err)
	}
	// Pooled connections with statements prepared on them, used a moment ago: the cut
	// breaks them in the middle of their life, not at their next health check.
	for name, call := range calls {
		if name == "Update" {
			continue // it writes what must not exist
		}
		if err := call(); err != nil {
			t.Fatalf("%s before the cut: %v", name, err)
		}
	}

	heard := listen(db)
	proxy.Break()
	for name, call := range calls {
		start := time.Now()
		err := call()
		if !errors.Is(err, store.ErrUnavailable) {
			t.Errorf("%s while cut off: %v, want ErrUnavailable", name, err)
		}
		t.Logf("%s while cut off: %v", name, err)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s took %v to fail", name, d)
		}
	}

	// The listener lost its connection too: while it cannot hear, caches must not be
	// trusted; once it hears again, it has told them everything may have changed.
	testkit.Within(t, 5*time.Second, "the store says it cannot hear others", func() bool { return !db.Hearing() })
	proxy.Restore()
	testkit.Within(t, 5*time.Second, "the store hears others again", db.Hearing)
	if n := heard.count(isEverything); n != 1 {
		t.Errorf("told %d times that everything may have changed, want once", n)
	}
	if _, err := db.Article(ctx, "fr", "during"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the article written while cut off: %v, want ErrNotFound", err)
	}
	for name, call := range calls {
		if err := call(); err != nil {
			t.Errorf("%s once the server is back: %v", name, err)
		}
	}
}
