package site

import (
	"errors"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

const (
	perPage          = 20
	homeDossiers     = 4
	dossierBoxLength = 3
)

type homePage struct {
	L           *Layout
	Lead        *teaserView
	Latest      []teaserView
	Dossiers    []dossierBox
	DossiersURL string
	Pagination  pagination
}

type dossierBox struct {
	ID       int64
	Title    string
	URL      string
	Articles []teaserView
	AllText  string // the link to the whole dossier
}

// home shows the lead story, the latest articles and the featured dossiers; its later
// pages list older articles only.
func (s *Server) home(b *build) (*Response, error) {
	n := b.page.Number()
	b.show(content.KeyLatest(b.lang))
	l, err := b.layout("", everyLang(b.st, urls.Home))
	if err != nil {
		return nil, err
	}
	l.Description = b.st.site.Taglines[b.lang]
	if n == 1 {
		l.Data = b.homeData()
	}
	hp := &homePage{L: l, DossiersURL: b.link(urls.Page{Kind: urls.Dossiers, Lang: b.lang})}

	q := store.ListQuery{Audience: store.Readers, Lang: b.lang, Limit: perPage + 1, Offset: (n - 1) * perPage}
	if n == 1 {
		lead, err := s.leadStory(b)
		if err != nil {
			return nil, err
		}
		if lead != nil {
			q.ExcludeID = lead.ID
			v := b.teaser(l.Printer, *lead, true)
			v.Picture = b.teaserPicture(lead, pictureLead)
			hp.Lead = &v
		}
	}
	latest, err := s.store.Articles(b.ctx, q)
	if err != nil {
		return nil, err
	}
	if n > 1 && len(latest) == 0 {
		return nil, webkit.NotFound(errors.New("past the last page"))
	}
	hasNext := len(latest) > perPage
	latest = latest[:min(len(latest), perPage)]
	hp.Latest = b.teasers(l.Printer, latest, true)
	hp.Pagination = b.pagination(l.Printer, hasNext)
	if n == 1 {
		if hp.Dossiers, err = s.dossierBoxes(b, l); err != nil {
			return nil, err
		}
	}
	return b.renderPage("home", hp, latest, b.st.site.UpdatedAt)
}

// leadStory is the newest featured article, or the newest article when none is featured.
func (s *Server) leadStory(b *build) (*content.Teaser, error) {
	for _, featured := range []bool{true, false} {
		ts, err := s.store.Articles(b.ctx, store.ListQuery{Audience: store.Readers, Lang: b.lang, FeaturedOnly: featured, Limit: 1})
		if err != nil {
			return nil, err
		}
		if len(ts) > 0 {
			return &ts[0], nil
		}
	}
	return nil, nil
}

func (s *Server) dossierBoxes(b *build, l *Layout) ([]dossierBox, error) {
	b.show(content.KeyDossiers(b.lang))
	ds, err := s.store.Dossiers(b.ctx, b.lang, true, homeDossiers, 0)
	if err != nil {
		return nil, err
	}
	var boxes []dossierBox
	for _, d := range ds {
		b.show(content.KeyDossier(d.ID))
		ts, err := s.store.DossierArticles(b.ctx, d.ID, store.Readers, dossierBoxLength, 0)
		if err != nil {
			return nil, err
		}
		boxes = append(boxes, dossierBox{
			ID: d.ID, Title: d.Title, URL: b.link(urls.Page{Kind: urls.Dossier, Lang: b.lang, Key: d.Slug}),
			Articles: b.teasers(l.Printer, ts, false), AllText: l.T("dossier.all"),
		})
	}
	return boxes, nil
}
