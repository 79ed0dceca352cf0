package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/search"
	"github.com/roneo/roneo/internal/store"
)

// Search finds articles by the words of q.Text. It never fails on what a reader typed.
// A blank text lists what the filters select, newest first (search_list.go).
//
// # Ranking
//
// Hits are ordered by relevance times a recency boost:
//
//	rank = relevance × (0.5 + 0.5 / (1 + age / 1 year))
//
// where relevance is FTS5's bm25 (a title hit counting as ten body hits) on SQLite and
// ts_rank (title lexemes weighted A, body D, normalised by log length) on PostgreSQL, and
// age is the time since publication (none for an article not yet published). The boost
// is 1 today, 0.75 after a year, 0.625 after three and never below 0.5: a fresh article
// wins between equal matches, an old one that matches twice as well still wins.
//
// # Cost
//
// Filtering and ranking cost something for each matching article, and a common word
// matches tens of thousands. So only the rankWindow newest matches that pass the filters
// are ranked; older ones follow them, newest first (by ID, the order articles were
// written in). When no more than rankWindow articles match, that is all of them and
// nothing changes. Total is exact then; beyond, PostgreSQL still counts exactly (its GIN
// index hands over every match anyway), while SQLite estimates (see sqliteEstimate).
//
// # Articles and documents
//
// Articles and the documents of other types (SearchDocument: an issue's pages) are two
// collections, each with an index of its own, so that searches of articles alone read
// and cost what they did before documents existed. A search that asks both ranks a
// window of each, merges the two by rank, and gives the older matches of articles, then
// those of documents. Ranks are comparable: both collections are scored by the same
// function with the same weights and the same recency boost. On PostgreSQL ts_rank
// looks at the entry alone; on SQLite bm25 also weighs each word by how rare it is in its
// own collection, so a word common in pages and rare in articles counts more in an
// article: each hit is scored against its own kind, which is how a reader would judge it.
func (db *DB) Search(ctx context.Context, q store.SearchQuery) (store.SearchResult, error) {
	now := q.Now
	if now.IsZero() {
		now = db.now()
	}
	if strings.TrimSpace(q.Text) == "" {
		return db.listNewest(ctx, q, now)
	}
	si := db.dialect.search
	match := si.render(search.Parse(q.Text).Expand(queryLangs(q)))
	if match == "" {
		return store.SearchResult{}, nil
	}
	limit, offset := searchPage(q.Limit, q.Offset)
	scopes := si.scopes(q, match, now)
	if len(scopes) == 0 {
		return store.SearchResult{}, nil
	}
	r, end, err := si.reader(ctx, db)
	if err != nil {
		return store.SearchResult{}, fmt.Errorf("search: %w", err)
	}
	defer end()
	total := 0
	for _, s := range scopes {
		if s.w, err = db.searchWindow(ctx, r, s); err != nil {
			return store.SearchResult{}, err
		}
		total += s.w.total
	}
	ranked := rankWindows(scopes, now)
	page := ranked[min(offset, len(ranked)):min(offset+limit, len(ranked))]
	if len(page) < limit {
		older, err := db.olderMatches(ctx, r, scopes, limit-len(page), max(0, offset-len(ranked)))
		if err != nil {
			return store.SearchResult{}, err
		}
		page = append(page[:len(page):len(page)], older...)
	}
	hits, err := db.searchHits(ctx, r, page)
	if err != nil {
		return store.SearchResult{}, err
	}
	return store.SearchResult{Hits: hits, Total: total}, nil
}

// rankWindow is how many matches, at most, are ranked by relevance.
const rankWindow = 500

// titleWeight is how many body hits a title hit is worth in FTS5's bm25 (PostgreSQL's
// ts_rank weighs its A lexemes ten times its D ones too).
const titleWeight = "10.0"

// Pages: a zero limit is the default page, a larger one the maximum.
const (
	defaultSearchLimit = 20
	maxSearchLimit     = 100
)

// searchPage bounds a page; nonsense (negative numbers) gets the first page, as search
// never fails on its input.
func searchPage(limit, offset int) (int, int) {
	if limit <= 0 {
		limit = defaultSearchLimit
	}
	return min(limit, maxSearchLimit), max(offset, 0)
}

// queryLangs are the languages the query's words are analysed in: those asked for, or
// the one the reader filters on; none means French, Dutch and English.
func queryLangs(q store.SearchQuery) []content.Lang {
	if len(q.Langs) == 0 && q.Lang != "" {
		return []content.Lang{q.Lang}
	}
	return q.Langs
}

// window holds the newest matches of one collection that pass the filters, up to
// rankWindow, newest first until rank sorts them, and how many match in all.
type window struct {
	hits  []windowHit
	total int
}

type windowHit struct {
	id        int64
	relevance float64
	published sql.NullInt64
	rank      float64
}

// full reports a window that may not hold every match.
func (w *window) full() bool { return len(w.hits) == rankWindow }

// edge is the ID of the oldest match in the window, before rank sorts it.
func (w *window) edge() int64 { return w.hits[len(w.hits)-1].id }

