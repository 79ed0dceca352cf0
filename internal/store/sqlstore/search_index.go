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
// Documents of other types (search_documents.go) are analysed alike, from the title and
// text their owners give.

// maxIndexedTerms bounds the terms kept of one field, in bytes of space-joined terms:
// some 40,000 words, a book chapter. PostgreSQL refuses a tsvector whose lexemes take
// more than 1 MB, and a save must not fail because an article is long; the rest of such
// an article is not found by search. Both databases cut alike.
const maxIndexedTerms = 256 << 10

// indexEntry is one entry of the search index: an article's or a document's.
type indexEntry struct {
	id      int64
	version int64
	fields  search.Fields
	// remove deletes the entry instead (a transaction's pending entries); c is the
	// collection a pending entry goes to.
	remove bool
	c      *collectionSQL
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
	if err := t.writeEntry(ctx, t.db.dialect.search.articles, e); err != nil {
		return fmt.Errorf("article %d: search index: %w", a.ID, err)
	}
	return nil
}

// writeEntry writes e into c's index, or keeps it for flushIndex where the database
// defers the index's writes.
func (t *tx) writeEntry(ctx context.Context, c *collectionSQL, e indexEntry) error {
	if t.db.dialect.search.deferWrites {
		if t.pendingIndex == nil {
			t.pendingIndex = map[int64]indexEntry{}
		}
		e.c = c
		t.pendingIndex[c.pendingSign*e.id] = e
		return nil
	}
	var err error
	switch {
	case !e.remove:
		_, err = t.exec(ctx, c.put(1), c.entryArgs(e)...)
	case c.remove != nil:
		_, err = t.exec(ctx, c.remove(1), e.id)
	}
	return err
}

// flushIndex writes the entries writeEntry kept back, each collection's in batches, in
// ID order.
func (t *tx) flushIndex(ctx context.Context) error {
	if len(t.pendingIndex) == 0 {
		return nil
	}
	pending := map[*collectionSQL][]indexEntry{}
	for _, e := range t.pendingIndex {
		pending[e.c] = append(pending[e.c], e)
	}
	t.pendingIndex = nil
	for _, c := range t.db.dialect.search.collections() {
		entries := pending[c]
		slices.SortFunc(entries, func(a, b indexEntry) int { return cmp.Compare(a.id, b.id) })
		var put, removed []indexEntry
		for _, e := range entries {
			if e.remove {
				removed = append(removed, e)
			} else {
				put = append(put, e)
			}
		}
		if err := removeEntries(ctx, t.tx, c, removed); err != nil {
			return t.db.dialect.translate(err)
		}
		if err := (&indexBuilder{c: c}).write(ctx, t.tx, put); err != nil {
			return t.db.dialect.translate(err)
		}
	}
	return nil
}

// removeEntries deletes the entries of c's index, in batches, unless its index follows
// the deletions of their sources by itself.
func removeEntries(ctx context.Context, q querier, c *collectionSQL, entries []indexEntry) error {
	for c.remove != nil && len(entries) > 0 {
		n := min(len(entries), c.perStatement)
		args := make([]any, n)
		for i, e := range entries[:n] {
			args[i] = e.id
		}
		if _, err := q.ExecContext(ctx, c.remove(n), args...); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		entries = entries[n:]
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

// indexBuilder analyses one collection's sources batch after batch, on every CPU.
type indexBuilder struct {
	c        *collectionSQL
	indexers []*search.Indexer
}

func newIndexBuilder(c *collectionSQL) *indexBuilder {
	b := &indexBuilder{c: c}
	for range runtime.GOMAXPROCS(0) {
		b.indexers = append(b.indexers, new(search.Indexer))
	}
	return b
}

// read returns the next batch of sources after the ID after, in ID order.
func (b *indexBuilder) read(ctx context.Context, q querier, after int64) ([]indexSource, error) {
	return scanSources(q.QueryContext(ctx, b.c.readAfter, after, buildBatch))
}

// readIDs returns the sources of ids.
func (b *indexBuilder) readIDs(ctx context.Context, q querier, ids []any) ([]indexSource, error) {
	return scanSources(q.QueryContext(ctx, b.c.readIDs(len(ids)), ids...))
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
		n := min(len(entries), b.c.perStatement)
		var args []any
		for _, e := range entries[:n] {
			args = append(args, b.c.entryArgs(e)...)
		}
		if _, err := q.ExecContext(ctx, b.c.put(n), args...); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		entries = entries[n:]
	}
	return nil
}

// buildAll indexes every source of the collections cs within one transaction: a
// migration's, or a copy's at its destination, where the sources are not committed yet.
// progress, if not nil, hears how many entries are done.
func buildAll(ctx context.Context, tx querier, d *dialect, cs []*collectionSQL, progress func(done int)) error {
	done := 0
	for _, c := range cs {
		b := newIndexBuilder(c)
		var after int64
		for {
			srcs, err := b.read(ctx, tx, after)
			if err != nil {
				return fmt.Errorf("search index: reading %s: %w", c.sources, d.translate(err))
			}
			if len(srcs) == 0 {
				break
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
	return nil
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

// indexedRows is how many rows a copy wrote that the index is made from: articles and
// documents.
func indexedRows(report []TableCopy) int {
	n := 0
	for _, t := range report {
		if t.Table == "articles" || t.Table == "search_documents" {
			n += t.Rows
		}
	}
	return n
}
