package jsonld_test

import (
	"bytes"
	"encoding/json"
	"html/template"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/jsonld"
	"github.com/roneo/roneo/internal/jsonld/jsonldtest"
)

func TestHeadline(t *testing.T) {
	words := strings.Repeat("mouvement ", 10) // 100 characters
	for _, c := range []struct {
		name, title, want string
	}{
		{"short", "Grève générale", "Grève générale"},
		{"at the limit", strings.Repeat("é", 110), strings.Repeat("é", 110)},
		{"cut at a word", words + "des cheminots", words + "des…"},
		{"cut at a word that fits exactly", words + "123456789 suite", words + "123456789…"},
		{"punctuation before the cut dropped", words + "grève, manifestation", words + "grève…"},
		{"no-break spaces hold", words + "contre 20\u00a0000 euros", words + "contre…"}, // not "contre 20…"
		{"no spaces", strings.Repeat("北京", 60), strings.Repeat("北京", 54) + "北…"},
		{"one long word after a short one", "Le " + strings.Repeat("x", 200), "Le " + strings.Repeat("x", 106) + "…"},
		{"accents stay on their letter", strings.Repeat("e\u0301", 60), strings.Repeat("e\u0301", 54) + "…"},
		{"joined emoji stay whole", strings.Repeat("x", 108) + "👩\u200d💻", strings.Repeat("x", 108) + "…"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := jsonld.NewsArticle(jsonld.Article{Headline: c.title})
			got := m["headline"].(string)
			if got != c.want {
				t.Errorf("headline %q (%d), want %q", got, utf8.RuneCountInString(got), c.want)
			}
			if n := utf8.RuneCountInString(got); n > jsonld.HeadlineMax {
				t.Errorf("headline of %d characters", n)
			}
			if m["name"] != strings.TrimSpace(c.title) {
				t.Errorf("name %q, want the whole title", m["name"])
			}
		})
	}
}

func TestTextIsCleaned(t *testing.T) {
	m := jsonld.NewsArticle(jsonld.Article{
		Headline:    "Grève\n\tgénérale\x00 le 5\u2028décembre\x7f\u0085 ",
		Description: "  \r\n ",
		Signature:   "\x1b",
		Keywords:    []string{"a\x00b", "a b", "\xff"},
		Lang:        "fr\n",
	})
	want := map[string]any{
		"@context": "https://schema.org", "@type": "NewsArticle",
		"headline": "Grève générale le 5 décembre", "name": "Grève générale le 5 décembre",
		"keywords": []string{"a b", "\uFFFD"}, "inLanguage": "fr",
	}
	if b, w := mustMarshal(t, m), mustMarshal(t, want); !bytes.Equal(b, w) {
		t.Errorf("got  %s\nwant %s", b, w)
	}
}

// TestEmptyIsLeftOut: an empty string or a zero date would tell a search engine
// something false; a missing key tells it nothing.
func TestEmptyIsLeftOut(t *testing.T) {
	for name, c := range map[string]struct {
		got  map[string]any
		keys []string
	}{
		"article":      {jsonld.NewsArticle(jsonld.Article{Authors: []jsonld.Person{{URL: "https://x"}}, Images: []jsonld.Image{{Alt: "x"}}, Dossiers: []jsonld.Part{{}}}), nil},
		"press":        {jsonld.NewsArticle(jsonld.Article{PressRelease: true}), []string{"genre"}},
		"organization": {jsonld.Organization(jsonld.Org{SameAs: []string{""}}), nil},
		"website":      {jsonld.WebSite("", "", "", "https://x/?q=no-placeholder"), nil},
	} {
		keys := slices.Sorted(maps.Keys(c.got))
		want := slices.Sorted(slices.Values(append(c.keys, "@context", "@type")))
		if !slices.Equal(keys, want) {
			t.Errorf("%s: keys %q, want %q", name, keys, want)
		}
	}
	if b := jsonld.Breadcrumbs([]jsonld.Crumb{{URL: "https://x"}}); b != nil {
		t.Errorf("a trail without names: %v, want nil", b)
	}
}

func TestMarshalEscapesMarkup(t *testing.T) {
	title := `</script><script>alert("x")</script> <!-- & ]]> ` + "\u2028"
	b := mustMarshal(t, jsonld.NewsArticle(jsonld.Article{Headline: title, Description: title}))
	if i := bytes.IndexAny(b, "<>&"); i >= 0 {
		t.Errorf("markup character at %d in %s", i, b)
	}
	if !bytes.Contains(b, []byte(`\u003c/script\u003e`)) {
		t.Errorf("no escaped </script> in %s", b)
	}
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil || back["name"] != strings.TrimSpace(title) {
		t.Errorf("read back %q (%v), want %q", back["name"], err, title)
	}
}

func TestGraphLeavesItsNodesAlone(t *testing.T) {
	article, trail := jsonld.NewsArticle(article()), jsonld.Breadcrumbs(nil)
	g := jsonld.Graph(article, trail, website())
	if nodes := g["@graph"].([]map[string]any); len(nodes) != 2 {
		t.Fatalf("%d nodes, want the article and the site (no empty trail)", len(nodes))
	} else if _, ok := nodes[0]["@context"]; ok {
		t.Errorf("a node in the graph has its own @context")
	}
	if article["@context"] != jsonld.Vocabulary {
		t.Errorf("Graph changed the article it was given")
	}
}

// TestInTemplate embeds a graph as the site does and reads it back as a crawler does:
// html/template encodes it exactly as Marshal, in one script, however hostile the title.
func TestInTemplate(t *testing.T) {
	a := article()
	a.Headline = `</script><script>alert(1)</script> <!-- "«»"`
	graph := jsonld.Graph(jsonld.NewsArticle(a), jsonld.Breadcrumbs(crumbs()))
	page := template.Must(template.New("page").Parse(
		`<!doctype html><title>{{.Title}}</title><script type="application/ld+json">{{.Data}}</script><p>fin</p>`))
	var buf bytes.Buffer
	if err := page.Execute(&buf, map[string]any{"Title": a.Headline, "Data": graph}); err != nil {
		t.Fatal(err)
	}
	scripts := jsonldtest.Extract(t, buf.Bytes())
	if len(scripts) != 1 {
		t.Fatalf("%d scripts in %s", len(scripts), buf.Bytes())
	}
	if want := mustMarshal(t, graph); !bytes.Equal(scripts[0], want) {
		t.Errorf("the template wrote\n%s\nMarshal gives\n%s", scripts[0], want)
	}
	na := jsonldtest.Nodes(t, jsonldtest.Expand(t, scripts[0]), S+"NewsArticle")[0]
	expect(t, "headline", jsonldtest.Value(na, S+"headline"), a.Headline)
}
