package sqlstore

import (
	"context"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/search"
	"github.com/roneo/roneo/internal/store"
)

// searchSQL is how one database stores and queries the search index: its articles and
// its documents of other types, each a collection with an index of its own.
type searchSQL struct {
	render func(search.Expanded) string
	// reader is where one search reads, and end ends it.
	reader func(ctx context.Context, db *DB) (r querier, end func(), err error)
	// deferWrites keeps a transaction's entries until just before it commits (see
	// indexArticle) instead of writing each at once.
	deferWrites bool

	articles, documents *collectionSQL
	// stats returns the number of articles and documents in the index and its size in
	// bytes.
	stats string
	// rebuild rebuilds one collection's index while the site keeps answering (see
	// Reindex), and tells progress how many entries it has done.
	rebuild func(ctx context.Context, db *DB, c *collectionSQL, progress func(done int)) error
}

// collections lists the index's collections in the order searches give their older
// matches and rebuilds rebuild them.
func (si *searchSQL) collections() []*collectionSQL {
	return []*collectionSQL{si.articles, si.documents}
}

// collectionSQL is how one database stores and queries one collection of the index.
// The queries' $1 is the match expression, then come the filters' parameters.
type collectionSQL struct {
	*collection
	table        string // the index's table
	perStatement int    // entries one statement writes
	entryArgs    func(e indexEntry) []any
	// put writes n entries, replacing older ones; remove deletes n entries by ID, or is
	// nil where the index loses an entry with the row it was made from.
	put, remove func(n int) string
	// putCurrent writes n entries made from their source's current version only: a
	// rebuild in place. Nil where rebuilds build a new table.
	putCurrent func(n int) string
	// versions reads the ID and version of every source, for a rebuild that builds a new
	// table to catch up with the changes made meanwhile.
	versions string
	// clear removes every entry, for a migration that rebuilds the index in its
	// transaction; analyze, if set, then refreshes the planner's statistics of it.
	clear, analyze string

	filtered     string // the alias of the row the filters test
	filteredFrom string // and where it is read from: "table f", with its index
	idOf         string // its entry's ID
	// window returns the newest n matches that pass the filters where, newest first:
	// ID, relevance, publication time and, unless estimate is set, the number of
	// matches in all.
	window func(where string, n int) string
	// estimate estimates the number of matches when the window is full.
	estimate func(ctx context.Context, db *DB, r querier, where string, args []any, edge int64) (int, error)
	// older returns a page of the matches before edge, newest first; countOlder, where
	// estimate is set, counts them.
	older      func(where, edge, limit, offset string) string
	countOlder func(where, edge string) string
}

// collection is what one collection of the index is on every database: what its
// entries are made from, which searches ask it, how they filter it and read its hits.
type collection struct {
	sources string // what entries are made from, for messages
	// readAfter reads the sources of the next $2 entries after the ID $1, in ID order;
	// readIDs those of n IDs; count counts them. Each reads ID, version, language,
	// title, standfirst and body.
	readAfter string
	readIDs   func(n int) string
	count     string
	// listFrom is the table a search without words lists, as the row f.
	listFrom string
	// pendingSign makes the keys of a transaction's pending entries (tx.pendingIndex)
	// of different collections differ: the entry's ID times the sign.
	pendingSign int64

	// searched reports whether q asks this collection; filter adds q's conditions on
	// the row c.filtered at the reader's moment now.
	searched func(q store.SearchQuery) bool
	filter   func(f *filter, c *collectionSQL, q store.SearchQuery, now time.Time)
	// hits reads the hits of ids, by ID.
	hits func(ctx context.Context, db *DB, r querier, ids []int64) (map[int64]store.SearchHit, error)
}

// scope is one collection as one search asks it: its filters, then its window.
type scope struct {
	c     *collectionSQL
	f     *filter
	where string
	w     *window
}

// scopes returns the collections q asks, each with its filters; $1 is the match.
func (si *searchSQL) scopes(q store.SearchQuery, match string, now time.Time) []*scope {
	var out []*scope
	for _, c := range si.collections() {
		if !c.searched(q) {
			continue
		}
		f := &filter{args: []any{match}}
		c.filter(f, c, q, now)
		out = append(out, &scope{c: c, f: f, where: strings.Join(f.where, " AND ")})
	}
	return out
}
