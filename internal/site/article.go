package site

import (
	"errors"
	"html/template"
	"net/http"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/internal/store"
)

// Related reading shows relatedCount articles, chosen among at most relatedPerSource
// candidates from each source (the dossier, each tag, the section).
const (
	relatedCount     = 5
	relatedPerSource = 10
)

type articlePage struct {
	L            *Layout
	A            *content.Article
	Body         template.HTML
	KindLabel    string
	KindClass    string
	Breadcrumbs  []link
	Authors      []link
	Date         string
	DateISO      string
	Updated      string
	Translations []langLink
	Tags         []link
	Dossiers     []link
	Contacts     []content.Person
	Related      []teaserView
	Share        shareLinks
	Canonical    string
	PrintURL     string
	ImageURL     string
}

// Tel turns a phone number into a tel: target.
func (p *articlePage) Tel(phone string) string { return (&content.Person{Phone: phone}).TelURI() }

// loadArticle finds a visible article. For a slug the article had before, it returns the
// current slug instead; for a withdrawn article, 410; for the rest, 404.
func (s *Server) loadArticle(r *http.Request, lang content.Lang, slug string) (a *content.Article, movedTo string, err error) {
	if !content.ValidSlug(slug) {
		return nil, "", notFound(errors.New("malformed slug"))
	}
	a, err = s.store.Article(r.Context(), lang, slug)
	if errors.Is(err, store.ErrNotFound) {
		current, rerr := s.store.SlugRedirect(r.Context(), lang, slug)
		if rerr == nil {
			return nil, current, nil
		}
		return nil, "", notFound(err)
	}
	if err != nil {
		return nil, "", err
	}
	switch {
	case a.Gone():
		return nil, "", gone(nil)
	case !a.Visible(s.now()):
		return nil, "", notFound(nil)
	}
	return a, "", nil
}

func (s *Server) article(r *http.Request, st *siteState, lang content.Lang, slug string, print bool) (*response, error) {
	a, movedTo, err := s.loadArticle(r, lang, slug)
	if err != nil {
		return nil, err
	}
	if movedTo != "" {
		path := articlePath(lang, movedTo)
		if print {
			path += "/print"
		}
		return movedPermanently(path), nil
	}
	p, err := s.articlePage(r, st, a)
	if err != nil {
		return nil, err
	}
	if print {
		p.L.BodyClass += " print-view"
		p.L.NoIndex = true
	}
	return s.renderPage("article", p, nil, a.UpdatedAt)
}

func (s *Server) articlePage(r *http.Request, st *siteState, a *content.Article) (*articlePage, error) {
	ctx := r.Context()
	versions, err := s.store.StoryVersions(ctx, a.StoryID, store.Readers)
	if err != nil {
		return nil, err
	}
	paths := map[content.Lang]string{}
	for _, v := range versions {
		paths[v.Lang] = articlePath(v.Lang, v.Slug)
	}
	path := articlePath(a.Lang, a.Slug)
	l := s.layout(st, a.Lang, a.Title, path, paths)
	l.Description, l.OGType = a.Standfirst, "article"
	l.BodyClass = "page-article"
	p := &articlePage{
		L: l, A: a, Body: template.HTML(a.BodyHTML), // sanitised when saved
		KindLabel: kindLabel(l.Printer, a.Kind), KindClass: "kind-" + string(a.Kind),
		Date: l.Printer.DateTime(a.PublishAt), DateISO: l.Printer.ISO(a.PublishAt),
		Canonical: s.absolute(path), PrintURL: path + "/print",
		Contacts: a.Contacts,
	}
	if a.Image.Path != "" {
		p.ImageURL = "/media/" + a.Image.Path
	}
	if a.UpdatedAt.Sub(a.PublishAt) > time.Hour {
		p.Updated = l.Printer.DateTime(a.UpdatedAt)
	}
	p.Breadcrumbs = breadcrumbs(st, a.Lang, a.SectionID)
	for _, v := range versions {
		if v.Lang != a.Lang {
			p.Translations = append(p.Translations, langLink{Lang: string(v.Lang), Name: i18n.Autonym(v.Lang), URL: articlePath(v.Lang, v.Slug)})
		}
	}
	for _, au := range a.Authors {
		p.Authors = append(p.Authors, link{Name: au.Name, URL: pagePath(a.Lang, kindAuthor, au.Slug)})
	}
	for _, t := range a.Tags {
		p.Tags = append(p.Tags, link{Name: t.Name, URL: pagePath(a.Lang, kindTag, t.Slug)})
	}
	if err := s.articleExtras(r, st, p); err != nil {
		return nil, err
	}
	p.Share = newShareLinks(a, p.Canonical)
	return p, nil
}

// articleExtras adds the article's dossiers and its related reading.
func (s *Server) articleExtras(r *http.Request, st *siteState, p *articlePage) error {
	ds, err := s.store.ArticleDossiers(r.Context(), p.A.ID)
	if err != nil {
		return err
	}
	for _, d := range ds {
		p.Dossiers = append(p.Dossiers, link{Name: d.Title, URL: pagePath(d.Lang, kindDossier, d.Slug)})
	}
	src, err := s.store.RelatedSources(r.Context(), p.A, relatedPerSource)
	if err != nil {
		return err
	}
	related, err := s.store.Teasers(r.Context(), content.RelatedReading(p.A, src, s.now(), relatedCount), store.Readers)
	if err != nil {
		return err
	}
	p.Related = s.teasers(st, p.L.Printer, related, true)
	return nil
}

// breadcrumbs is the path of sections down to and including id.
func breadcrumbs(st *siteState, lang content.Lang, id int64) []link {
	if id == 0 {
		return nil
	}
	var out []link
	for _, sec := range st.sections.Ancestors(id) {
		if n, ok := sec.Names[lang]; ok {
			out = append(out, link{Name: n.Name, URL: pagePath(lang, kindSection, n.Slug)})
		}
	}
	if sl := sectionLink(st, lang, id); sl != nil {
		out = append(out, *sl)
	}
	return out
}
