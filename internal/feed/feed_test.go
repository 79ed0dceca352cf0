package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/testkit"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// brussels is winter time in Brussels: feeds must say UTC whatever the dates come in.
var brussels = time.FixedZone("CET", 3600)

// sampleFeed is a French tag feed as the site would build it: entries with and without
// authors, images with and without a known size, a Dutch entry, and content still
// holding the root-relative links the editor writes.
func sampleFeed() *Feed {
	return &Feed{
		ID:       "tag:example.org,2026:feed/fr/tag/climat",
		Title:    "Climat – Le Journal des luttes",
		Subtitle: "Les articles du dossier « climat »",
		Lang:     "fr",
		SelfURL:  "https://example.org/fr/tag/climat/feed.atom",
		HomeURL:  "https://example.org/fr/tag/climat",
		IconURL:  "https://example.org/static/icon-512.png",
		Updated:  time.Date(2026, 3, 14, 18, 30, 0, 0, brussels),
		Author:   "Le Journal des luttes",
		Entries: []Entry{{
			ID:          "tag:example.org,2026:article/123",
			URL:         "https://example.org/fr/article/123-greve-pour-le-climat",
			Title:       "Grève pour le climat : 20 000 personnes à Bruxelles",
			Authors:     []string{"Anne Dupont", "Jan Peeters"},
			Published:   time.Date(2026, 3, 14, 9, 0, 0, 0, brussels),
			Updated:     time.Date(2026, 3, 14, 18, 30, 0, 0, brussels),
			Summary:     "Les lycéens & leurs profs ont défilé <malgré> la pluie.",
			ContentHTML: `<p>Le cortège est parti de la gare du Nord. <a href="/fr/dossier/climat">Notre dossier</a>.</p><figure><img src="/media/12/cortege.jpg" alt="Le cortège"></figure>`,
			Categories: []Category{
				{Term: "climat", Label: "Climat", Scheme: "https://example.org/fr/tag/"},
				{Term: "greve", Label: "Grève & actions", Scheme: "https://example.org/fr/tag/"},
			},
			Image: &Image{URL: "https://example.org/media/12/cortege.jpg", MIMEType: "image/jpeg", Length: 184320, Alt: "Le cortège"},
		}, {
			ID:          "tag:example.org,2026:article/120",
			URL:         "https://example.org/nl/artikel/120-klimaatmars",
			Title:       "Klimaatmars: \"we gaan door\"",
			Published:   time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC),
			Summary:     "De organisatoren blikken vooruit.",
			ContentHTML: "<p>Interview met de organisatoren.</p>\n<p>Lees ook <a href=\"https://example.org/nl/dossier/klimaat\">het dossier</a>.</p>",
			Categories:  []Category{{Term: "klimaat"}},
			Lang:        "nl",
			Image:       &Image{URL: "https://example.org/media/9/mars.webp", MIMEType: "image/webp"},
		}, {
			ID:        "tag:example.org,2026:brief/7",
			URL:       "https://example.org/fr/breve/7",
			Title:     "Brève sans contenu",
			Published: time.Date(2026, 3, 1, 7, 5, 9, 0, brussels),
			Summary:   "Une ligne, c'est tout.",
			Lang:      "fr",
		}},
	}
}

func emptyFeed() *Feed {
	return &Feed{
		ID:      "tag:example.org,2026:feed/nl-BE/tag/nieuw",
		Title:   "Nieuw",
		Lang:    "nl-BE",
		SelfURL: "https://example.org/nl/tag/nieuw/feed.json",
		HomeURL: "https://example.org/nl/tag/nieuw",
	}
}

