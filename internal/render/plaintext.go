package render

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// PlainText renders a Markdown body as the text a reader sees, for search snippets and
// summaries: typography applied, markup, footnote markers and image addresses gone,
// blocks separated by a blank line. Code blocks and tables keep their text.
func (r *Renderer) PlainText(lang, src string) string {
	out, err := r.Markdown(lang, src)
	if err != nil {
		return ""
	}
	return htmlText(out)
}

// HTMLText is the text a reader sees of sanitised HTML, such as a dossier's introduction:
// a line per block, typography's no-break spaces kept, footnote markers left out.
func HTMLText(fragment string) string { return htmlText(fragment) }

// blockTags end a line of text: a snippet must not glue the last word of one
// paragraph to the first of the next.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "figure": true, "figcaption": true, "table": true,
	"tr": true, "td": true, "th": true, "br": true, "hr": true, "section": true, "dd": true, "dt": true,
}

// htmlText extracts the text of sanitised HTML, a line per block. Footnote references
// (<sup>) and the footnotes' links back are left out: "1" glued to a word, or "↩",
// mean nothing in a snippet.
func htmlText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip, inBackref := 0, false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return tidyLines(b.String())
		case html.TextToken:
			if skip == 0 && !inBackref {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch tag := string(name); {
			case tag == "sup":
				skip++
			case tag == "a" && hasAttr:
				for {
					k, v, more := z.TagAttr()
					if string(k) == "class" && strings.Contains(string(v), "footnote-backref") {
						inBackref = true
					}
					if !more {
						break
					}
				}
			case blockTags[tag]:
				b.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch tag := string(name); {
			case tag == "sup":
				skip = max(0, skip-1)
			case tag == "a":
				inBackref = false
			case blockTags[tag]:
				b.WriteByte('\n')
			}
		}
	}
}

// tidyLines trims each line, collapses the spaces inside it and drops empty ones.
func tidyLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.TrimFunc(strings.Join(strings.FieldsFunc(l, isCollapsible), " "), unicode.IsSpace)
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// isCollapsible is ordinary white space; no-break spaces are typography and stay.
func isCollapsible(r rune) bool { return r == ' ' || r == '\t' || r == '\r' }
