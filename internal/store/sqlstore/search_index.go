package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/search"
)

// The search index holds each article's terms as the search package analyses them in
// the article's own language: the title apart from the body, which starts with the
// standfirst. Drafts and the trash are indexed too; a search decides what its reader may
// see from the articles table, at the moment it runs, so that no change of status has
// to touch the index. Only a change of the text (a create or a save) rewrites an entry.

// maxIndexedTerms bounds the terms kept of one field, in bytes of space-joined terms:
// some 40,000 words, a book chapter. PostgreSQL refuses a tsvector whose lexemes take
// more than 1 MB, and a save must not fail because an article is long; the rest of such
// an article is not found by search. Both databases cut alike.
const maxIndexedTerms = 256 << 10

// indexEntry is one article's entry in the search index.
type indexEntry struct {
	id      int64
	version int64
	fields  search.Fields
}

// indexSource is what the index is made from.
type indexSource struct {
	id                      int64
	version                 int64
	lang                    content.Lang
	title, standfirst, body string
}

// analyse turns src into its entry with ix, which remembers stems between articles.
func analyse(ix *search.Indexer, src indexSource) indexEntry {
	f := ix.Document(src.lang, src.title, src.standfirst, src.body)
	f.Title, f.Body = cutTerms(f.Title), cutTerms(f.Body)
	return indexEntry{id: src.id, version: src.version, fields: f}
}

// cutTerms keeps the terms of the first maxIndexedTerms bytes.
func cutTerms(terms string) string {
	if len(terms) <= maxIndexedTerms {
		return terms
	}
	if i := strings.LastIndexByte(terms[:maxIndexedTerms+1], ' '); i > 0 {
		return terms[:i]
	}
	return "" // one term longer than the limit cannot be: terms have 64 characters at most
}

// indexArticle writes a's entry in the transaction that writes a. On SQLite the entry
// waits for the end of the transaction (flushIndex, just before the commit): FTS5 writes
// its pending entries out as a segment at every later statement that returns rows, so a
// transaction writing many articles, an import or "roneo demo", would make a segment
// per article and spend its time merging them. Nothing reads the index of a transaction
// before it commits.
func (t *tx) indexArticle(ctx context.Context, a *content.Article) error {
	ix := stemCaches.Get().(*search.Indexer)
	e := analyse(ix, indexSource{id: a.ID, lang: a.Lang, title: a.Title, standfirst: a.Standfirst, body: a.Body})
	stemCaches.Put(ix)
	if t.db.dialect.name == "sqlite" {
		if t.pendingIndex == nil {
			t.pendingIndex = map[int64]indexEntry{}
		}
		t.pendingIndex[a.ID] = e
		return nil
	}
	si := searchFor(t.db.dialect)
	if _, err := t.exec(ctx, si.put(1), si.entryArgs(e)...); err != nil {
		return fmt.Errorf("article %d: search index: %w", a.ID, err)
	}
	return nil
}

// flushIndex writes the entries indexArticle kept back, in batches, in article order.
func (t *tx) flushIndex(ctx context.Context) error {
	if len(t.pendingIndex) == 0 {
		return nil
	}
	entries := make([]indexEntry, 0, len(t.pendingIndex))
	for _, e := range t.pendingIndex {
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b indexEntry) int { return cmp.Compare(a.id, b.id) })
	t.pendingIndex = nil
	b := &indexBuilder{si: searchFor(t.db.dialect)}
	if err := b.write(ctx, t.tx, entries); err != nil {
		return t.db.dialect.translate(err)
	}
	return nil
}

// stemCaches lends the writers of articles an Indexer each. An Indexer remembers the
// stems of the words it has met, and stemming is most of the cost of analysing an
// article: 220 µs without, 50 µs with, which "roneo demo" and an import pay 100,000
// times in their one writer. It is a cache, not state: what an Indexer returns does not
// depend on what it analysed before, and the pool drops Indexers at will.
var stemCaches = sync.Pool{New: func() any { return new(search.Indexer) }}

