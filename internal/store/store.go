// Package store defines how Roneo's handlers reach persistent data: small interfaces,
// the errors every backend returns, and the shapes of queries. Backends (sqlstore for
// SQLite and PostgreSQL) implement it and pass the same suite (storetest).
//
// It imports the content domain and nothing that does I/O.
package store

import (
	"context"
	"errors"
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
)

// ListQuery selects published articles for a list page, newest first.
type ListQuery struct {
	Lang         content.Lang
	SectionIDs   []int64 // any of these sections; empty: all
	TagID        int64
	AuthorID     int64
	Kind         content.Kind
	FeaturedOnly bool
	ExcludeID    int64
	Limit        int
	Offset       int
}

// Reader answers the public site's questions. Every list holds published articles only;
// Article returns an article whatever its status so that callers can tell 404 from 410.
type Reader interface {
	Site(ctx context.Context) (content.Site, error)
	Sections(ctx context.Context) ([]content.Section, error)
	Tag(ctx context.Context, lang content.Lang, slug string) (content.Tag, error)
	Person(ctx context.Context, slug string) (content.Person, error)

	Article(ctx context.Context, lang content.Lang, slug string) (*content.Article, error)
	// SlugRedirect returns the current slug of the article that once had this slug.
	SlugRedirect(ctx context.Context, lang content.Lang, oldSlug string) (string, error)
	Articles(ctx context.Context, q ListQuery) ([]content.Teaser, error)
	// StoryVersions returns the published language versions of a story.
	StoryVersions(ctx context.Context, storyID int64) ([]content.Teaser, error)
	// RelatedSources gathers the candidates for a's related reading, at most perSource
	// from each source (dossier, each tag, section), published ones only.
	RelatedSources(ctx context.Context, a *content.Article, perSource int) (content.RelatedSources, error)
	// Teasers returns the published articles among ids, in the order of ids.
	Teasers(ctx context.Context, ids []int64) ([]content.Teaser, error)

	Dossier(ctx context.Context, lang content.Lang, slug string) (content.Dossier, error)
	Dossiers(ctx context.Context, lang content.Lang, featuredOnly bool, limit, offset int) ([]content.Dossier, error)
	DossierVersions(ctx context.Context, storyID int64) ([]content.Dossier, error)
	// DossierArticles returns a dossier's published articles in the editors' order.
	DossierArticles(ctx context.Context, dossierID int64, limit, offset int) ([]content.Teaser, error)
	ArticleDossiers(ctx context.Context, articleID int64) ([]content.Dossier, error)

	// Stats counts what the store holds, whatever its status.
	Stats(ctx context.Context) (Stats, error)

	// NextScheduled returns the earliest publication time of a scheduled article, or
	// ErrNotFound when none is waiting.
	NextScheduled(ctx context.Context) (time.Time, error)
}

// Stats are row counts, for "is this data directory empty?" and for operators.
type Stats struct {
	Articles, Persons, Sections, Tags, Dossiers int
}

// Empty reports whether nothing has been written yet.
func (s Stats) Empty() bool { return s == Stats{} }

// Tx is one write transaction. Everything done through it commits together or not at all.
type Tx interface {
	NewsroomTx
	PutSite(ctx context.Context, s content.Site) error
	CreatePerson(ctx context.Context, p *content.Person) error
	CreateSection(ctx context.Context, s *content.Section) error
	CreateTag(ctx context.Context, t *content.Tag) error
	CreateDossier(ctx context.Context, d *content.Dossier) error
	// SetDossierArticles replaces a dossier's ordered list of articles.
	SetDossierArticles(ctx context.Context, dossierID int64, articleIDs []int64) error
	// CreateArticle stores a new article with its relations and sets its ID, StoryID
	// (its own ID when zero) and Version. CreatedAt and UpdatedAt are kept when set, as
	// imports and generated content need; otherwise they are now.
	CreateArticle(ctx context.Context, a *content.Article) error
	// UpdateArticle saves a changed article. It fails with ErrConflict when the stored
	// version is not a.Version (someone else saved in between). A changed slug keeps the
	// old one answering with a redirect.
	UpdateArticle(ctx context.Context, a *content.Article) error
	// PublishDue publishes every scheduled article whose time has come, once, and returns
	// their IDs.
	PublishDue(ctx context.Context, now time.Time) ([]int64, error)
}

// Topic says what kind of content a change touched.
type Topic string

const (
	TopicArticle  Topic = "article"
	TopicTaxonomy Topic = "taxonomy" // sections, tags, dossiers, people
	TopicSite     Topic = "site"
)

// Change describes committed content changes, for cache invalidation.
type Change struct {
	Topic Topic
	IDs   []int64
}

// Throttle counts attempts per key (an account, an address) in fixed time windows,
// shared by every instance.
type Throttle interface {
	// Hit records one attempt for key in the window containing now and returns how many
	// attempts the window holds, this one included.
	Hit(ctx context.Context, key string, window time.Duration, now time.Time) (int, error)
}

// Store is a whole backend.
type Store interface {
	Reader
	Newsroom
	Searcher
	Queue
	Throttle
	// Update runs fn in one write transaction and tells subscribers what changed once it
	// has committed. An error from fn rolls everything back.
	Update(ctx context.Context, fn func(Tx) error) error
	// Subscribe calls fn after every committed change, from any goroutine.
	Subscribe(fn func([]Change)) (cancel func())
	Close() error
}
