package site_test

import (
	"net/http"
	"slices"
	"testing"
	"time"
)

// Share previews name the page's locale with its territory, the other languages it is
// in, and an article's times.
func TestOpenGraphLocaleAndTimes(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/fr/article/greve-generale").wantStatus(t, http.StatusOK)
	if got := p.attr(t, `meta[property="og:locale"]`, "content"); got != "fr_BE" {
		t.Errorf("og:locale = %q, want fr_BE", got)
	}
	if got := metaContents(t, p, "og:locale:alternate"); !slices.Equal(got, []string{"nl_BE"}) {
		t.Errorf("og:locale:alternate = %q, want the Dutch version's only", got)
	}
	for prop, want := range map[string]time.Time{
		"article:published_time": start.Add(-48 * time.Hour),
		"article:modified_time":  start, // the fixture writes it at start
	} {
		v := p.attr(t, `meta[property="`+prop+`"]`, "content")
		at, err := time.Parse(time.RFC3339, v)
		if err != nil || !at.Equal(want) {
			t.Errorf("%s = %q, want %s in ISO 8601", prop, v, want)
		}
	}
	home := f.get(t, "/nl/").wantStatus(t, http.StatusOK)
	if got := home.attr(t, `meta[property="og:locale"]`, "content"); got != "nl_BE" {
		t.Errorf("Dutch home og:locale = %q", got)
	}
	if got := metaContents(t, home, "og:locale:alternate"); !slices.Equal(got, []string{"fr_BE", "en_GB"}) {
		t.Errorf("Dutch home og:locale:alternate = %q", got)
	}
	home.count(t, `meta[property="article:published_time"]`, 0)
}

func metaContents(t *testing.T, p *page, property string) []string {
	var out []string
	for _, n := range p.all(t, `meta[property="`+property+`"]`) {
		for _, a := range n.Attr {
			if a.Key == "content" {
				out = append(out, a.Val)
			}
		}
	}
	return out
}
