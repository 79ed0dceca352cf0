package jsonld_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/jsonld"
)

// FuzzNewsArticle puts arbitrary text in every field a newsroom fills: whatever it is,
// the page gets valid JSON that cannot end its script element, with no control
// characters and a headline within Google's limit.
func FuzzNewsArticle(f *testing.F) {
	for _, seed := range []string{
		"Grève générale", "</script><script>alert(1)</script>", "<!--", "\x00\x1f\x7f\u0085\u2028\u2029",
		"\xff\xfe invalid", `"quoted" \ back`, "北京" + strings.Repeat("字", 200), "e\u0301",
		strings.Repeat("mot ", 40), "👩\u200d💻", "]]>", "\u00a0« » :",
	} {
		f.Add(seed, seed, "https://roneo.example/"+seed)
	}
	f.Fuzz(func(t *testing.T, title, text, url string) {
		a := jsonld.Article{
			URL: url, Headline: title, Description: text, Lang: text, Signature: text,
			Images:    []jsonld.Image{{URL: url, Alt: text}},
			Section:   text,
			Keywords:  []string{title, text},
			Dossiers:  []jsonld.Part{{Name: text, URL: url}},
			Publisher: jsonld.Org{Name: text, URL: url, Logo: url, SameAs: []string{url}},
		}
		for _, press := range []bool{false, true} {
			a.PressRelease = press
			graph := jsonld.Graph(
				jsonld.NewsArticle(a),
				jsonld.Breadcrumbs([]jsonld.Crumb{{Name: title, URL: url}, {Name: text}}),
				jsonld.WebSite(text, url, text, url+jsonld.SearchTerm),
			)
			b, err := jsonld.Marshal(graph)
			if err != nil {
				t.Fatal(err)
			}
			checkSafe(t, b)
			article := decode(t, b)["@graph"].([]any)[0].(map[string]any)
			if h, ok := article["headline"].(string); ok && utf8.RuneCountInString(h) > jsonld.HeadlineMax {
				t.Errorf("headline of %d characters", utf8.RuneCountInString(h))
			}
		}
	})
}

// checkSafe fails unless b is JSON without markup characters whose strings are valid
// UTF-8 without control characters.
func checkSafe(t *testing.T, b []byte) {
	t.Helper()
	if !json.Valid(b) {
		t.Fatalf("not JSON: %s", b)
	}
	if bytes.Contains(b, []byte("</")) || bytes.ContainsAny(b, "<>&") {
		t.Fatalf("markup in %s", b)
	}
	walkStrings(decode(t, b), func(s string) {
		if !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl) || strings.ContainsAny(s, "\u2028\u2029") {
			t.Errorf("%q carries invalid or control characters", s)
		}
	})
}

func decode(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func walkStrings(v any, f func(string)) {
	switch v := v.(type) {
	case string:
		f(v)
	case []any:
		for _, x := range v {
			walkStrings(x, f)
		}
	case map[string]any:
		for _, x := range v {
			walkStrings(x, f)
		}
	}
}
