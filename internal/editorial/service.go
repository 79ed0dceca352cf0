// Package editorial holds every use case that changes content: saving, submitting,
// scheduling, publishing, unpublishing, archiving, trashing and restoring an article,
// reverting it to a revision, a dossier's members, sections, tags, people, settings,
// redirects, and the bulk path of generated or imported content.
//
// Each use case is one transaction that reads through that transaction, applies the
// domain's rules (internal/content), and writes, with the change, its revision, its
// audit entry, the jobs that follow it (an outbox) and the keys of the pages it
// touches. The newsroom's handlers, the scheduler, the command line and the demo call
// it; none of them changes content another way.
//
// It depends on the content domain, the store interfaces, the renderer, the address
// scheme and auth's roles: never on HTTP, templates or a database backend.
package editorial

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
)

// Errors a use case returns besides the content's validation errors and the store's.
var (
	// ErrForbidden: the actor's role may not do this.
	ErrForbidden = errors.New("not allowed")
	// ErrTrashed: the article is in the trash, where it cannot be changed, only restored.
	ErrTrashed = errors.New("in the trash")
)

// ConflictError is a save of a version that someone else has saved over since it was
// read. Current is the stored article when the use case read it, nil when a concurrent
// save was only noticed while writing.
type ConflictError struct {
	Current *content.Article
}

func (e *ConflictError) Error() string { return "the article was saved by someone else meanwhile" }
func (e *ConflictError) Unwrap() error { return store.ErrConflict }

// Store is what the use cases need: write transactions, whose readers they read through.
type Store interface {
	store.Updater
}

// Config is what the use cases need besides the store.
type Config struct {
	Renderer *render.Renderer
	Scheme   *urls.Scheme
	Clock    func() time.Time
	Log      *slog.Logger
}

// Service runs the use cases.
type Service struct {
	store  Store
	r      *render.Renderer
	scheme *urls.Scheme
	now    func() time.Time
	log    *slog.Logger
}

// New makes the service.
func New(st Store, cfg Config) *Service {
	if cfg.Renderer == nil {
		cfg.Renderer = render.New()
	}
	if cfg.Scheme == nil {
		cfg.Scheme = urls.New()
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	return &Service{store: st, r: cfg.Renderer, scheme: cfg.Scheme, now: cfg.Clock, log: cfg.Log}
}

// Actor is who makes a change: a newsroom account, or Roneo itself.
type Actor struct {
	// User is the account; nil for Roneo itself (the scheduler, the demo, the command
	// line), which may do anything.
	User *auth.User
	// Name is what the audit log names when there is no account: "scheduler",
	// "command line".
	Name string
}

// Person is the actor of a newsroom account.
func Person(u *auth.User) Actor { return Actor{User: u} }

// System is Roneo itself, doing what name says.
func System(name string) Actor { return Actor{Name: name} }

// can reports whether the actor may do act.
func (a Actor) can(act auth.Action) bool { return a.User == nil || auth.Can(a.User, act) }

// mayRead reports whether the actor may open art (auth.CanRead).
func (a Actor) mayRead(art *content.Article) bool { return a.User == nil || auth.CanRead(a.User, art) }

func (a Actor) userID() int64 {
	if a.User == nil {
		return 0
	}
	return a.User.ID
}

// entry is an audit log line by the actor, written in the change's transaction.
func (a Actor) entry(at time.Time, action, target, detail string) store.AuditEntry {
	e := store.AuditEntry{At: at, Action: action, Target: target, Detail: truncate(detail, 500)}
	if a.User != nil {
		e.UserID, e.Actor = a.User.ID, a.User.Email
	} else {
		e.Actor = a.Name
	}
	return e
}

// truncate cuts s to at most n runes.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func articleTarget(id int64) string { return fmt.Sprintf("article %d", id) }

// update runs fn in one write transaction.
func (s *Service) update(ctx context.Context, fn func(tx store.Tx) error) error {
	return s.store.Update(ctx, fn)
}

// problem is a validation error on one field.
func problem(field, msg string) error {
	return &content.ValidationError{Problems: map[string]string{field: msg}}
}

// problems gathers a use case's validation problems, so that a form shows them all.
type problems map[string]string

func (p problems) add(field, msg string) {
	if _, dup := p[field]; !dup {
		p[field] = msg
	}
}

// merge adds a validation error's problems and returns any other error.
func (p problems) merge(err error) error {
	var ve *content.ValidationError
	if err == nil {
		return nil
	}
	if !errors.As(err, &ve) {
		return err
	}
	for f, m := range ve.Problems {
		p.add(f, m)
	}
	return nil
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return &content.ValidationError{Problems: p}
}
