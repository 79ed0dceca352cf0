package site

import (
	"errors"
	"html/template"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
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
func (b *build) listing(p *listPage, fetch articleList, floor time.Time) (*Response, error) {
	n := b.page.Number()
	ts, err := fetch(perPage+1, (n-1)*perPage)
	if err != nil {
		return nil, err
	}
	if n > 1 && len(ts) == 0 {
		return nil, webkit.NotFound(errors.New("past the last page"))
	}
	hasNext := len(ts) > perPage
	ts = ts[:min(len(ts), perPage)]
	p.Teasers = b.teasers(p.L.Printer, ts, true)
	p.Pagination = b.pagination(p.L.Printer, hasNext)
	if n > 1 {
		p.L.Title = p.L.T("pagination.title", p.L.Title, n)
	}
	return b.renderPage("list", p, ts, floor)
}

// listVersions are the first pages of a list in each language it exists in.
func listVersions(kind urls.Kind, slugs map[content.Lang]string) map[content.Lang]urls.Page {
	m := make(map[content.Lang]urls.Page, len(slugs))
	for l, slug := range slugs {
		m[l] = urls.Page{Kind: kind, Lang: l, Key: slug}
	}
	return m
}

func (s *Server) section(b *build) (*Response, error) {
	sec, fetch, err := s.sectionList(b, b.page.Key)
	if err != nil {
		return nil, err
	}
	name := sec.Names[b.lang]
	slugs := map[content.Lang]string{}
	for l, n := range sec.Names {
		slugs[l] = n.Slug
	}
	l, err := b.layout(name.Name, listVersions(urls.Section, slugs))
	if err != nil {
		return nil, err
	}
	p := &listPage{L: l, Heading: name.Name, Description: name.Description}
	p.L.Description = name.Description
	crumbs := b.breadcrumbs(b.lang, sec.ID)
	p.Breadcrumbs = crumbs[:len(crumbs)-1]
	for _, c := range b.st.sections.Children(sec.ID) {
		if n, ok := c.Names[b.lang]; ok {
			p.Children = append(p.Children, link{Name: n.Name, URL: b.link(urls.Page{Kind: urls.Section, Lang: b.lang, Key: n.Slug})})
		}
	}
	return b.listing(p, fetch, b.st.loaded)
}

func (s *Server) tag(b *build) (*Response, error) {
	t, fetch, err := s.tagList(b, b.page.Key)
	if err != nil {
		return nil, err
	}
	l, err := b.layout(t.Name, listVersions(urls.Tag, map[content.Lang]string{b.lang: t.Slug}))
	if err != nil {
		return nil, err
	}
	p := &listPage{L: l, Heading: t.Name}
	p.Eyebrow = p.L.T("tag.eyebrow")
	return b.listing(p, fetch, time.Time{})
}

func (s *Server) author(b *build) (*Response, error) {
	person, fetch, err := s.authorList(b, b.page.Key)
	if err != nil {
		return nil, err
	}
	slugs := map[content.Lang]string{}
	for _, l := range b.st.site.Langs {
		slugs[l] = person.Slug
	}
	l, err := b.layout(person.Name, listVersions(urls.Author, slugs))
	if err != nil {
		return nil, err
	}
	p := &listPage{L: l, Heading: person.Name, Person: &person}
	p.L.OGType = "profile"
	p.Bio = template.HTML(person.BioHTML) // sanitised when saved
	p.Eyebrow = p.L.T("author.eyebrow")
	return b.listing(p, fetch, person.UpdatedAt)
}

func (s *Server) dossier(b *build) (*Response, error) {
	d, fetch, err := s.dossierList(b, b.page.Key)
	if err != nil {
		return nil, err
	}
	others, err := s.store.DossierVersions(b.ctx, d.StoryID)
	if err != nil {
		return nil, err
	}
	slugs := map[content.Lang]string{}
	for _, o := range others {
		b.show(content.KeyDossier(o.ID)) // their addresses are in this page's head
		slugs[o.Lang] = o.Slug
	}
	l, err := b.layout(d.Title, listVersions(urls.Dossier, slugs))
	if err != nil {
		return nil, err
	}
	p := &listPage{L: l, Heading: d.Title, Intro: template.HTML(d.IntroHTML)}
	p.Eyebrow = p.L.T("dossier.eyebrow")
	return b.listing(p, fetch, d.UpdatedAt)
}

type dossiersPage struct {
	L          *Layout
	Dossiers   []dossierItem
	Pagination pagination
}

type dossierItem struct {
	Title, URL, Summary string
}

func (s *Server) dossiers(b *build) (*Response, error) {
	n := b.page.Number()
	b.show(content.KeyDossiers(b.lang))
	ds, err := s.store.Dossiers(b.ctx, b.lang, false, perPage+1, (n-1)*perPage)
	if err != nil {
		return nil, err
	}
	if n > 1 && len(ds) == 0 {
		return nil, webkit.NotFound(errors.New("past the last page"))
	}
	l, err := b.layout("", everyLang(b.st, urls.Dossiers))
	if err != nil {
		return nil, err
	}
	l.Title = l.T("dossiers.title")
	p := &dossiersPage{L: l, Pagination: b.pagination(l.Printer, len(ds) > perPage)}
	floor := b.st.loaded
	for _, d := range ds[:min(len(ds), perPage)] {
		b.show(content.KeyDossier(d.ID))
		p.Dossiers = append(p.Dossiers, dossierItem{Title: d.Title, URL: b.link(urls.Page{Kind: urls.Dossier, Lang: b.lang, Key: d.Slug}), Summary: summary(d.IntroHTML, 240)})
		if d.UpdatedAt.After(floor) {
			floor = d.UpdatedAt
		}
	}
	return b.renderPage("dossiers", p, nil, floor)
}

// press lists a language's press releases: what journalists come for, with its feed.
func (s *Server) press(b *build) (*Response, error) {
	fetch := s.pressList(b)
	l, err := b.layout(b.s.bundle.Printer(b.lang, b.st.site.Location).T("press.title"), everyLang(b.st, urls.Press))
	if err != nil {
		return nil, err
	}
	p := &listPage{L: l, Heading: l.Title, Description: l.T("press.description")}
	p.L.Description = p.Description
	return b.listing(p, fetch, b.st.loaded)
}
