package site

import (
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
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
}

func (s *Server) teasers(st *siteState, p *i18n.Printer, ts []content.Teaser, withSection bool) []teaserView {
	out := make([]teaserView, len(ts))
	for i, t := range ts {
		out[i] = s.teaser(st, p, t, withSection)
	}
	return out
}

func (s *Server) teaser(st *siteState, p *i18n.Printer, t content.Teaser, withSection bool) teaserView {
	v := teaserView{
		ID: t.ID, Title: t.Title, Standfirst: t.Standfirst,
		URL:       articlePath(t.Lang, t.Slug),
		KindLabel: kindLabel(p, t.Kind),
		KindClass: "kind-" + string(t.Kind),
		Date:      p.Date(t.PublishAt),
		DateISO:   p.ISO(t.PublishAt),
	}
	if withSection {
		v.Section = sectionLink(st, t.Lang, t.SectionID)
	}
	return v
}

// kindLabel names a kind on the page; plain articles carry no label.
func kindLabel(p *i18n.Printer, k content.Kind) string {
	if k == content.KindArticle {
		return ""
	}
	return p.T("kind." + string(k))
}

func sectionLink(st *siteState, lang content.Lang, id int64) *link {
	sec, ok := st.sections.Get(id)
	if !ok {
		return nil
	}
	n, ok := sec.Names[lang]
	if !ok {
		return nil
	}
	return &link{Name: n.Name, URL: pagePath(lang, kindSection, n.Slug)}
}

// pagination links a list's neighbours; hasNext comes from fetching one item more than
// a page holds.
type pagination struct {
	Label, PrevText, NextText string
	Current                   string
	Prev, Next                string
}

func newPagination(p *i18n.Printer, path string, page int, hasNext bool) pagination {
	pg := pagination{
		Label: p.T("pagination.label"), PrevText: p.T("pagination.newer"), NextText: p.T("pagination.older"),
		Current: p.T("pagination.page", page),
	}
	if page > 1 {
		pg.Prev = withPage(path, page-1)
	}
	if hasNext {
		pg.Next = withPage(path, page+1)
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
