package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

const articleColumns = `a.id, a.story_id, a.kind, a.lang, a.slug, a.title, a.standfirst, a.body, a.body_html,
	a.signature, COALESCE(a.section_id, 0), a.status, a.featured, a.image_path, a.image_alt,
	a.image_caption, a.image_credit, a.publish_at, a.created_at, a.updated_at, a.version`

func scanArticle(s scanner) (*content.Article, error) {
	var a content.Article
	var publish, created, updated sql.NullInt64
	err := s.Scan(&a.ID, &a.StoryID, &a.Kind, &a.Lang, &a.Slug, &a.Title, &a.Standfirst, &a.Body, &a.BodyHTML,
		&a.Signature, &a.SectionID, &a.Status, &a.Featured, &a.Image.Path, &a.Image.Alt,
		&a.Image.Caption, &a.Image.Credit, &publish, &created, &updated, &a.Version)
	a.PublishAt, a.CreatedAt, a.UpdatedAt = fromUnix(publish), fromUnix(created), fromUnix(updated)
	return &a, err
}

// Article loads one article with its authors, tags, press contacts and manual picks.
func (db *DB) Article(ctx context.Context, lang content.Lang, slug string) (*content.Article, error) {
	row, err := db.queryRow(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.lang = $1 AND a.slug = $2`, lang, slug)
	if err != nil {
		return nil, err
	}
	a, err := scanArticle(row)
	if err != nil {
		return nil, fmt.Errorf("article %s/%s: %w", lang, slug, db.dialect.translate(err))
	}
	if err := db.loadRelations(ctx, a); err != nil {
		return nil, fmt.Errorf("article %d relations: %w", a.ID, err)
	}
	return a, nil
}

func (db *DB) loadRelations(ctx context.Context, a *content.Article) (err error) {
	a.Authors, err = collectPersons(db.query(ctx, `SELECT `+personColumns+`
		FROM article_authors x JOIN persons p ON p.id = x.person_id
		WHERE x.article_id = $1 ORDER BY x.position`, a.ID))
	if err != nil {
		return err
	}
	a.Contacts, err = collectPersons(db.query(ctx, `SELECT `+personColumns+`
		FROM article_contacts x JOIN persons p ON p.id = x.person_id
		WHERE x.article_id = $1 ORDER BY x.position`, a.ID))
	if err != nil {
		return err
	}
	a.Tags, err = collect(scanTag)(db.query(ctx, `SELECT t.id, t.lang, t.slug, t.name
		FROM article_tags x JOIN tags t ON t.id = x.tag_id
		WHERE x.article_id = $1 ORDER BY t.name`, a.ID))
	if err != nil {
		return err
	}
	a.RelatedIDs, err = collect(scanID)(db.query(ctx,
		`SELECT related_id FROM article_related WHERE article_id = $1 ORDER BY position`, a.ID))
	a.AuthorIDs, a.ContactIDs, a.TagIDs = personIDs(a.Authors), personIDs(a.Contacts), tagIDs(a.Tags)
	return err
}

func scanID(s scanner) (int64, error) {
	var id int64
	err := s.Scan(&id)
	return id, err
}

func personIDs(ps []content.Person) []int64 {
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	return ids
}

func tagIDs(ts []content.Tag) []int64 {
	ids := make([]int64, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return ids
}

// SlugRedirect finds the article that once answered at lang/oldSlug.
func (db *DB) SlugRedirect(ctx context.Context, lang content.Lang, oldSlug string) (string, error) {
	row, err := db.queryRow(ctx, `SELECT a.slug FROM slug_history h JOIN articles a ON a.id = h.article_id
		WHERE h.lang = $1 AND h.slug = $2`, lang, oldSlug)
	if err != nil {
		return "", err
	}
	var slug string
	if err := row.Scan(&slug); err != nil {
		return "", fmt.Errorf("slug history %s/%s: %w", lang, oldSlug, db.dialect.translate(err))
	}
	return slug, nil
}

// Articles lists published articles, newest first.
func (db *DB) Articles(ctx context.Context, q store.ListQuery) ([]content.Teaser, error) {
	var where []string
	args := []any{q.Lang}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	where = append(where, "a.lang = $1", "a.status = 'published'")
	if len(q.SectionIDs) > 0 {
		where = append(where, "a.section_id IN ("+placeholders(len(args)+1, len(q.SectionIDs))+")")
		for _, id := range q.SectionIDs {
			args = append(args, id)
		}
	}
	if q.TagID != 0 {
		where = append(where, "a.id IN (SELECT article_id FROM article_tags WHERE tag_id = "+arg(q.TagID)+")")
	}
	if q.AuthorID != 0 {
		where = append(where, "a.id IN (SELECT article_id FROM article_authors WHERE person_id = "+arg(q.AuthorID)+")")
	}
	if q.Kind != "" {
		where = append(where, "a.kind = "+arg(q.Kind))
	}
	if q.FeaturedOnly {
		where = append(where, "a.featured = TRUE")
	}
	if q.ExcludeID != 0 {
		where = append(where, "a.id <> "+arg(q.ExcludeID))
	}
	query := `SELECT ` + teaserColumns + ` FROM articles a WHERE ` + strings.Join(where, " AND ") +
		` ORDER BY a.publish_at DESC, a.id DESC LIMIT ` + arg(q.Limit) + ` OFFSET ` + arg(q.Offset)
	return collectTeasers(db.query(ctx, query, args...))
}

// StoryVersions returns the published language versions of a story.
func (db *DB) StoryVersions(ctx context.Context, storyID int64) ([]content.Teaser, error) {
	return collectTeasers(db.query(ctx, `SELECT `+teaserColumns+` FROM articles a
		WHERE a.story_id = $1 AND a.status = 'published' ORDER BY a.lang`, storyID))
}

// RelatedSources gathers bounded candidate lists for a's related reading.
func (db *DB) RelatedSources(ctx context.Context, a *content.Article, per int) (src content.RelatedSources, err error) {
	src.Manual, err = collectTeasers(db.query(ctx, `SELECT `+teaserColumns+`
		FROM article_related r JOIN articles a ON a.id = r.related_id
		WHERE r.article_id = $1 AND a.status = 'published' ORDER BY r.position`, a.ID))
	if err != nil {
		return src, err
	}
	src.Dossier, err = collectTeasers(db.query(ctx, `SELECT `+teaserColumns+`
		FROM articles a WHERE a.status = 'published' AND a.id <> $1 AND a.id IN (
			SELECT da.article_id FROM dossier_articles da WHERE da.dossier_id IN (
				SELECT dossier_id FROM dossier_articles WHERE article_id = $1))
		ORDER BY a.publish_at DESC LIMIT $2`, a.ID, per))
	if err != nil {
		return src, err
	}
	src.ByTag = make(map[int64][]content.Teaser, len(a.TagIDs))
	for _, tag := range a.TagIDs {
		// Newest by ID rather than by date: it walks the tag index backwards and stops
		// after per rows, however many thousands of articles carry the tag.
		src.ByTag[tag], err = collectTeasers(db.query(ctx, `SELECT `+teaserColumns+`
			FROM article_tags t JOIN articles a ON a.id = t.article_id
			WHERE t.tag_id = $1 AND a.status = 'published' AND a.id <> $2
			ORDER BY t.article_id DESC LIMIT $3`, tag, a.ID, per))
		if err != nil {
			return src, err
		}
	}
	if a.SectionID != 0 {
		src.Section, err = db.Articles(ctx, store.ListQuery{
			Lang: a.Lang, SectionIDs: []int64{a.SectionID}, ExcludeID: a.ID, Limit: per})
	}
	return src, err
}

// NextScheduled returns the earliest time a scheduled article is due.
func (db *DB) NextScheduled(ctx context.Context) (time.Time, error) {
	row, err := db.queryRow(ctx, `SELECT MIN(publish_at) FROM articles WHERE status = 'scheduled'`)
	if err != nil {
		return time.Time{}, err
	}
	var at sql.NullInt64
	if err := row.Scan(&at); err != nil {
		return time.Time{}, db.dialect.translate(err)
	}
	if !at.Valid {
		return time.Time{}, store.ErrNotFound
	}
	return fromUnix(at), nil
}
