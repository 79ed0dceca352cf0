package site

import (
	"context"
	"html/template"
	"net/http"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
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
}

type alternate struct{ Lang, URL string }

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

// Dir is the writing direction of the page's language.
func (l *Layout) Dir() string {
	switch l.Lang().Base() {
	case "ar", "fa", "he", "ur", "ps", "ku":
		return "rtl"
	}
	return "ltr"
}

// Locale is the page's language for OpenGraph ("fr_BE" style is optional; "fr" is valid).
func (l *Layout) Locale() string { return string(l.Lang()) }

// everyLang maps each language of the site to its version of a page that exists in all
// of them (the home page, the dossiers, search), for layout's versions.
func everyLang(st *siteState, path func(content.Lang) string) map[content.Lang]string {
	m := make(map[content.Lang]string, len(st.site.Langs))
	for _, l := range st.site.Langs {
		m[l] = path(l)
	}
	return m
}

// layout builds the frame of a page in lang. versions maps each language the page exists
// in to its path, for hreflang links and the switcher; languages without a version link
// to their home page.
func (s *Server) layout(st *siteState, lang content.Lang, title, path string, versions map[content.Lang]string) *Layout {
	l := &Layout{
		Printer:   s.bundle.Printer(lang, st.site.Location),
		SiteName:  st.site.Name,
		Tagline:   st.site.Taglines[lang],
		Title:     title,
		HomeURL:   homePath(lang),
		SearchURL: searchPath(lang),
	}
	if path != "" {
		l.Canonical = s.absolute(path)
	}
	for _, other := range st.site.Langs {
		p, ok := versions[other]
		if ok {
			l.Alternates = append(l.Alternates, alternate{Lang: string(other), URL: s.absolute(p)})
		} else {
			p = homePath(other)
		}
		if len(st.site.Langs) > 1 {
			l.Languages = append(l.Languages, langLink{Lang: string(other), Name: i18n.Autonym(other), URL: p, Current: other == lang})
		}
	}
	if len(l.Alternates) == 1 {
		l.Alternates = nil // a page alone in its language has no alternates to declare
	}
	l.Nav = st.menus[lang].forPath(path)
	return l
}

// menu is a language's section menu, rendered once for each item being the current
// page and once for none: the menu is on every page, and rendering it each time was a
// third of a page's template time.
type menu struct {
	urls []string
	html []template.HTML // html[0]: no current item; html[i+1]: item i current
}

type menuData struct {
	Label string
	Items []link
}

// newMenu renders lang's menu: home, the top-level sections named in lang, dossiers.
func (s *Server) newMenu(st *siteState, lang content.Lang) (*menu, error) {
	p := s.bundle.Printer(lang, st.site.Location)
	items := []link{{Name: p.T("nav.home"), URL: homePath(lang)}}
	for _, sec := range st.sections.Children(0) {
		if n, ok := sec.Names[lang]; ok {
			items = append(items, link{Name: n.Name, URL: pagePath(lang, kindSection, n.Slug)})
		}
	}
	items = append(items, link{Name: p.T("nav.dossiers"), URL: dossiersPath(lang)})
	m := &menu{}
	for current := -1; current < len(items); current++ {
		marked := make([]link, len(items))
		copy(marked, items)
		if current >= 0 {
			marked[current].Current = true
		}
		html, err := s.tmpl.fragment("nav", menuData{Label: p.T("nav.sections"), Items: marked})
		if err != nil {
			return nil, err
		}
		m.html = append(m.html, html)
	}
	for _, it := range items {
		m.urls = append(m.urls, it.URL)
	}
	return m, nil
}

// forPath returns the menu with path's item marked current, if it has one.
func (m *menu) forPath(path string) template.HTML {
	if m == nil {
		return ""
	}
	for i, u := range m.urls {
		if u == path {
			return m.html[i+1]
		}
	}
	return m.html[0]
}

// langFromRequest returns the page's language from the URL, or the site's default when
// the first segment is not one of the site's languages (for error pages).
func (s *Server) langFromRequest(ctx context.Context, r *http.Request) (content.Lang, *siteState) {
	st, err := s.current(ctx)
	if err != nil {
		return "en", &siteState{site: content.DefaultSite(), sections: content.NewSectionTree(nil)}
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if l, ok := s.siteLang(st, first); ok {
		return l, st
	}
	return st.site.DefaultLang(), st
}

// siteLang accepts exactly the site's languages as URL prefixes.
func (s *Server) siteLang(st *siteState, v string) (content.Lang, bool) {
	for _, l := range st.site.Langs {
		if string(l) == v {
			return l, true
		}
	}
	return "", false
}
