package site

import (
	"context"
	"html/template"
	"net/http"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// Layout is what every page shows around its main content. The printer is a named field,
// not an embedded one: templates look fields up by name on every access, and promoted
// fields and methods make each lookup search the embedded types.
type Layout struct {
	Printer     *i18n.Printer
	SiteName    string
	Tagline     string
	Title       string
	Description string
	Canonical   string
	HomeURL     string
	SearchURL   string
	Alternates  []alternate   // hreflang links
	Languages   []langLink    // the switcher
	Nav         template.HTML // the section menu, rendered ahead (see menu)
	NoIndex     bool
	OGType      string
	BodyClass   string
	// Published and Modified are an article's times (ISO 8601) for OpenGraph.
	Published, Modified string
	// Feeds are the feeds the page declares for feed readers to discover: the site's
	// and, on a list, the list's own.
	Feeds []feedLink
	// Image is the share preview's picture: the article's own or a generated card.
	Image *shareImage
	// Data is the page's structured data (schema.org JSON-LD), nil for none.
	Data map[string]any
	// PressURL and FeedURL are the footer's links to the press releases and the feed
	// (the list's own on a list that has one); OwnFeed is that list's feed, or "".
	PressURL, FeedURL, OwnFeed string
	// Elsewhere are the site's other addresses, for readers of a blocked one.
	Elsewhere []link

	links  urls.Links
	assets *webkit.Assets
}

type alternate struct{ Lang, URL string }

// feedLink is a feed as <link rel="alternate"> names it. The template writes each
// format's media type itself: html/template would escape the "+" of a value.
type feedLink struct{ Title, Format, URL string }

type langLink struct {
	Lang, Name, URL string
	Current         bool
}

// link is a named address: a section in the menu, a tag, an author.
type link struct {
	Name, URL string
	Current   bool
}

// T, N and Lang are the printer's, for templates: {{.L.T "nav.home"}}.
func (l *Layout) T(key string, args ...any) string { return l.Printer.T(key, args...) }
func (l *Layout) N(key string, n int) string       { return l.Printer.N(key, n) }
func (l *Layout) Lang() content.Lang               { return l.Printer.Lang() }

// Asset is the address of a static file as this page links to it.
func (l *Layout) Asset(name string) (string, error) {
	u, err := l.assets.URL(name)
	return l.links.To(u), err
}

// Dir is the writing direction of the page's language.
func (l *Layout) Dir() string {
	switch l.Lang().Base() {
	case "ar", "fa", "he", "ur", "ps", "ku":
		return "rtl"
	}
	return "ltr"
}

// Locale is the page's language for OpenGraph: "fr_BE" (see i18n.Locale).
func (l *Layout) Locale() string { return i18n.Locale(l.Lang()) }

// LocaleAlternates are the OpenGraph locales of the page's versions in other languages.
func (l *Layout) LocaleAlternates() []string {
	var out []string
	for _, a := range l.Alternates {
		if a.Lang != string(l.Lang()) {
			out = append(out, i18n.Locale(content.Lang(a.Lang)))
		}
	}
	return out
}

// everyLang maps each language of the site to its version of a page that exists in all
// of them (the home page, the dossiers, search), for layout's versions.
func everyLang(st *siteState, kind urls.Kind) map[content.Lang]urls.Page {
	m := make(map[content.Lang]urls.Page, len(st.site.Langs))
	for _, l := range st.site.Langs {
		m[l] = urls.Page{Kind: kind, Lang: l}
	}
	return m
}

// layout builds the frame of the page. versions maps each language the page exists in
// to its version, for hreflang links and the switcher; languages without a version link
// to their home page.
func (b *build) layout(title string, versions map[content.Lang]urls.Page) (*Layout, error) {
	st := b.st
	l := &Layout{
		Printer:   b.s.bundle.Printer(b.lang, st.site.Location),
		SiteName:  st.site.Name,
		Tagline:   st.site.Taglines[b.lang],
		Title:     title,
		HomeURL:   b.link(urls.Page{Kind: urls.Home, Lang: b.lang}),
		SearchURL: b.link(urls.Page{Kind: urls.Search, Lang: b.lang}),
		Canonical: b.canonical(b.page),
		links:     b.links,
		assets:    b.s.assets,
	}
	for _, other := range st.site.Langs {
		p, ok := versions[other]
		if ok {
			l.Alternates = append(l.Alternates, alternate{Lang: string(other), URL: b.canonical(p)})
		} else {
			p = urls.Page{Kind: urls.Home, Lang: other}
		}
		if len(st.site.Langs) > 1 {
			l.Languages = append(l.Languages, langLink{Lang: string(other), Name: i18n.Autonym(other), URL: b.link(p), Current: other == b.lang})
		}
	}
	if len(l.Alternates) == 1 {
		l.Alternates = nil // a page alone in its language has no alternates to declare
	}
	home := urls.Page{Kind: urls.Home, Lang: b.lang}
	l.Feeds = b.feedLinks(home, st.site.Name)
	if k, ok := b.page.Kind.Feed(); ok && b.page.Kind != urls.Home {
		l.Feeds = append(l.Feeds, b.feedLinks(b.page.First(), title)...)
		l.FeedURL = b.link(urls.Page{Kind: k, Lang: b.lang, Key: b.page.Key, Ext: "atom"})
		l.OwnFeed = l.FeedURL
	} else {
		l.FeedURL = b.link(urls.Page{Kind: urls.HomeFeed, Lang: b.lang, Ext: "atom"})
	}
	l.PressURL = b.link(urls.Page{Kind: urls.Press, Lang: b.lang})
	l.Image = b.cardImage(home, or(st.site.Taglines[b.lang], st.site.Name))
	l.Elsewhere = b.elsewhere()
	var err error
	l.Nav, err = b.menu()
	return l, err
}

// feedLinks are the feeds of list page p in every format, the default (Atom) first.
func (b *build) feedLinks(p urls.Page, title string) []feedLink {
	k, ok := p.Kind.Feed()
	if !ok {
		return nil
	}
	out := make([]feedLink, 0, len(k.Exts()))
	for _, ext := range k.Exts() {
		out = append(out, feedLink{Title: title + " (" + feedFormatNames[ext] + ")", Format: ext,
			URL: b.link(urls.Page{Kind: k, Lang: p.Lang, Key: p.Key, Ext: ext})})
	}
	return out
}

// feedFormatNames name each feed format for readers.
var feedFormatNames = map[string]string{"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}

// langFromRequest returns the page's language from the URL, or the site's default when
// the path is in none of the site's languages (for error pages).
func (s *Server) langFromRequest(ctx context.Context, r *http.Request) (content.Lang, *siteState) {
	st, err := s.current(ctx)
	if err != nil {
		return "en", &siteState{site: content.DefaultSite(), sections: content.NewSectionTree(nil)}
	}
	if l, ok := s.scheme.LangOf(r.URL.Path); ok && st.site.HasLang(l) {
		return l, st
	}
	return st.site.DefaultLang(), st
}
