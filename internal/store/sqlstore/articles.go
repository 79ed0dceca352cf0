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

// articleSQL reads articles on a conn: the read pool or a write transaction.
type articleSQL struct{ c conn }

const articleColumns = `a.id, a.story_id, a.kind, a.lang, a.slug, a.title, a.standfirst, a.body, a.body_html,
	a.signature, COALESCE(a.section_id, 0), a.status, a.featured, a.image_path, a.image_alt,
	a.image_caption, a.image_credit, a.publish_at, a.created_at, a.updated_at, a.version,
	COALESCE(a.created_by, 0), COALESCE(a.updated_by, 0), a.deleted_at, COALESCE(fp.photo_id, 0), ` + joinedPhotoColumns

// articleFrom is the articles a with their featured photos, which articleColumns and
// teaserColumns read.
const articleFrom = `articles a` + photoJoin

func scanArticle(s scanner) (*content.Article, error) {
	var a content.Article
	var publish, created, updated, deleted sql.NullInt64
	photo := photoFields{p: &a.Photo}
	err := s.Scan(append([]any{&a.ID, &a.StoryID, &a.Kind, &a.Lang, &a.Slug, &a.Title, &a.Standfirst, &a.Body, &a.BodyHTML,
		&a.Signature, &a.SectionID, &a.Status, &a.Featured, &a.Image.Path, &a.Image.Alt,
		&a.Image.Caption, &a.Image.Credit, &publish, &created, &updated, &a.Version,
		&a.CreatedBy, &a.UpdatedBy, &deleted, &a.PhotoID}, photo.dest()...)...)
	if err != nil {
		return &a, err
	}
	a.PublishAt, a.CreatedAt, a.UpdatedAt = fromUnix(publish), fromUnix(created), fromUnix(updated)
	a.DeletedAt = fromUnix(deleted)
	return &a, photo.fill()
}

// Article loads one article with its authors, tags, press contacts and manual picks.
// It answers for articles in the trash too: the site tells readers they are gone.
func (r articleSQL) Article(ctx context.Context, lang content.Lang, slug string) (*content.Article, error) {
	a, err := r.loadArticle(ctx, `SELECT `+articleColumns+` FROM `+articleFrom+` WHERE a.lang = $1 AND a.slug = $2`, lang, slug)
	if err != nil {
		return nil, fmt.Errorf("article %s/%s: %w", lang, slug, err)
	}
	return a, nil
}

// loadArticle reads the one article query selects, with its relations.
func (r articleSQL) loadArticle(ctx context.Context, query string, args ...any) (*content.Article, error) {
	a, err := scanArticle(r.c.queryRow(ctx, query, args...))
	if err != nil {
		return nil, err
	}
	if err := r.loadRelations(ctx, a); err != nil {
		return nil, fmt.Errorf("article %d relations: %w", a.ID, err)
	}
	return a, nil
}

// relationsQuery reads an article's authors, press contacts, tags and manual picks in one
// round trip: on PostgreSQL each query is a trip to another process. Columns a kind of
// relation does not have are filled with empty values of the right type.
const relationsQuery = `
SELECT 'a' AS rel, x.position AS pos, ` + personColumns + `, '' AS lang
FROM article_authors x JOIN persons p ON p.id = x.person_id WHERE x.article_id = $1
UNION ALL
SELECT 'c', x.position, ` + personColumns + `, ''
FROM article_contacts x JOIN persons p ON p.id = x.person_id WHERE x.article_id = $1
UNION ALL
SELECT 't', 0, t.id, t.slug, t.name, '', '', '', '', '', 0, 0, t.lang
FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = $1
UNION ALL
SELECT 'r', r.position, r.related_id, '', '', '', '', '', '', '', 0, 0, ''
FROM article_related r WHERE r.article_id = $1
ORDER BY 1, 2, 5`

func (r articleSQL) loadRelations(ctx context.Context, a *content.Article) error {
	rs, err := r.c.query(ctx, relationsQuery, a.ID)
	if err != nil {
		return err
	}
	return fillRelations(rs, a)
}

