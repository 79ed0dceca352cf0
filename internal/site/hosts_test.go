package site_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/hosts"
	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/store"
)

const (
	mirrorHost = "mirror.example.net"
	onionHost  = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion"
)

// withHosts gives the site a mirror domain and an onion address.
func withHosts(t testing.TB) func(*site.Config) {
	list, err := hosts.ParseList("https://" + mirrorHost + ", http://" + onionHost)
	if err != nil {
		t.Fatal(err)
	}
	return func(c *site.Config) { c.Hosts = list }
}

// getHost requests path as sent to host.
func (f *fixture) getHost(t testing.TB, host, path string) *page {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Host = host
	return f.do(t, req)
}

// The same article read through the main domain, the mirror and the onion address: its
// links, feeds and share links stay on the address the reader came through; its
// canonical link and og:url name the main domain; Onion-Location is sent on the main
// domain only; the footer names the other addresses. The page cache keeps each apart.
func TestEveryHostname(t *testing.T) {
	f := newFixture(t, 8<<20, withHosts(t))
	const path = "/fr/article/greve-generale"
	for _, tc := range []struct{ host, origin, onionLocation string }{
		{"news.example.org", "https://news.example.org", "http://" + onionHost + path},
		{mirrorHost, "https://" + mirrorHost, ""},
		{onionHost, "http://" + onionHost, ""},
		{"news.example.org", "https://news.example.org", "http://" + onionHost + path}, // from the cache
		{strings.ToUpper(mirrorHost) + ":443", "https://" + mirrorHost, ""},
	} {
		p := f.getHost(t, tc.host, path).wantStatus(t, http.StatusOK)
		if got := p.attr(t, `link[rel="canonical"]`, "href"); got != "https://news.example.org"+path {
			t.Errorf("%s: canonical %q", tc.host, got)
		}
		if got := p.attr(t, `meta[property="og:url"]`, "content"); got != "https://news.example.org"+path {
			t.Errorf("%s: og:url %q", tc.host, got)
		}
		if got := p.Header.Get("Onion-Location"); got != tc.onionLocation {
			t.Errorf("%s: Onion-Location %q, want %q", tc.host, got, tc.onionLocation)
		}
		if got := p.text(t, ".permalink-url"); got != tc.origin+path {
			t.Errorf("%s: the article's address reads %q", tc.host, got)
		}
		if got := p.attr(t, `meta[property="og:image"]`, "content"); !strings.HasPrefix(got, tc.origin+"/") {
			t.Errorf("%s: og:image %q", tc.host, got)
		}
		for _, share := range []string{".share-copy"} {
			if got := p.attr(t, share, "href"); got != tc.origin+path {
				t.Errorf("%s: %s links to %q", tc.host, share, got)
			}
		}
		// Every link is on the page's own address, or names an address of the site in
		// the footer, or leaves for a share page or the main domain's canonical.
		for _, l := range links(t, []byte(p.body)) {
			if !strings.HasPrefix(l, "http") || strings.HasPrefix(l, tc.origin+"/") {
				continue
			}
			if u, err := url.Parse(l); err == nil && !strings.HasSuffix(u.Hostname(), "example.org") &&
				!strings.HasSuffix(u.Hostname(), "example.net") && !strings.HasSuffix(u.Hostname(), ".onion") {
				continue // a share page of a network
			}
			if !p.footerLink(t, l) {
				t.Errorf("%s: link %q leaves the address the reader came through", tc.host, l)
			}
		}
		others := p.all(t, ".elsewhere a")
		if len(others) != 2 {
			t.Errorf("%s: the footer names %d other addresses, want 2", tc.host, len(others))
		}
		for _, a := range others {
			if href := attrOf(a, "href"); strings.HasPrefix(href, tc.origin+"/") || !strings.HasSuffix(href, path) {
				t.Errorf("%s: the footer links to %q", tc.host, href)
			}
		}
		for _, feed := range p.all(t, `link[rel="alternate"][type="application/atom+xml"]`) {
			href := attrOf(feed, "href")
			if strings.HasPrefix(href, "http") {
				t.Errorf("%s: a feed link %q that is not on the reader's address", tc.host, href)
			}
			body := f.getHost(t, tc.host, href).wantStatus(t, http.StatusOK).body
			if !strings.Contains(body, `href="`+tc.origin+"/fr/") {
				t.Errorf("%s: feed %s does not link to %s", tc.host, href, tc.origin)
			}
		}
	}
}

