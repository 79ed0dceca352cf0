package webkit

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
)

// Error is an error that knows how to answer: a status and the name of its explanation
// in the translations ("404" is "error.404.title" on the site, "nr.error.404.title" in
// the newsroom). Internal details stay in Err, for the log only.
type Error struct {
	Status int
	Key    string
	Err    error
}

func (e *Error) Error() string {
	if e.Err == nil {
		return http.StatusText(e.Status)
	}
	return fmt.Sprintf("%d: %v", e.Status, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// status makes an Error whose explanation is named after its status code.
func status(code int, err error) *Error { return &Error{Status: code, Key: fmt.Sprint(code), Err: err} }

// NotFound, Gone, BadRequest and Forbidden are the answers handlers give most.
func NotFound(err error) error   { return status(http.StatusNotFound, err) }
func Gone(err error) error       { return status(http.StatusGone, err) }
func BadRequest(err error) error { return status(http.StatusBadRequest, err) }
func Forbidden(err error) error  { return status(http.StatusForbidden, err) }

// Classify maps any error to the answer a person should get: the one table where the
// store's, the domain's and the editorial core's errors become statuses.
func Classify(err error) *Error {
	var e *Error
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &e):
		return e
	case errors.As(err, &tooBig):
		return status(http.StatusRequestEntityTooLarge, err)
	case errors.Is(err, store.ErrNotFound):
		return status(http.StatusNotFound, err)
	case errors.Is(err, editorial.ErrForbidden):
		return status(http.StatusForbidden, err)
	case errors.Is(err, editorial.ErrTrashed):
		return &Error{Status: http.StatusConflict, Key: "trashed", Err: err}
	case errors.Is(err, store.ErrConflict):
		return status(http.StatusConflict, err)
	case errors.Is(err, content.ErrInvalid):
		return status(http.StatusBadRequest, err)
	case errors.Is(err, store.ErrUnavailable),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return status(http.StatusServiceUnavailable, err)
	}
	return status(http.StatusInternalServerError, err)
}

// Detached returns a context that outlives ctx's cancellation (work others share, such
// as a page several readers wait for) but keeps its deadline: the database's time limit
// of a request holds whoever started the work.
func Detached(ctx context.Context) (context.Context, context.CancelFunc) {
	d := context.WithoutCancel(ctx)
	if deadline, ok := ctx.Deadline(); ok {
		return context.WithDeadline(d, deadline)
	}
	return d, func() {}
}
