package site

import (
	"net/http"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
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
}

// home shows the lead story, the latest articles and the featured dossiers; its later
// pages list older articles only.
func (s *Server) home(r *http.Request, st *siteState, lang content.Lang) (*response, error) {
	ctx := r.Context()
	page, err := pageNumber(r)
	if err != nil {
		return nil, err
	}
	path := homePath(lang)
	l := s.layout(st, lang, "", withPage(path, page), everyLang(st, homePath))
	l.Description = st.site.Taglines[lang]
	hp := &homePage{L: l, DossiersURL: dossiersPath(lang)}

	q := store.ListQuery{Audience: store.Readers, Lang: lang, Limit: perPage + 1, Offset: (page - 1) * perPage}
	var lead *content.Teaser
	if page == 1 {
		if lead, err = s.leadStory(r, lang); err != nil {
			return nil, err
		}
		if lead != nil {
			q.ExcludeID = lead.ID
			v := s.teaser(st, l.Printer, *lead, true)
			hp.Lead = &v
		}
	}
	latest, err := s.store.Articles(ctx, q)
	if err != nil {
		return nil, err
	}
	if page > 1 && len(latest) == 0 {
		return nil, notFound(nil)
	}
	hasNext := len(latest) > perPage
	latest = latest[:min(len(latest), perPage)]
	hp.Latest = s.teasers(st, l.Printer, latest, true)
	hp.Pagination = newPagination(l.Printer, path, page, hasNext)
	if page == 1 {
		if hp.Dossiers, err = s.dossierBoxes(r, st, l, lang); err != nil {
			return nil, err
		}
	}
	return s.renderPage("home", hp, latest, st.site.UpdatedAt)
}

// leadStory is the newest featured article, or the newest article when none is featured.
func (s *Server) leadStory(r *http.Request, lang content.Lang) (*content.Teaser, error) {
	for _, featured := range []bool{true, false} {
		ts, err := s.store.Articles(r.Context(), store.ListQuery{Audience: store.Readers, Lang: lang, FeaturedOnly: featured, Limit: 1})
		if err != nil {
			return nil, err
		}
		if len(ts) > 0 {
			return &ts[0], nil
		}
	}
	return nil, nil
}

func (s *Server) dossierBoxes(r *http.Request, st *siteState, l *Layout, lang content.Lang) ([]dossierBox, error) {
	ds, err := s.store.Dossiers(r.Context(), lang, true, homeDossiers, 0)
	if err != nil {
		return nil, err
	}
	var boxes []dossierBox
	for _, d := range ds {
		ts, err := s.store.DossierArticles(r.Context(), d.ID, store.Readers, dossierBoxLength, 0)
		if err != nil {
			return nil, err
		}
		boxes = append(boxes, dossierBox{
			ID: d.ID, Title: d.Title, URL: pagePath(lang, kindDossier, d.Slug),
			Articles: s.teasers(st, l.Printer, ts, false),
		})
	}
	return boxes, nil
}
