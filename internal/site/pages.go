package site

import (
	"net/http"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// renderPage renders a page template into a 200 response, last modified when the newest
// of its articles (or floor) changed.
func (s *Server) renderPage(name string, data any, ts []content.Teaser, floor time.Time) (*response, error) {
	body, err := s.tmpl.render(name, data)
	if err != nil {
		return nil, err
	}
	return &response{
		status: http.StatusOK, body: body, contentType: "text/html; charset=utf-8",
		lastModified: latest(ts, floor),
	}, nil
}

// movedPermanently is a 301 to a path of this site: an old slug's answer. The page cache
// does not keep redirects.
func movedPermanently(path string) *response {
	return &response{status: http.StatusMovedPermanently, location: path}
}

type errorPage struct {
	L       *Layout
	Status  int
	Heading string
	Message string
}

func (s *Server) errorPage(st *siteState, lang content.Lang, he *httpError) ([]byte, error) {
	l := s.layout(st, lang, "", "", nil)
	l.NoIndex = true
	l.Title = l.T(he.key + ".title")
	return s.tmpl.render("error", &errorPage{
		L: l, Status: he.status, Heading: l.Title, Message: l.T(he.key + ".message"),
	})
}
