package sqlstore

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
)

// maxRelatedTags bounds the tags that feed related reading, and so the variants of its
// query text.
const maxRelatedTags = 8

// Sources of related-reading candidates, as numbered in relatedQuery.
const (
	fromManual = iota
	fromDossier
	fromTag
	fromSection
)

// RelatedSources gathers every source of a's related-reading candidates in one query:
// on a cold page, round trips and full rows were most of the time spent.
func (r articleSQL) RelatedSources(ctx context.Context, a *content.Article, per int) (content.RelatedSources, error) {
	if err := pageBounds(per, 0); err != nil {
		return content.RelatedSources{}, err
	}
	tags := a.TagIDs[:min(len(a.TagIDs), maxRelatedTags)]
	args := []any{a.ID, per}
	for _, id := range tags {
		args = append(args, id)
	}
	if a.SectionID != 0 {
		args = append(args, a.Lang, a.SectionID)
	}
	src := content.RelatedSources{ByTag: make(map[int64][]content.Candidate, len(tags))}
	rows, err := r.c.query(ctx, relatedQuery(len(tags), a.SectionID != 0), args...)
	if err != nil {
		return src, err
	}
	defer rows.Close()
	for rows.Next() {
		var from, tag, position int64
		var c content.Candidate
		var publish sql.NullInt64
		if err := rows.Scan(&from, &tag, &position, &c.ID, &c.StoryID, &c.Lang, &publish); err != nil {
			return src, err
		}
		c.PublishAt = fromUnix(publish)
		switch from {
		case fromManual:
			src.Manual = append(src.Manual, c)
		case fromDossier:
			src.Dossier = append(src.Dossier, c)
		case fromTag:
			src.ByTag[tag] = append(src.ByTag[tag], c)
		case fromSection:
			src.Section = append(src.Section, c)
		}
	}
	return src, rows.Err()
}

// relatedQuery unites the candidate sources. $1 is the article, $2 the limit per source,
// then one parameter per tag, then the language and section when there is a section.
// Manual picks come back in the editors' order.
func relatedQuery(tags int, section bool) string {
	const cols = `a.id, a.story_id, a.lang, a.publish_at`
	parts := []string{
		`SELECT 0 AS src, 0 AS tag, r.position AS pos, ` + cols + `
		FROM article_related r JOIN articles a ON a.id = r.related_id
		WHERE r.article_id = $1 AND a.status = 'published' AND a.deleted_at IS NULL`,
		`SELECT * FROM (SELECT 1 AS src, 0 AS tag, 0 AS pos, ` + cols + ` FROM articles a
		WHERE a.status = 'published' AND a.deleted_at IS NULL AND a.id <> $1 AND a.id IN (
			SELECT da.article_id FROM dossier_articles da WHERE da.dossier_id IN (
				SELECT dossier_id FROM dossier_articles WHERE article_id = $1))
		ORDER BY a.publish_at DESC LIMIT $2) AS d`,
	}
	for i := range tags {
		// Newest by ID rather than by date: it walks the tag index backwards and stops
		// after $2 rows, however many thousands of articles carry the tag.
		p := "$" + strconv.Itoa(3+i)
		parts = append(parts, `SELECT * FROM (SELECT 2 AS src, t.tag_id AS tag, 0 AS pos, `+cols+`
		FROM article_tags t JOIN articles a ON a.id = t.article_id
		WHERE t.tag_id = `+p+` AND a.status = 'published' AND a.deleted_at IS NULL AND a.id <> $1
		ORDER BY t.article_id DESC LIMIT $2) AS t`+strconv.Itoa(i))
	}
	if section {
		l, sec := "$"+strconv.Itoa(3+tags), "$"+strconv.Itoa(4+tags)
		parts = append(parts, `SELECT * FROM (SELECT 3 AS src, 0 AS tag, 0 AS pos, `+cols+` FROM articles a
		WHERE a.lang = `+l+` AND a.section_id = `+sec+` AND a.status = 'published' AND a.deleted_at IS NULL
			AND a.id <> $1
		ORDER BY a.publish_at DESC, a.id DESC LIMIT $2) AS s`)
	}
	return strings.Join(parts, "\nUNION ALL\n") + "\nORDER BY 1, 3"
}