func mustWrite(tb testing.TB, f *Feed, format Format) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := Write(&b, f, format); err != nil {
		tb.Fatalf("Write(%s): %v", format, err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	feeds := map[string]*Feed{"sample": sampleFeed(), "empty": emptyFeed(), "hostile": hostileFeed()}
	for name, f := range feeds {
		for _, format := range Formats() {
			t.Run(name+format.Ext(), func(t *testing.T) {
				got := mustWrite(t, f, format)
				if again := mustWrite(t, f, format); !bytes.Equal(got, again) {
					t.Fatal("two writes of the same feed differ")
				}
				if format == JSON {
					checkJSONLayout(t, got)
				}
				golden := filepath.Join("testdata", name+format.Ext()+".golden")
				if *update {
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the output (go test -update rewrites it):\n%s", golden, got)
				}
			})
		}
	}
}

type failingWriter struct{ calls int }

func (w *failingWriter) Write(p []byte) (int, error) {
	w.calls++
	return 0, errors.New("disk full")
}

func TestWriteErrors(t *testing.T) {
	if err := Write(&bytes.Buffer{}, nil, Atom); !errors.Is(err, ErrNoFeed) {
		t.Errorf("Write(nil feed) = %v, want ErrNoFeed", err)
	}
	for _, format := range []Format{0, JSON + 1} {
		var b bytes.Buffer
		if err := Write(&b, sampleFeed(), format); !errors.Is(err, ErrUnknownFormat) || b.Len() > 0 {
			t.Errorf("Write(%v) = %v and %d bytes, want ErrUnknownFormat and nothing", format, err, b.Len())
		}
	}
	w := &failingWriter{}
	if err := Write(w, sampleFeed(), RSS); err == nil || !strings.Contains(err.Error(), "disk full") || w.calls != 1 {
		t.Errorf("Write to a failing writer = %v after %d writes, want its error after one", err, w.calls)
	}
}

func TestFormat(t *testing.T) {
	want := map[Format][3]string{
		Atom: {"atom", ".atom", "application/atom+xml; charset=utf-8"},
		RSS:  {"rss", ".rss", "application/rss+xml; charset=utf-8"},
		JSON: {"json", ".json", "application/feed+json; charset=utf-8"},
	}
	for _, f := range Formats() {
		if got := [3]string{f.String(), f.Ext(), f.MediaType()}; got != want[f] {
			t.Errorf("format %d = %q, want %q", int(f), got, want[f])
		}
		for _, ext := range []string{f.String(), f.Ext()} {
			if got, err := ParseFormat(ext); got != f || err != nil {
				t.Errorf("ParseFormat(%q) = %v, %v; want %v", ext, got, err, f)
			}
		}
	}
	for _, ext := range []string{"", ".", "xml", "ATOM", "..atom", "atom ", ".rss2"} {
		if got, err := ParseFormat(ext); !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("ParseFormat(%q) = %v, %v; want ErrUnknownFormat", ext, got, err)
		}
	}
	if s := Format(0).String(); s != "Format(0)" {
		t.Errorf("Format(0).String() = %q", s)
	}
}

// TestImports keeps the package pure: no store, no HTTP, no site, no I/O but the
// writer it is given.
func TestImports(t *testing.T) {
	allowed := []string{
		"bytes", "cmp", "encoding/binary", "errors", "fmt", "io", "net/url", "strconv", "strings",
		"time", "unicode/utf8", "golang.org/x/net/html", "golang.org/x/net/html/atom",
	}
	testkit.Imports(t, allowed...)
}

// checkJSONLayout checks that out is JSON laid out as encoding/json indents it, with
// no empty URL: the schema requires URLs to be URLs.
func checkJSONLayout(tb testing.TB, out []byte) {
	tb.Helper()
	var compact, indented bytes.Buffer
	if err := json.Compact(&compact, out); err != nil {
		tb.Fatalf("invalid JSON: %v\n%s", err, out)
	}
	json.Indent(&indented, compact.Bytes(), "", "  ")
	indented.WriteByte('\n')
	if !bytes.Equal(out, indented.Bytes()) {
		tb.Errorf("the JSON is not laid out as encoding/json would:\n%s\nwant\n%s", out, indented.Bytes())
	}
	for _, key := range []string{"home_page_url", "feed_url", "icon", "url", "image"} {
		if bytes.Contains(out, []byte(`"`+key+`": ""`)) {
			tb.Errorf("the JSON has an empty %s:\n%s", key, out)
		}
	}
}
