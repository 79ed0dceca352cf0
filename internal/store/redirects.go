package store

import (
	"context"
	"time"
)

// Redirect sends readers of an old address elsewhere, or tells them it is gone. The
// site consults redirects before answering 404; the WordPress import fills them.
type Redirect struct {
	// From is the old address as readers ask for it: a decoded path, with a query string
	// when the old site used one ("/?p=123").
	From string
	// To is the new address: a path of this site or an absolute http(s) URL. Empty when
	// Gone.
	To        string
	Gone      bool // answer 410 Gone
	CreatedAt time.Time
	CreatedBy int64 // 0: the command line or an import
}

// RedirectQuery pages through redirects, optionally those whose old or new address
// contains Contains.
type RedirectQuery struct {
	Contains      string
	Limit, Offset int
}

// RedirectReader finds redirects.
type RedirectReader interface {
	// FindRedirect returns the redirect of the first of froms that has one, trying them
	// in order (a path with its query string, then without), or ErrNotFound.
	FindRedirect(ctx context.Context, froms []string) (Redirect, error)
	Redirects(ctx context.Context, q RedirectQuery) ([]Redirect, error)
	CountRedirects(ctx context.Context) (int, error)
}

// RedirectWriter changes them.
type RedirectWriter interface {
	// PutRedirect adds a redirect or replaces the one from the same address.
	PutRedirect(ctx context.Context, r Redirect) error
	// DeleteRedirect removes the redirect from an address, or returns ErrNotFound.
	DeleteRedirect(ctx context.Context, from string) error
}
