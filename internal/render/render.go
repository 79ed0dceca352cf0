// Package render turns what writers type into what readers see: an article
// body in Markdown into sanitised HTML, and plain-text fields (titles,
// standfirsts, captions) into typeset text. Both follow the conventions of
// the article's language: French spacing before high punctuation and inside
// guillemets, Dutch low-high quotes, curly quotes, apostrophes, dashes and
// ellipses everywhere.
//
// Rendering costs milliseconds, so callers render when an article is saved
// and store the result; pages never render per request. The package deals
// in strings only: it must not import database/sql, net/http, html/template
// or text/template, which belong to the store, the server and the pages.
package render

import (
	"bytes"
	"fmt"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Renderer is safe for concurrent use; build it once at start-up.
type Renderer struct {
	families map[string]family // keyed by familyOf
	policy   *bluemonday.Policy
}

// family is the typography of one group of languages and a Markdown
// converter that applies it.
type family struct {
	style    style
	markdown goldmark.Markdown
}

// New builds the converters and the sanitising policy, which are costly to
// build and free to share.
func New() *Renderer {
	styles := map[string]style{
		"fr": newFrenchStyle(),
		"nl": newDutchStyle(),
		"en": newEnglishStyle(),
	}
	r := &Renderer{families: make(map[string]family, len(styles)), policy: newPolicy()}
	for name, s := range styles {
		r.families[name] = family{style: s, markdown: newMarkdown(s)}
	}
	return r
}

// newMarkdown configures goldmark without its typographer: ours knows French
// spacing and also serves Text, so titles and bodies follow the same rules.
// Raw HTML goes through goldmark untouched because the sanitiser, not
// goldmark, decides what HTML an article may hold.
func newMarkdown(s style) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(markdownExtensions()...),
		goldmark.WithParserOptions(
			// After goldmark's own transformers (footnotes run at 999).
			parser.WithASTTransformers(util.Prioritized(&transformer{style: s}, 10000)),
		),
		goldmark.WithRendererOptions(
			html.WithUnsafe(),
			renderer.WithNodeRenderers(util.Prioritized(figureRenderer{}, 500), util.Prioritized(photoRenderer{}, 500)),
		),
	)
}

// markdownExtensions are the Markdown extensions bodies are written with. PhotoRefs
// parses with the same, so that it finds the images rendering does.
func markdownExtensions() []goldmark.Extender {
	return []goldmark.Extender{
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
		extension.Strikethrough,
		extension.Linkify,
		extension.Footnote,
	}
}

func (r *Renderer) family(lang string) family {
	return r.families[familyOf(lang)]
}

// Markdown renders an article body written in Markdown for the given BCP 47
// language ("fr", "nl", "en", "fr-BE", ...; unknown languages get
// English-like neutral typography). It returns sanitised HTML ready to embed
// in a page below the article's <h1>: body headings start at <h2>.
func (r *Renderer) Markdown(lang, src string) (string, error) {
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	if err := r.family(lang).markdown.Convert([]byte(src), &buf); err != nil {
		return "", fmt.Errorf("render markdown (%s): %w", lang, err)
	}
	return sanitize(r.policy, buf.String()), nil
}

// Text applies the language's typography to a plain-text field (titles,
// standfirsts, captions) and returns plain text, not HTML: the templates
// escape it. Text is idempotent, so fields may be typeset again on every
// save: Text(l, Text(l, s)) == Text(l, s).
func (r *Renderer) Text(lang, s string) string {
	return r.family(lang).style.text(s)
}
