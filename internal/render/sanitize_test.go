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

// unclosedRawText are the elements whose unclosed opening used to swallow the rest of
// an article: the tokenizer reads what follows them as text up to their end tag.
var unclosedRawText = []string{"style", "script", "title", "textarea", "noscript", "iframe", "xmp", "plaintext", "noembed", "noframes"}

// An opening without its closing cannot swallow what follows, whether it comes in a
// Markdown body (a block of its own, or inline) or in HTML handed to the sanitiser;
// closed elements are still dropped with their content.
func TestUnclosedRawTextKeepsWhatFollows(t *testing.T) {
	r := New()
	for _, name := range unclosedRawText {
		for _, variant := range []string{"<" + name + ">", "<" + strings.ToUpper(name) + " class=x>", "<" + name + "/>"} {
			for form, src := range map[string]string{
				"markdown block":  "Avant.\n\n" + variant + "\n\nAprès **gras**.\n\nEncore *une* fois.",
				"markdown inline": "Avant " + variant + " Après **gras**.\n\nEncore *une* fois.",
				"markdown end":    "Avant.\n\nAprès **gras**.\n\nEncore *une* fois. " + variant,
				"twice":           "Avant " + variant + " Après **gras**.\n\n" + variant + "\n\nEncore *une* fois.",
			} {
				got := MustMarkdown(t, r, "fr", src)
				checkKept(t, name+" "+form+" "+variant, got, "Avant", "Après", "gras", "Encore", "une", "fois")
			}
			in := "<p>Avant.</p>" + variant + "<p>Après <strong>gras</strong>.</p><p>Encore.</p>"
			got := sanitize(r.policy, in)
			checkKept(t, name+" HTML "+variant, got, "<p>Avant.</p>", "<p>Après <strong>gras</strong>.</p>", "<p>Encore.</p>")
		}
	}
	for _, tt := range []struct{ name, in, want string }{
		{"closed style", "<style>p{color:red}</style><p>Après</p>", "<p>Après</p>"},
		{"closed script", "<script>alert(1)</script><p>Après</p>", "<p>Après</p>"},
		{"closed then open", "<style>p{}</style><p>Un</p><style><p>Deux</p>", "<p>Un</p><p>Deux</p>"},
		{"open, then a closed one", "<title><p>Un</p><style>p{}</style><p>Deux</p>", "<p>Un</p><p>Deux</p>"},
		{"named in a comment", "<!-- <style> --><p>Après</p>", "<p>Après</p>"},
		{"named in an attribute", `<a href="/x" title="<style>">x</a><p>Après</p>`, `<a href="/x" title="&lt;style&gt;">x</a><p>Après</p>`},
		{"end tag of another element", "<style></script><p>Après</p>", "<p>Après</p>"},
		{"empty", "<p>Avant</p><style>", "<p>Avant</p>"},
		{"no markup", "Texte seul", "Texte seul"},
	} {
		if got := sanitize(r.policy, tt.in); got != tt.want {
			t.Errorf("%s: sanitize(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func checkKept(t *testing.T, what, got string, kept ...string) {
	t.Helper()
	for _, s := range kept {
		if !strings.Contains(got, s) {
			t.Errorf("%s: %q lost in\n%s", what, s, got)
		}
	}
	if strings.Contains(got, "&lt;p&gt;") || strings.Contains(got, "&lt;strong&gt;") {
		t.Errorf("%s: markup shown as text in\n%s", what, got)
	}
	if problem := unsafeMarkup(got); problem != "" {
		t.Errorf("%s: %s in\n%s", what, problem, got)
	}
}

// sanitiserSeeds are the fuzzer's starting points for the sanitiser: raw-text elements
// opened and never closed, closed, nested, and named where they are no tags.
func sanitiserSeeds() []string {
	seeds := []string{
		"<style>p{}</style>\n\nTexte <style> suite **gras**.",
		"<p>Un</p><title><p>Deux</p></title><textarea><p>Trois</p>",
		"<!-- <script> --> texte <a title=\"<xmp>\">x</a> <script><!--<script></script> suite",
		"<svg><style><p>x</p></svg> <math><title>y",
		"`<style>` dans du code, puis <style>\n\n```\n</style>\n```\n\nfin",
	}
	for _, name := range unclosedRawText {
		seeds = append(seeds, "Avant\n\n<"+name+">\n\nAprès *le* "+name+".", "Avant <"+name+"> après **"+name+"**.")
	}
	return seeds
}
