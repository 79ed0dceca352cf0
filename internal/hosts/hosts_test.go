package hosts

import (
	"net/url"
	"strings"
	"testing"
)

func mustOrigin(t *testing.T, s string) Origin {
	t.Helper()
	o, err := ParseOrigin(s)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestParseOrigin(t *testing.T) {
	good := map[string]string{
		"https://Mirror.Example.NET/":       "https://mirror.example.net",
		"http://abcdefghij234567.onion":     "http://abcdefghij234567.onion",
		"https://example.org:443":           "https://example.org",
		"http://example.org:80":             "http://example.org",
		"http://127.0.0.1:8080":             "http://127.0.0.1:8080",
		"https://[::1]:8443":                "https://[::1]:8443",
		"https://bücher.example":            "https://xn--bcher-kva.example",
		"  https://example.org.  ":          "https://example.org",
		"https://news.example.org:8443/":    "https://news.example.org:8443",
		"https://xn--bcher-kva.example:444": "https://xn--bcher-kva.example:444",
	}
	for in, want := range good {
		if got := mustOrigin(t, in).String(); got != want {
			t.Errorf("ParseOrigin(%q) = %q, want %q", in, got, want)
		}
	}
	bad := []string{"", "example.org", "ftp://example.org", "https://example.org/fr/", "https://example.org?x=1",
		"https://user@example.org", "https://example.org:0", "https://example.org:70000", "https://example.org:08",
		"https://exa mple.org", "https://" + strings.Repeat("a", 300) + ".org", "https://", "javascript:alert(1)",
		"https://a..b", "https://example.org#top"}
	for _, in := range bad {
		if o, err := ParseOrigin(in); err == nil {
			t.Errorf("ParseOrigin(%q) = %v, want an error", in, o)
		}
	}
}

func TestParseList(t *testing.T) {
	os, err := ParseList("https://mirror.example.net, http://abc.onion\nhttps://mirror.example.net/ ")
	if err != nil {
		t.Fatal(err)
	}
	if got := FormatList(os); got != "https://mirror.example.net\nhttp://abc.onion" {
		t.Errorf("list = %q", got)
	}
	if _, err := ParseList("https://ok.example, not-an-address"); err == nil || !strings.Contains(err.Error(), "not-an-address") {
		t.Errorf("a bad entry: %v, want an error naming it", err)
	}
	if os, err := ParseList(" , "); err != nil || len(os) != 0 {
		t.Errorf("empty list: %v %v", os, err)
	}
}

func TestMatch(t *testing.T) {
	main := mustOrigin(t, "https://news.example.org")
	mirror := mustOrigin(t, "https://mirror.example.net")
	onion := mustOrigin(t, "http://abcdefghij234567.onion")
	local := mustOrigin(t, "http://127.0.0.1:8080")
	s := NewSet(main, []Origin{mirror, onion, main, local})
	if len(s.Others()) != 3 {
		t.Fatalf("others = %v, the main domain must not be one", s.Others())
	}
	if o, ok := s.Onion(); !ok || o != onion {
		t.Errorf("Onion() = %v %v", o, ok)
	}
	cases := map[string]Origin{
		"news.example.org":          main,
		"NEWS.example.org:443":      main,
		"mirror.example.net":        mirror,
		"mirror.example.net.":       mirror,
		"abcdefghij234567.onion:80": onion,
		"abcdefghij234567.onion":    onion,
		"127.0.0.1:8080":            local,
	}
	for host, want := range cases {
		if got, ok := s.Match(host); !ok || got != want {
			t.Errorf("Match(%q) = %v %v, want %v", host, got, ok, want)
		}
	}
	for _, host := range []string{"", "evil.example", "mirror.example.net:80", "news.example.org:99999",
		"news.example.org:8443", "bücher.example", "a\x00b", "[::1", strings.Repeat("x", 400), "127.0.0.1"} {
		if got, ok := s.Match(host); ok || got != main {
			t.Errorf("Match(%q) = %v %v, want the main domain, not matched", host, got, ok)
		}
	}
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{"news.example.org", "x:1", "[::1]:80", "bücher.example", "a.onion"} {
		f.Add(s)
	}
	main := Origin{Scheme: "https", Host: "news.example.org"}
	s := NewSet(main, []Origin{{Scheme: "http", Host: "a.onion"}})
	f.Fuzz(func(t *testing.T, host string) {
		o, ok := s.Match(host)
		if !ok && o != main {
			t.Fatalf("an unmatched Host gave %v", o)
		}
		if ok && o != main && o.Host != "a.onion" {
			t.Fatalf("Match(%q) invented %v", host, o)
		}
		if parsed, err := ParseOrigin("https://" + host); err == nil && strings.ContainsAny(parsed.Host, "<>\"' /\\") {
			t.Fatalf("ParseOrigin kept %q", parsed.Host)
		}
	})
}

func TestOriginOf(t *testing.T) {
	for in, want := range map[string]string{
		"https://News.Example.org/": "https://news.example.org", "http://127.0.0.1:8080/sub/path?x=1": "http://127.0.0.1:8080",
		"https://example.org:443": "https://example.org",
	} {
		u, _ := url.Parse(in)
		if o, err := OriginOf(u); err != nil || o.String() != want {
			t.Errorf("OriginOf(%s) = %v, %v; want %s", in, o, err, want)
		}
	}
}
