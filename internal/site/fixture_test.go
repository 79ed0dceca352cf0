package site_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/store/sqlstore"
	"github.com/roneo/roneo/internal/store/storetest"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/web"
)

// fixture is a small site with one of everything, and handles on what tests look for.
type fixture struct {
	store   store.Store
	site    *site.Server
	clock   *storetest.Clock
	r       *render.Renderer
	media   *media.Dir
	ids     map[string]int64 // name → ID of what the fixture made
	persons map[string]*content.Person
}

var start = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// newFixture builds the site on a fresh SQLite store with pageCache bytes of page cache
// and media in a fresh directory.
func newFixture(t testing.TB, pageCache int64, configure ...func(*site.Config)) *fixture {
	t.Helper()
	clock := storetest.NewClock(start)
	st, err := sqlstore.OpenSQLite(context.Background(), t.TempDir(), sqlstore.Options{Clock: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return newFixtureOn(t, st, clock, pageCache, configure...)
}

// newFixtureOn fills st and builds the site on it.
func newFixtureOn(t testing.TB, st store.Store, clock *storetest.Clock, pageCache int64, configure ...func(*site.Config)) *fixture {
	t.Helper()
	var err error
	f := &fixture{store: st, clock: clock, r: render.New(), ids: map[string]int64{}, persons: map[string]*content.Person{}}
	f.fill(t)
	if f.media, err = media.NewDir(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("https://news.example.org")
	cfg := site.Config{BaseURL: base, PageCacheBytes: pageCache, Theme: web.FS, Clock: clock.Now, Media: f.media}
	for _, c := range configure {
		c(&cfg)
	}
	f.site, err = site.New(context.Background(), st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(f.site.Close)
	return f
}

// publishDue publishes the scheduled articles whose time has come, as the scheduler's
// job does, and returns their IDs.
func (f *fixture) publishDue(t testing.TB) []int64 {
	t.Helper()
	ids, err := editorial.New(f.store, editorial.Config{Renderer: f.r, Clock: f.clock.Now}).PublishDue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// update runs fn in a write transaction and fails the test on error.
func (f *fixture) update(t testing.TB, fn func(tx store.Tx) error) {
	t.Helper()
	if err := f.store.Update(context.Background(), fn); err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) article(lang content.Lang, kind content.Kind, slug, title, body string, at time.Time) *content.Article {
	html, err := f.r.Markdown(string(lang), body)
	if err != nil {
		panic(err)
	}
	return &content.Article{
		Kind: kind, Lang: lang, Slug: slug, Title: f.r.Text(string(lang), title), Body: body, BodyHTML: html,
		Status: content.StatusPublished, PublishAt: at,
	}
}

// scheme is the address scheme the site uses.
func (f *fixture) scheme() *urls.Scheme { return urls.New() }

// editorial is the editorial core on the fixture's store and clock.
func (f *fixture) editorial() *editorial.Service {
	return editorial.New(f.store, editorial.Config{Renderer: f.r, Clock: f.clock.Now})
}

// onBothDatabases runs check on a fresh SQLite store and a fresh PostgreSQL schema, each
// reading the time from a clock of its own that starts at start.
func onBothDatabases(t *testing.T, check func(t *testing.T, st store.Store, clock *storetest.Clock)) {
	for _, db := range []struct {
		name string
		open func(t *testing.T, clock func() time.Time) (store.Store, error)
	}{
		{"sqlite", func(t *testing.T, clock func() time.Time) (store.Store, error) {
			return sqlstore.OpenSQLite(context.Background(), t.TempDir(), sqlstore.Options{Clock: clock})
		}},
		{"postgres", func(t *testing.T, clock func() time.Time) (store.Store, error) {
			return sqlstore.OpenPostgres(context.Background(), pgtest.URL(t), sqlstore.Options{Clock: clock})
		}},
	} {
		t.Run(db.name, func(t *testing.T) {
			clock := storetest.NewClock(start)
			st, err := db.open(t, clock.Now)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			check(t, st, clock)
		})
	}
}
