package site_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzRouting throws arbitrary paths and queries at the router: every answer is a
// complete response below 500, and error pages never show internals.
func FuzzRouting(f *testing.F) {
	fx := newFixture(f, 1<<20)
	for _, seed := range []string{
		"/", "/fr/", "/fr/article/greve-generale", "/nl/artikel/algemene-staking", "/fr/?page=2",
		"/fr/rubrique/europe?page=-1", "/de/x", "/fr/article/%00", "/fr/article/x/print", "//fr//article",
		"/fr/article/ancien-titre", "/static/x", "/media/x", "/fr/dossiers/", "/fr/article/a/mastodon",
		"/fr/sujet/gr%C3%A8ve", "/fr/%2e%2e/%2e%2e", "/fr/article/\u00e9t\u00e9",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, target string) {
		u, err := url.Parse(target)
		if err != nil || !strings.HasPrefix(target, "/") {
			return // not something an HTTP client can send
		}
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL = u
		req.RequestURI = target
		rec := httptest.NewRecorder()
		fx.site.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%q: status %d", target, rec.Code)
		}
		if body := rec.Body.String(); strings.Contains(body, "goroutine ") || strings.Contains(body, "runtime error") {
			t.Fatalf("%q: internals in the page", target)
		}
	})
}
