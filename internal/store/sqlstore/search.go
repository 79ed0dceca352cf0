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
func (db *DB) Search(ctx context.Context, q store.SearchQuery) (store.SearchResult, error) {
	si := searchFor(db.dialect)
	match := si.render(search.Parse(q.Text).Expand(queryLangs(q)))
	if match == "" {
		return store.SearchResult{}, nil
	}
	limit, offset := searchPage(q.Limit, q.Offset)
	now := q.Now
	if now.IsZero() {
		now = db.now()
	}
	f := &filter{args: []any{match}}
	searchFilter(f, si, q, now)
	where := strings.Join(f.where, " AND ")

	r, end, err := si.reader(ctx, db)
	if err != nil {
		return store.SearchResult{}, fmt.Errorf("search: %w", err)
	}
	defer end()
	w, err := db.searchWindow(ctx, r, si, f, where)
	if err != nil {
		return store.SearchResult{}, err
	}
	w.rank(now)
	ids, ranks := w.page(limit, offset)
	if len(ids) < limit && w.full() {
		older, err := db.olderMatches(ctx, r, si, f, where, w.edge(), limit-len(ids), max(0, offset-rankWindow))
		if err != nil {
			return store.SearchResult{}, err
		}
		ids = append(ids, older...)
		ranks = append(ranks, make([]float64, len(older))...)
	}
	hits, err := db.searchHits(ctx, r, ids, ranks)
	if err != nil {
		return store.SearchResult{}, err
	}
	return store.SearchResult{Hits: hits, Total: w.total}, nil
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

// searchFilter adds q's conditions on the filtered row f (articles on SQLite, the copy
// article_search keeps on PostgreSQL) at the reader's moment now. $1 is the match.
func searchFilter(f *filter, si *searchSQL, q store.SearchQuery, now time.Time) {
	a := si.filtered + "."
	f.where = append(f.where, a+"deleted_at IS NULL")
	if !q.Staff {
		f.where = append(f.where, a+"status = 'published'", a+"publish_at <= "+f.arg(now.Unix()))
	}
	if q.Staff && len(q.Statuses) > 0 {
		in := make([]string, len(q.Statuses))
		for i, st := range q.Statuses {
			in[i] = f.arg(string(st))
		}
		f.where = append(f.where, a+"status IN ("+strings.Join(in, ", ")+")")
	}
	if q.CreatedBy != 0 {
		f.where = append(f.where, a+"created_by = "+f.arg(q.CreatedBy))
	}
	if q.Lang != "" {
		f.where = append(f.where, a+"lang = "+f.arg(q.Lang))
	}
	if q.Kind != "" {
		f.where = append(f.where, a+"kind = "+f.arg(q.Kind))
	}
	if q.SectionID != 0 {
		f.where = append(f.where, a+"section_id = "+f.arg(q.SectionID))
	}
	if len(q.SectionIDs) > 0 {
		in := make([]string, len(q.SectionIDs))
		for i, id := range q.SectionIDs {
			in[i] = f.arg(id)
		}
		f.where = append(f.where, a+"section_id IN ("+strings.Join(in, ", ")+")")
	}
	if !q.From.IsZero() {
		f.where = append(f.where, a+"publish_at >= "+f.arg(q.From.Unix()))
	}
	if !q.To.IsZero() {
		f.where = append(f.where, a+"publish_at < "+f.arg(q.To.Unix()))
	}
	for _, rel := range []struct {
		id    int64
		query string
	}{
		{q.TagID, "SELECT article_id FROM article_tags WHERE tag_id = "},
		{q.AuthorID, "SELECT article_id FROM article_authors WHERE person_id = "},
		{q.DossierID, "SELECT article_id FROM dossier_articles WHERE dossier_id = "},
	} {
		if rel.id != 0 {
			f.where = append(f.where, si.idOf+" IN ("+rel.query+f.arg(rel.id)+")")
		}
	}
}

// window holds the newest matches that pass the filters, up to rankWindow, newest first
// until rank sorts them, and how many articles match in all.
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

func (db *DB) searchWindow(ctx context.Context, r querier, si *searchSQL, f *filter, where string) (*window, error) {
	rows, err := db.queryIn(ctx, r, si.window(where, rankWindow), f.args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	w := &window{total: -1}
	for rows.Next() {
		var h windowHit
		dest := []any{&h.id, &h.relevance, &h.published}
		if si.estimate == nil { // the window query counts
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
	case si.estimate != nil:
		if w.total, err = si.estimate(ctx, db, r, where, f.args, w.edge()); err != nil {
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

// page returns the ranked window's share of a page.
func (w *window) page(limit, offset int) ([]int64, []float64) {
	var ids []int64
	var ranks []float64
	for i := offset; i < min(offset+limit, len(w.hits)); i++ {
		ids, ranks = append(ids, w.hits[i].id), append(ranks, w.hits[i].rank)
	}
	return ids, ranks
}

// olderMatches returns a page of the matches older than the window, newest first.
func (db *DB) olderMatches(ctx context.Context, r querier, si *searchSQL, f *filter, where string, edge int64, limit, offset int) ([]int64, error) {
	args := append(slices.Clone(f.args), edge, limit, offset)
	n := len(f.args)
	q := si.older(where, fmt.Sprintf("$%d", n+1), fmt.Sprintf("$%d", n+2), fmt.Sprintf("$%d", n+3))
	ids, err := collect(scanID)(db.queryIn(ctx, r, q, args...))
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return ids, nil
}

// searchHits reads the articles of a page and returns them in the order of ids.
func (db *DB) searchHits(ctx context.Context, r querier, ids []int64, ranks []float64) ([]store.SearchHit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := db.queryIn(ctx, r, `SELECT `+teaserColumns+`, a.status, COALESCE(a.created_by, 0),
		COALESCE(a.updated_by, 0), a.deleted_at, a.version, a.body
		FROM articles a WHERE a.id IN (`+placeholders(1, len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]store.SearchHit, len(ids))
	for rows.Next() {
		var body string
		it, err := scanNewsroomItem(scanWithBody{rows, &body})
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		byID[it.ID] = store.SearchHit{NewsroomItem: it, Body: joinBody(it.Standfirst, body)}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	hits := make([]store.SearchHit, 0, len(ids))
	for i, id := range ids {
		if h, ok := byID[id]; ok {
			h.Rank = ranks[i]
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// queryIn runs a read query on r, translating its errors as db.queryOnce does.
func (db *DB) queryIn(ctx context.Context, r querier, query string, args ...any) (*rows, error) {
	rs, err := r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, db.dialect.translate(err)
	}
	return &rows{Rows: rs, d: db.dialect}, nil
}

// scanWithBody reads the newsroom columns and then the body.
type scanWithBody struct {
	s    scanner
	body *string
}

func (s scanWithBody) Scan(dest ...any) error { return s.s.Scan(append(dest, s.body)...) }

func joinBody(standfirst, body string) string {
	return strings.TrimSpace(standfirst + "\n\n" + body)
}

// searchSQL is how one database stores and queries the search index. The queries' $1
// is the match expression, then come the filters' parameters.
type searchSQL struct {
	perStatement int // entries one statement writes
	entryArgs    func(e indexEntry) []any
	// put writes n entries, replacing older ones.
	put func(n int) string

	render   func(search.Expanded) string
	filtered string // the alias of the row the filters test
	idOf     string // its article ID
	// window returns the newest n matches that pass the filters where, newest first:
	// ID, relevance, publication time and, unless estimate is set, the number of
	// matches in all.
	window func(where string, n int) string
	// estimate estimates the number of matches when the window is full.
	estimate func(ctx context.Context, db *DB, r querier, where string, args []any, edge int64) (int, error)
	// older returns a page of the matches before edge, newest first.
	older func(where, edge, limit, offset string) string
	// stats returns the number of articles in the index and its size in bytes.
	stats string
	// reader is where one search reads, and end ends it.
	reader func(ctx context.Context, db *DB) (r querier, end func(), err error)
}

func searchFor(d *dialect) *searchSQL {
	if d.name == "postgres" {
		return postgresSearch
	}
	return sqliteSearch
}

// rebuildFor is how the database rebuilds the index online (see Reindex).
func rebuildFor(d *dialect) func(ctx context.Context, db *DB, progress func(done, total int)) error {
	if d.name == "postgres" {
		return postgresRebuild
	}
	return sqliteRebuild
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
