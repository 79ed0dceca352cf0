package sitemap_test

import (
	"bytes"
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/sitemap"
)

// FuzzLoc: whatever the Loc, the file is well-formed XML. A Loc that Add accepts is
// decoded back unchanged and is an absolute http(s) URL with a host by net/url's
// reading too; one it refuses leaves the file empty.
func FuzzLoc(f *testing.F) {
	for _, seed := range []string{
		"https://roneo.example/fr/", "http://[::1]:8080/?a=1&b=<2>", "https://roneo.example/\x00",
		"https://roneo.example/\ufffe", "https://roneo.example/]]>", "https://@/", "https://:80/",
		"https://roneo.example/%C3%A9", "https://roneo.example/é", "javascript:alert(1)//x",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, loc string) {
		var buf bytes.Buffer
		w := sitemap.NewWriter(&buf)
		err := w.Add(sitemap.URL{Loc: loc})
		if err != nil && !errors.Is(err, sitemap.ErrInvalid) {
			t.Fatalf("Add(%q) = %v, want nil or ErrInvalid", loc, err)
		}
		mustOK(t, w.Close())
		got := locs(t, buf.Bytes())
		if err != nil {
			if len(got) != 0 {
				t.Fatalf("refused %q, yet the file holds %q", loc, got)
			}
			return
		}
		if !slices.Equal(got, []string{loc}) {
			t.Fatalf("wrote %q, decoded %q", loc, got)
		}
		u, perr := url.Parse(loc)
		if perr != nil || !u.IsAbs() || u.Host == "" || u.User != nil ||
			!slices.Contains([]string{"http", "https"}, strings.ToLower(u.Scheme)) {
			t.Fatalf("accepted %q, which net/url reads as %#v (%v)", loc, u, perr)
		}
	})
}