// indexBatch is how many entries one statement writes, and buildBatch how many articles
// one step of a (re)build reads, analyses and writes. A rebuild's step is a write
// transaction: on SQLite it holds the write lock for a quarter of a second, and
// replacing entries costs some 250 µs an article at 1,000 a transaction but 950 µs at
// 250, FTS5 doing work for each transaction that is not proportional to its size.
const (
	indexBatch = 250
	buildBatch = 1000
)

// querier reads and writes within a transaction or a pool.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// indexBuilder analyses articles batch after batch, on every CPU.
type indexBuilder struct {
	si       *searchSQL
	indexers []*search.Indexer
}

func newIndexBuilder(d *dialect) *indexBuilder {
	b := &indexBuilder{si: searchFor(d)}
	for range runtime.GOMAXPROCS(0) {
		b.indexers = append(b.indexers, new(search.Indexer))
	}
	return b
}

// read returns the next batch of articles after the ID after, in ID order.
func (b *indexBuilder) read(ctx context.Context, q querier, after int64) ([]indexSource, error) {
	return scanSources(q.QueryContext(ctx, `SELECT id, version, lang, title, standfirst, body FROM articles
		WHERE id > $1 ORDER BY id LIMIT $2`, after, buildBatch))
}

// readIDs returns the articles of ids.
func (b *indexBuilder) readIDs(ctx context.Context, q querier, ids []any) ([]indexSource, error) {
	return scanSources(q.QueryContext(ctx, `SELECT id, version, lang, title, standfirst, body FROM articles
		WHERE id IN (`+placeholders(1, len(ids))+`)`, ids...))
}

func scanSources(rows *sql.Rows, err error) ([]indexSource, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []indexSource
	for rows.Next() {
		var s indexSource
		if err := rows.Scan(&s.id, &s.version, &s.lang, &s.title, &s.standfirst, &s.body); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// analyse analyses a batch, each worker with its own Indexer.
func (b *indexBuilder) analyse(srcs []indexSource) []indexEntry {
	out := make([]indexEntry, len(srcs))
	var wg sync.WaitGroup
	n := len(b.indexers)
	for w, ix := range b.indexers {
		wg.Go(func() {
			for i := w; i < len(srcs); i += n {
				out[i] = analyse(ix, srcs[i])
			}
		})
	}
	wg.Wait()
	return out
}

// write stores the entries of a batch, replacing older ones.
func (b *indexBuilder) write(ctx context.Context, q querier, entries []indexEntry) error {
	for len(entries) > 0 {
		n := min(len(entries), b.si.perStatement)
		var args []any
		for _, e := range entries[:n] {
			args = append(args, b.si.entryArgs(e)...)
		}
		if _, err := q.ExecContext(ctx, b.si.put(n), args...); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		entries = entries[n:]
	}
	return nil
}

// buildAll indexes every article within one transaction: a migration's, or a copy's
// at its destination, where the articles are not committed yet. progress, if not nil,
// hears how many articles are done.
func buildAll(ctx context.Context, tx querier, d *dialect, progress func(done int)) error {
	b := newIndexBuilder(d)
	var after int64
	done := 0
	for {
		srcs, err := b.read(ctx, tx, after)
		if err != nil {
			return fmt.Errorf("search index: reading articles: %w", d.translate(err))
		}
		if len(srcs) == 0 {
			return nil
		}
		if err := b.write(ctx, tx, b.analyse(srcs)); err != nil {
			return d.translate(err)
		}
		after = srcs[len(srcs)-1].id
		done += len(srcs)
		if progress != nil {
			progress(done)
		}
	}
}

// searchIndexTable is the name a copy's progress gives the search index.
const searchIndexTable = "search index"

// searchProgress tells a copy's progress how the index build goes.
func searchProgress(p CopyProgress, total int) func(int) {
	if p == nil {
		return nil
	}
	return func(done int) { p(searchIndexTable, done, total) }
}

// articleRows is how many articles a copy wrote.
func articleRows(report []TableCopy) int {
	for _, t := range report {
		if t.Table == "articles" {
			return t.Rows
		}
	}
	return 0
}