// fillRelations reads relationsQuery's rows into a, and closes them.
func fillRelations(rs *rows, a *content.Article) error {
	defer rs.Close()
	for rs.Next() {
		var rel string
		var pos int64
		var p content.Person
		var created, updated sql.NullInt64
		var lang content.Lang
		if err := rs.Scan(&rel, &pos, &p.ID, &p.Slug, &p.Name, &p.Role, &p.Bio, &p.BioHTML, &p.Email, &p.Phone,
			&created, &updated, &lang); err != nil {
			return err
		}
		p.CreatedAt, p.UpdatedAt = fromUnix(created), fromUnix(updated)
		switch rel {
		case "a":
			a.Authors = append(a.Authors, p)
		case "c":
			a.Contacts = append(a.Contacts, p)
		case "t":
			a.Tags = append(a.Tags, content.Tag{ID: p.ID, Lang: lang, Slug: p.Slug, Name: p.Name})
		case "r":
			a.RelatedIDs = append(a.RelatedIDs, p.ID)
		}
	}
	a.AuthorIDs, a.ContactIDs, a.TagIDs = personIDs(a.Authors), personIDs(a.Contacts), tagIDs(a.Tags)
	return rs.Err()
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
func (r articleSQL) SlugRedirect(ctx context.Context, lang content.Lang, oldSlug string) (string, error) {
	var slug string
	if err := r.c.queryRow(ctx, `SELECT a.slug FROM slug_history h JOIN articles a ON a.id = h.article_id
		WHERE h.lang = $1 AND h.slug = $2 AND a.deleted_at IS NULL`, lang, oldSlug).Scan(&slug); err != nil {
		return "", fmt.Errorf("slug history %s/%s: %w", lang, oldSlug, err)
	}
	return slug, nil
}

// Articles lists the articles q.Audience may see, newest first. Articles in the trash
// are in no list.
func (r articleSQL) Articles(ctx context.Context, q store.ListQuery) ([]content.Teaser, error) {
	if err := pageBounds(q.Limit, q.Offset); err != nil {
		return nil, err
	}
	visible, err := audienceCondition(q.Audience)
	if err != nil {
		return nil, err
	}
	var where []string
	args := []any{q.Lang}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	where = append(where, "a.lang = $1", visible)
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
	query := `SELECT ` + teaserColumns + ` FROM ` + articleFrom + ` WHERE ` + strings.Join(where, " AND ") +
		` ORDER BY a.publish_at DESC, a.id DESC LIMIT ` + arg(q.Limit) + ` OFFSET ` + arg(q.Offset)
	return collectTeasers(r.c.query(ctx, query, args...))
}

// audienceCondition is the condition on articles a that audience may see. A query that
// does not say whose view it takes is refused rather than given one.
func audienceCondition(audience store.Audience) (string, error) {
	switch audience {
	case store.Readers:
		return "a.status = 'published' AND a.deleted_at IS NULL", nil
	case store.Staff:
		return "a.deleted_at IS NULL", nil
	}
	return "", fmt.Errorf("%w: a query must say whose view it takes (audience %d)", content.ErrInvalid, audience)
}

// StoryVersions returns the language versions of a story that audience may see.
func (r articleSQL) StoryVersions(ctx context.Context, storyID int64, audience store.Audience) ([]content.Teaser, error) {
	visible, err := audienceCondition(audience)
	if err != nil {
		return nil, err
	}
	return collectTeasers(r.c.query(ctx, `SELECT `+teaserColumns+` FROM `+articleFrom+`
		WHERE a.story_id = $1 AND `+visible+` ORDER BY a.lang`, storyID))
}

// Teasers loads the articles among ids that audience may see, in the order of ids.
func (r articleSQL) Teasers(ctx context.Context, ids []int64, audience store.Audience) ([]content.Teaser, error) {
	visible, err := audienceCondition(audience)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	found, err := collectTeasers(r.c.query(ctx, `SELECT `+teaserColumns+` FROM `+articleFrom+`
		WHERE `+visible+` AND a.id IN (`+placeholders(1, len(ids))+`)`, args...))
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]content.Teaser, len(found))
	for _, t := range found {
		byID[t.ID] = t
	}
	out := make([]content.Teaser, 0, len(found))
	for _, id := range ids {
		if t, ok := byID[id]; ok {
			out = append(out, t)
		}
	}
	return out, nil
}

// NextScheduled returns the earliest time a scheduled article is due.
func (r articleSQL) NextScheduled(ctx context.Context) (time.Time, error) {
	var at sql.NullInt64
	if err := r.c.queryRow(ctx, `SELECT MIN(publish_at) FROM articles WHERE status = 'scheduled' AND deleted_at IS NULL`).Scan(&at); err != nil {
		return time.Time{}, err
	}
	if !at.Valid {
		return time.Time{}, store.ErrNotFound
	}
	return fromUnix(at), nil
}

// maxDue bounds the articles one look at the schedule publishes; the next look takes
// the rest.
const maxDue = 1000

// DueArticles returns the scheduled articles whose time has come, the earliest first.
func (r articleSQL) DueArticles(ctx context.Context, now time.Time) ([]int64, error) {
	return collect(scanID)(r.c.query(ctx, `SELECT id FROM articles
		WHERE status = 'scheduled' AND publish_at <= $1 AND deleted_at IS NULL
		ORDER BY publish_at, id LIMIT $2`, now.Unix(), maxDue))
}
