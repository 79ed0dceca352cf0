package jsonldtest_test

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/roneo/roneo/internal/jsonld/jsonldtest"
)

const S = "https://schema.org/"

func TestExtract(t *testing.T) {
	page := `<!doctype html><html><head>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"a \u003c/script\u003e b"}</script>
<script type="text/javascript">var x = {"@type": "NewsArticle"};</script>
<script>{"not": "json-ld"}</script>
</head><body>
<script type=" Application/LD+JSON; charset=utf-8 ">{"@type":"Person"}</script>
<p>{"@type":"Thing"}</p>
</body></html>`
	got := jsonldtest.Extract(t, []byte(page))
	want := []string{
		`{"@context":"https://schema.org","@type":"WebSite","name":"a \u003c/script\u003e b"}`,
		`{"@type":"Person"}`,
	}
	if len(got) != len(want) {
		t.Fatalf("%d scripts, want %d: %q", len(got), len(want), got)
	}
	for i := range want {
		if string(got[i]) != want[i] {
			t.Errorf("script %d: %s, want %s", i, got[i], want[i])
		}
	}
	if none := jsonldtest.Extract(t, []byte("<p>no data</p>")); len(none) != 0 {
		t.Errorf("scripts in a page without any: %q", none)
	}
}

// TestExtractCutsAtScriptEnd shows why the builders escape "<": a browser ends the
// script at the first "</script", and so does Extract.
func TestExtractCutsAtScriptEnd(t *testing.T) {
	page := `<script type="application/ld+json">{"name":"</script><script>alert(1)//"}</script>`
	got := jsonldtest.Extract(t, []byte(page))
	if len(got) != 1 || string(got[0]) != `{"name":"` {
		t.Errorf("got %q, want the JSON cut where the browser cuts it", got)
	}
}

func TestExpandAndRead(t *testing.T) {
	docs := jsonldtest.ExpandAll(t,
		[]byte(`{"@context": "https://schema.org", "@graph": [
			{"@type": "NewsArticle", "headline": "Un", "wordCount": 1200, "isAccessibleForFree": true,
			 "url": "https://roneo.example/a", "datePublished": "2026-12-03T09:30:00+01:00",
			 "author": [{"@type": "Person", "name": "Camille"}, {"@type": "Person", "name": "Jan"}]},
			{"@type": ["NewsArticle", "Report"], "headline": "Deux",
			 "itemListElement": {"@list": [{"@id": "https://roneo.example/x"}, "y"]}}]}`),
		[]byte(`{"@context": "http://schema.org/", "@type": "Person", "name": "Camille"}`),
	)
	articles := jsonldtest.Nodes(t, docs[0], S+"NewsArticle")
	if len(articles) != 2 {
		t.Fatalf("%d articles, want 2", len(articles))
	}
	first, second := articles[0], articles[1]
	if jsonldtest.Value(first, S+"headline")[0] == "Deux" {
		first, second = second, first
	}
	for _, c := range []struct {
		node map[string]any
		prop string
		want []string
	}{
		{first, "headline", []string{"Un"}},
		{first, "wordCount", []string{"1200"}},
		{first, "isAccessibleForFree", []string{"true"}},
		{first, "url", []string{"https://roneo.example/a"}},
		{first, "datePublished", []string{"2026-12-03T09:30:00+01:00"}},
		{first, "author", nil}, // nodes without an @id have no value of their own
		{first, "missing", nil},
		{second, "itemListElement", []string{"https://roneo.example/x", "y"}},
	} {
		if got := jsonldtest.Value(c.node, S+c.prop); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.prop, got, c.want)
		}
	}
	if people := jsonldtest.Nodes(t, docs[0], S+"Person"); len(people) != 2 {
		t.Errorf("%d people nested in the articles, want 2", len(people))
	}
	if people := jsonldtest.Nodes(t, docs[1], S+"Person"); jsonldtest.Value(people[0], S+"name")[0] != "Camille" {
		t.Errorf("http://schema.org/ not read as schema.org: %v", people)
	}
}

// TestExpandRefusesOtherContexts: the processor reads no context but the local copy of
// schema.org's, so no test depends on the network.
func TestExpandRefusesOtherContexts(t *testing.T) {
	doc := []byte(`{"@context": "https://example.org/context.jsonld", "name": "x"}`)
	msg, failed := outcome(t, func(tb testing.TB) { jsonldtest.Expand(tb, doc) })
	if !failed || !strings.Contains(msg, "refusing to load https://example.org/context.jsonld") {
		t.Errorf("expanding with an unknown context: failed %v, %s", failed, msg)
	}
}

func TestNodesFailsWhenNoneFound(t *testing.T) {
	msg, failed := outcome(t, func(tb testing.TB) { jsonldtest.Nodes(tb, nil, S+"NewsArticle") })
	if !failed || !strings.Contains(msg, "no node of type https://schema.org/NewsArticle") {
		t.Errorf("failed %v, %s", failed, msg)
	}
}

// outcome runs f with a testing.TB that records a fatal failure instead of failing t.
func outcome(t *testing.T, f func(testing.TB)) (msg string, failed bool) {
	rec := &recorder{TB: t}
	var wg sync.WaitGroup
	wg.Go(func() { f(rec) }) // Fatalf ends this goroutine as it ends a test's
	wg.Wait()
	return rec.msg, rec.failed
}

type recorder struct {
	testing.TB
	msg    string
	failed bool
}

func (r *recorder) Helper() {}

func (r *recorder) Fatalf(format string, args ...any) {
	r.msg, r.failed = fmt.Sprintf(format, args...), true
	runtime.Goexit()
}

func (r *recorder) Fatal(args ...any) {
	r.msg, r.failed = fmt.Sprint(args...), true
	runtime.Goexit()
}
