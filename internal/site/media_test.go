package site_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

func TestMediaFiles(t *testing.T) {
	f := newFixture(t, 1<<20)
	photo := strings.Repeat("0123456789", 100)
	if err := f.media.Put(context.Background(), "albums/2026/ambassade/0001.webp", strings.NewReader(photo), int64(len(photo))); err != nil {
		t.Fatal(err)
	}
	p := f.get(t, "/media/albums/2026/ambassade/0001.webp").wantStatus(t, http.StatusOK)
	if p.body != photo || p.Header.Get("Content-Type") != "image/webp" {
		t.Errorf("media: %d bytes, %q", len(p.body), p.Header.Get("Content-Type"))
	}
	if cc := p.Header.Get("Cache-Control"); !strings.Contains(cc, "max-age") {
		t.Errorf("media Cache-Control = %q", cc)
	}
	if p.Header.Get("Content-Security-Policy") == "" || p.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Error("media without security headers")
	}
	f.get(t, "/media/albums/2026/ambassade/0001.webp", "If-None-Match", p.Header.Get("Etag")).wantStatus(t, http.StatusNotModified)
	p = f.get(t, "/media/albums/2026/ambassade/0001.webp", "Range", "bytes=10-19").wantStatus(t, http.StatusPartialContent)
	if p.body != "0123456789" {
		t.Errorf("range: %q", p.body)
	}
	for _, path := range []string{"/media/missing.webp", "/media/", "/media/..%2f..%2fetc%2fpasswd", "/media/.secret", "/media/a//b"} {
		f.get(t, path).wantStatus(t, http.StatusNotFound)
	}
	req, _ := http.NewRequest(http.MethodPost, "/media/albums/2026/ambassade/0001.webp", nil)
	if p := f.do(t, req); p.StatusCode < 400 || p.StatusCode >= 500 {
		t.Errorf("POST to a media file: %d", p.StatusCode)
	}
}
