package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/search"
	"github.com/roneo/roneo/internal/store"
)

// documentCollection is the part of the index that holds content other than articles
// (store.SearchDocument): its owners write each document with its text into
// search_documents, and its entry is made from that text. A document carries its own
// visibility and publication time, tested when the search runs.
var documentCollection = &collection{
	sources: "documents",
	readAfter: `SELECT id, version, lang, title, '', body FROM search_documents
		WHERE id > $1 ORDER BY id LIMIT $2`,
	readIDs: func(n int) string {
		return `SELECT id, version, lang, title, '', body FROM search_documents
			WHERE id IN (` + placeholders(1, n) + `)`
	},
	count:       `SELECT COUNT(*) FROM search_documents`,
	listFrom:    "search_documents f",
	pendingSign: -1,
	searched:    searchesDocuments,
	filter:      documentFilter,
	hits:        documentHits,
}

var _ store.SearchIndexWriter = (*tx)(nil)

// IndexDocument writes d and its entry, replacing the document with the same subject
// and part. The version counts its saves, for a rebuild of the index running meanwhile.
func (t *tx) IndexDocument(ctx context.Context, d store.SearchDocument) error {
	if err := d.Validate(); err != nil {
		return err
	}
	row := t.queryRow(ctx, `INSERT INTO search_documents (subject_type, subject_id, part, lang, visible, publish_at, title, body)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (subject_type, subject_id, part) DO UPDATE SET lang = EXCLUDED.lang, visible = EXCLUDED.visible,
			publish_at = EXCLUDED.publish_at, title = EXCLUDED.title, body = EXCLUDED.body,
			version = search_documents.version + 1
		RETURNING id, version`,
		d.Subject.Type, d.Subject.ID, d.Part, d.Lang, d.Visible, toUnix(d.PublishAt), d.Title, d.Body)
	src := indexSource{lang: d.Lang, title: d.Title, body: d.Body}
	if err := row.Scan(&src.id, &src.version); err != nil {
		return fmt.Errorf("%s: %w", describeDocument(d.Subject, d.Part), t.db.dialect.translate(err))
	}
	ix := stemCaches.Get().(*search.Indexer)
	e := analyse(ix, src)
	stemCaches.Put(ix)
	if err := t.writeEntry(ctx, t.db.dialect.search.documents, e); err != nil {
		return fmt.Errorf("%s: %w", describeDocument(d.Subject, d.Part), err)
	}
	return nil
}

// UnindexDocument removes every part of s, and their entries.
func (t *tx) UnindexDocument(ctx context.Context, s store.Subject) error {
	ids, err := collect(scanID)(t.query(ctx, `DELETE FROM search_documents
		WHERE subject_type = $1 AND subject_id = $2 RETURNING id`, s.Type, s.ID))
	if err != nil {
		return fmt.Errorf("unindexing %s %d: %w", s.Type, s.ID, err)
	}
	for _, id := range ids {
		if err := t.writeEntry(ctx, t.db.dialect.search.documents, indexEntry{id: id, remove: true}); err != nil {
			return fmt.Errorf("unindexing %s %d: %w", s.Type, s.ID, err)
		}
	}
	return nil
}

func describeDocument(s store.Subject, part int) string {
	return fmt.Sprintf("search document %s %d, part %d", s.Type, s.ID, part)
}

// documentTypes are the types of documents q asks for.
func documentTypes(q store.SearchQuery) []string {
	var out []string
	for _, t := range q.Types {
		if t != store.SubjectArticle && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// searchesDocuments: documents are searched when the query names their types and no
// filter that only articles have.
func searchesDocuments(q store.SearchQuery) bool {
	articlesOnly := q.SectionID != 0 || len(q.SectionIDs) > 0 || q.TagID != 0 || q.DossierID != 0 ||
		q.Kind != "" || q.AuthorID != 0 || q.CreatedBy != 0 || q.Staff && len(q.Statuses) > 0
	return !articlesOnly && len(documentTypes(q)) > 0
}

// documentFilter adds q's conditions on the filtered row f (search_documents on
// SQLite, the copy document_search keeps on PostgreSQL) at the reader's moment now.
func documentFilter(f *filter, c *collectionSQL, q store.SearchQuery, now time.Time) {
	a := c.filtered + "."
	types := documentTypes(q)
	in := make([]string, len(types))
	for i, t := range types {
		in[i] = f.arg(t)
	}
	f.where = append(f.where, a+"subject_type IN ("+strings.Join(in, ", ")+")")
	if !q.Staff {
		f.where = append(f.where, a+"visible = TRUE", a+"publish_at <= "+f.arg(now.Unix()))
	}
	if q.Lang != "" {
		f.where = append(f.where, a+"lang = "+f.arg(q.Lang))
	}
	publishedBetween(f, a, q)
}

// documentHits reads the documents of ids.
func documentHits(ctx context.Context, db *DB, r querier, ids []int64) (map[int64]store.SearchHit, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := db.queryIn(ctx, r, `SELECT id, subject_type, subject_id, part, lang, title, body, publish_at
		FROM search_documents WHERE id IN (`+placeholders(1, len(ids))+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := make(map[int64]store.SearchHit, len(ids))
	for rows.Next() {
		var id int64
		var h store.SearchHit
		var published sql.NullInt64
		if err := rows.Scan(&id, &h.Subject.Type, &h.Subject.ID, &h.Part, &h.Lang, &h.Title, &h.Body, &published); err != nil {
			return nil, err
		}
		h.PublishAt = fromUnix(published)
		byID[id] = h
	}
	return byID, rows.Err()
}
