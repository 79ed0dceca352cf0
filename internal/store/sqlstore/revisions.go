package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// keepOriginal records the stored state of an article before its first change, when it
// has no revision yet: imported and generated articles are created without one.
func (t *tx) keepOriginal(ctx context.Context, id int64) error {
	row, err := t.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM article_revisions WHERE article_id = $1)`, id)
	if err != nil {
		return err
	}
	var has bool
	if err := row.Scan(&has); err != nil {
		return t.db.dialect.translate(err)
	}
	if has {
		return nil
	}
	row, err = t.queryRow(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = $1`, id)
	if err != nil {
		return err
	}
	old, err := scanArticle(row)
	if err != nil {
		return t.db.dialect.translate(err)
	}
	r, err := t.tx.QueryContext(ctx, relationsQuery, id)
	if err != nil {
		return t.db.dialect.translate(err)
	}
	if err := fillRelations(&rows{Rows: r, d: t.db.dialect}, old); err != nil {
		return err
	}
	return t.recordRevision(ctx, old, old.UpdatedAt)
}

// recordRevision keeps a as saved at now, in the transaction that saved it. The relation
// IDs are the ones written: deduplicated, the article itself left out of its picks.
func (t *tx) recordRevision(ctx context.Context, a *content.Article, now time.Time) error {
	saved := *a
	saved.AuthorIDs, saved.TagIDs, saved.ContactIDs = dedupe(a.AuthorIDs), dedupe(a.TagIDs), dedupe(a.ContactIDs)
	saved.RelatedIDs = nil
	for _, id := range dedupe(a.RelatedIDs) {
		if id != a.ID {
			saved.RelatedIDs = append(saved.RelatedIDs, id)
		}
	}
	saved.Authors, saved.Tags, saved.Contacts = nil, nil, nil
	snapshot, err := encodeSnapshot(&saved)
	if err != nil {
		return err
	}
	if _, err := t.exec(ctx, `INSERT INTO article_revisions (article_id, version, user_id, saved_at, snapshot)
		VALUES ($1, $2, $3, $4, $5)`, a.ID, a.Version, nullID(a.UpdatedBy), toUnix(now), snapshot); err != nil {
		return fmt.Errorf("article %d revision %d: %w", a.ID, a.Version, err)
	}
	return nil
}

const revisionColumns = `r.id, r.article_id, r.version, COALESCE(r.user_id, 0), r.saved_at, r.snapshot`

func scanRevision(s scanner) (store.Revision, error) {
	var r store.Revision
	var saved sql.NullInt64
	var snapshot string
	if err := s.Scan(&r.ID, &r.ArticleID, &r.Version, &r.UserID, &saved, &snapshot); err != nil {
		return r, err
	}
	r.SavedAt = fromUnix(saved)
	a, err := decodeSnapshot(snapshot)
	r.Article = a
	return r, err
}

// Revisions lists an article's saved versions, the newest first.
func (db *DB) Revisions(ctx context.Context, articleID int64) ([]store.Revision, error) {
	return collect(scanRevision)(db.query(ctx, `SELECT `+revisionColumns+` FROM article_revisions r
		WHERE r.article_id = $1 ORDER BY r.version DESC`, articleID))
}

// Revision returns one saved version.
func (db *DB) Revision(ctx context.Context, id int64) (store.Revision, error) {
	row, err := db.queryRow(ctx, `SELECT `+revisionColumns+` FROM article_revisions r WHERE r.id = $1`, id)
	if err != nil {
		return store.Revision{}, err
	}
	r, err := scanRevision(row)
	if err != nil {
		return r, fmt.Errorf("revision %d: %w", id, db.dialect.translate(err))
	}
	return r, nil
}
