package newsroom

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/store"
)

// redirectsSize is how many redirects a page of the list shows.
const redirectsSize = 100

// redirectsPage is the list of old addresses with the forms that change it. The forms
// keep what was typed when they come back with problems.
type redirectsPage struct {
	L      *Layout
	Q      string // the filter: text in the old or the new address
	Total  string // how many redirects there are, whatever the filter
	Items  []redirectView
	Pager  pager
	From   string // the add form as typed
	To     string
	Errors fieldErrors // "from", "to", "file"
	Upload string      // the file size limit, for the upload form's hint
}

type redirectView struct {
	From, To string
	Gone     bool
	When, By string
}

// redirects lists the redirects from old addresses, filtered and a page at a time.
func (s *Server) redirects(w http.ResponseWriter, r *request) error {
	v := r.URL.Query()
	q := strings.TrimSpace(v.Get("q"))
	if len(q) > 200 {
		return badRequest(nil)
	}
	n, err := pageNumber(v)
	if err != nil {
		return err
	}
	page, err := s.redirectsPage(r, q, n)
	if err != nil {
		return err
	}
	if err := s.redirectNotice(r, page); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "redirects", page)
}

// redirectsPage builds the page with page n of the redirects containing q.
func (s *Server) redirectsPage(r *request, q string, n int) (*redirectsPage, error) {
	ctx := r.Context()
	page := &redirectsPage{L: s.layout(r, r.T("nr.redirects.title")), Q: q, Errors: fieldErrors{},
		Upload: r.T("nr.redirects.filehint", redirectsUpload>>20)}
	page.L.Wide = true
	list, err := s.store.Redirects(ctx, store.RedirectQuery{Contains: q, Limit: redirectsSize + 1, Offset: (n - 1) * redirectsSize})
	if err != nil {
		return nil, err
	}
	total, err := s.store.CountRedirects(ctx)
	if err != nil {
		return nil, err
	}
	page.Total = r.p.N("nr.redirects.total", total)
	hasNext := len(list) > redirectsSize
	if hasNext {
		list = list[:redirectsSize]
	}
	name := s.userNames(r)
	for _, rd := range list {
		by := r.T("nr.redirects.bysystem")
		if rd.CreatedBy != 0 {
			by = name(rd.CreatedBy)
		}
		page.Items = append(page.Items, redirectView{From: rd.From, To: rd.To, Gone: rd.Gone, When: r.p.DateTime(rd.CreatedAt), By: by})
	}
	u := *r.URL
	u.Path = prefix + "redirects" // the list's address, also after a form sent to another
	if r.Method != http.MethodGet {
		u.RawQuery = ""
	}
	page.Pager = newPager(r, &u, n, hasNext)
	return page, nil
}

// redirectNotice says which redirect was removed, or how many a file brought, after the
// form that did it sent the browser back here. The address comes from the query string,
// so it is only shown when it really has no redirect now.
func (s *Server) redirectNotice(r *request, page *redirectsPage) error {
	v := r.URL.Query()
	switch v.Get("done") {
	case "redirectremoved":
		from := v.Get("from")
		if from == "" || len(from) > 2048 {
			return nil
		}
		_, err := s.store.FindRedirect(r.Context(), []string{from})
		if errors.Is(err, store.ErrNotFound) {
			page.L.Notice = r.T("nr.redirects.removed", from)
			return nil
		}
		return err
	case "redirectsimported":
		if n, err := strconv.Atoi(v.Get("n")); err == nil && n > 0 {
			page.L.Notice = r.p.N("nr.redirects.imported", n)
		}
	}
	return nil
}

// pageNumber reads a list's "page" parameter: 1 when absent, a 400 when garbage.
func pageNumber(v url.Values) (int, error) {
	raw := v.Get("page")
	if raw == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > 100_000 {
		return 0, badRequest(err)
	}
	return n, nil
}
