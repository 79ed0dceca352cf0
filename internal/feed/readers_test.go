package feed

import (
	"cmp"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/testkit"
)

// The feeds as readers' software reads them: Debian's feedparser (what many readers
// and aggregators are built on) for Atom and RSS, and the JSON Feed schema checked by
// ajv.

var testFeeds = map[string]func() *Feed{"sample": sampleFeed, "empty": emptyFeed, "hostile": hostileFeed}

// writeFile writes f in format into the test's temporary directory.
func writeFile(t *testing.T, name string, f *Feed, format Format) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+format.Ext())
	if err := os.WriteFile(path, mustWrite(t, f, format), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func run(t *testing.T, name string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testkit.Patience)
	defer cancel()
	out, err := testkit.Run(t, exec.CommandContext(ctx, name, args...))
	return string(out), err
}

func TestFeedparserFindsNoFault(t *testing.T) {
	python := testkit.Python(t, "feedparser")
	check := testkit.Validator(t, "feedparser-check.py")
	var files []string
	for name, f := range testFeeds {
		for _, format := range []Format{Atom, RSS} {
			files = append(files, writeFile(t, name, f(), format))
		}
	}
	out, err := run(t, python, append([]string{check}, files...)...)
	if err != nil {
		t.Fatalf("feedparser-check: %v\n%s", err, out)
	}
	if n := len(regexp.MustCompile(` bozo=(0|False) `).FindAllString(out, -1)); n != len(files) {
		t.Errorf("feedparser-check passed %d of %d feeds:\n%s", n, len(files), out)
	}
}

func TestJSONFeedSchema(t *testing.T) {
	check := testkit.Validator(t, "jsonfeed-check.mjs", "ajv", "ajv-formats", "jsonfeed-schema")
	var files []string
	for name, f := range testFeeds {
		files = append(files, writeFile(t, name, f(), JSON))
	}
	out, err := run(t, "node", append([]string{check}, files...)...)
	if err != nil || strings.Count(out, ": ok (") != len(files) {
		t.Fatalf("jsonfeed-check: %v\n%s", err, out)
	}
}

// readBack is what the tests compare of a feed as feedparser reads it.
type readBack struct {
	Title   string          `json:"title"`
	Lang    string          `json:"lang"`
	Links   []string        `json:"links"` // "rel type href"
	Entries []readBackEntry `json:"entries"`
}

type readBackEntry struct {
	ID         string     `json:"id"`
	Title      string     `json:"title"`
	Link       string     `json:"link"`
	Authors    []string   `json:"authors"`
	Published  int64      `json:"published"`
	Updated    int64      `json:"updated"`
	Summary    string     `json:"summary"`
	Content    string     `json:"content"`
	Tags       [][]string `json:"tags"` // term, scheme, label
	Lang       string     `json:"lang"`
	Enclosures []string   `json:"enclosures"` // "type length href"
}

// feedparserReadBack prints a feed as feedparser reads it, leaving the HTML as written
// (feedparser otherwise sanitises it and resolves its links against xml:base).
const feedparserReadBack = `
import calendar, json, sys, feedparser
d = feedparser.parse(open(sys.argv[1], "rb").read(), sanitize_html=False, resolve_relative_uris=False)
if d.bozo:
    sys.exit("bozo: %r" % d.bozo_exception)
t = lambda st: calendar.timegm(st) if st else 0
lang = lambda e: e.get("language") or (e.get("title_detail") or {}).get("language") or d.feed.get("language") or ""
print(json.dumps({
    "title": d.feed.get("title", ""),
    "lang": d.feed.get("language", ""),
    "links": ["%s %s %s" % (l.get("rel"), l.get("type"), l.get("href")) for l in d.feed.get("links", [])],
    "entries": [{
        "id": e.get("id", ""), "title": e.get("title", ""), "link": e.get("link", ""),
        "authors": [a.get("name", "") for a in e.get("authors", [])],
        "published": t(e.get("published_parsed")), "updated": t(e.get("updated_parsed")),
        "summary": e.get("summary", ""),
        "content": e.content[0].value if "content" in e else "",
        "tags": [[g.get("term") or "", g.get("scheme") or "", g.get("label") or ""] for g in e.get("tags", [])],
        "lang": lang(e),
        "enclosures": ["%s %s %s" % (n.get("type"), n.get("length"), n.get("href")) for n in e.get("enclosures", [])],
    } for e in d.entries],
}))
`

func TestFeedparserReadsBack(t *testing.T) {
	python := testkit.Python(t, "feedparser")
	for name, newFeed := range testFeeds {
		for _, format := range []Format{Atom, RSS} {
			t.Run(name+format.Ext(), func(t *testing.T) {
				f := newFeed()
				out, err := run(t, python, "-c", feedparserReadBack, writeFile(t, name, f, format))
				if err != nil {
					t.Fatalf("feedparser: %v\n%s", err, out)
				}
				var got readBack
				if err := json.Unmarshal([]byte(out), &got); err != nil {
					t.Fatalf("%v in %s", err, out)
				}
				want := expectedReadBack(f, format)
				if !reflect.DeepEqual(got, want) {
					g, _ := json.MarshalIndent(got, "", "  ")
					w, _ := json.MarshalIndent(want, "", "  ")
					t.Errorf("feedparser reads\n%s\nwant\n%s", g, w)
				}
			})
		}
	}
}

