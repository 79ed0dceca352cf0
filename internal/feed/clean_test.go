package feed

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// hostile is text as it reaches the site from pasted documents and imports: controls
// XML forbids, non-characters, bytes that are not UTF-8 and an encoded surrogate, next
// to markup and quotes that must survive as text.
const hostile = "A\x00B\x01C\x0bD\x0cE\x1fF\ufffeG\uffffH\xffI\xc3J\xed\xa0\x80K" +
	` ]]> <script>alert("x")</script> & 'quotes' "double" &amp; ` + "\ttab\nline\r\nend\u0085\x7f\u009f\ufffd\U0001fffe"

// hostileClean is hostile as every feed must carry it.
const hostileClean = "ABCDEFGHIJK" +
	` ]]> <script>alert("x")</script> & 'quotes' "double" &amp; ` + "\ttab\nline\r\nend\ufffd\U0001fffe"

func hostileFeed() *Feed {
	f := emptyFeed()
	f.Title = "Hostile " + hostile
	f.Subtitle = hostile
	f.Author = "Pub\x00lisher"
	f.Entries = []Entry{{
		ID:          "tag:example.org,2026:article/1\x01",
		URL:         "https://example.org/nl/artikel/1?a=1&b=\"2\"\x1f",
		Title:       hostile,
		Authors:     []string{hostile, ""},
		Published:   time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		Summary:     hostile,
		ContentHTML: "<p>" + hostile + "</p><![CDATA[x]]><!-- ]]> -->",
		Categories:  []Category{{Term: hostile, Label: hostile, Scheme: "https://example.org/\x0b"}},
		Lang:        "fr\x00",
		Image:       &Image{URL: "https://example.org/m.jpg\x00", MIMEType: "image/jpeg", Length: 1, Alt: hostile},
	}}
	return f
}

func TestCleanXML(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"plain ASCII", "plain ASCII"},
		{"Grève « climat » 😀", "Grève « climat » 😀"},
		{"\t\n\r", "\t\n\r"},
		{"\x00\x01\x08\x0b\x0c\x0e\x1f", ""},
		{"a\x7fb\u0080c\u0085d\u009fe\u00a0", "abcde\u00a0"},
		{"\ufffe\uffff\ufffd", "\ufffd"},
		{"\U0001fffe\U0010ffff", "\U0001fffe\U0010ffff"},
		{"x\xffy\xc3z\xe2\x82", "xyz"},
		{"\xed\xa0\x80\xed\xbf\xbf", ""}, // UTF-8 encoded surrogates
		{"é\x00é", "éé"},
		{hostile, hostileClean},
	} {
		if got := cleanXML(tt.in); got != tt.want {
			t.Errorf("cleanXML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// cleanXMLByTheBook is cleanXML as the XML 1.0 specification words it (the Char
// production), plus the C1 controls, one character at a time.
func cleanXMLByTheBook(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && size == 1 {
			r = -1
		}
		if r == 0x9 || r == 0xA || r == 0xD || 0x20 <= r && r <= 0xD7FF && !(0x7F <= r && r <= 0x9F) ||
			0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF {
			b.WriteString(s[:size])
		}
		s = s[size:]
	}
	return b.String()
}

func FuzzCleanXML(f *testing.F) {
	f.Add(hostile)
	f.Add("12345678\x7f12345678\u00e9123456\x1f")
	f.Add("\xc2\x80\xc2\x9f\xc2\xa0\xef\xbf\xbe\xef\xbf\xbd")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cleanXML(s), cleanXMLByTheBook(s); got != want {
			t.Errorf("cleanXML(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestCleanXMLDoesNotCopyCleanText(t *testing.T) {
	s := strings.Repeat("Grève générale ", 100)
	if n := testing.AllocsPerRun(10, func() { cleanXML(s) }); n != 0 {
		t.Errorf("cleanXML of clean text allocates %v times", n)
	}
}

// TestHostileTextIsGone checks the documents themselves: no forbidden character gets
// through, and what is markup in the text is escaped.
func TestHostileTextIsGone(t *testing.T) {
	for _, format := range Formats() {
		out := string(mustWrite(t, hostileFeed(), format))
		if c := cleanXML(out); c != out {
			t.Errorf("%s: the output holds characters XML forbids", format)
		}
		if format != JSON && strings.Contains(out, "<script") {
			t.Errorf("%s: <script> is not escaped", format)
		}
	}
}

func TestEscapeURI(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://example.org/fr/article/1?a=1&b=2#x", "https://example.org/fr/article/1?a=1&b=2#x"},
		{"https://example.org/a%20b/%C3%A9", "https://example.org/a%20b/%C3%A9"},
		{`https://example.org/a b/"c"<d>`, "https://example.org/a%20b/%22c%22%3Cd%3E"},
		{"https://example.org/ar/مقال", "https://example.org/ar/%D9%85%D9%82%D8%A7%D9%84"},
		{"https://example.org/100%/%zz/%4", "https://example.org/100%25/%25zz/%254"},
		{"https://[::1]:8080/~user/(a)*!$'+,;=@", "https://[::1]:8080/~user/(a)*!$'+,;=@"},
		{"https://example.org/\\^`{|}", "https://example.org/%5C%5E%60%7B%7C%7D"},
	} {
		if got := escapeURI(tt.in); got != tt.want {
			t.Errorf("escapeURI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
