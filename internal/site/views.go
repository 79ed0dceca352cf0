package site

import (
	"html/template"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/internal/urls"
)

// teaserView is an article in a list, with everything the template needs worked out.
// Its fields are its own, not promoted from content.Teaser, for the template's sake
// (see Layout).
type teaserView struct {
	ID         int64
	Title      string
	Standfirst string
	URL        string
	Section    *link
	KindLabel  string
	KindClass  string
	Date       string
	DateISO    string
	Picture    template.HTML // the featured photo's thumbnail
}

// teasers views a list's articles, recording that the page shows each of them. Full
// teasers carry their section and their photo; a box's links are titles alone.
func (b *build) teasers(p *i18n.Printer, ts []content.Teaser, full bool) []teaserView {
	out := make([]teaserView, len(ts))
	for i, t := range ts {
		out[i] = b.teaser(p, t, full)
		if full {
			out[i].Picture = b.teaserPicture(&ts[i], pictureTeaser)
		}
	}
	return out
}

// teaserPicture is a teaser's featured photo as spec shows it, or nothing.
func (b *build) teaserPicture(t *content.Teaser, spec pictureSpec) template.HTML {
	if !hasPhoto(t.PhotoID, &t.Photo) {
		return ""
	}
	return b.pictureIn(t.Lang, &t.Photo, "", spec)
}

func (b *build) teaser(p *i18n.Printer, t content.Teaser, withSection bool) teaserView {
	b.show(content.KeyArticle(t.ID))
	v := teaserView{
		ID: t.ID, Title: t.Title, Standfirst: t.Standfirst,
		URL:       b.link(articleAt(t.Lang, t.Slug)),
		KindLabel: kindLabel(p, t.Kind),
		KindClass: "kind-" + string(t.Kind),
		Date:      p.Date(t.PublishAt),
		DateISO:   p.ISO(t.PublishAt),
	}
	if withSection {
		v.Section = b.sectionLink(t.Lang, t.SectionID)
	}
	return v
}

// articleAt is the page of the article with slug in lang.
func articleAt(lang content.Lang, slug string) urls.Page {
	return urls.Page{Kind: urls.Article, Lang: lang, Key: slug}
}

// kindLabel names a kind on the page; plain articles carry no label.
func kindLabel(p *i18n.Printer, k content.Kind) string {
	if k == content.KindArticle {
		return ""
	}
	return p.T("kind." + string(k))
}

func (b *build) sectionLink(lang content.Lang, id int64) *link {
	sec, ok := b.st.sections.Get(id)
	if !ok {
		return nil
	}
	n, ok := sec.Names[lang]
	if !ok {
		return nil
	}
	return &link{Name: n.Name, URL: b.link(urls.Page{Kind: urls.Section, Lang: lang, Key: n.Slug})}
}

// pagination links a list's neighbours; hasNext comes from fetching one item more than
// a page holds.
type pagination struct {
	Label, PrevText, NextText string
	Current                   string
	Prev, Next                string
}

// pagination links the page's neighbours in its list, in the path.
func (b *build) pagination(p *i18n.Printer, hasNext bool) pagination {
	n := b.page.Number()
	pg := pagination{
		Label: p.T("pagination.label"), PrevText: p.T("pagination.newer"), NextText: p.T("pagination.older"),
		Current: p.T("pagination.page", n),
	}
	if n > 1 {
		pg.Prev = b.link(b.page.At(n - 1))
	}
	if hasNext {
		pg.Next = b.link(b.page.At(n + 1))
	}
	return pg
}

// latest returns the newest time among teasers, for Last-Modified.
func latest(ts []content.Teaser, floor time.Time) time.Time {
	for _, t := range ts {
		if t.UpdatedAt.After(floor) {
			floor = t.UpdatedAt
		}
	}
	return floor
}
