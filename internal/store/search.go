package store

import (
	"context"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// SearchQuery asks the full-text index. Text is what the reader typed; the store parses
// it with the search package, so nothing in it is ever syntax for the database.
type SearchQuery struct {
	Text string
	// Langs are the languages the query's words are analysed for: the site's languages,
	// or the one the reader filters on. Empty: French, Dutch and English.
	Langs []content.Lang

	// Filters; zero values select everything.
	Lang       content.Lang
	SectionID  int64
	SectionIDs []int64 // any of these sections (a section and those below it)
	TagID      int64
	DossierID  int64
	Kind       content.Kind
	AuthorID   int64     // a person among the authors
	From, To   time.Time // publication date range, To exclusive

	// Staff searches the newsroom: every status but the trash instead of what readers
	// see (published, live at Now). CreatedBy narrows it to one account's articles.
	Staff     bool
	CreatedBy int64
	Statuses  []content.Status // with Staff: only these statuses; empty: all
	// Now is the reader's moment: an article published at a later minute (an embargo
	// that has not lifted) is not found. Zero: the store's clock.
	Now time.Time

	Limit  int
	Offset int
}

// SearchHit is one article found, best first.
type SearchHit struct {
	NewsroomItem
	// Body is the article's standfirst and Markdown body, for the caller to cut a
	// snippet from with search.Snippet.
	Body string
	Rank float64 // higher is better; only comparable within one result
}

// SearchResult is one page of hits and how many articles match in all.
type SearchResult struct {
	Hits  []SearchHit
	Total int
}

// IndexStats describe the search index, for operators and the benchmark.
type IndexStats struct {
	Articles int   // articles in the index
	Bytes    int64 // space the index takes in the database, as well as it can tell
}

// Searcher is the full-text search over articles. Every write to an article updates
// the index in the same transaction, so a publish is searchable when it commits and an
// unpublish or a deletion is gone from readers' results at once.
type Searcher interface {
	// Search never fails on what a reader typed: an empty query, unbalanced quotes or
	// query syntax give an empty or a best-effort result, not an error.
	Search(ctx context.Context, q SearchQuery) (SearchResult, error)
	// Reindex rebuilds the whole index while the site keeps answering, in batches, and
	// reports its progress after each one.
	Reindex(ctx context.Context, progress func(done, total int)) error
	IndexStats(ctx context.Context) (IndexStats, error)
}
