package site_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/jsonld/jsonldtest"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/storetest"
)

// A scheduled press release is in no feed, sitemap or structured data until its minute,
// then in all of them at once, through the page cache, on both databases.
func TestEmbargoInFeedsAndSitemaps(t *testing.T) {
	onBothDatabases(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		f := newFixtureOn(t, st, clock, 8<<20)
		const slug = "sous-embargo"
		check := func(when string, want bool) {
			t.Helper()
			for _, path := range []string{"/fr/feed.atom", "/fr/feed.rss", "/fr/feed.json", "/fr/communiques/feed.atom",
				"/fr/communiques/feed.json"} {
				f.get(t, path) // the second request may come from the cache
				if got := strings.Contains(f.get(t, path).wantStatus(t, http.StatusOK).body, slug); got != want {
					t.Errorf("%s: %s in %s: %v, want %v", when, slug, path, got, want)
				}
			}
			if got := strings.Contains(f.sitemaps(t), "/fr/article/"+slug+"<"); got != want {
				t.Errorf("%s: in the sitemaps: %v, want %v", when, got, want)
			}
			p := f.get(t, "/fr/article/"+slug)
			if want != (p.StatusCode == http.StatusOK) {
				t.Fatalf("%s: the press release's page answers %d", when, p.StatusCode)
			}
			if want && len(jsonldtest.Extract(t, []byte(p.body))) == 0 {
				t.Errorf("%s: the press release's page has no structured data", when)
			}
			if got := strings.Contains(f.get(t, "/fr/communiques/").body, slug); got != want {
				t.Errorf("%s: in the press releases' list: %v, want %v", when, got, want)
			}
		}
		check("before its time", false)
		clock.Advance(2*time.Hour - time.Minute)
		if ids := f.publishDue(t); len(ids) != 0 {
			t.Fatalf("published %v a minute early", ids)
		}
		check("a minute before", false)
		clock.Advance(time.Minute)
		if ids := f.publishDue(t); len(ids) != 1 {
			t.Fatalf("published %v at its minute", ids)
		}
		check("at its minute", true)
	})
}
