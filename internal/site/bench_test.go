package site_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
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
