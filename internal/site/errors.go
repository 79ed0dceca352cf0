package site

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// httpError is an error that knows how to answer a reader: a status and the i18n key of
// the explanation. Internal details stay in err, for the log only.
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

func notFound(err error) error {
	return &httpError{status: http.StatusNotFound, key: "error.404", err: err}
}
func gone(err error) error { return &httpError{status: http.StatusGone, key: "error.410", err: err} }
func badRequest(err error) error {
	return &httpError{status: http.StatusBadRequest, key: "error.400", err: err}
}

// classify maps any error to the status and message a reader should get. Store and
// domain errors are mapped in this one place.
func classify(err error) *httpError {
	var he *httpError
	switch {
	case errors.As(err, &he):
		return he
	case errors.Is(err, store.ErrNotFound):
		return &httpError{status: http.StatusNotFound, key: "error.404", err: err}
	case errors.Is(err, content.ErrInvalid):
		return &httpError{status: http.StatusBadRequest, key: "error.400", err: err}
	case errors.Is(err, store.ErrUnavailable):
		return &httpError{status: http.StatusServiceUnavailable, key: "error.503", err: err}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return &httpError{status: http.StatusServiceUnavailable, key: "error.503", err: err}
	}
	return &httpError{status: http.StatusInternalServerError, key: "error.500", err: err}
}
