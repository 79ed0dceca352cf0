// Package store defines how Roneo reaches persistent data: small interfaces per topic
// (articles, taxonomy, dossiers, photos, accounts, revisions, audit, redirects, jobs,
// search), the errors every backend returns, and the shapes of queries. Consumers
// declare the few interfaces they use. Backends (sqlstore for SQLite and PostgreSQL)
// implement them and pass the same suite (storetest).
//
// What readers may see is never a hidden rule: every query that could return
// unpublished content takes an Audience and refuses to guess one.
//
// It imports the content domain and nothing that does I/O.
package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// Errors every backend translates its driver errors into.
var (
	ErrNotFound = errors.New("not found")
	// ErrConflict: a unique value is taken (a slug), or the row changed since it was read.
	ErrConflict = errors.New("conflict")
	// ErrUnavailable: the database cannot be reached; the request may succeed later.
	ErrUnavailable = errors.New("database unavailable")
	// ErrStale: the row changed since it was read (someone else saved it). It is a
	// conflict too.
	ErrStale = fmt.Errorf("%w: changed since it was read", ErrConflict)
)

// Audience says whose view of the content a query takes.
type Audience int

const (
	// Readers see what is published and not in the trash. A published article's time
	// has come: one set for later is scheduled instead.
	Readers Audience = iota + 1
	// Staff see every status but the trash.
	Staff
)

// Valid reports whether a query said whose view it takes.
func (a Audience) Valid() bool { return a == Readers || a == Staff }

// Reader is every reading interface of content. The site and a write transaction offer
// it; most consumers declare a smaller part.
type Reader interface {
	ArticleReader
	ArticleIndex
	TaxonomyReader
	DossierReader
	RevisionReader
	RedirectReader
	PhotoReader
}

// Writer is every writing interface of content and the newsroom's records.
type Writer interface {
	ArticleWriter
	TaxonomyWriter
	DossierWriter
	AccountWriter
	AuditWriter
	PreviewWriter
	RedirectWriter
	RevisionWriter
	JobWriter
	SearchIndexWriter
	PhotoWriter
}

// Tx is one write transaction. Everything done through it commits together or not at
// all; its readers see what it has written so far.
type Tx interface {
	Reader
	Writer
	// Affect names the keys the change touches, for the page caches of every instance
	// and the static mirrors; called with none, it says the change touches no public
	// page. A transaction that writes content without calling it touches everything:
	// correctness first.
	Affect(keys ...content.Key)
	// AffectAll says the change touches every page (settings, the sections' tree).
	AffectAll()
}

// Updater runs write transactions.
type Updater interface {
	// Update runs fn in one write transaction and tells subscribers, on this instance
	// and the others, what changed once it has committed. An error from fn, or any
	// statement of it that failed, rolls everything back.
	Update(ctx context.Context, fn func(Tx) error) error
}

// Change is what one committed transaction changed, as public pages see it.
type Change struct {
	// All: every page and every site-wide state must start over (settings, sections, a
	// bulk import, a write that named no keys, or changes another instance may have
	// made while this one was not listening).
	All bool
	// Keys are what the change touches (see content.Key).
	Keys []content.Key
	// Jobs: the change queued background work, which runners should look at now.
	Jobs bool
}

// Empty reports whether the change touches nothing and queued nothing.
func (c Change) Empty() bool { return !c.All && len(c.Keys) == 0 && !c.Jobs }

// Notifier tells subscribers about committed changes, whichever instance or process of
// the site made them.
type Notifier interface {
	// Subscribe calls fn after every committed change, from any goroutine, until cancel.
	Subscribe(fn func(Change)) (cancel func())
	// Hearing reports whether changes made elsewhere reach this instance now. While
	// they do not (the connection that hears them was lost), a cache of what the
	// database holds cannot be trusted: when it comes back, subscribers are told that
	// everything changed before Hearing is true again.
	Hearing() bool
}

// SchemaStatus compares the database's schema with the one this program knows, for
// its start-up message and /healthz. A database newer than the program comes from a
// newer version of Roneo (a rolling upgrade under way, or a step back): the program
// reads it, and writes only if every migration it does not know was marked safe for
// older versions, or if it was told to anyway.
type SchemaStatus struct {
	Known   int64 `json:"known"`   // the latest migration this program has
	Current int64 `json:"current"` // the latest migration applied to the database
	// NewerSafe: the database is newer, and each migration this program does not know
	// leaves older versions free to read and write it.
	NewerSafe bool `json:"newer_safe"`
	// WritesRefused: the database is newer, not safe for older versions, and the
	// program was not told to write anyway: every write fails with ErrUnavailable.
	WritesRefused bool `json:"writes_refused"`
}

// Schema tells how the database's schema compares with the program's.
type Schema interface {
	SchemaStatus() SchemaStatus
}

// Newer reports whether the database's schema is newer than the program's.
func (s SchemaStatus) Newer() bool { return s.Current > s.Known }

// Stats are row counts, for "is this data directory empty?" and for operators.
type Stats struct {
	Articles, Persons, Sections, Tags, Dossiers int
}

// Empty reports whether nothing has been written yet.
func (s Stats) Empty() bool { return s == Stats{} }

// JobWriter queues background work in the transaction of the change that causes it (an
// outbox): the job exists if and only if the change committed.
type JobWriter interface {
	// EnqueueJob adds a job, or returns the ID of the unfinished job with the same kind
	// and key.
	EnqueueJob(ctx context.Context, j NewJob) (int64, error)
}

// Throttle counts attempts per key (an account, an address) in fixed time windows,
// shared by every instance.
type Throttle interface {
	// Hit records one attempt for key in the window containing now and returns how many
	// attempts the window holds, this one included.
	Hit(ctx context.Context, key string, window time.Duration, now time.Time) (int, error)
}

// Planner keeps the statistics the database chooses its query plans by.
type Planner interface {
	// Analyze gathers them over every table, after a fill in bulk.
	Analyze(ctx context.Context) error
	// Optimize refreshes those that went stale, cheaply when none did.
	Optimize(ctx context.Context) error
}

// Store is a whole backend, for the command line that wires it to its consumers.
type Store interface {
	Reader
	Updater
	Notifier
	Accounts
	AuditReader
	Previews
	Autosaves
	Searcher
	Queue
	Throttle
	Planner
	Schema
	Stats(ctx context.Context) (Stats, error)
	Close() error
}
