package site_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/store/sqlstore"
	"github.com/roneo/roneo/internal/store/storetest"
	"github.com/roneo/roneo/web"
)

// TestPublishPurgesAnotherInstance runs two instances on one PostgreSQL database: a
// publication through the first purges the affected pages of the second within a
// second, and leaves its unrelated cached pages in place.
func TestPublishPurgesAnotherInstance(t *testing.T) {
	u := pgtest.URL(t)
	clock := storetest.NewClock(start)
	open := func() *sqlstore.DB {
		db, err := sqlstore.OpenPostgres(context.Background(), u, sqlstore.Options{Clock: clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	a := newFixtureOn(t, open(), clock, 8<<20)
	dbB := open()
	base, _ := url.Parse("https://news.example.org")
	b, err := site.New(context.Background(), dbB, site.Config{BaseURL: base, PageCacheBytes: 8 << 20, Theme: web.FS, Clock: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	onB := &fixture{site: b}
	related, unrelated := "/fr/", "/nl/"
	for _, p := range []string{related, unrelated} {
		onB.get(t, p).wantStatus(t, http.StatusOK)
		if got := onB.get(t, p).Header.Get("X-Cache"); got != "HIT" {
			t.Fatalf("%s on the second instance: X-Cache %q after warming", p, got)
		}
	}
	_, err = a.editorial().SaveArticle(context.Background(), editorial.System("test"), editorial.ArticleInput{
		Kind: content.KindArticle, Lang: "fr", Title: "Publiée sur la première instance", Body: "Texte.",
	}, content.Publish)
	if err != nil {
		t.Fatal(err)
	}
	published := time.Now()
	waitFor(t, "the second instance's home page to show the publication", func() bool {
		return strings.Contains(onB.get(t, related).body, "Publiée sur la première instance")
	})
	if took := time.Since(published); took > time.Second {
		t.Errorf("the second instance showed the publication after %v, more than a second", took)
	}
	if got := onB.get(t, unrelated).Header.Get("X-Cache"); got != "HIT" {
		t.Errorf("%s, unrelated, on the second instance: X-Cache %q, want HIT", unrelated, got)
	}
}
