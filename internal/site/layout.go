package site

import (
	"context"
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
	Alternates  []alternate // hreflang links
	Languages   []langLink  // the switcher
	Nav         []link
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

// layout builds the frame of a page in lang. versions maps each language the page exists
// in to its path, for hreflang links and the switcher; languages without a version link
// to their home page.
func (s *Server) layout(st *siteState, lang content.Lang, title, path string, versions map[content.Lang]string) *Layout {
	l := &Layout{
		Printer:  s.bundle.Printer(lang, st.site.Location),
		SiteName: st.site.Name,
		Tagline:  st.site.Taglines[lang],
		Title:    title,
		HomeURL:  homePath(lang),
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
	l.Nav = append(l.Nav, link{Name: l.T("nav.home"), URL: homePath(lang), Current: path == homePath(lang)})
	for _, sec := range st.sections.Children(0) {
		if n, ok := sec.Names[lang]; ok {
			p := pagePath(lang, kindSection, n.Slug)
			l.Nav = append(l.Nav, link{Name: n.Name, URL: p, Current: p == path})
		}
	}
	l.Nav = append(l.Nav, link{Name: l.T("nav.dossiers"), URL: dossiersPath(lang), Current: path == dossiersPath(lang)})
	return l
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
