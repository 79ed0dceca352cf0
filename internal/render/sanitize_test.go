package render

import (
	"html"
	"strings"
	"testing"
)

func TestMarkdownSanitises(t *testing.T) {
	r := New()
	for _, tt := range []struct {
		name, src string
		absent    []string
		present   []string
	}{
		{"script element", "Avant <script>alert(1)</script> après",
			[]string{"<script", "alert(1)"}, []string{"Avant", "après"}},
		{"script block", "<script>\nalert(1)\n</script>\n\nTexte",
			[]string{"<script", "alert"}, []string{"<p>Texte</p>"}},
		{"event handler", `<img src="/x.jpg" onerror="alert(1)">`,
			[]string{"onerror", "alert"}, []string{`<img src="/x.jpg">`}},
		{"javascript link", "[clic](javascript:alert(1))",
			[]string{"javascript:"}, []string{"clic"}},
		{"javascript link in HTML", `<a href="JaVaScRiPt:alert(1)">x</a>`,
			[]string{"avascript", "href"}, nil},
		{"encoded javascript link", `<a href="&#106;avascript:alert(1)">x</a>`,
			[]string{"avascript", "href"}, nil},
		{"named-entity javascript link", `<a href="javascript&colon;alert(1)">x</a>`,
			[]string{"avascript", "href"}, nil},
		{"srcset", `<img src="/a.jpg" srcset="javascript:alert(1) 2x">`,
			[]string{"srcset", "javascript"}, []string{`<img src="/a.jpg">`}},
		{"data image", "![x](data:image/png;base64,AAAA)",
			[]string{"data:"}, nil},
		{"style attribute", `<p style="color:red">rouge</p>`,
			[]string{"style", "color"}, []string{"<p>rouge</p>"}},
		{"style element", "<style>body{display:none}</style>\n\nTexte",
			[]string{"<style", "display"}, []string{"Texte"}},
		{"iframe", `<iframe src="https://evil.example/"></iframe>`,
			[]string{"iframe", "evil"}, nil},
		{"svg and form", `<svg onload="alert(1)"></svg><form action="/x"><input name="a"></form>`,
			[]string{"svg", "onload", "form", "input"}, nil},
		{"h1 is the page's", "<h1>Titre</h1>",
			[]string{"<h1"}, []string{"Titre"}},
		{"foreign ids and classes", `<div class="admin" id="main">x</div>`,
			[]string{"admin", "main"}, []string{"<div>x</div>"}},
		{"external link", "[site](https://exemple.fr/page)",
			nil, []string{`<a href="https://exemple.fr/page" rel="noreferrer">site</a>`}},
		{"internal link", "[article](/articles/42)",
			[]string{"rel="}, []string{`<a href="/articles/42">article</a>`}},
		{"raw figure kept", `<figure><img src="/a.jpg" alt="a" loading="lazy"><figcaption>Légende</figcaption></figure>`,
			nil, []string{`<figure><img src="/a.jpg" alt="a" loading="lazy"><figcaption>Légende</figcaption></figure>`}},
		{"language of a quote", `<span lang="nl">„ja”</span>`,
			nil, []string{`<span lang="nl">„ja”</span>`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := MustMarkdown(t, r, "fr", tt.src)
			for _, s := range tt.absent {
				if strings.Contains(strings.ToLower(got), strings.ToLower(s)) {
					t.Errorf("output holds %q:\n%s", s, got)
				}
			}
			for _, s := range tt.present {
				if !strings.Contains(got, s) {
					t.Errorf("output lacks %q:\n%s", s, got)
				}
			}
			if problem := unsafeMarkup(got); problem != "" {
				t.Errorf("%s in\n%s", problem, got)
			}
		})
	}
}

// unsafeMarkup describes the first thing in out that could run code, or
// returns "". It reads tags the way the sanitiser writes them, with
// double-quoted attribute values, so that text which merely mentions
// "onclick=" or "javascript:" is not mistaken for markup.
func unsafeMarkup(out string) string {
	if strings.Contains(strings.ToLower(out), "<script") {
		return "script element"
	}
	for rest := out; ; {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			return ""
		}
		end := strings.IndexByte(rest[i:], '>')
		if end < 0 {
			return "unterminated tag"
		}
		if problem := unsafeTag(rest[i+1 : i+end]); problem != "" {
			return problem
		}
		rest = rest[i+end+1:]
	}
}

func unsafeTag(tag string) string {
	_, attrs, _ := strings.Cut(tag, " ")
	for attrs != "" {
		name, value, ok := strings.Cut(strings.TrimLeft(attrs, " "), `="`)
		if !ok {
			return ""
		}
		value, attrs, _ = strings.Cut(value, `"`)
		name = strings.ToLower(name)
		// Browsers drop tabs and newlines inside URLs: "java\tscript:" runs.
		scheme := strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return -1
			}
			return r
		}, strings.ToLower(strings.TrimSpace(html.UnescapeString(value))))
		switch {
		case strings.HasPrefix(name, "on"):
			return "event handler " + name
		case name == "style":
			return "style attribute"
		case (name == "href" || name == "src" || name == "cite") &&
			(strings.HasPrefix(scheme, "javascript:") || strings.HasPrefix(scheme, "data:") ||
				strings.HasPrefix(scheme, "vbscript:")):
			return "dangerous URL " + value
		}
	}
	return ""
}
