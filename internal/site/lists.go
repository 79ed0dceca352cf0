package site

import (
	"errors"
	"html/template"
	"net/http"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// listPage is a section, tag, author or dossier page: a heading, an introduction and a
// paginated list of articles.
type listPage struct {
	L           *Layout
	Breadcrumbs []link
	Eyebrow     string
	Heading     string
	Description string
	Intro       template.HTML
	Person      *content.Person
	Bio         template.HTML
	Children    []link
	Teasers     []teaserView
	Pagination  pagination
}

// listing fetches one page of articles (one more than shown, to know whether a next page
// exists) and fills in the list part of p.
func (s *Server) listing(r *http.Request, st *siteState, p *listPage, path string, fetch func(limit, offset int) ([]content.Teaser, error), floor time.Time) (*response, error) {
	page, err := pageNumber(r)
	if err != nil {
		return nil, err
	}
	ts, err := fetch(perPage+1, (page-1)*perPage)
	if err != nil {
		return nil, err
	}
	if page > 1 && len(ts) == 0 {
		return nil, notFound(errors.New("past the last page"))
	}
	hasNext := len(ts) > perPage
	ts = ts[:min(len(ts), perPage)]
	p.Teasers = s.teasers(st, p.L.Printer, ts, true)
	p.Pagination = newPagination(p.L.Printer, path, page, hasNext)
	if page > 1 {
		p.L.Title = p.L.T("pagination.title", p.L.Title, page)
		p.L.Canonical = s.absolute(withPage(path, page))
	}
	return s.renderPage("list", p, ts, floor)
}

func (s *Server) section(r *http.Request, st *siteState, lang content.Lang, slug string) (*response, error) {
	sec, ok := st.sections.BySlug(lang, slug)
	if !ok {
		return nil, notFound(errors.New("no such section"))
	}
	name := sec.Names[lang]
	path := pagePath(lang, kindSection, slug)
	versions := map[content.Lang]string{}
	for l, n := range sec.Names {
		versions[l] = pagePath(l, kindSection, n.Slug)
	}
	p := &listPage{L: s.layout(st, lang, name.Name, path, versions), Heading: name.Name, Description: name.Description}
	p.L.Description = name.Description
	crumbs := breadcrumbs(st, lang, sec.ID)
	p.Breadcrumbs = crumbs[:len(crumbs)-1]
	for _, c := range st.sections.Children(sec.ID) {
		if n, ok := c.Names[lang]; ok {
			p.Children = append(p.Children, link{Name: n.Name, URL: pagePath(lang, kindSection, n.Slug)})
		}
	}
	ids := st.sections.Descendants(sec.ID)
	return s.listing(r, st, p, path, func(limit, offset int) ([]content.Teaser, error) {
		return s.store.Articles(r.Context(), store.ListQuery{Audience: store.Readers, Lang: lang, SectionIDs: ids, Limit: limit, Offset: offset})
	}, st.loaded)
}

func (s *Server) tag(r *http.Request, st *siteState, lang content.Lang, slug string) (*response, error) {
	if !content.ValidSlug(slug) {
		return nil, notFound(errors.New("malformed slug"))
	}
	t, err := s.store.Tag(r.Context(), lang, slug)
	if err != nil {
		return nil, err
	}
	path := pagePath(lang, kindTag, slug)
	p := &listPage{L: s.layout(st, lang, t.Name, path, map[content.Lang]string{lang: path}), Heading: t.Name}
	p.Eyebrow = p.L.T("tag.eyebrow")
	return s.listing(r, st, p, path, func(limit, offset int) ([]content.Teaser, error) {
		return s.store.Articles(r.Context(), store.ListQuery{Audience: store.Readers, Lang: lang, TagID: t.ID, Limit: limit, Offset: offset})
	}, time.Time{})
}

func (s *Server) author(r *http.Request, st *siteState, lang content.Lang, slug string) (*response, error) {
	if !content.ValidSlug(slug) {
		return nil, notFound(errors.New("malformed slug"))
	}
	person, err := s.store.Person(r.Context(), slug)
	if err != nil {
		return nil, err
	}
	path := pagePath(lang, kindAuthor, slug)
	versions := map[content.Lang]string{}
	for _, l := range st.site.Langs {
		versions[l] = pagePath(l, kindAuthor, slug)
	}
	p := &listPage{L: s.layout(st, lang, person.Name, path, versions), Heading: person.Name, Person: &person}
	p.L.OGType = "profile"
	p.Bio = template.HTML(person.BioHTML) // sanitised when saved
	p.Eyebrow = p.L.T("author.eyebrow")
	return s.listing(r, st, p, path, func(limit, offset int) ([]content.Teaser, error) {
		return s.store.Articles(r.Context(), store.ListQuery{Audience: store.Readers, Lang: lang, AuthorID: person.ID, Limit: limit, Offset: offset})
	}, person.UpdatedAt)
}

func (s *Server) dossier(r *http.Request, st *siteState, lang content.Lang, slug string) (*response, error) {
	if !content.ValidSlug(slug) {
		return nil, notFound(errors.New("malformed slug"))
	}
	d, err := s.store.Dossier(r.Context(), lang, slug)
	if err != nil {
		return nil, err
	}
	others, err := s.store.DossierVersions(r.Context(), d.StoryID)
	if err != nil {
		return nil, err
	}
	versions := map[content.Lang]string{}
	for _, o := range others {
		versions[o.Lang] = pagePath(o.Lang, kindDossier, o.Slug)
	}
	path := pagePath(lang, kindDossier, slug)
	p := &listPage{L: s.layout(st, lang, d.Title, path, versions), Heading: d.Title, Intro: template.HTML(d.IntroHTML)}
	p.Eyebrow = p.L.T("dossier.eyebrow")
	return s.listing(r, st, p, path, func(limit, offset int) ([]content.Teaser, error) {
		return s.store.DossierArticles(r.Context(), d.ID, store.Readers, limit, offset)
	}, d.UpdatedAt)
}

type dossiersPage struct {
	L          *Layout
	Dossiers   []dossierItem
	Pagination pagination
}

type dossierItem struct {
	Title, URL, Summary string
}

func (s *Server) dossiers(r *http.Request, st *siteState, lang content.Lang) (*response, error) {
	page, err := pageNumber(r)
	if err != nil {
		return nil, err
	}
	ds, err := s.store.Dossiers(r.Context(), lang, false, perPage+1, (page-1)*perPage)
	if err != nil {
		return nil, err
	}
	if page > 1 && len(ds) == 0 {
		return nil, notFound(errors.New("past the last page"))
	}
	path := dossiersPath(lang)
	l := s.layout(st, lang, "", withPage(path, page), everyLang(st, dossiersPath))
	l.Title = l.T("dossiers.title")
	p := &dossiersPage{L: l, Pagination: newPagination(l.Printer, path, page, len(ds) > perPage)}
	floor := st.loaded
	for _, d := range ds[:min(len(ds), perPage)] {
		p.Dossiers = append(p.Dossiers, dossierItem{Title: d.Title, URL: pagePath(lang, kindDossier, d.Slug), Summary: summary(d.IntroHTML, 240)})
		if d.UpdatedAt.After(floor) {
			floor = d.UpdatedAt
		}
	}
	return s.renderPage("dossiers", p, nil, floor)
}
