package newsroom

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
)

// httpError is an error that knows how to answer: a status and the i18n key of its
// explanation ("nr.error.404" → ".title" and ".message"). Internal details stay in err,
// for the log only.
type httpError struct {
	status int
	key    string
	err    error
}

func (e *httpError) Error() string {
	if e.err == nil {
		return http.StatusText(e.status)
	}
	return fmt.Sprintf("%d: %v", e.status, e.err)
}

func (e *httpError) Unwrap() error { return e.err }

var (
	errNotFound  = &httpError{status: http.StatusNotFound, key: "nr.error.404"}
	errForbidden = &httpError{status: http.StatusForbidden, key: "nr.error.403"}
)

func badRequest(err error) error {
	return &httpError{status: http.StatusBadRequest, key: "nr.error.400", err: err}
}

func forbidden(err error) error {
	return &httpError{status: http.StatusForbidden, key: "nr.error.403", err: err}
}

// classify maps any error to the status and message a person should get. Store and
// domain errors are mapped here and nowhere else.
func classify(err error) *httpError {
	var he *httpError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he
	case errors.Is(err, editorial.ErrForbidden):
		return &httpError{status: http.StatusForbidden, key: "nr.error.403", err: err}
	case errors.Is(err, editorial.ErrTrashed):
		return &httpError{status: http.StatusConflict, key: "nr.error.trashed", err: err}
	case errors.As(err, &tooBig):
		return &httpError{status: http.StatusRequestEntityTooLarge, key: "nr.error.413", err: err}
	case errors.Is(err, store.ErrNotFound):
		return &httpError{status: http.StatusNotFound, key: "nr.error.404", err: err}
	case errors.Is(err, store.ErrConflict):
		return &httpError{status: http.StatusConflict, key: "nr.error.409", err: err}
	case errors.Is(err, content.ErrInvalid):
		return &httpError{status: http.StatusBadRequest, key: "nr.error.400", err: err}
	case errors.Is(err, store.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return &httpError{status: http.StatusServiceUnavailable, key: "nr.error.503", err: err}
	case errors.Is(err, context.Canceled):
		return &httpError{status: http.StatusServiceUnavailable, key: "nr.error.503", err: err}
	}
	return &httpError{status: http.StatusInternalServerError, key: "nr.error.500", err: err}
}

type errorPage struct {
	L       *Layout
	Status  int
	Heading string
	Message string
}

// fail answers with the error page for err in the person's language. Only server-side
// failures are logged.
func (s *Server) fail(w http.ResponseWriter, r *request, err error) {
	he := classify(err)
	if r.Context().Err() != nil {
		return // nobody is waiting for the answer
	}
	if he.status >= 500 {
		s.log.LogAttrs(r.Context(), slog.LevelError, "newsroom request failed",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("err", err))
	}
	l := s.layout(r, r.T(he.key+".title"))
	page := &errorPage{L: l, Status: he.status, Heading: l.Title, Message: r.T(he.key + ".message")}
	if he.status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	if rerr := s.render(w, he.status, "error", page); rerr != nil {
		s.log.Error("newsroom error page failed", "err", rerr)
		http.Error(w, http.StatusText(he.status), he.status)
	}
}
