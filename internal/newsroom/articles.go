package newsroom

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/search"
	"github.com/roneo/roneo/internal/store"
)

// listSize is how many articles a page of the list shows.
const listSize = 50

type articlesPage struct {
	L       *Layout
	Filter  articleFilter
	Items   []itemView
	Pager   pager
	Options filterOptions
	Trash   bool // the trash rather than the live articles
	Editor  bool // may list everyone's unpublished articles
	Total   string
}

// articleFilter is the list's query as the form sends it.
type articleFilter struct {
	Status, Kind, Lang, Q, Who string
	Section, Author            int64
	Page                       int
	nothing                    bool // the filter asks for what this person may not list
}

type filterOptions struct {
	Statuses, Kinds, Langs, Sections, Authors []option
}

// option is one choice of a select or a list of checkboxes.
type option struct {
	Value    string
	Label    string
	Selected bool
	Lang     content.Lang // set when the label is in another language than the page
}

// itemView is a line of the list.
type itemView struct {
	ID          int64
	Title       string
	Lang        content.Lang
	Kind        string
	Status      content.Status
	StatusLabel string
	Updated     string
	Publish     string
	Section     string
	CanEdit     bool
	Embargo     bool
	Snippet     []search.Fragment // under a search result
}

// articles lists articles with filters. Contributors see their own unless they ask for
// everyone's; the list itself is no secret inside the newsroom, the editing is.
func (s *Server) articles(w http.ResponseWriter, r *request) error {
	f, q, err := s.readFilter(r)
	if err != nil {
		return err
	}
	return s.articleList(w, r, f, q, false)
}

// trash lists the articles in the trash, for restoring.
func (s *Server) trash(w http.ResponseWriter, r *request) error {
	f, q, err := s.readFilter(r)
	if err != nil {
		return err
	}
	q.Deleted = true
	return s.articleList(w, r, f, q, true)
}

func (s *Server) articleList(w http.ResponseWriter, r *request, f articleFilter, q store.ArticleQuery, trash bool) error {
	ctx := r.Context()
	var items []store.NewsroomItem
	var hits []store.SearchHit
	var err error
	switch {
	case f.nothing:
	case trash || q.Title == "":
		items, err = s.store.NewsroomArticles(ctx, q)
	default:
		// Words to look for: the full-text index, drafts included, best match first.
		hits, err = s.searchArticles(ctx, r, q)
		for _, h := range hits {
			items = append(items, h.NewsroomItem)
		}
	}
	if err != nil {
		return err
	}
	sections, err := s.store.Sections(ctx)
	if err != nil {
		return err
	}
	tree := content.NewSectionTree(sections)
	title := r.T("nr.articles.title")
	if trash {
		title = r.T("nr.trash.title")
	}
	page := &articlesPage{L: s.layout(r, title), Filter: f, Trash: trash, Editor: auth.Can(r.user, auth.ActEditAny)}
	page.L.Wide = true
	hasNext := len(items) > listSize
	if hasNext {
		items = items[:listSize]
	}
	parsed := search.Parse(q.Title)
	for i, it := range items {
		v := s.itemView(r, tree, it)
		if i < len(hits) {
			v.Snippet = search.Snippet(it.Lang, s.cfg.Renderer.PlainText(string(it.Lang), hits[i].Body), parsed, snippetRunes)
		}
		page.Items = append(page.Items, v)
	}
	page.Pager = newPager(r, r.URL, f.Page, hasNext)
	if page.Options, err = s.filterOptions(r, f, tree); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "articles", page)
}

// snippetRunes is the longest extract shown under a search result.
const snippetRunes = 200

// searchArticles runs the list's query through the full-text index: titles and texts,
// every status but the trash, the same filters. Results show a passage of each text, so
// a contributor searching everyone's articles searches the published ones only: other
// people's drafts, embargoed press releases among them, are not theirs to read.
func (s *Server) searchArticles(ctx context.Context, r *request, q store.ArticleQuery) ([]store.SearchHit, error) {
	sq := store.SearchQuery{
		Text: q.Title, Langs: r.site.Langs, Staff: true, Statuses: q.Statuses, CreatedBy: q.CreatedBy,
		Kind: q.Kind, SectionID: q.SectionID, Lang: q.Lang, AuthorID: q.AuthorID,
		Limit: q.Limit, Offset: q.Offset,
	}
	if !auth.Can(r.user, auth.ActEditAny) && q.CreatedBy != r.user.ID {
		sq.Staff, sq.Statuses, sq.Now = false, nil, s.now() // published ones, as readers see them
	}
	res, err := s.store.Search(ctx, sq)
	return res.Hits, err
}

