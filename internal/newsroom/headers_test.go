package newsroom

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"testing"

	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/web"
)

// Behind https every newsroom answer asks browsers to keep to https — pages, redirects
// and error pages alike; a newsroom served over http does not lock itself out.
func TestStrictTransportSecurityFollowsTheBaseURL(t *testing.T) {
	for base, want := range map[string]string{
		"https://news.example.org": "max-age=31536000",
		"http://news.example.org":  "",
	} {
		e := newEnv(t)
		u, _ := url.Parse(base)
		r := render.New()
		srv, err := New(context.Background(), e.store, Config{
			BaseURL: u, Theme: web.FS, Clock: e.clock.Now, Renderer: r, Hasher: fastHasher(),
			Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
			Editorial: editorial.New(e.store, editorial.Config{Renderer: r, Clock: e.clock.Now}),
		})
		if err != nil {
			t.Fatal(err)
		}
		e.srv = srv
		c := e.client()
		for _, p := range []*page{
			c.get("/newsroom/signin").want(t, http.StatusOK),
			c.get("/newsroom/articles").want(t, http.StatusSeeOther),
			c.get("/newsroom/nowhere").want(t, http.StatusNotFound),
		} {
			if got := p.Header.Get("Strict-Transport-Security"); got != want {
				t.Errorf("%s at %s: Strict-Transport-Security %q, want %q", p.Request.URL, base, got, want)
			}
			if p.Header.Get("Content-Security-Policy") == "" {
				t.Errorf("%s at %s: the other security headers are gone", p.Request.URL, base)
			}
		}
	}
}
