package site_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/testkit"
)

// TestCacheSaysHitOrMiss: answers say whether the cache served them, and /healthz counts.
func TestCacheSaysHitOrMiss(t *testing.T) {
	f := newFixture(t, 8<<20)
	if got := f.get(t, "/fr/").Header.Get("X-Cache"); got != "MISS" {
		t.Errorf("first request: X-Cache %q", got)
	}
	if got := f.get(t, "/fr/").Header.Get("X-Cache"); got != "HIT" {
		t.Errorf("second request: X-Cache %q", got)
	}
	if got := f.get(t, "/fr/?utm_source=x").Header.Get("X-Cache"); got != "HIT" {
		t.Errorf("a tracker's query: X-Cache %q", got)
	}
	if got := f.get(t, "/fr/recherche/?q=greve").Header.Get("X-Cache"); got != "" {
		t.Errorf("search results, never cached, say X-Cache %q", got)
	}
	var health struct {
		PageCache site.CacheStats `json:"page_cache"`
	}
	if err := json.Unmarshal([]byte(f.get(t, "/healthz").body), &health); err != nil {
		t.Fatal(err)
	}
	if c := health.PageCache; c.Hits != 2 || c.Misses != 1 || c.Pages != 1 {
		t.Errorf("counters %+v, want 2 hits, 1 miss, 1 page", c)
	}
}

// TestPublishPurgesWhatItTouches: publishing a French article in International purges
// the French home page and the section's pages, and leaves the Dutch pages cached.
func TestPublishPurgesWhatItTouches(t *testing.T) {
	f := newFixture(t, 8<<20)
	related := []string{"/fr/", "/fr/rubrique/international", "/fr/rubrique/international/page/2"}
	unrelated := []string{"/nl/", "/nl/artikel/algemene-staking", "/fr/sujet/greve", "/fr/auteur/marie-dubois"}
	for _, p := range append(related, unrelated...) {
		f.get(t, p).wantStatus(t, http.StatusOK)
	}
	a, err := f.editorial().SaveArticle(context.Background(), editorial.System("test"), editorial.ArticleInput{
		Kind: content.KindArticle, Lang: "fr", Title: "Nouvelle grève à Charleroi", Body: "Texte.",
		SectionID: f.ids["intl"],
	}, content.Publish)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range related {
		if got := f.get(t, p).Header.Get("X-Cache"); got != "MISS" {
			t.Errorf("%s after the publication: X-Cache %q, want MISS", p, got)
		}
	}
	if !strings.Contains(f.get(t, "/fr/").body, a.Title) {
		t.Error("the home page does not show the new article")
	}
	for _, p := range unrelated {
		if got := f.get(t, p).Header.Get("X-Cache"); got != "HIT" {
			t.Errorf("%s, unrelated to the publication: X-Cache %q, want HIT", p, got)
		}
	}
}

// TestStaleBuildIsNotStored: a page built before a change that touches it, and stored
// after the purge, would show the old state until the next change. It is not stored.
func TestStaleBuildIsNotStored(t *testing.T) {
	f := newFixture(t, 8<<20)
	ed := f.editorial()
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
				f.get(t, "/fr/")
			}
		}
	}()
	for i := range 20 {
		_, err := ed.SaveArticle(context.Background(), editorial.System("test"), editorial.ArticleInput{
			Kind: content.KindArticle, Lang: "fr", Title: "Dépêche " + string(rune('A'+i)), Body: "Texte.",
		}, content.Publish)
		if err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	<-done
	if !strings.Contains(f.get(t, "/fr/").body, "Dépêche T") {
		t.Error("the cached home page misses the last publication: a stale build was stored")
	}
}

// waitFor polls cond until it holds, failing if it never does.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	testkit.Until(t, what, cond)
}

// TestQueryStringsMakeNoCacheEntries: parameters a page does not read make no entry of
// their own, and a page number on a page that has none sends to the bare address.
func TestQueryStringsMakeNoCacheEntries(t *testing.T) {
	f := newFixture(t, 8<<20)
	for i := range 50 {
		f.get(t, fmt.Sprintf("/fr/article/greve-generale?utm_source=%d&x=%d", i, i)).wantStatus(t, http.StatusOK)
	}
	if got := f.site.CacheStats().Pages; got != 1 {
		t.Errorf("50 query strings on one page made %d cache entries, want 1", got)
	}
	p := f.get(t, "/fr/article/greve-generale?page=7").wantStatus(t, http.StatusMovedPermanently)
	if got := p.Header.Get("Location"); got != "/fr/article/greve-generale" {
		t.Errorf("?page on an article redirects to %q", got)
	}
	f.get(t, "/fr/article/greve-generale/print?page=2").wantStatus(t, http.StatusMovedPermanently)
	if got := f.site.CacheStats().Pages; got != 1 {
		t.Errorf("page numbers on an article made %d cache entries, want 1", got)
	}
}
