package site

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/internal/search"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// Search results per page, and the longest snippet under each one.
const (
	searchPerPage  = 10
	snippetRunes   = 240
	maxSearchPages = 100 // deeper pages are a crawler's, not a reader's
	// allLangs is the language filter's value for every language of the site.
	allLangs = "all"
)

// searchPage is /{lang}/{search}/: the form, and the results when a query was given.
type searchPage struct {
	L          *Layout
	Action     string
	Query      string
	Filter     searchFilter
	Sections   []option
	Kinds      []option
	Langs      []option
	Narrowed   []narrowing // tag, dossier or author the results are limited to
	Searched   bool        // a query was given, even one with nothing to look for, or filters
	Count      string      // "12 results"
	Results    []searchResult
	Pagination pagination
}

// searchFilter is the form's state, as the query string carries it.
type searchFilter struct {
	Section, Kind, Lang, From, To string
	Tag, Dossier, Author          string
	FiltersOpen                   bool
}

// set reports a filter chosen: the form's, or one a link set.
func (f searchFilter) set() bool {
	return f.FiltersOpen || f.Tag != "" || f.Dossier != "" || f.Author != ""
}

// option is one choice of a select.
type option struct {
	Value, Label string
	Selected     bool
}

// narrowing is a filter set by a link (a tag page's "search in this tag"), shown with
// a link that removes it.
type narrowing struct {
	Label, RemoveURL string
}

// searchResult is one hit: a teaser whose title and snippet mark the matched words.
type searchResult struct {
	teaserView
	TitleParts []search.Fragment
	Snippet    []search.Fragment
	Lang       content.Lang
}

// search builds the search page. It is never cached: results follow every publication
// and withdrawal at once. What a reader types is never an error; a malformed filter
// (a forged address) is a 400. Filters without words ("every press release") list
// what they select, newest first.
func (s *Server) search(b *build) (*Response, error) {
	page, err := searchPageNumber(b.query)
	if err != nil {
		return nil, err
	}
	if page > maxSearchPages {
		return nil, webkit.NotFound(errors.New("search page too deep"))
	}
	v := b.query
	l, err := b.layout("", everyLang(b.st, urls.Search))
	if err != nil {
		return nil, err
	}
	l.NoIndex = true
	l.BodyClass = "search-page"
	action := b.link(urls.Page{Kind: urls.Search, Lang: b.lang})
	p := &searchPage{L: l, Action: action, Query: clipQuery(v.Get("q"))}
	l.Title = l.T("search.title")
	q, err := s.readSearchFilter(b, v, p)
	if err != nil {
		return nil, err
	}
	words := strings.TrimSpace(p.Query) != ""
	p.Searched = words || p.Filter.set()
	if words {
		l.Title = l.T("search.titlefor", p.Query)
	}
	if p.Searched {
		q.Text, q.Limit, q.Offset = p.Query, searchPerPage, (page-1)*searchPerPage
		res, err := s.store.Search(b.ctx, q)
		if err != nil {
			return nil, err
		}
		if page > 1 && len(res.Hits) == 0 {
			return nil, webkit.NotFound(errors.New("past the last page of results"))
		}
		p.Count = l.N("search.count", res.Total)
		parsed := search.Parse(p.Query)
		for _, h := range res.Hits {
			p.Results = append(p.Results, s.searchResult(b, l.Printer, h, parsed))
		}
		p.Pagination = searchPagination(l, action+"?"+searchQueryString(v), page, page*searchPerPage < res.Total && page < maxSearchPages)
	}
	body, err := s.tmpl.render("search", p)
	if err != nil {
		return nil, err
	}
	return &Response{Status: http.StatusOK, Body: body, ContentType: "text/html; charset=utf-8", Robots: "noindex, follow"}, nil
}

// searchPageNumber reads ?page=; absent means 1. Garbage is a 400.
func searchPageNumber(v url.Values) (int, error) {
	pv := v["page"]
	if len(pv) == 0 {
		return 1, nil
	}
	n, err := strconv.Atoi(pv[0])
	if len(pv) > 1 || len(pv[0]) > 9 || err != nil || n < 1 {
		return 0, webkit.BadRequest(errors.New("bad page parameter"))
	}
	return n, nil
}

