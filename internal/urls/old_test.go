package urls

import (
	"slices"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
)

func TestCanonicalQuery(t *testing.T) {
	for in, want := range map[string]string{
		"":                "",
		"p=123":           "p=123",
		"b=2&a=1":         "a=1&b=2",
		"cat=4&cat=2":     "cat=4&cat=2", // repeated values keep their order
		"s=gr%C3%A8ve+x":  "s=gr%C3%A8ve+x",
		"%zz":             "%zz", // kept as it is when it does not parse
		"page_id=5&lang=": "lang=&page_id=5",
		"p=123&utm_source=lettre&UTM_medium=x&fbclid=abc": "p=123",
		"utm_campaign=x": "",
	} {
		if got := CanonicalQuery(in); got != want {
			t.Errorf("CanonicalQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOldAddresses(t *testing.T) {
	for _, c := range []struct {
		path, query string
		want        []string
	}{
		{"/", "", []string{"/"}},
		{"/", "p=123", []string{"/?p=123", "/"}},
		{"/", "utm_source=x&p=123", []string{"/?p=123", "/"}},
		{"/", "utm_source=x", []string{"/"}},
		{"/", "cat=4&p=123", []string{"/?cat=4&p=123", "/?cat=4", "/?p=123", "/"}},
		{"/2019/05/greve/", "", []string{"/2019/05/greve/", "/2019/05/greve"}},
		{"/ancien", "", []string{"/ancien", "/ancien/"}},
	} {
		if got := OldAddresses(c.path, c.query); !slices.Equal(got, c.want) {
			t.Errorf("OldAddresses(%q, %q) = %q, want %q", c.path, c.query, got, c.want)
		}
	}
	var many []string
	for i := range 50 {
		many = append(many, "k"+strings.Repeat("x", i)+"=1")
	}
	got := OldAddresses("/x", strings.Join(many, "&"))
	if len(got) > maxOldAddresses || got[len(got)-2] != "/x" || got[len(got)-1] != "/x/" {
		t.Errorf("a long query gave %d addresses ending %q", len(got), got[len(got)-2:])
	}
}

func TestLangOf(t *testing.T) {
	s := New()
	for path, want := range map[string]content.Lang{
		"/fr/": "fr", "/nl/nothing/here": "nl", "/fr-BE/x": "fr-BE", "/": "", "/media/x.jpg": "",
		"/FR/": "", "/zz-not-a-tag-at-all-really/": "", "/" + strings.Repeat("a", 40): "",
	} {
		got, ok := s.LangOf(path)
		if got != want || ok != (want != "") {
			t.Errorf("LangOf(%q) = %q, %v; want %q", path, got, ok, want)
		}
	}
}
