package render

import (
	"strings"
	"testing"
)

// MustMarkdown renders src or fails the test.
func MustMarkdown(tb testing.TB, r *Renderer, lang, src string) string {
	tb.Helper()
	out, err := r.Markdown(lang, src)
	if err != nil {
		tb.Fatalf("Markdown(%q, %q): %v", lang, src, err)
	}
	return out
}

func TestMarkdownExact(t *testing.T) {
	r := New()
	for _, tt := range []struct {
		name, lang, src, want string
	}{
		{"spacing across emphasis", "fr", "**mot** : suite",
			"<p><strong>mot</strong>\u202f: suite</p>\n"},
		{"inserted space lands outside emphasis", "fr", "**mot**!",
			"<p><strong>mot</strong>\u202f!</p>\n"},
		{"quotes around emphasis", "fr", `"**mot**"`,
			"<p>«\u202f<strong>mot</strong>\u202f»</p>\n"},
		{"quotes around a link", "nl", `"[lees](/a)"`,
			"<p>„<a href=\"/a\">lees</a>”</p>\n"},
		{"code span is a word", "fr", "La commande `ls` : liste",
			"<p>La commande <code>ls</code>\u202f: liste</p>\n"},
		{"code span untouched", "fr", "Tapez `\"a\" -- b... 'c' d:e !`",
			"<p>Tapez <code>&#34;a&#34; -- b... &#39;c&#39; d:e !</code></p>\n"},
		{"code block untouched", "fr", "```\nx = \"a\" -- b...\n```",
			"<pre><code>x = &#34;a&#34; -- b...\n</code></pre>\n"},
		{"autolink untouched", "fr", "Voir <https://exemple.fr/a--b?c=d> !",
			"<p>Voir <a href=\"https://exemple.fr/a--b?c=d\" rel=\"noreferrer\">https://exemple.fr/a--b?c=d</a>\u202f!</p>\n"},
		{"bare URL untouched", "fr", "Voir https://exemple.fr/a--b...",
			"<p>Voir <a href=\"https://exemple.fr/a--b\" rel=\"noreferrer\">https://exemple.fr/a--b</a>…</p>\n"},
		{"raw HTML attribute untouched", "fr", `<abbr title="l'été -- ici">UE</abbr> : l'Europe`,
			"<p><abbr title=\"l&#39;été -- ici\">UE</abbr>\u202f: l’Europe</p>\n"},
		{"raw code element untouched", "fr", `Tapez <kbd>"Ctrl"--C</kbd> puis <code>a...b!</code> !`,
			"<p>Tapez <kbd>&#34;Ctrl&#34;--C</kbd> puis <code>a...b!</code>\u202f!</p>\n"},
		{"escaped quote stays straight", "en", `A \"straight\" quote`,
			"<p>A &#34;straight&#34; quote</p>\n"},
		{"entities kept, then typeset", "fr", "Caf&eacute; & th&eacute;!",
			"<p>Café &amp; thé\u202f!</p>\n"},
		{"line break is not a space to fix", "fr", "mot\n: suite",
			"<p>mot\n: suite</p>\n"},
		{"inline image stays inline", "en", "See ![a map](/m.png) here",
			"<p>See <img src=\"/m.png\" alt=\"a map\" loading=\"lazy\"> here</p>\n"},
		{"strikethrough", "en", "~~old~~ new",
			"<p><del>old</del> new</p>\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := MustMarkdown(t, r, tt.lang, tt.src); got != tt.want {
				t.Errorf("Markdown(%q, %q)\n got %+q\nwant %+q", tt.lang, tt.src, got, tt.want)
			}
		})
	}
}

func TestMarkdownHeadings(t *testing.T) {
	src := "# Été à Bruxelles : bilan\n\n## Le \"programme\"\n\n###### Fin\n\n# Été à Bruxelles : bilan\n\n# fn:1\n"
	got := MustMarkdown(t, New(), "fr", src)
	for _, want := range []string{
		"<h2 id=\"ete-a-bruxelles-bilan\">Été à Bruxelles\u202f: bilan</h2>",
		"<h3 id=\"le-programme\">Le «\u202fprogramme\u202f»</h3>",
		"<h6 id=\"fin\">Fin</h6>",
		"<h2 id=\"ete-a-bruxelles-bilan-2\">",
		"<h2 id=\"fn-1\">",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "<h1") {
		t.Errorf("body produced an <h1>:\n%s", got)
	}
	// Without a "#" heading, levels stay as written.
	got = MustMarkdown(t, New(), "fr", "## Contexte\n\n### Détail\n")
	if !strings.Contains(got, `<h2 id="contexte">`) || !strings.Contains(got, `<h3 id="detail">`) {
		t.Errorf("levels changed without an h1:\n%s", got)
	}
}

func TestMarkdownFootnotes(t *testing.T) {
	src := "Le texte[^1] et encore[^note].\n\n[^1]: Première \"note\".\n[^note]: Seconde : courte.\n"
	got := MustMarkdown(t, New(), "fr", src)
	for _, want := range []string{
		`<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`,
		`<sup id="fnref:2"><a href="#fn:2" class="footnote-ref" role="doc-noteref">2</a></sup>`,
		`<div class="footnotes" role="doc-endnotes">`,
		`<li id="fn:1">`,
		"Première «\u202fnote\u202f».",
		"Seconde\u202f: courte.",
		`<a href="#fnref:1" class="footnote-backref" role="doc-backlink">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

func TestMarkdownTable(t *testing.T) {
	src := "| Ville | Manifestants |\n|:--|--:|\n| Liège | 3 000 |\n| Gand : centre | 1 200 |\n"
	got := MustMarkdown(t, New(), "fr", src)
	for _, want := range []string{
		"<table>", "<th align=\"left\">Ville</th>", "<th align=\"right\">Manifestants</th>",
		"<td align=\"left\">Gand\u202f: centre</td>", "</table>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

func TestMarkdownFigures(t *testing.T) {
	r := New()
	for _, tt := range []struct {
		name, lang, src, want string
	}{
		{"caption and credit", "en",
			`![Protesters at the embassy](/media/x.jpg "Rally at the embassy, 12 March © Marie Dupont")`,
			`<figure><img src="/media/x.jpg" alt="Protesters at the embassy" loading="lazy">` +
				`<figcaption>Rally at the embassy, 12 March <span class="credit">© Marie Dupont</span></figcaption></figure>` + "\n"},
		{"caption only, typeset", "fr",
			`![Foule](/media/y.jpg "La foule : \"non\" à l'austérité")`,
			`<figure><img src="/media/y.jpg" alt="Foule" loading="lazy">` +
				"<figcaption>La foule\u202f: «\u202fnon\u202f» à l’austérité</figcaption></figure>\n"},
		{"credit only", "nl",
			`![Staking](/media/z.jpg "© Jan Peeters")`,
			`<figure><img src="/media/z.jpg" alt="Staking" loading="lazy">` +
				`<figcaption><span class="credit">© Jan Peeters</span></figcaption></figure>` + "\n"},
		{"no title", "en",
			`![A "quoted" alt](/media/w.jpg)`,
			`<figure><img src="/media/w.jpg" alt="A &#34;quoted&#34; alt" loading="lazy"></figure>` + "\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := MustMarkdown(t, r, tt.lang, tt.src); got != tt.want {
				t.Errorf("got  %+q\nwant %+q", got, tt.want)
			}
		})
	}
}