// searchPagination links the results' neighbours: search keeps its page number in the
// query string, with the rest of the search.
func searchPagination(l *Layout, base string, page int, hasNext bool) pagination {
	pg := pagination{
		Label: l.T("pagination.label"), PrevText: l.T("search.previous"), NextText: l.T("search.next"),
		Current: l.T("pagination.page", page),
	}
	if page > 1 {
		pg.Prev = withPageQuery(base, page-1)
	}
	if hasNext {
		pg.Next = withPageQuery(base, page+1)
	}
	return pg
}

// withPageQuery adds page=n to a search's address; page 1 is the address as it is.
func withPageQuery(u string, n int) string {
	if n <= 1 {
		return u
	}
	return u + "&page=" + strconv.Itoa(n)
}

// readSearchFilter turns the query string into a store query and the form's state.
func (s *Server) readSearchFilter(b *build, v url.Values, p *searchPage) (store.SearchQuery, error) {
	st, lang := b.st, b.lang
	f := &p.Filter
	f.Section, f.Kind, f.Lang, f.From, f.To = v.Get("section"), v.Get("kind"), v.Get("lang"), v.Get("from"), v.Get("to")
	f.Tag, f.Dossier, f.Author = v.Get("tag"), v.Get("dossier"), v.Get("author")
	q := store.SearchQuery{Now: b.now}
	pr := p.L.Printer

	// Language: the page's by default, every language of the site, or another one.
	switch f.Lang {
	case "":
		q.Lang = lang
	case allLangs:
		q.Langs = st.site.Langs
	default:
		other := content.Lang(f.Lang)
		if !st.site.HasLang(other) {
			return q, webkit.BadRequest(errors.New("unknown language filter"))
		}
		q.Lang = other
	}
	if q.Lang != "" {
		q.Langs = []content.Lang{q.Lang}
	}
	p.Langs = []option{{Value: "", Label: pr.T("search.lang.this"), Selected: f.Lang == ""},
		{Value: allLangs, Label: pr.T("search.lang.all"), Selected: f.Lang == allLangs}}
	for _, other := range st.site.Langs {
		if other != lang {
			p.Langs = append(p.Langs, option{Value: string(other), Label: i18n.Autonym(other), Selected: f.Lang == string(other)})
		}
	}

	// Section, by its slug in the page's language.
	if f.Section != "" {
		sec, ok := st.sections.BySlug(lang, f.Section)
		if !ok {
			return q, webkit.BadRequest(errors.New("unknown section filter"))
		}
		q.SectionIDs = st.sections.Descendants(sec.ID) // as on the section's page
	}
	p.Sections = []option{{Value: "", Label: pr.T("search.section.any"), Selected: f.Section == ""}}
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, sec := range st.sections.Children(parent) {
			if n, ok := sec.Names[lang]; ok {
				p.Sections = append(p.Sections, option{Value: n.Slug, Label: strings.Repeat("\u00a0\u00a0", depth) + n.Name, Selected: n.Slug == f.Section})
				walk(sec.ID, depth+1)
			}
		}
	}
	walk(0, 0)

	if f.Kind != "" {
		if q.Kind = content.Kind(f.Kind); !q.Kind.Valid() {
			return q, webkit.BadRequest(errors.New("unknown kind filter"))
		}
	}
	p.Kinds = []option{{Value: "", Label: pr.T("search.kind.any"), Selected: f.Kind == ""}}
	for _, k := range []content.Kind{content.KindArticle, content.KindPressRelease, content.KindPhotoReport} {
		p.Kinds = append(p.Kinds, option{Value: string(k), Label: pr.T("kind." + string(k)), Selected: q.Kind == k})
	}

	// Dates, typed as days in the site's time zone; "to" includes its day.
	var err error
	if q.From, err = searchDay(f.From, st.site.Location); err != nil {
		return q, err
	}
	if q.To, err = searchDay(f.To, st.site.Location); err != nil {
		return q, err
	}
	if !q.To.IsZero() {
		q.To = q.To.AddDate(0, 0, 1)
	}
	f.FiltersOpen = f.Section != "" || f.Kind != "" || f.Lang != "" || f.From != "" || f.To != ""

	// Tag, dossier and author come from links on their pages.
	ctx := b.ctx
	if f.Tag != "" {
		t, err := s.store.Tag(ctx, lang, f.Tag)
		if err != nil {
			return q, filterError(err)
		}
		q.TagID = t.ID
		p.Narrowed = append(p.Narrowed, narrowing{Label: pr.T("search.in.tag", t.Name), RemoveURL: searchWithout(p.Action, v, "tag")})
	}
	if f.Dossier != "" {
		d, err := s.store.Dossier(ctx, lang, f.Dossier)
		if err != nil {
			return q, filterError(err)
		}
		q.DossierID = d.ID
		p.Narrowed = append(p.Narrowed, narrowing{Label: pr.T("search.in.dossier", d.Title), RemoveURL: searchWithout(p.Action, v, "dossier")})
	}
	if f.Author != "" {
		a, err := s.store.Person(ctx, f.Author)
		if err != nil {
			return q, filterError(err)
		}
		q.AuthorID = a.ID
		p.Narrowed = append(p.Narrowed, narrowing{Label: pr.T("search.in.author", a.Name), RemoveURL: searchWithout(p.Action, v, "author")})
	}
	return q, nil
}

