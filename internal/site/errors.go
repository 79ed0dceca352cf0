package site

import (
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

type errorPage struct {
	L       *Layout
	Status  int
	Heading string
	Message string
}

// errorPage renders the page of an error in lang, with root links: an error answers at
// whatever address was asked.
func (s *Server) errorPage(st *siteState, lang content.Lang, he *webkit.Error) ([]byte, error) {
	b := &build{s: s, st: st, lang: lang, page: urls.Page{Kind: urls.Home, Lang: lang}, origin: s.base,
		keys: content.Keys{}, links: urls.RootLinks()}
	l, err := b.layout("", nil)
	if err != nil {
		return nil, err
	}
	l.Canonical, l.Alternates, l.NoIndex = "", nil, true
	l.Nav = st.menus[lang].htmlNone()
	l.Title = l.T("error." + he.Key + ".title")
	return s.tmpl.render("error", &errorPage{
		L: l, Status: he.Status, Heading: l.Title, Message: l.T("error." + he.Key + ".message"),
	})
}