// footerLink reports whether link is one of the footer's other addresses.
func (p *page) footerLink(t testing.TB, link string) bool {
	for _, a := range p.all(t, ".elsewhere a") {
		if attrOf(a, "href") == link {
			return true
		}
	}
	return false
}

// A Host that is none of the site's addresses, malformed or absurd, gets the main
// domain's page, and never appears in it.
func TestForgedHost(t *testing.T) {
	f := newFixture(t, 8<<20, withHosts(t))
	main := f.getHost(t, "news.example.org", "/fr/article/greve-generale").wantStatus(t, http.StatusOK).body
	for _, host := range []string{"evil.example", "evil.example:443", "news.example.org.evil.example", "mirror.example.net:8443",
		"a b", "[::1", "news.example.org:99999", "xn--bcher-kva.example", "bücher.example", "127.0.0.1", strings.Repeat("x", 500),
		"<script>", `"><img src=x>`, ""} {
		p := f.getHost(t, host, "/fr/article/greve-generale")
		if p.StatusCode != http.StatusOK && p.StatusCode != http.StatusBadRequest {
			t.Errorf("Host %q: status %d", host, p.StatusCode)
			continue
		}
		if p.StatusCode == http.StatusOK && p.body != main {
			t.Errorf("Host %q: a page that is not the main domain's", host)
		}
		if host != "" && strings.Contains(p.body, host) {
			t.Errorf("Host %q appears in the page", host)
		}
		if p.Header.Get("Onion-Location") == "" && p.StatusCode == http.StatusOK {
			t.Errorf("Host %q: the main domain's page without Onion-Location", host)
		}
	}
}

// Without other addresses, pages have no footer list and no Onion-Location.
func TestNoOtherHosts(t *testing.T) {
	f := newFixture(t, 0)
	p := f.getHost(t, "news.example.org", "/fr/").wantStatus(t, http.StatusOK)
	if p.Header.Get("Onion-Location") != "" || len(p.all(t, ".elsewhere")) != 0 {
		t.Errorf("Onion-Location %q, footer %d", p.Header.Get("Onion-Location"), len(p.all(t, ".elsewhere")))
	}
}

// The newsroom's list of other addresses serves when --hosts is not given, and a change
// of it takes effect at once; --hosts, when given, wins over it.
func TestHostsFromSettings(t *testing.T) {
	f := newFixture(t, 8<<20)
	f.getHost(t, mirrorHost, "/fr/").wantStatus(t, http.StatusOK)
	f.update(t, func(tx store.Tx) error {
		s, err := tx.Site(t.Context())
		if err != nil {
			return err
		}
		s.Hosts = []string{"https://" + mirrorHost}
		return tx.PutSite(t.Context(), s)
	})
	p := f.getHost(t, mirrorHost, "/fr/").wantStatus(t, http.StatusOK)
	if got := p.attr(t, ".footer-links a", "href"); got != "/fr/communiques/" {
		t.Errorf("press link %q", got)
	}
	if got := p.attr(t, ".elsewhere a", "href"); got != "https://news.example.org/fr/" {
		t.Errorf("read through the mirror, the footer names %q", got)
	}
	if got := p.attr(t, `meta[property="og:image"]`, "content"); got != "https://"+mirrorHost+"/fr/card.png" {
		t.Errorf("og:image %q", got)
	}
	if p.Header.Get("Onion-Location") != "" {
		t.Error("Onion-Location without an onion address")
	}

	flag := newFixture(t, 0, withHosts(t))
	flag.update(t, func(tx store.Tx) error {
		s, err := tx.Site(t.Context())
		if err != nil {
			return err
		}
		s.Hosts = []string{"https://other.example.net"}
		return tx.PutSite(t.Context(), s)
	})
	body := flag.getHost(t, "other.example.net", "/fr/").wantStatus(t, http.StatusOK).body
	if strings.Contains(body, "other.example.net") || !strings.Contains(body, mirrorHost) {
		t.Error("the settings' list served although --hosts was given")
	}
}