// filterError is a 400 for a tag, dossier or author that does not exist.
func filterError(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return webkit.BadRequest(err)
	}
	return err
}

// searchDay reads a yyyy-mm-dd day; empty is zero.
func searchDay(s string, loc *time.Location) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if loc == nil {
		loc = time.UTC
	}
	t, err := time.ParseInLocation(time.DateOnly, s, loc)
	if err != nil || t.Year() < 1900 || t.Year() > 2999 {
		return time.Time{}, webkit.BadRequest(errors.New("bad date filter"))
	}
	return t, nil
}

// clipQuery bounds what is shown back and sent on: the parser reads 500 characters at
// most anyway.
func clipQuery(q string) string {
	const most = 500
	if len(q) <= most {
		return q
	}
	cut := most
	for cut > 0 && !utf8.RuneStart(q[cut]) {
		cut--
	}
	return q[:cut]
}

// searchResult builds a hit's view: its teaser, its title with the matched words marked,
// and a snippet of its text around them.
func (s *Server) searchResult(b *build, p *i18n.Printer, h store.SearchHit, q search.Query) searchResult {
	res := searchResult{teaserView: b.teaser(p, h.Teaser, true), Lang: h.Lang}
	res.Picture = b.teaserPicture(&h.Teaser, pictureTeaser)
	res.TitleParts = search.Highlight(h.Lang, h.Title, q)
	text := snippetText(s.renderer.PlainText(string(h.Lang), h.Body))
	res.Snippet = search.Snippet(h.Lang, text, q, snippetRunes)
	return res
}

// snippetText joins the lines of a body's text for a snippet: a heading or a list item
// that ends without punctuation gets a separator, so that it does not run into the
// sentence after it.
func snippetText(plain string) string {
	lines := strings.Split(plain, "\n")
	for i, l := range lines[:max(0, len(lines)-1)] {
		if r, _ := utf8.DecodeLastRuneInString(l); !strings.ContainsRune(".!?:;…»\"”)", r) {
			lines[i] = l + " ·"
		}
	}
	return strings.Join(lines, " ")
}

// searchQueryString is the query string without the page number, for pagination.
func searchQueryString(v url.Values) string {
	keep := url.Values{}
	for _, k := range []string{"q", "section", "kind", "lang", "from", "to", "tag", "dossier", "author"} {
		if x := v.Get(k); x != "" {
			if k == "q" {
				x = clipQuery(x)
			}
			keep.Set(k, x)
		}
	}
	return keep.Encode()
}

// searchWithout is the search's address without one filter.
func searchWithout(path string, v url.Values, name string) string {
	rest := url.Values{}
	for k, x := range v {
		if k != name && k != "page" {
			rest[k] = x
		}
	}
	return path + "?" + searchQueryString(rest)
}
