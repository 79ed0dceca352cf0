package site_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func TestConditionalRequests(t *testing.T) {
	for _, cache := range []int64{0, 8 << 20} {
		f := newFixture(t, cache)
		p := f.get(t, "/fr/article/greve-generale").wantStatus(t, http.StatusOK)
		etag, lastMod := p.Header.Get("ETag"), p.Header.Get("Last-Modified")
		if !strings.HasPrefix(etag, `W/"`) || lastMod == "" {
			t.Fatalf("cache %d: ETag %q, Last-Modified %q", cache, etag, lastMod)
		}
		p = f.get(t, "/fr/article/greve-generale", "If-None-Match", etag).wantStatus(t, http.StatusNotModified)
		if p.body != "" {
			t.Errorf("304 with a body")
		}
		f.get(t, "/fr/article/greve-generale", "If-None-Match", `"other"`).wantStatus(t, http.StatusOK)
		f.get(t, "/fr/article/greve-generale", "If-Modified-Since", lastMod).wantStatus(t, http.StatusNotModified)
		past := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(http.TimeFormat)
		f.get(t, "/fr/article/greve-generale", "If-Modified-Since", past).wantStatus(t, http.StatusOK)
		// If-None-Match wins over If-Modified-Since.
		f.get(t, "/fr/article/greve-generale", "If-None-Match", `"other"`, "If-Modified-Since", lastMod).wantStatus(t, http.StatusOK)
	}
}

func TestCompressedVariants(t *testing.T) {
	f := newFixture(t, 8<<20)
	plain := f.get(t, "/fr/").wantStatus(t, http.StatusOK)
	if v := plain.Header.Get("Vary"); v != "Accept-Encoding" {
		t.Errorf("Vary = %q", v)
	}
	decoders := map[string]func(io.Reader) (io.Reader, error){
		"br":   func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		"gzip": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
	}
	for _, ae := range []string{"br", "gzip", "gzip, deflate, br, zstd"} {
		p := f.get(t, "/fr/", "Accept-Encoding", ae).wantStatus(t, http.StatusOK)
		enc := p.Header.Get("Content-Encoding")
		if enc == "" || (ae != "gzip" && enc != "br") {
			t.Fatalf("Accept-Encoding %q: Content-Encoding %q", ae, enc)
		}
		r, err := decoders[enc](strings.NewReader(p.body))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(r)
		if !bytes.Equal(got, []byte(plain.body)) {
			t.Errorf("%s variant differs from the page", enc)
		}
		if len(p.body) >= len(plain.body)/2 {
			t.Errorf("%s variant is %d bytes for %d", enc, len(p.body), len(plain.body))
		}
	}
	if p := f.get(t, "/fr/", "Accept-Encoding", "br;q=0, gzip;q=0"); p.Header.Get("Content-Encoding") != "" {
		t.Errorf("q=0 ignored: %q", p.Header.Get("Content-Encoding"))
	}
}

// An edit shows at once: the page cache never serves what was there before.
func TestCacheInvalidationOnEdit(t *testing.T) {
	f := newFixture(t, 8<<20)
	f.get(t, "/fr/article/greve-generale").wantStatus(t, http.StatusOK)
	f.get(t, "/fr/rubrique/europe").wantStatus(t, http.StatusOK)
	ctx := context.Background()
	a, err := f.store.Article(ctx, "fr", "greve-generale")
	if err != nil {
		t.Fatal(err)
	}
	a.Title = "Titre corrigé"
	f.update(t, func(tx store.Tx) error { return tx.UpdateArticle(ctx, a) })
	if got := f.get(t, "/fr/article/greve-generale").text(t, "h1"); got != "Titre corrigé" {
		t.Errorf("article after edit: %q", got)
	}
	if p := f.get(t, "/fr/rubrique/europe"); !strings.Contains(p.body, "Titre corrigé") {
		t.Error("section page still shows the old title")
	}
	// Taxonomy changes reach the navigation of every page.
	f.update(t, func(tx store.Tx) error {
		return tx.CreateSection(ctx, &content.Section{Names: map[content.Lang]content.SectionName{"fr": {Slug: "culture", Name: "Culture"}}})
	})
	if got := f.get(t, "/fr/article/greve-generale").text(t, "nav.sections"); !strings.Contains(got, "Culture") {
		t.Errorf("navigation after a new section: %q", got)
	}
}

func TestStaticAssets(t *testing.T) {
	f := newFixture(t, 0)
	home := f.get(t, "/fr/")
	css := home.attr(t, "link[rel=stylesheet]", "href")
	p := f.get(t, css).wantStatus(t, http.StatusOK)
	if cc := p.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("stylesheet Cache-Control = %q", cc)
	}
	if ct := p.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("stylesheet Content-Type = %q", ct)
	}
	if !strings.Contains(p.body, "@media print") {
		t.Error("the stylesheet has no print rules")
	}
	f.get(t, "/favicon.ico").wantStatus(t, http.StatusMovedPermanently)
	f.get(t, "/robots.txt").wantStatus(t, http.StatusOK)
}

func TestHeadRequests(t *testing.T) {
	f := newFixture(t, 8<<20)
	req, _ := http.NewRequest(http.MethodHead, "/fr/", nil)
	p := f.do(t, req).wantStatus(t, http.StatusOK)
	if p.body != "" || p.Header.Get("Content-Length") == "0" {
		t.Errorf("HEAD: body %d bytes, Content-Length %q", len(p.body), p.Header.Get("Content-Length"))
	}
}

// Tracking parameters neither split the cache nor break the page.
func TestTrackingParametersIgnored(t *testing.T) {
	f := newFixture(t, 8<<20)
	a := f.get(t, "/fr/article/greve-generale").wantStatus(t, http.StatusOK)
	b := f.get(t, "/fr/article/greve-generale?utm_source=mastodon&fbclid=x").wantStatus(t, http.StatusOK)
	if a.Header.Get("ETag") != b.Header.Get("ETag") {
		t.Error("tracking parameters changed the page")
	}
}
