package render

import (
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

// sanitize applies the policy to an article's HTML, once the openings of raw-text
// elements that are never closed are dropped (see dropUnclosedRawText).
func sanitize(p *bluemonday.Policy, s string) string {
	return p.Sanitize(dropUnclosedRawText(s))
}

// rawText are the elements whose content the HTML tokenizer, the sanitiser's and the
// browser's, reads as plain text up to their end tag: to the end of the input when
// there is none. plaintext never ends.
var rawText = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
}

// dropUnclosedRawText removes the start tags of raw-text elements that no end tag
// closes. The sanitiser drops a <style> or a <script> with its content; left open, the
// content is the rest of the article, which vanished (or, for a <textarea> or an <xmp>,
// showed as escaped markup). Without its opening, what follows is read as the HTML it
// is. Closed elements are left to the policy.
//
// It reads src with the sanitiser's own tokenizer, so both agree on where tags are: a
// "<style>" inside a comment or an attribute is no tag. Once an element proves open,
// every later opening of it is too (no end tag follows the first, so none follows
// them), and is dropped without looking ahead; <script>'s escaping rules make that
// only nearly true, and dropping such an opening leaves its content as text, which
// the sanitiser escapes. Each name is looked ahead for at most once: the work stays in
// proportion to the length.
func dropUnclosedRawText(src string) string {
	if !strings.Contains(src, "<") {
		return src
	}
	var out strings.Builder
	out.Grow(len(src))
	open := map[string]bool{}
	for from := 0; from >= 0; {
		from = copyUntilOpen(&out, src, from, open)
	}
	return out.String()
}

// copyUntilOpen copies src from from to out, token by token, leaving out the openings
// of raw-text elements known to be open. At the first one found open, it marks the
// element open and returns where the tokenizing starts again, after the opening,
// reading what follows as HTML; -1 once src is copied to its end.
func copyUntilOpen(out *strings.Builder, src string, from int, open map[string]bool) int {
	z := html.NewTokenizer(strings.NewReader(src[from:]))
	pos := from // src before pos is copied or dropped
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			out.WriteString(src[pos:])
			return -1
		}
		n := len(z.Raw())
		name := ""
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			b, _ := z.TagName()
			name = string(b)
		}
		if !rawText[name] {
			out.WriteString(src[pos : pos+n])
			pos += n
			continue
		}
		tagEnd := pos + n
		if open[name] || name == "plaintext" {
			z.NextIsNotRawText()
			pos = tagEnd
			continue
		}
		// The raw text, if any, then the end tag, or nothing: the end of the input.
		end, closed := tagEnd, false
		for range 2 {
			tt = z.Next()
			end += len(z.Raw())
			if closed = tt == html.EndTagToken; tt != html.TextToken {
				break
			}
		}
		if closed {
			out.WriteString(src[pos:end])
			pos = end
			continue
		}
		open[name] = true
		return tagEnd
	}
}

// newPolicy allows what Markdown and a writer's inline HTML need in an
// article body and nothing that runs code, loads frames or restyles the
// page: no script, iframe, form or style element, no event handler, no
// style attribute, no URL scheme but http(s), mailto and tel. It is built
// from an empty policy rather than bluemonday's UGC one so that every
// allowed name is listed here, where a reviewer can read it.
func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(
		"p", "br", "hr", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
		"h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "div", "span",
		"em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
		"code", "kbd", "samp", "var", "abbr", "cite", "dfn", "q", "wbr",
		"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
	)
	allowLinksAndImages(p)
	allowFootnotes(p)
	p.AllowAttrs("id").Matching(regexp.MustCompile(`^[\p{L}\p{N}-]{1,80}$`)).
		OnElements("h2", "h3", "h4", "h5", "h6")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[\w+#.-]{1,32}$`)).OnElements("code")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^credit$`)).OnElements("span")
	p.AllowAttrs("start").Matching(regexp.MustCompile(`^[0-9]{1,9}$`)).OnElements("ol")
	p.AllowAttrs("align").Matching(regexp.MustCompile(`^(left|center|right)$`)).OnElements("th", "td")
	p.AllowAttrs("colspan", "rowspan").Matching(regexp.MustCompile(`^[0-9]{1,3}$`)).OnElements("th", "td")
	p.AllowAttrs("title").OnElements("abbr", "dfn")
	// Articles quote other languages; lang lets browsers and screen readers
	// follow.
	p.AllowAttrs("lang").Matching(regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)).Globally()
	p.AllowAttrs("dir").Matching(regexp.MustCompile(`^(ltr|rtl|auto)$`)).Globally()
	return p
}

// allowLinksAndImages keeps links and images with safe URLs. Links leaving
// the site get rel="noreferrer" (which implies noopener): readers of a
// campaign's paper should not be announced to the sites it cites.
func allowLinksAndImages(p *bluemonday.Policy) {
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(true)
	p.AllowURLSchemes("http", "https", "mailto", "tel")
	p.RequireNoReferrerOnFullyQualifiedLinks(true)
	p.AllowAttrs("href", "title").OnElements("a")
	p.AllowAttrs("cite").OnElements("blockquote", "q", "del", "ins")
	p.AllowAttrs("src", "alt", "title").OnElements("img")
	p.AllowAttrs("width", "height").Matching(regexp.MustCompile(`^[0-9]{1,5}$`)).OnElements("img")
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^lazy$`)).OnElements("img")
	p.AllowElements("a", "img")
	// A stored photo, which the site replaces by its picture (see photo.go).
	p.AllowAttrs("data-photo").Matching(photoNumber).OnElements("img")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^photo$`)).OnElements("figure")
}

// allowFootnotes keeps the ids, classes and roles of goldmark's footnotes,
// without which the reference and back links go nowhere.
func allowFootnotes(p *bluemonday.Policy) {
	p.AllowAttrs("id").Matching(regexp.MustCompile(`^fn(ref[0-9]*)?:[0-9]+$`)).OnElements("sup", "li")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^footnote-(ref|backref)$`)).OnElements("a")
	p.AllowAttrs("role").Matching(regexp.MustCompile(`^doc-(noteref|backlink)$`)).OnElements("a")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^footnotes$`)).OnElements("div")
	p.AllowAttrs("role").Matching(regexp.MustCompile(`^doc-endnotes$`)).OnElements("div")
}
