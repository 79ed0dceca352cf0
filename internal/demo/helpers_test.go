package demo

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/sqlstore"
)

// now is the clock of every test, so that dates and the store's idea of "now" agree.
var now = time.Date(2026, 3, 14, 10, 30, 0, 0, time.UTC)

// recordingStore is a real store that also keeps a copy of every article created through
// it, as stored: IDs, StoryIDs and normalised statuses included.
type recordingStore struct {
	store.Store
	mu       sync.Mutex
	articles []content.Article
}

func (s *recordingStore) Update(ctx context.Context, fn func(store.Tx) error) error {
	var created []content.Article
	err := s.Store.Update(ctx, func(tx store.Tx) error {
		created = created[:0]
		return fn(recordingTx{Tx: tx, created: &created})
	})
	if err == nil {
		s.mu.Lock()
		s.articles = append(s.articles, created...)
		s.mu.Unlock()
	}
	return err
}

type recordingTx struct {
	store.Tx
	created *[]content.Article
}

func (t recordingTx) CreateArticle(ctx context.Context, a *content.Article) error {
	if err := t.Tx.CreateArticle(ctx, a); err != nil {
		return err
	}
	*t.created = append(*t.created, *a)
	return nil
}

// MustOpen opens a fresh SQLite store whose clock is the tests' now.
func MustOpen(tb testing.TB) *sqlstore.DB { return MustOpenIn(tb, tb.TempDir()) }

// MustOpenIn opens the SQLite store in dir.
func MustOpenIn(tb testing.TB, dir string) *sqlstore.DB {
	tb.Helper()
	db, err := sqlstore.OpenSQLite(context.Background(), dir, sqlstore.Options{Clock: func() time.Time { return now }})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// MustGenerate fills a fresh store and returns it with what was created.
func MustGenerate(tb testing.TB, n int, seed int64) (*sqlstore.DB, *recordingStore, Stats) {
	tb.Helper()
	db := MustOpen(tb)
	rec := &recordingStore{Store: db}
	stats, err := Generate(context.Background(), rec, newEditorial(rec), Options{Articles: n, Seed: seed, Now: now})
	if err != nil {
		tb.Fatal(err)
	}
	return db, rec, stats
}

// newEditorial is the editorial core on st, on the tests' clock.
func newEditorial(st editorial.Store) *editorial.Service {
	return editorial.New(st, editorial.Config{Clock: func() time.Time { return now }})
}
