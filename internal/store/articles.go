package store

import (
	"context"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// ListQuery selects articles for a list, newest first.
type ListQuery struct {
	Audience     Audience // required
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

// ArticleQuery selects articles for the newsroom's lists, drafts and trash included.
type ArticleQuery struct {
	Statuses  []content.Status // empty: all
	Kind      content.Kind
	SectionID int64
	Lang      content.Lang
	AuthorID  int64  // a person among the authors
	CreatedBy int64  // an account
	Title     string // words the title contains, ignoring case and accents
	Deleted   bool   // the trash instead of the live articles
	Limit     int
	Offset    int
}

// NewsroomItem is a line of the newsroom's article list.
type NewsroomItem struct {
	content.Teaser
	Status    content.Status
	CreatedBy int64
	UpdatedBy int64
	DeletedAt time.Time
	Version   int64
}

// ArticleReader reads articles.
type ArticleReader interface {
	// Article finds an article by language and slug whatever its status, in the trash
	// or not: the site tells readers apart from what is gone and what never was.
	Article(ctx context.Context, lang content.Lang, slug string) (*content.Article, error)
	// ArticleByID loads an article whatever its status, with its relations.
	ArticleByID(ctx context.Context, id int64) (*content.Article, error)
	// SlugRedirect returns the current slug of the article that once had this slug and
	// is not in the trash; the caller decides whether its reader may see it.
	SlugRedirect(ctx context.Context, lang content.Lang, oldSlug string) (string, error)
	// Articles lists articles for q.Audience.
	Articles(ctx context.Context, q ListQuery) ([]content.Teaser, error)
	// StoryVersions returns the language versions of a story that audience may see.
	StoryVersions(ctx context.Context, storyID int64, audience Audience) ([]content.Teaser, error)
	// Teasers returns the articles among ids that audience may see, in the order of ids.
	Teasers(ctx context.Context, ids []int64, audience Audience) ([]content.Teaser, error)
	// RelatedSources gathers the candidates for a's related reading that readers may
	// see, at most perSource from each source (dossier, each tag, section).
	RelatedSources(ctx context.Context, a *content.Article, perSource int) (content.RelatedSources, error)
	// NewsroomArticles lists articles of every status for the newsroom, the most
	// recently changed first.
	NewsroomArticles(ctx context.Context, q ArticleQuery) ([]NewsroomItem, error)
	// NextScheduled returns the earliest publication time of a scheduled article not in
	// the trash, or ErrNotFound when none is waiting.
	NextScheduled(ctx context.Context) (time.Time, error)
	// DueArticles returns the scheduled articles, not in the trash, whose time has come
	// at now, the earliest first.
	DueArticles(ctx context.Context, now time.Time) ([]int64, error)
}

// ArticleWriter changes articles. Every write keeps the article's search entry and, for
// a save by a person, its revision, in the same transaction.
type ArticleWriter interface {
	// CreateArticle stores a new article with its relations and sets its ID, StoryID
	// (its own ID when zero) and Version. CreatedAt and UpdatedAt are kept when set, as
	// imports and generated content need; otherwise they are now.
	CreateArticle(ctx context.Context, a *content.Article) error
	// UpdateArticle saves a changed article. It fails with ErrConflict when the stored
	// version is not a.Version (someone else saved in between). A changed slug keeps the
	// old one answering with a redirect.
	UpdateArticle(ctx context.Context, a *content.Article) error
	// TrashArticle moves an article to the trash at at; RestoreArticle takes it out.
	TrashArticle(ctx context.Context, id int64, at time.Time) error
	RestoreArticle(ctx context.Context, id int64) error
}

// ListedArticle is what a sitemap says of a published article: its address and when it
// last changed.
type ListedArticle struct {
	ID        int64
	Lang      content.Lang
	Slug      string
	UpdatedAt time.Time
}

// ArticleIndex walks every published article, for the sitemaps: tens of thousands of
// rows, streamed to fn rather than gathered.
type ArticleIndex interface {
	// CountListed is the number of published articles not in the trash, and when the
	// last of them changed (zero when there are none).
	CountListed(ctx context.Context) (n int, updated time.Time, err error)
	// EachListed calls fn for at most limit of them in the order of their ids, skipping
	// the first offset. An error of fn stops the walk and is returned.
	EachListed(ctx context.Context, offset, limit int, fn func(ListedArticle) error) error
}
