package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// CreateArticle stores a new article with its relations.
func (t *tx) CreateArticle(ctx context.Context, a *content.Article) error {
	now := t.db.now().UTC().Truncate(time.Second)
	a.NormalizeStatus(now)
	if err := a.Validate(); err != nil {
		return err
	}
	created, updated := orNow(a.CreatedAt, now), orNow(a.UpdatedAt, orNow(a.CreatedAt, now))
	row := t.queryRow(ctx, `INSERT INTO articles (story_id, kind, lang, slug, title, standfirst, body, body_html,
			signature, section_id, status, featured, image_path, image_alt, image_caption, image_credit,
			publish_at, created_at, updated_at, version, created_by, updated_by, deleted_at, title_folded)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 1,
			$20, $21, $22, $23)
		RETURNING id`,
		a.StoryID, a.Kind, a.Lang, a.Slug, a.Title, a.Standfirst, a.Body, a.BodyHTML,
		a.Signature, nullID(a.SectionID), a.Status, a.Featured, a.Image.Path, a.Image.Alt, a.Image.Caption,
		a.Image.Credit, toUnix(a.PublishAt), toUnix(created), toUnix(updated),
		nullID(a.CreatedBy), nullID(a.UpdatedBy), toUnix(a.DeletedAt), foldText(a.Title))
	if err := row.Scan(&a.ID); err != nil {
		return fmt.Errorf("article %s/%s: %w", a.Lang, a.Slug, t.db.dialect.translate(err))
	}
	if a.StoryID == 0 {
		a.StoryID = a.ID
		if _, err := t.exec(ctx, `UPDATE articles SET story_id = id WHERE id = $1`, a.ID); err != nil {
			return err
		}
	}
	a.CreatedAt, a.UpdatedAt, a.Version, a.DeletedAt = created, updated, 1, a.DeletedAt.UTC().Truncate(time.Second)
	// A slug that once pointed elsewhere now belongs to this article.
	if _, err := t.exec(ctx, `DELETE FROM slug_history WHERE lang = $1 AND slug = $2`, a.Lang, a.Slug); err != nil {
		return err
	}
	if err := t.writeRelations(ctx, a); err != nil {
		return err
	}
	if a.PhotoID != 0 {
		if err := t.writeFeaturedPhoto(ctx, a); err != nil {
			return err
		}
	}
	if err := t.indexArticle(ctx, a); err != nil {
		return err
	}
	// Imported and generated articles (no account behind them) get no first revision:
	// it would only double a large import's size. UpdateArticle keeps the original state
	// before the first change instead (keepOriginal).
	if a.CreatedBy != 0 || a.UpdatedBy != 0 {
		if err := t.recordArticle(ctx, a, now); err != nil {
			return err
		}
	}
	t.wroteContent()
	return nil
}

