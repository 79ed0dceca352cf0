package site

import (
	"context"
	"fmt"
	"html/template"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/hosts"
	"github.com/roneo/roneo/internal/urls"
)

// siteState is the site-wide data every page needs — settings and the section tree —
// read once and reloaded after each change of everything, instead of on every request.
type siteState struct {
	site     content.Site
	sections *content.SectionTree
	menus    map[content.Lang]*menu
	hosts    *hosts.Set
	loaded   time.Time
}

// current returns the site-wide state, reloading it if a change made it stale.
func (s *Server) current(ctx context.Context) (*siteState, error) {
	st := s.state.Load()
	if st != nil && s.stateGen.Load() == 0 {
		return st, nil
	}
	return s.reloadState(ctx)
}

func (s *Server) reloadState(ctx context.Context) (*siteState, error) {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	gen := s.stateGen.Load()
	if st := s.state.Load(); st != nil && gen == 0 {
		return st, nil // another request reloaded it while this one waited
	}
	site, err := s.store.Site(ctx)
	if err != nil {
		return nil, fmt.Errorf("site settings: %w", err)
	}
	sections, err := s.store.Sections(ctx)
	if err != nil {
		return nil, fmt.Errorf("sections: %w", err)
	}
	st := &siteState{site: site, sections: content.NewSectionTree(sections), loaded: s.now(), menus: map[content.Lang]*menu{},
		hosts: s.hostSet(site)}
	for _, lang := range site.Langs {
		if st.menus[lang], err = s.newMenu(st, lang); err != nil {
			return nil, err
		}
	}
	s.state.Store(st)
	s.stateGen.CompareAndSwap(gen, 0)
	// Pages built with the old state must go too.
	s.cache.purgeAll()
	return st, nil
}

// menu is a language's section menu: home, the top-level sections, the dossiers. For
// the server it is rendered once for each item being the current page and once for
// none: the menu is on every page, and rendering it each time was a third of a page's
// template time. A mirror's relative links differ from page to page, so it renders
// the menu of each page.
type menu struct {
	label string
	items []menuItem
	html  []template.HTML // html[0]: no current item; html[i+1]: item i current
}

type menuItem struct {
	name string
	page urls.Page
}

type menuData struct {
	Label string
	Items []link
}

// newMenu makes lang's menu and renders it with root links.
func (s *Server) newMenu(st *siteState, lang content.Lang) (*menu, error) {
	p := s.bundle.Printer(lang, st.site.Location)
	m := &menu{label: p.T("nav.sections")}
	m.items = append(m.items, menuItem{p.T("nav.home"), urls.Page{Kind: urls.Home, Lang: lang}})
	for _, sec := range st.sections.Children(0) {
		if n, ok := sec.Names[lang]; ok {
			m.items = append(m.items, menuItem{n.Name, urls.Page{Kind: urls.Section, Lang: lang, Key: n.Slug}})
		}
	}
	m.items = append(m.items, menuItem{p.T("nav.dossiers"), urls.Page{Kind: urls.Dossiers, Lang: lang}})
	for current := -1; current < len(m.items); current++ {
		html, err := s.renderMenu(m, current, urls.RootLinks())
		if err != nil {
			return nil, err
		}
		m.html = append(m.html, html)
	}
	return m, nil
}

// renderMenu renders m with item current marked (-1: none) and links written by links.
func (s *Server) renderMenu(m *menu, current int, links urls.Links) (template.HTML, error) {
	items := make([]link, len(m.items))
	for i, it := range m.items {
		items[i] = link{Name: it.name, URL: links.To(s.scheme.Path(it.page)), Current: i == current}
	}
	return s.tmpl.fragment("nav", menuData{Label: m.label, Items: items})
}

// forPage returns the menu as page shows it: page's own item marked current.
func (b *build) menu() (template.HTML, error) {
	m := b.st.menus[b.lang]
	if m == nil {
		return "", nil
	}
	current := -1
	for i, it := range m.items {
		if it.page == b.page {
			current = i
		}
	}
	if b.links.Relative() {
		return b.s.renderMenu(m, current, b.links)
	}
	return m.html[current+1], nil
}

// htmlNone is the menu with no item current.
func (m *menu) htmlNone() template.HTML {
	if m == nil {
		return ""
	}
	return m.html[0]
}
