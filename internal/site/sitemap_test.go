package site_test

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/testkit"
	"github.com/roneo/roneo/internal/urls"
)

// sitemapLocs reads the <loc> addresses and <lastmod> dates of a sitemap or an index.
func sitemapLocs(t *testing.T, body string) (locs []string, lastmods []string) {
	t.Helper()
	var doc struct {
		Entries []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:",any"`
	}
	if err := xml.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatalf("sitemap: %v\n%.400s", err, body)
	}
	for _, e := range doc.Entries {
		locs, lastmods = append(locs, e.Loc), append(lastmods, e.LastMod)
	}
	return locs, lastmods
}

// sitemapPath is the path of an address of the main domain.
func sitemapPath(t *testing.T, loc string) string {
	t.Helper()
	u, err := url.Parse(loc)
	if err != nil || u.Scheme != "https" || u.Host != "news.example.org" {
		t.Fatalf("sitemap address %q is not on the main domain", loc)
	}
	return u.Path
}

// sitemaps fetches the index and every sitemap it names, and returns them end to end.
func (f *fixture) sitemaps(t *testing.T) string {
	t.Helper()
	index := f.get(t, "/sitemap.xml").wantStatus(t, http.StatusOK).body
	all := []string{index}
	locs, _ := sitemapLocs(t, index)
	for _, loc := range locs {
		all = append(all, f.get(t, sitemapPath(t, loc)).wantStatus(t, http.StatusOK).body)
	}
	return strings.Join(all, "\n")
}

// The sitemaps list a page of every kind the address scheme marks for search engines,
// each with its last change when known, and no page that is not for them: drafts,
// embargoed articles, print views, search results. A kind added to the scheme later is
// checked here without another change. Every file passes the sitemaps.org schema.
func TestSitemapsCoverTheScheme(t *testing.T) {
	xsd := testkit.SitemapSchemas(t)
	f := newFixture(t, 1<<20)
	scheme := urls.New()
	index := f.get(t, "/sitemap.xml").wantStatus(t, http.StatusOK)
	if ct := index.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/xml") {
		t.Errorf("Content-Type %q", ct)
	}
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "sitemap.xml")}
	if err := os.WriteFile(files[0], []byte(index.body), 0o644); err != nil {
		t.Fatal(err)
	}
	seen := map[urls.Kind]int{}
	pages := map[string]bool{}
	sitemapFiles, _ := sitemapLocs(t, index.body)
	for i, loc := range sitemapFiles {
		body := f.get(t, sitemapPath(t, loc)).wantStatus(t, http.StatusOK).body
		file := filepath.Join(dir, "sitemap-"+string(rune('a'+i))+".xml")
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
		locs, lastmods := sitemapLocs(t, body)
		for j, loc := range locs {
			path := sitemapPath(t, loc)
			unescaped, _ := url.PathUnescape(path)
			parsed := scheme.Parse(unescaped)
			if parsed.Status != urls.Found || !parsed.Page.Kind.Indexed() {
				t.Errorf("%s in the sitemaps: %+v", loc, parsed)
				continue
			}
			if pages[loc] {
				t.Errorf("%s is listed twice", loc)
			}
			pages[loc] = true
			seen[parsed.Page.Kind]++
			if parsed.Page.Kind == urls.Article {
				if _, err := time.Parse(time.RFC3339, lastmods[j]); err != nil {
					t.Errorf("%s: lastmod %q", loc, lastmods[j])
				}
			}
			if resp := f.get(t, path); resp.StatusCode != http.StatusOK {
				t.Errorf("%s in the sitemaps answers %d", loc, resp.StatusCode)
			}
		}
	}
	for _, k := range urls.Kinds() {
		if k.Indexed() && seen[k] == 0 {
			t.Errorf("no %s page in the sitemaps", k)
		}
	}
	for _, hidden := range []string{"brouillon", "sous-embargo", "retire", "ancien-titre"} {
		if pages["https://news.example.org/fr/article/"+hidden] {
			t.Errorf("%s is in the sitemaps", hidden)
		}
	}
	if out, err := testkit.Run(t, exec.Command("xmllint", append([]string{"--nonet", "--noout", "--schema", filepath.Join(xsd, "siteindex.xsd")}, files[0])...)); err != nil {
		t.Errorf("sitemap index: %v\n%s", err, out)
	}
	if out, err := testkit.Run(t, exec.Command("xmllint", append([]string{"--nonet", "--noout", "--schema", filepath.Join(xsd, "sitemap.xsd")}, files[1:]...)...)); err != nil {
		t.Errorf("sitemaps: %v\n%s", err, out)
	}
}

// robots.txt names the sitemap index, on the main domain whatever the host asked.
func TestRobotsNamesTheSitemap(t *testing.T) {
	f := newFixture(t, 0)
	body := f.get(t, "/robots.txt").wantStatus(t, http.StatusOK).body
	if !strings.Contains(body, "\nSitemap: https://news.example.org/sitemap.xml\n") {
		t.Errorf("robots.txt:\n%s", body)
	}
}

// Sitemaps that do not exist are 404s.
func TestSitemapNotFound(t *testing.T) {
	f := newFixture(t, 0)
	for _, path := range []string{"/sitemaps/article-2.xml", "/sitemaps/article-0.xml", "/sitemaps/article-01.xml",
		"/sitemaps/search-1.xml", "/sitemaps/nothing.xml", "/sitemaps/article-1.atom", "/fr/sitemap.xml", "/sitemaps/article-99999999999999999999.xml"} {
		f.get(t, path).wantStatus(t, http.StatusNotFound)
	}
}