// UpdateArticle saves a changed article if nobody saved it since a.Version was read.
// CreatedBy, CreatedAt and DeletedAt are not changed by a save (the trash has methods of
// its own): a gets the stored values back.
func (t *tx) UpdateArticle(ctx context.Context, a *content.Article) error {
	now := t.db.now().UTC().Truncate(time.Second)
	a.NormalizeStatus(now)
	if err := a.Validate(); err != nil {
		return err
	}
	row := t.queryRow(ctx, `SELECT lang, slug, version, COALESCE(created_by, 0), created_at, deleted_at
		FROM articles WHERE id = $1`, a.ID)
	var oldLang content.Lang
	var oldSlug string
	var version, createdBy int64
	var created, deleted sql.NullInt64
	if err := row.Scan(&oldLang, &oldSlug, &version, &createdBy, &created, &deleted); err != nil {
		return fmt.Errorf("article %d: %w", a.ID, t.db.dialect.translate(err))
	}
	if version != a.Version {
		return fmt.Errorf("article %d was saved by someone else (version %d, yours %d): %w", a.ID, version, a.Version, store.ErrStale)
	}
	if err := t.keepOriginal(ctx, a.ID); err != nil {
		return err
	}
	// The version is checked again by the UPDATE itself: on PostgreSQL another transaction
	// may save between the SELECT above and here, and only the row lock sees it.
	res, err := t.exec(ctx, `UPDATE articles SET story_id = $1, kind = $2, lang = $3, slug = $4, title = $5,
			standfirst = $6, body = $7, body_html = $8, signature = $9, section_id = $10, status = $11,
			featured = $12, image_path = $13, image_alt = $14, image_caption = $15, image_credit = $16,
			publish_at = $17, updated_at = $18, version = version + 1, updated_by = $21, title_folded = $22
		WHERE id = $19 AND version = $20`,
		a.StoryID, a.Kind, a.Lang, a.Slug, a.Title, a.Standfirst, a.Body, a.BodyHTML, a.Signature,
		nullID(a.SectionID), a.Status, a.Featured, a.Image.Path, a.Image.Alt, a.Image.Caption,
		a.Image.Credit, toUnix(a.PublishAt), toUnix(now), a.ID, a.Version,
		nullID(a.UpdatedBy), foldText(a.Title))
	if err != nil {
		return fmt.Errorf("article %d: %w", a.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("article %d: %w", a.ID, err)
	} else if n == 0 {
		return fmt.Errorf("article %d was saved by someone else: %w", a.ID, store.ErrStale)
	}
	if oldLang != a.Lang || oldSlug != a.Slug {
		if err := t.moveSlug(ctx, a, oldLang, oldSlug); err != nil {
			return err
		}
	}
	a.UpdatedAt, a.Version = now, version+1
	a.CreatedBy, a.CreatedAt, a.DeletedAt = createdBy, fromUnix(created), fromUnix(deleted)
	if err := t.clearRelations(ctx, a.ID); err != nil {
		return err
	}
	if err := t.writeRelations(ctx, a); err != nil {
		return err
	}
	if err := t.writeFeaturedPhoto(ctx, a); err != nil {
		return err
	}
	if err := t.indexArticle(ctx, a); err != nil {
		return err
	}
	if err := t.recordArticle(ctx, a, now); err != nil {
		return err
	}
	t.wroteContent()
	return nil
}

// orNow returns t in UTC to the second, or now when t is zero.
func orNow(t, now time.Time) time.Time {
	if t.IsZero() {
		return now
	}
	return t.UTC().Truncate(time.Second)
}

// moveSlug keeps the old address answering with a redirect to the new one.
func (t *tx) moveSlug(ctx context.Context, a *content.Article, oldLang content.Lang, oldSlug string) error {
	if _, err := t.exec(ctx, `DELETE FROM slug_history WHERE lang = $1 AND slug = $2`, a.Lang, a.Slug); err != nil {
		return err
	}
	_, err := t.exec(ctx, `INSERT INTO slug_history (lang, slug, article_id) VALUES ($1, $2, $3)
		ON CONFLICT (lang, slug) DO UPDATE SET article_id = EXCLUDED.article_id`, oldLang, oldSlug, a.ID)
	return err
}

var relationTables = []string{"article_authors", "article_contacts", "article_tags", "article_related"}

func (t *tx) clearRelations(ctx context.Context, id int64) error {
	for _, table := range relationTables {
		// The table name comes from the fixed list above, never from input.
		if _, err := t.exec(ctx, `DELETE FROM `+table+` WHERE article_id = $1`, id); err != nil {
			return err
		}
	}
	return nil
}

func (t *tx) writeRelations(ctx context.Context, a *content.Article) error {
	for i, id := range dedupe(a.AuthorIDs) {
		if _, err := t.exec(ctx, `INSERT INTO article_authors (article_id, person_id, position) VALUES ($1, $2, $3)`, a.ID, id, i); err != nil {
			return fmt.Errorf("author %d: %w", id, err)
		}
	}
	for i, id := range dedupe(a.ContactIDs) {
		if _, err := t.exec(ctx, `INSERT INTO article_contacts (article_id, person_id, position) VALUES ($1, $2, $3)`, a.ID, id, i); err != nil {
			return fmt.Errorf("press contact %d: %w", id, err)
		}
	}
	for _, id := range dedupe(a.TagIDs) {
		if _, err := t.exec(ctx, `INSERT INTO article_tags (article_id, tag_id) VALUES ($1, $2)`, a.ID, id); err != nil {
			return fmt.Errorf("tag %d: %w", id, err)
		}
	}
	for i, id := range dedupe(a.RelatedIDs) {
		if id == a.ID {
			continue
		}
		if _, err := t.exec(ctx, `INSERT INTO article_related (article_id, related_id, position) VALUES ($1, $2, $3)`, a.ID, id, i); err != nil {
			return fmt.Errorf("related article %d: %w", id, err)
		}
	}
	return nil
}

func dedupe(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
