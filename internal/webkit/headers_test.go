package webkit

import (
	"net/http"
	"net/url"
	"testing"
)

func TestHSTSOnlyForHTTPS(t *testing.T) {
	for raw, want := range map[string]string{
		"https://news.example.org":  "max-age=31536000",
		"https://example.org/site/": "max-age=31536000",
		"http://news.example.org":   "",
		"http://127.0.0.1:8080":     "",
		"":                          "",
	} {
		var base *url.URL
		if raw != "" {
			base, _ = url.Parse(raw)
		}
		h := http.Header{}
		Set(h, HSTS(base))
		if got := h.Get("Strict-Transport-Security"); got != want {
			t.Errorf("HSTS(%q) = %q, want %q", raw, got, want)
		}
	}
}
