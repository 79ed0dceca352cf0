package render

import (
	"regexp"

	"github.com/microcosm-cc/bluemonday"
)

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