// expectedReadBack is what feedparser should find in f written as format.
func expectedReadBack(f *Feed, format Format) readBack {
	c := cleanXML
	want := readBack{Title: c(f.Title), Lang: c(f.Lang), Links: []string{}, Entries: []readBackEntry{}}
	if format == Atom {
		want.Links = append(want.Links, "self application/atom+xml "+uri(f.SelfURL), "alternate text/html "+uri(f.HomeURL))
	} else {
		want.Links = append(want.Links, "alternate text/html "+uri(f.HomeURL), "self application/rss+xml "+uri(f.SelfURL))
	}
	updated := feedUpdated(f)
	for i := range f.Entries {
		e := &f.Entries[i]
		w := readBackEntry{
			ID: c(entryID(e)), Title: c(e.Title), Link: uri(e.URL), Content: c(e.ContentHTML),
			Authors: []string{}, Tags: [][]string{}, Enclosures: []string{},
			Lang: c(cmp.Or(e.Lang, f.Lang)),
		}
		for _, a := range entryAuthors(f, e) {
			if a != "" {
				w.Authors = append(w.Authors, c(a))
			}
		}
		if format == Atom {
			w.Published, w.Updated = unix(e.Published), unix(orEpoch(entryUpdated(e, updated)))
			w.Summary = c(e.Summary)
			for _, g := range e.Categories {
				w.Tags = append(w.Tags, []string{c(cmp.Or(g.Term, g.Label)), uri(g.Scheme), c(g.label())})
			}
			if img := e.Image; img != nil {
				w.Enclosures = append(w.Enclosures, c(img.MIMEType)+" "+cmp.Or(lengthAttr(img.Length), "None")+" "+uri(img.URL))
			}
		} else {
			w.Published = unix(cmp.Or(e.Published, e.Updated))
			w.Updated = w.Published
			w.Summary = textToHTML(c(e.Summary))
			for _, g := range e.Categories {
				w.Tags = append(w.Tags, []string{c(g.label()), uri(g.Scheme), ""})
			}
			if img := e.Image; img != nil && img.Length > 0 {
				w.Enclosures = append(w.Enclosures, c(img.MIMEType)+" "+lengthAttr(img.Length)+" "+uri(img.URL))
			}
		}
		want.Entries = append(want.Entries, w)
	}
	return want
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// jsonItem is an item of a JSON Feed as a reader decodes it.
type jsonItem struct {
	ID            string              `json:"id"`
	URL           string              `json:"url"`
	Title         string              `json:"title"`
	ContentHTML   string              `json:"content_html"`
	ContentText   *string             `json:"content_text"`
	Summary       string              `json:"summary"`
	Image         string              `json:"image"`
	DatePublished string              `json:"date_published"`
	DateModified  string              `json:"date_modified"`
	Authors       []map[string]string `json:"authors"`
	Tags          []string            `json:"tags"`
	Language      string              `json:"language"`
}

func TestJSONFeedReadsBack(t *testing.T) {
	for name, newFeed := range testFeeds {
		f := newFeed()
		var got struct {
			Version, Title, Description, Language, Icon string
			HomePageURL                                 string              `json:"home_page_url"`
			FeedURL                                     string              `json:"feed_url"`
			Authors                                     []map[string]string `json:"authors"`
			Items                                       []jsonItem          `json:"items"`
		}
		if err := json.Unmarshal(mustWrite(t, f, JSON), &got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		c := cleanXML
		if got.Version != "https://jsonfeed.org/version/1.1" || got.Title != c(f.Title) ||
			got.HomePageURL != uri(f.HomeURL) || got.FeedURL != uri(f.SelfURL) || got.Language != c(f.Lang) ||
			got.Description != c(f.Subtitle) || got.Icon != uri(f.IconURL) || len(got.Items) != len(f.Entries) {
			t.Errorf("%s: the feed reads %+v", name, got)
			continue
		}
		for i, it := range got.Items {
			if want := expectedJSONItem(f, &f.Entries[i]); !reflect.DeepEqual(it, want) {
				t.Errorf("%s: item %d reads\n%+v\nwant\n%+v", name, i, it, want)
			}
		}
	}
}

func expectedJSONItem(f *Feed, e *Entry) jsonItem {
	c := cleanXML
	it := jsonItem{
		ID: entryID(e), URL: uri(e.URL), Title: c(e.Title), ContentHTML: c(e.ContentHTML), Summary: c(e.Summary),
		DatePublished: rfc3339(e.Published), DateModified: rfc3339(e.Updated),
	}
	if it.ContentHTML == "" {
		it.ContentText = &it.Summary
	}
	if e.Image != nil {
		it.Image = uri(e.Image.URL)
	}
	for _, a := range e.Authors { // none when the entry names none: items inherit the feed's
		if a = c(a); a != "" {
			it.Authors = append(it.Authors, map[string]string{"name": a})
		}
	}
	for _, g := range e.Categories {
		it.Tags = append(it.Tags, c(cmp.Or(g.Label, g.Term)))
	}
	if c(e.Lang) != c(f.Lang) {
		it.Language = c(e.Lang)
	}
	return it
}
