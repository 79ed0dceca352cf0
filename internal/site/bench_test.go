package site_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"testing"

	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/store/sqlstore"
	"github.com/roneo/roneo/web"
)

// BenchmarkArticlePage renders an article page without and with the page cache.
func BenchmarkArticlePage(b *testing.B) {
	for _, bc := range []struct {
		name  string
		cache int64
	}{{"uncached", 0}, {"cached", 8 << 20}} {
		b.Run(bc.name, func(b *testing.B) {
			f := newFixture(b, bc.cache)
			req := httptest.NewRequest(http.MethodGet, "/fr/article/greve-generale", nil)
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				f.site.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatal(rec.Code)
				}
			}
		})
	}
}

// BenchmarkArticlePageOn renders, uncached, the first article of the French home page of
// an existing data directory, such as a 100,000-article demo site:
//
//	RONEO_BENCH_DATA=/path/to/data go test ./internal/site -run '^$' -bench ArticlePageOn
func BenchmarkArticlePageOn(b *testing.B) {
	dir := os.Getenv("RONEO_BENCH_DATA")
	if dir == "" {
		b.Skip("RONEO_BENCH_DATA names no data directory")
	}
	st, err := sqlstore.OpenSQLite(context.Background(), dir, sqlstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	base, _ := url.Parse("https://news.example.org")
	s, err := site.New(context.Background(), st, site.Config{BaseURL: base, Theme: web.FS})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(s.Close)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/fr/", nil))
	m := regexp.MustCompile(`class="teaser-title"><a href="([^"]+)"`).FindStringSubmatch(rec.Body.String())
	if m == nil {
		b.Fatal("no article on the French home page")
	}
	req := httptest.NewRequest(http.MethodGet, m[1], nil)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}