func (db *DB) searchWindow(ctx context.Context, r querier, s *scope) (*window, error) {
	c := s.c
	rows, err := db.queryIn(ctx, r, c.window(s.where, rankWindow), s.f.args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	w := &window{total: -1}
	for rows.Next() {
		var h windowHit
		dest := []any{&h.id, &h.relevance, &h.published}
		if c.estimate == nil { // the window query counts
			dest = append(dest, &w.total)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		w.hits = append(w.hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	rows.Close()
	switch {
	case !w.full():
		w.total = len(w.hits)
	case c.estimate != nil:
		if w.total, err = c.estimate(ctx, db, r, s.where, s.f.args, w.edge()); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// rank orders the window by the ranking formula (see Search), the newest first between
// equal ranks.
func (w *window) rank(now time.Time) {
	for i := range w.hits {
		h := &w.hits[i]
		h.rank = h.relevance * recencyBoost(now, h.published)
	}
	slices.SortStableFunc(w.hits, func(a, b windowHit) int {
		if c := cmp.Compare(b.rank, a.rank); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
}

// recencyBoost is the factor of the ranking formula for an article published at the
// Unix time published (NULL: not yet, so new).
func recencyBoost(now time.Time, published sql.NullInt64) float64 {
	age := 0.0
	if published.Valid && published.Int64 < now.Unix() {
		age = float64(now.Unix()-published.Int64) / (365.25 * 24 * 3600)
	}
	return 0.5 + 0.5/(1+age)
}

// hitRef is a match on a page: an entry of one scope's collection, and its rank (0 for the
// older matches, which are not ranked).
type hitRef struct {
	s    *scope
	id   int64
	rank float64
}

// rankWindows ranks each scope's window and merges them by rank. Between equal ranks
// the scopes keep their order (articles first) and each its own (the newest first).
func rankWindows(scopes []*scope, now time.Time) []hitRef {
	var out []hitRef
	for _, s := range scopes {
		s.w.rank(now)
		for _, h := range s.w.hits {
			out = append(out, hitRef{s: s, id: h.id, rank: h.rank})
		}
	}
	if len(scopes) > 1 {
		slices.SortStableFunc(out, func(a, b hitRef) int { return cmp.Compare(b.rank, a.rank) })
	}
	return out
}

// olderMatches returns a page of the matches older than the windows: those of each
// full window's collection in turn, newest first. skip is how many of them earlier
// pages showed.
func (db *DB) olderMatches(ctx context.Context, r querier, scopes []*scope, limit, skip int) ([]hitRef, error) {
	var out []hitRef
	for i, s := range scopes {
		if len(out) == limit {
			break
		}
		if !s.w.full() {
			continue
		}
		ids, err := db.olderOf(ctx, r, s, limit-len(out), skip)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			out = append(out, hitRef{s: s, id: id})
		}
		if len(ids) > 0 || skip == 0 || !anyFull(scopes[i+1:]) {
			skip = 0
			continue
		}
		// The page starts beyond this collection's older matches: skip them all.
		n, err := db.countOlder(ctx, r, s)
		if err != nil {
			return nil, err
		}
		skip = max(0, skip-n)
	}
	return out, nil
}

func anyFull(scopes []*scope) bool {
	return slices.ContainsFunc(scopes, func(s *scope) bool { return s.w.full() })
}

// olderOf returns a page of one collection's matches older than its window.
func (db *DB) olderOf(ctx context.Context, r querier, s *scope, limit, offset int) ([]int64, error) {
	args := append(slices.Clone(s.f.args), s.w.edge(), limit, offset)
	n := len(s.f.args)
	q := s.c.older(s.where, fmt.Sprintf("$%d", n+1), fmt.Sprintf("$%d", n+2), fmt.Sprintf("$%d", n+3))
	ids, err := collect(scanID)(db.queryIn(ctx, r, q, args...))
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return ids, nil
}

// countOlder counts one collection's matches older than its window: the exact total
// tells where a database counts them all, a query of its own where it estimates.
func (db *DB) countOlder(ctx context.Context, r querier, s *scope) (int, error) {
	if s.c.estimate == nil {
		return s.w.total - len(s.w.hits), nil
	}
	args := append(slices.Clone(s.f.args), s.w.edge())
	var n int
	rows, err := db.queryIn(ctx, r, s.c.countOlder(s.where, fmt.Sprintf("$%d", len(s.f.args)+1)), args...)
	if err == nil {
		defer rows.Close()
		if !rows.Next() { // an aggregate has a row, unless the query failed
			err = rows.Err()
		} else {
			err = rows.Scan(&n)
		}
	}
	if err != nil {
		return 0, fmt.Errorf("search: %w", err)
	}
	return n, nil
}

// searchHits reads what a page found and returns it in the page's order: each
// collection's hits in one query.
func (db *DB) searchHits(ctx context.Context, r querier, page []hitRef) ([]store.SearchHit, error) {
	ids := map[*collectionSQL][]int64{}
	for _, f := range page {
		ids[f.s.c] = append(ids[f.s.c], f.id)
	}
	read := map[*collectionSQL]map[int64]store.SearchHit{}
	for c, list := range ids {
		hits, err := c.hits(ctx, db, r, list)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		read[c] = hits
	}
	var out []store.SearchHit
	for _, f := range page {
		if h, ok := read[f.s.c][f.id]; ok { // gone since the window was read
			h.Rank = f.rank
			out = append(out, h)
		}
	}
	return out, nil
}

// queryIn runs a read query on r, translating its errors as db.queryOnce does.
func (db *DB) queryIn(ctx context.Context, r querier, query string, args ...any) (*rows, error) {
	rs, err := r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, db.dialect.translate(err)
	}
	return &rows{Rows: rs, d: db.dialect}, nil
}

// writeRows writes n rows of a VALUES list, each row formatted with its parameters'
// numbers: "($1, $2)", "($3, $4)", …
func writeRows(b *strings.Builder, n int, row string) {
	k := strings.Count(row, "%d")
	nums := make([]any, k)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		for j := range nums {
			nums[j] = i*k + j + 1
		}
		fmt.Fprintf(b, row, nums...)
	}
}
