package sqlstore

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/store"
)

// articleCollection is the articles' part of the index on every database: each
// article's entry is made from its title, standfirst and body, and a search decides
// what its reader may see from the articles table (or the copy PostgreSQL keeps of it).
var articleCollection = &collection{
	sources: "articles",
	readAfter: `SELECT id, version, lang, title, standfirst, body FROM articles
		WHERE id > $1 ORDER BY id LIMIT $2`,
	readIDs: func(n int) string {
		return `SELECT id, version, lang, title, standfirst, body FROM articles
			WHERE id IN (` + placeholders(1, n) + `)`
	},
	count:       `SELECT COUNT(*) FROM articles`,
	listFrom:    "articles f",
	pendingSign: 1,
	searched:    searchesArticles,
	filter:      articleFilter,
	hits:        articleHits,
}

// searchesArticles: articles are searched unless the query names other types only.
func searchesArticles(q store.SearchQuery) bool {
	return len(q.Types) == 0 || slices.Contains(q.Types, store.SubjectArticle)
}

// articleFilter adds q's conditions on the filtered row f (articles on SQLite, the copy
// article_search keeps on PostgreSQL) at the reader's moment now. $1 is the match.
func articleFilter(f *filter, c *collectionSQL, q store.SearchQuery, now time.Time) {
	a := c.filtered + "."
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
	publishedBetween(f, a, q)
	for _, rel := range []struct {
		id    int64
		query string
	}{
		{q.TagID, "SELECT article_id FROM article_tags WHERE tag_id = "},
		{q.AuthorID, "SELECT article_id FROM article_authors WHERE person_id = "},
		{q.DossierID, "SELECT article_id FROM dossier_articles WHERE dossier_id = "},
	} {
		if rel.id != 0 {
			f.where = append(f.where, c.idOf+" IN ("+rel.query+f.arg(rel.id)+")")
		}
	}
}

// publishedBetween adds q's range of publication dates on the row a.
func publishedBetween(f *filter, a string, q store.SearchQuery) {
	if !q.From.IsZero() {
		f.where = append(f.where, a+"publish_at >= "+f.arg(q.From.Unix()))
	}
	if !q.To.IsZero() {
		f.where = append(f.where, a+"publish_at < "+f.arg(q.To.Unix()))
	}
}

// articleHits reads the articles of ids.
func articleHits(ctx context.Context, db *DB, r querier, ids []int64) (map[int64]store.SearchHit, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := db.queryIn(ctx, r, `SELECT `+teaserColumns+`, a.status, COALESCE(a.created_by, 0),
		COALESCE(a.updated_by, 0), a.deleted_at, a.version, a.body
		FROM `+articleFrom+` WHERE a.id IN (`+placeholders(1, len(ids))+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := make(map[int64]store.SearchHit, len(ids))
	for rows.Next() {
		var body string
		it, err := scanNewsroomItem(scanWithBody{rows, &body})
		if err != nil {
			return nil, err
		}
		byID[it.ID] = store.SearchHit{Subject: store.ArticleSubject(it.ID), NewsroomItem: it, Body: joinBody(it.Standfirst, body)}
	}
	return byID, rows.Err()
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
