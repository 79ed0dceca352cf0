package newsroom

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/roneo/roneo/internal/webkit"
)

// httpError is the webkit's error: a status and the name of its explanation, under
// "nr.error." in the newsroom's translations.
type httpError = webkit.Error

var (
	errNotFound  = &httpError{Status: http.StatusNotFound, Key: "404"}
	errForbidden = &httpError{Status: http.StatusForbidden, Key: "403"}
)

func badRequest(err error) error { return webkit.BadRequest(err) }
func forbidden(err error) error  { return webkit.Forbidden(err) }

type errorPage struct {
	L       *Layout
	Status  int
	Heading string
	Message string
}

// fail answers with the error page for err in the person's language. Only server-side
// failures are logged.
func (s *Server) fail(w http.ResponseWriter, r *request, err error) {
	he := webkit.Classify(err)
	if errors.Is(r.Context().Err(), context.Canceled) {
		return // nobody is waiting for the answer; past a deadline, someone is
	}
	if he.Status >= 500 {
		s.log.LogAttrs(r.Context(), slog.LevelError, "newsroom request failed",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("err", err))
	}
	key := "nr.error." + he.Key
	l := s.layout(r, r.T(key+".title"))
	page := &errorPage{L: l, Status: he.Status, Heading: l.Title, Message: r.T(key + ".message")}
	if he.Status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	if rerr := s.render(w, he.Status, "error", page); rerr != nil {
		s.log.Error("newsroom error page failed", "err", rerr)
		http.Error(w, http.StatusText(he.Status), he.Status)
	}
}
