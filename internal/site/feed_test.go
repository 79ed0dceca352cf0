package site_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/testkit"
)

// fixtureFeeds are a feed of every kind of list in the fixture, without their format.
var fixtureFeeds = []string{
	"/fr/feed", "/nl/feed", "/fr/communiques/feed", "/fr/rubrique/international/feed", "/fr/rubrique/europe/feed",
	"/fr/sujet/greve/feed", "/fr/auteur/marie-dubois/feed", "/fr/dossier/solidarite/feed", "/nl/trefwoord/staking/feed",
}

// saveFeeds fetches every fixture feed in format ext into dir and returns the files.
func (f *fixture) saveFeeds(t *testing.T, dir, ext string) []string {
	t.Helper()
	var files []string
	for _, path := range fixtureFeeds {
		p := f.get(t, path+"."+ext).wantStatus(t, http.StatusOK)
		file := filepath.Join(dir, strings.ReplaceAll(strings.Trim(path, "/"), "/", "_")+"."+ext)
		if err := os.WriteFile(file, []byte(p.body), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	return files
}

// Every feed, in Atom and RSS, is read by Python's feedparser without a complaint, and
// every JSON Feed passes the JSON Feed 1.1 schema.
func TestFeedsParse(t *testing.T) {
	python := testkit.Python(t, "feedparser")
	check := testkit.Validator(t, "feedparser-check.py")
	schema := testkit.Validator(t, "jsonfeed-check.mjs", "ajv", "ajv-formats", "jsonfeed-schema")
	f := newFixture(t, 1<<20)
	dir := t.TempDir()
	xmlFeeds := append(f.saveFeeds(t, dir, "atom"), f.saveFeeds(t, dir, "rss")...)
	if out, err := testkit.Run(t, exec.Command(python, append([]string{check}, xmlFeeds...)...)); err != nil {
		t.Errorf("feedparser: %v\n%s", err, out)
	}
	if out, err := testkit.Run(t, exec.Command("node", append([]string{schema}, f.saveFeeds(t, dir, "json")...)...)); err != nil {
		t.Errorf("JSON Feed schema: %v\n%s", err, out)
	}
}

// parsedFeed is what feedparser reads of a feed.
type parsedFeed struct {
	Bozo    int    `json:"bozo"`
	Title   string `json:"title"`
	Lang    string `json:"language"`
	Link    string `json:"link"`
	Entries []struct {
		ID        string   `json:"id"`
		Title     string   `json:"title"`
		Link      string   `json:"link"`
		Author    string   `json:"author"`
		Published string   `json:"published"`
		Summary   string   `json:"summary"`
		Content   string   `json:"content"`
		Tags      []string `json:"tags"`
	} `json:"entries"`
}

// feedparserRead reads a feed's body as feed readers do.
func feedparserRead(t *testing.T, body string) parsedFeed {
	t.Helper()
	python := testkit.Python(t, "feedparser")
	file := filepath.Join(t.TempDir(), "feed")
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	const script = `import feedparser, json, sys
d = feedparser.parse(open(sys.argv[1], "rb").read())
print(json.dumps({"bozo": int(d.bozo), "title": d.feed.get("title", ""), "language": d.feed.get("language", ""),
  "link": d.feed.get("link", ""),
  "entries": [{"id": e.get("id", ""), "title": e.get("title", ""), "link": e.get("link", ""), "author": e.get("author", ""),
    "published": e.get("published", ""), "summary": e.get("summary", ""),
    "content": (e.get("content") or [{"value": ""}])[0]["value"], "tags": [x.get("term", "") for x in e.get("tags", [])]}
   for e in d.entries]}))`
	out, err := exec.Command(python, "-c", script, file).Output()
	if err != nil {
		t.Fatalf("feedparser: %v", err)
	}
	var pf parsedFeed
	if err := json.Unmarshal(out, &pf); err != nil {
		t.Fatalf("feedparser's output: %v\n%s", err, out)
	}
	return pf
}

// What a feed reader shows of the site's French feed: the articles readers can see,
// newest first, in full, with absolute links, their authors, dates and topics, and
// ids that survive a change of slug.
func TestFeedContent(t *testing.T) {
	f := newFixture(t, 0) // no cache: the slug is changed behind the editorial core's back
	// 48 French articles are published: five more make two pages of the feed.
	f.update(t, func(tx store.Tx) error {
		for i := range 5 {
			a := f.article("fr", content.KindArticle, fmt.Sprintf("ancienne-%d", i), fmt.Sprintf("Ancienne %d", i), "Texte.", start.Add(-time.Duration(100+i)*24*time.Hour))
			if err := tx.CreateArticle(t.Context(), a); err != nil {
				return err
			}
		}
		return nil
	})
	for _, ext := range []string{"atom", "rss"} {
		pf := feedparserRead(t, f.get(t, "/fr/feed."+ext).wantStatus(t, http.StatusOK).body)
		if pf.Bozo != 0 || pf.Title != "Le Stencil" || !strings.HasPrefix(pf.Lang, "fr") {
			t.Errorf("%s: bozo %d, title %q, language %q", ext, pf.Bozo, pf.Title, pf.Lang)
		}
		if len(pf.Entries) != 50 {
			t.Fatalf("%s: %d entries, want 50", ext, len(pf.Entries))
		}
		var lead, pr = -1, -1
		for i, e := range pf.Entries {
			if !strings.HasPrefix(e.Link, "https://news.example.org/fr/article/") || !strings.HasPrefix(e.ID, "tag:news.example.org,") {
				t.Errorf("%s: entry %q: link %q id %q", ext, e.Title, e.Link, e.ID)
			}
			for _, hidden := range []string{"Brouillon", "Sous embargo", "Retiré", "Algemene"} {
				if strings.Contains(e.Title, hidden) {
					t.Errorf("%s: %q is in the feed", ext, e.Title)
				}
			}
			switch {
			case strings.HasSuffix(e.Link, "/greve-generale"):
				lead = i
			case strings.HasSuffix(e.Link, "/communique-ambassade"):
				pr = i
			}
		}
		if lead < 0 || pr < 0 || pr > lead {
			t.Fatalf("%s: the press release (%d) and the lead (%d) are not there, newest first", ext, pr, lead)
		}
		e := pf.Entries[lead]
		if e.Author != "Marie Dubois" || e.Summary != "Toute la ville à l’arrêt." || !strings.Contains(e.Content, "Les revendications") ||
			!strings.Contains(strings.Join(e.Tags, ","), "grève") || e.Published == "" {
			t.Errorf("%s: the lead reads %+v", ext, e)
		}
		if strings.Contains(e.Content, `href="#`) || strings.Contains(e.Content, `href="/`) {
			t.Errorf("%s: relative links in the content: %s", ext, e.Content)
		}
		if got := pf.Entries[pr].Author; got != "Le comité de solidarité" {
			t.Errorf("%s: the press release is signed %q", ext, got)
		}
	}

	// A new slug keeps the entry's id.
	before := feedparserRead(t, f.get(t, "/fr/communiques/feed.atom").body)
	a, err := f.store.ArticleByID(t.Context(), f.ids["pr"])
	if err != nil {
		t.Fatal(err)
	}
	a.Slug = "communique-renomme"
	f.update(t, func(tx store.Tx) error { return tx.UpdateArticle(t.Context(), a) })
	after := feedparserRead(t, f.get(t, "/fr/communiques/feed.atom").body)
	if len(before.Entries) == 0 || len(after.Entries) != len(before.Entries) || after.Entries[0].ID != before.Entries[0].ID ||
		!strings.HasSuffix(after.Entries[0].Link, "/communique-renomme") {
		t.Errorf("renamed: before %+v, after %+v", before.Entries, after.Entries)
	}
}

// Older entries are on the feed's later pages (RFC 5005): the first page links to the
// next, the last page has the oldest, and a page past the end is a 404 in the reader's
// language; a page number that is none is a 400.
func TestFeedPages(t *testing.T) {
	f := newFixture(t, 8<<20)
	f.update(t, func(tx store.Tx) error {
		for i := range 5 {
			a := f.article("fr", content.KindArticle, fmt.Sprintf("ancienne-%d", i), fmt.Sprintf("Ancienne %d", i), "Texte.", start.Add(-time.Duration(100+i)*24*time.Hour))
			if err := tx.CreateArticle(t.Context(), a); err != nil {
				return err
			}
		}
		return nil
	})
	first := f.get(t, "/fr/feed.atom").wantStatus(t, http.StatusOK).body
	if !strings.Contains(first, `<link rel="next" type="application/atom+xml" href="https://news.example.org/fr/feed.atom?page=2"`) {
		t.Errorf("the first page does not link to the next:\n%.1500s", first)
	}
	second := f.get(t, "/fr/feed.atom?page=2").wantStatus(t, http.StatusOK)
	if n := strings.Count(second.body, "<entry>"); n != 3 || second.Header.Get("X-Cache") != "" {
		t.Errorf("page 2: %d entries, X-Cache %q; want the 3 oldest, built for the request", n, second.Header.Get("X-Cache"))
	}
	if !strings.Contains(second.body, "ancienne-4") || strings.Contains(second.body, `rel="next"`) {
		t.Errorf("page 2 lacks the oldest entry or links past the end")
	}
	json := f.get(t, "/fr/feed.json?page=2").wantStatus(t, http.StatusOK).body
	if !strings.Contains(json, "ancienne-4") {
		t.Errorf("JSON Feed page 2: %.300s", json)
	}
	for path, status := range map[string]int{
		"/fr/feed.atom?page=3": http.StatusNotFound, "/fr/feed.atom?page=0": http.StatusBadRequest,
		"/fr/feed.atom?page=abc": http.StatusBadRequest, "/fr/feed.atom?page=1&page=2": http.StatusBadRequest,
		"/fr/feed.atom?page=99999999999": http.StatusBadRequest, "/fr/feed.atom?page=10001": http.StatusNotFound,
	} {
		p := f.get(t, path).wantStatus(t, status)
		if !strings.Contains(p.body, `lang="fr"`) {
			t.Errorf("%s: the error page is not in French", path)
		}
	}
}

// Bad feed addresses: an unknown format, a list that does not exist, a language the
// site does not publish in: 404 pages in the reader's language.
func TestFeedNotFound(t *testing.T) {
	f := newFixture(t, 8<<20)
	for path, lang := range map[string]string{
		"/fr/feed.xml": "fr", "/nl/feed.atom2": "nl", "/fr/rubrique/nulle-part/feed.atom": "fr", "/nl/trefwoord/niets/feed.rss": "nl",
		"/fr/auteur/personne/feed.json": "fr", "/fr/dossier/aucun/feed.atom": "fr", "/de/feed.atom": "fr", "/fr/recherche/feed.atom": "fr",
		"/fr/article/greve-generale/feed.atom": "fr", "/fr/page/2/feed.atom": "fr",
	} {
		p := f.get(t, path).wantStatus(t, http.StatusNotFound)
		if !strings.Contains(p.body, `lang="`+lang+`"`) {
			t.Errorf("%s: the 404 page is not in %s", path, lang)
		}
	}
}

// Feeds answer conditional requests: an unchanged feed is a 304.
func TestFeedConditionalGET(t *testing.T) {
	f := newFixture(t, 8<<20)
	for _, path := range []string{"/fr/feed.atom", "/fr/feed.json", "/fr/communiques/feed.rss"} {
		p := f.get(t, path).wantStatus(t, http.StatusOK)
		etag, modified := p.Header.Get("ETag"), p.Header.Get("Last-Modified")
		if etag == "" || modified == "" {
			t.Fatalf("%s: ETag %q, Last-Modified %q", path, etag, modified)
		}
		f.get(t, path, "If-None-Match", etag).wantStatus(t, http.StatusNotModified)
		f.get(t, path, "If-Modified-Since", modified).wantStatus(t, http.StatusNotModified)
	}
}

// Every page declares the site's feeds, and a list its own, for feed readers to find.
func TestFeedAutodiscovery(t *testing.T) {
	f := newFixture(t, 8<<20)
	for path, own := range map[string]string{
		"/fr/article/greve-generale": "", "/fr/": "", "/fr/rubrique/europe": "/fr/rubrique/europe/feed.atom",
		"/fr/sujet/greve": "/fr/sujet/greve/feed.atom", "/fr/communiques/": "/fr/communiques/feed.atom",
		"/fr/dossier/solidarite": "/fr/dossier/solidarite/feed.atom", "/fr/auteur/marie-dubois": "/fr/auteur/marie-dubois/feed.atom",
		"/nl/": "",
	} {
		p := f.get(t, path).wantStatus(t, http.StatusOK)
		var atom []string
		for _, n := range p.all(t, `link[rel="alternate"][type="application/atom+xml"]`) {
			atom = append(atom, attrOf(n, "href"))
		}
		lang := strings.Split(path, "/")[1]
		if len(atom) == 0 || atom[0] != "/"+lang+"/feed.atom" || own != "" && !slices.Contains(atom, own) {
			t.Errorf("%s declares Atom feeds %v", path, atom)
		}
		for _, sel := range []string{`link[type="application/rss+xml"]`, `link[type="application/feed+json"]`} {
			if len(p.all(t, sel)) == 0 {
				t.Errorf("%s declares no %s", path, sel)
			}
		}
		for _, n := range p.all(t, `link[rel="alternate"][title]`) {
			f.get(t, attrOf(n, "href")).wantStatus(t, http.StatusOK)
		}
	}
}

// The addresses feed readers guess, and WordPress used, lead to the feeds.
func TestFeedAliases(t *testing.T) {
	f := newFixture(t, 0)
	for from, to := range map[string]string{
		"/feed/": "/fr/feed.atom", "/feed": "/fr/feed.atom", "/fr/feed/": "/fr/feed.atom", "/nl/feed": "/nl/feed.atom",
		"/fr/feed/rss2/": "/fr/feed.rss", "/fr/feed/atom/": "/fr/feed.atom", "/fr/rss": "/fr/feed.rss",
		"/fr/rubrique/europe/feed/": "/fr/rubrique/europe/feed.atom", "/fr/sujet/greve/feed/rss2/": "/fr/sujet/greve/feed.rss",
		"/fr/communiques/feed/": "/fr/communiques/feed.atom", "/fr/rubrique/europe/feed/json": "/fr/rubrique/europe/feed.json",
	} {
		p := f.get(t, from).wantStatus(t, http.StatusMovedPermanently)
		if got := p.Header.Get("Location"); got != to {
			t.Errorf("%s → %q, want %q", from, got, to)
		}
	}
	for _, path := range []string{"/fr/recherche/feed/", "/fr/article/greve-generale/feed/", "/fr/rubrique/nulle-part/feed/", "/de/feed/", "/fr/page/2/feed/"} {
		f.get(t, path).wantStatus(t, http.StatusNotFound)
	}
}