func (s *Server) itemView(r *request, tree *content.SectionTree, it store.NewsroomItem) itemView {
	v := itemView{
		ID: it.ID, Title: it.Title, Lang: it.Lang, Kind: r.T("nr.kind." + string(it.Kind)),
		Status: it.Status, StatusLabel: r.T("nr.status." + string(it.Status)),
		Updated: r.p.DateTime(it.UpdatedAt),
		CanEdit: auth.Can(r.user, auth.ActEditAny) || (it.CreatedBy == r.user.ID && (it.Status == content.StatusDraft || it.Status == content.StatusSubmitted)),
		Embargo: it.Kind == content.KindPressRelease && it.Status == content.StatusScheduled,
	}
	if !it.PublishAt.IsZero() {
		v.Publish = r.p.DateTime(it.PublishAt)
	}
	if sec, ok := tree.Get(it.SectionID); ok {
		v.Section = sectionName(sec, it.Lang)
	}
	if v.Title == "" {
		v.Title = r.T("nr.articles.untitled")
	}
	return v
}

// readFilter reads the list's query string. Garbage is a 400, not an empty list.
func (s *Server) readFilter(r *request) (articleFilter, store.ArticleQuery, error) {
	v := r.URL.Query()
	f := articleFilter{
		Status: v.Get("status"), Kind: v.Get("kind"), Lang: v.Get("lang"),
		Q: strings.TrimSpace(v.Get("q")), Who: v.Get("who"), Page: 1,
	}
	q := store.ArticleQuery{Limit: listSize + 1, Title: f.Q}
	if f.Who == "" && !auth.Can(r.user, auth.ActEditAny) {
		f.Who = "mine"
	}
	if f.Who == "mine" {
		q.CreatedBy = r.user.ID
	}
	if f.Status != "" {
		st := content.Status(f.Status)
		if !st.Valid() {
			return f, q, badRequest(nil)
		}
		q.Statuses = []content.Status{st}
	}
	// Other people's unpublished articles are the editors' business: a contributor's
	// "everyone" is what is published, so that no embargoed press release or draft
	// reaches every volunteer account.
	if !auth.Can(r.user, auth.ActEditAny) && q.CreatedBy == 0 {
		f.nothing = len(q.Statuses) > 0 && q.Statuses[0] != content.StatusPublished
		q.Statuses = []content.Status{content.StatusPublished}
	}
	if f.Kind != "" {
		if q.Kind = content.Kind(f.Kind); !q.Kind.Valid() {
			return f, q, badRequest(nil)
		}
	}
	if f.Lang != "" {
		l, err := content.ParseLang(f.Lang)
		if err != nil {
			return f, q, badRequest(err)
		}
		q.Lang = l
	}
	for _, p := range []struct {
		name string
		to   *int64
	}{{"section", &f.Section}, {"author", &f.Author}} {
		if raw := v.Get(p.name); raw != "" {
			id, ok := formID(raw)
			if !ok {
				return f, q, badRequest(nil)
			}
			*p.to = id
		}
	}
	q.SectionID, q.AuthorID = f.Section, f.Author
	if raw := v.Get("page"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > 100_000 {
			return f, q, badRequest(err)
		}
		f.Page = n
	}
	q.Offset = (f.Page - 1) * listSize
	if len(f.Q) > 200 {
		return f, q, badRequest(nil)
	}
	return f, q, nil
}

func (s *Server) filterOptions(r *request, f articleFilter, tree *content.SectionTree) (filterOptions, error) {
	o := filterOptions{}
	for _, st := range content.Statuses {
		o.Statuses = append(o.Statuses, option{Value: string(st), Label: r.T("nr.status." + string(st)), Selected: f.Status == string(st)})
	}
	for _, k := range content.Kinds {
		o.Kinds = append(o.Kinds, option{Value: string(k), Label: r.T("nr.kind." + string(k)), Selected: f.Kind == string(k)})
	}
	for _, l := range r.site.Langs {
		o.Langs = append(o.Langs, option{Value: string(l), Label: langName(l), Selected: f.Lang == string(l)})
	}
	o.Sections = sectionOptions(tree, r.p.Lang(), f.Section)
	persons, err := s.store.Persons(r.Context())
	if err != nil {
		return o, err
	}
	for _, p := range persons {
		o.Authors = append(o.Authors, option{Value: strconv.FormatInt(p.ID, 10), Label: p.Name, Selected: f.Author == p.ID})
	}
	return o, nil
}

// pager links a list's neighbours, keeping the filters.
type pager struct {
	Label, PrevText, NextText, Current string
	Prev, Next                         string
}

func newPager(r *request, u *url.URL, page int, hasNext bool) pager {
	p := pager{Label: r.T("nr.pager.label"), PrevText: r.T("nr.pager.prev"), NextText: r.T("nr.pager.next"),
		Current: r.T("nr.pager.page", page)}
	at := func(n int) string {
		q := u.Query()
		q.Del("done")
		if n <= 1 {
			q.Del("page")
		} else {
			q.Set("page", strconv.Itoa(n))
		}
		if len(q) == 0 {
			return u.Path
		}
		return u.Path + "?" + q.Encode()
	}
	if page > 1 {
		p.Prev = at(page - 1)
	}
	if hasNext {
		p.Next = at(page + 1)
	}
	return p
}
