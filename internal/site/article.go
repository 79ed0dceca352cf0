package site

import (
	"errors"
	"html/template"
	"slices"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// Related reading shows relatedCount articles, chosen among at most relatedPerSource
// candidates from each source (the dossier, each tag, the section). Beside the text,
// up to articleDossierBoxes of the article's dossiers have a box listing the first
// articleDossierBoxLength of their other articles.
const (
	relatedCount            = 5
	relatedPerSource        = 10
	articleDossierBoxes     = 2
	articleDossierBoxLength = 4
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
	DossierBoxes []dossierBox
	Contacts     []content.Person
	Related      []teaserView
	Share        shareLinks
	Permalink    string // the article's address on the host it is read through
	PrintURL     string
	ImageURL     string
	Photo        *figureView  // the featured photo
	Gallery      *galleryView // the first photos of its album
}

// Tel turns a phone number into a tel: target.
func (p *articlePage) Tel(phone string) string { return (&content.Person{Phone: phone}).TelURI() }

// loadArticle finds the article readers see at slug. For a slug the article had before,
// it returns the page of the current one if readers may see it; for a withdrawn
// article, 410; for the rest, 404.
func (b *build) loadArticle(slug string) (*content.Article, *urls.Page, error) {
	a, err := b.s.store.Article(b.ctx, b.lang, slug)
	if errors.Is(err, store.ErrNotFound) {
		current, rerr := b.s.store.SlugRedirect(b.ctx, b.lang, slug)
		if rerr != nil {
			return nil, nil, webkit.NotFound(err)
		}
		moved, err := b.s.store.Article(b.ctx, b.lang, current)
		if err != nil || !moved.Visible(b.now) {
			// Slug history keeps the article it belongs to; readers learn of it only
			// once they may read it.
			return nil, nil, webkit.NotFound(err)
		}
		p := articleAt(b.lang, current)
		return nil, &p, nil
	}
	if err != nil {
		return nil, nil, err
	}
	switch {
	case a.Gone():
		b.show(content.KeyArticle(a.ID))
		return nil, nil, webkit.Gone(nil)
	case !a.Visible(b.now):
		return nil, nil, webkit.NotFound(nil)
	}
	return a, nil, nil
}

// article builds an article's page, or its print view.
func (s *Server) article(b *build, print bool) (*Response, error) {
	a, movedTo, err := b.loadArticle(b.page.Key)
	if err != nil {
		return nil, err
	}
	if movedTo != nil {
		if print {
			return b.movedPermanently(urls.Page{Kind: urls.ArticlePrint, Lang: b.lang, Key: movedTo.Key}), nil
		}
		return b.movedPermanently(*movedTo), nil
	}
	p, err := s.articleView(b, a)
	if err != nil {
		return nil, err
	}
	if print {
		p.L.BodyClass += " print-view"
		p.L.NoIndex = true
	} else if p.Gallery, err = s.gallery(b, a, p.L.Printer); err != nil {
		return nil, err
	}
	// A photo's new derivatives or alt text change the page, not the article.
	return b.renderPage("article", p, nil, later(a.UpdatedAt, a.Photo.UpdatedAt))
}

func (s *Server) articleView(b *build, a *content.Article) (*articlePage, error) {
	b.show(content.KeyArticle(a.ID), content.KeyStory(a.StoryID))
	versions, err := s.store.StoryVersions(b.ctx, a.StoryID, store.Readers)
	if err != nil {
		return nil, err
	}
	pages := map[content.Lang]urls.Page{}
	for _, v := range versions {
		pages[v.Lang] = articleAt(v.Lang, v.Slug)
	}
	self := articleAt(a.Lang, a.Slug)
	l, err := b.layout(a.Title, pages)
	if err != nil {
		return nil, err
	}
	l.Canonical = b.canonical(self) // the print view's too
	l.Description, l.OGType = a.Standfirst, "article"
	// An article saved before its scheduled time was modified, for readers, when it appeared.
	l.Published, l.Modified = l.Printer.ISO(a.PublishAt), l.Printer.ISO(later(a.UpdatedAt, a.PublishAt))
	l.BodyClass = "page-article"
	body, err := b.bodyHTML(a.BodyHTML, b.mediaLink)
	if err != nil {
		return nil, err
	}
	p := &articlePage{
		L: l, A: a, Body: template.HTML(body), // sanitised when saved
		KindLabel: kindLabel(l.Printer, a.Kind), KindClass: "kind-" + string(a.Kind),
		Date: l.Printer.DateTime(a.PublishAt), DateISO: l.Printer.ISO(a.PublishAt),
		Permalink: b.absolute(self), PrintURL: b.link(urls.Page{Kind: urls.ArticlePrint, Lang: a.Lang, Key: a.Slug}),
		Contacts: a.Contacts,
	}
	switch {
	case hasPhoto(a.PhotoID, &a.Photo):
		p.Photo = b.figure(&a.Photo, "", pictureArticle)
		l.Image = b.photoShareImage(&a.Photo, a.Title)
	case a.Image.Path != "":
		p.ImageURL = b.link(urls.Page{Kind: urls.Media, Key: a.Image.Path})
		l.Image = b.articleImage(a)
	default:
		l.Image = b.cardImage(self, a.Title)
	}
	if a.UpdatedAt.Sub(a.PublishAt) > time.Hour {
		p.Updated = l.Printer.DateTime(a.UpdatedAt)
	}
	p.Breadcrumbs = b.breadcrumbs(a.Lang, a.SectionID)
	for _, v := range versions {
		if v.Lang != a.Lang {
			p.Translations = append(p.Translations, langLink{Lang: string(v.Lang), Name: i18n.Autonym(v.Lang), URL: b.link(articleAt(v.Lang, v.Slug))})
		}
	}
	for _, au := range a.Authors {
		b.show(content.KeyPerson(au.ID))
		p.Authors = append(p.Authors, link{Name: au.Name, URL: b.link(urls.Page{Kind: urls.Author, Lang: a.Lang, Key: au.Slug})})
	}
	for _, c := range a.Contacts {
		b.show(content.KeyPerson(c.ID))
	}
	for _, t := range a.Tags {
		b.show(content.KeyTag(t.ID))
		p.Tags = append(p.Tags, link{Name: t.Name, URL: b.link(urls.Page{Kind: urls.Tag, Lang: a.Lang, Key: t.Slug})})
	}
	ds, err := s.articleExtras(b, p)
	if err != nil {
		return nil, err
	}
	l.Data = b.articleData(p, ds)
	p.Share = b.shareLinks(a, p.Permalink)
	return p, nil
}

// articleExtras adds the article's dossiers and its related reading. Related reading
// draws on the article's dossiers, tags and section, and on the editors' picks: the page
// depends on all of them, whatever it ends up showing.
func (s *Server) articleExtras(b *build, p *articlePage) ([]content.Dossier, error) {
	ds, err := s.store.ArticleDossiers(b.ctx, p.A.ID)
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		b.show(content.KeyDossier(d.ID))
		url := b.link(urls.Page{Kind: urls.Dossier, Lang: d.Lang, Key: d.Slug})
		p.Dossiers = append(p.Dossiers, link{Name: d.Title, URL: url})
		if len(p.DossierBoxes) < articleDossierBoxes {
			box, err := s.articleDossierBox(b, p, d, url)
			if err != nil {
				return nil, err
			}
			if len(box.Articles) > 0 {
				p.DossierBoxes = append(p.DossierBoxes, box)
			}
		}
	}
	if p.A.SectionID != 0 {
		b.show(content.KeySection(p.A.SectionID, p.A.Lang))
	}
	for _, id := range p.A.RelatedIDs {
		b.show(content.KeyArticle(id))
	}
	src, err := s.store.RelatedSources(b.ctx, p.A, relatedPerSource)
	if err != nil {
		return nil, err
	}
	boxed := p.boxed()
	ids := content.RelatedReading(p.A, src, b.now, relatedCount+len(boxed))
	related, err := s.store.Teasers(b.ctx, notBoxed(ids, boxed, p.A.RelatedIDs, relatedCount), store.Readers)
	if err != nil {
		return nil, err
	}
	p.Related = b.teasers(p.L.Printer, related, true)
	return ds, nil
}

// articleDossierBox lists the first of a dossier's other articles, in the dossier's order.
func (s *Server) articleDossierBox(b *build, p *articlePage, d content.Dossier, url string) (dossierBox, error) {
	ts, err := s.store.DossierArticles(b.ctx, d.ID, store.Readers, articleDossierBoxLength+1, 0)
	if err != nil {
		return dossierBox{}, err
	}
	others := slices.DeleteFunc(ts, func(t content.Teaser) bool { return t.ID == p.A.ID })
	others = others[:min(len(others), articleDossierBoxLength)]
	return dossierBox{ID: d.ID, Title: d.Title, URL: url, Articles: b.teasers(p.L.Printer, others, false),
		AllText: p.L.T("dossier.all")}, nil
}

// boxed are the articles the dossier boxes show.
func (p *articlePage) boxed() map[int64]bool {
	m := map[int64]bool{}
	for _, box := range p.DossierBoxes {
		for _, t := range box.Articles {
			m[t.ID] = true
		}
	}
	return m
}

// notBoxed keeps up to n of ids that the dossier boxes beside them do not already show,
// and every pick of the editors, which they chose to place here.
func notBoxed(ids []int64, boxed map[int64]bool, picks []int64, n int) []int64 {
	out := make([]int64, 0, n)
	for _, id := range ids {
		if len(out) < n && (!boxed[id] || slices.Contains(picks, id)) {
			out = append(out, id)
		}
	}
	return out
}

// breadcrumbs is the path of sections down to and including id.
func (b *build) breadcrumbs(lang content.Lang, id int64) []link {
	if id == 0 {
		return nil
	}
	var out []link
	for _, sec := range b.st.sections.Ancestors(id) {
		if n, ok := sec.Names[lang]; ok {
			out = append(out, link{Name: n.Name, URL: b.link(urls.Page{Kind: urls.Section, Lang: lang, Key: n.Slug})})
		}
	}
	if sl := b.sectionLink(lang, id); sl != nil {
		out = append(out, *sl)
	}
	return out
}

// later is the later of two times.
func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
