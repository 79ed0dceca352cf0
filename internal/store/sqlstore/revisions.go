package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// revisionSQL reads saved states on a conn.
type revisionSQL struct{ c conn }

// keepOriginal records the stored state of an article before its first change, when it
// has no revision yet: imported and generated articles are created without one.
func (t *tx) keepOriginal(ctx context.Context, id int64) error {
	var has bool
	if err := t.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM revisions WHERE subject_type = $1 AND subject_id = $2)`,
		store.SubjectArticle, id).Scan(&has); err != nil {
		return err
	}
	if has {
		return nil
	}
	old, err := t.loadArticle(ctx, `SELECT `+articleColumns+` FROM `+articleFrom+` WHERE a.id = $1`, id)
	if err != nil {
		return err
	}
	return t.recordArticle(ctx, old, old.UpdatedAt)
}

// recordArticle keeps a as saved at now, in the transaction that saved it. The relation
// IDs are the ones written: deduplicated, the article itself left out of its picks.
func (t *tx) recordArticle(ctx context.Context, a *content.Article, now time.Time) error {
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
	return t.RecordRevision(ctx, store.Revision{Subject: store.ArticleSubject(a.ID), Version: a.Version,
		UserID: a.UpdatedBy, SavedAt: now, Snapshot: []byte(snapshot)})
}

// RecordRevision keeps one saved state of any content type.
func (t *tx) RecordRevision(ctx context.Context, r store.Revision) error {
	if r.Subject.Type == "" || r.Subject.ID == 0 {
		return fmt.Errorf("%w: a revision needs a subject", content.ErrInvalid)
	}
	if _, err := t.exec(ctx, `INSERT INTO revisions (subject_type, subject_id, version, user_id, saved_at, snapshot)
		VALUES ($1, $2, $3, $4, $5, $6)`, r.Subject.Type, r.Subject.ID, r.Version, nullID(r.UserID),
		toUnix(r.SavedAt), string(r.Snapshot)); err != nil {
		return fmt.Errorf("%s %d revision %d: %w", r.Subject.Type, r.Subject.ID, r.Version, err)
	}
	return nil
}

const revisionColumns = `r.id, r.subject_type, r.subject_id, r.version, COALESCE(r.user_id, 0), r.saved_at, r.snapshot`

func scanRevision(s scanner) (store.Revision, error) {
	var r store.Revision
	var saved sql.NullInt64
	var snapshot string
	if err := s.Scan(&r.ID, &r.Subject.Type, &r.Subject.ID, &r.Version, &r.UserID, &saved, &snapshot); err != nil {
		return r, err
	}
	r.SavedAt, r.Snapshot = fromUnix(saved), []byte(snapshot)
	if r.Subject.Type != store.SubjectArticle {
		return r, nil
	}
	a, err := decodeSnapshot(snapshot)
	r.Article = a
	return r, err
}

// Revisions lists a subject's saved versions, the newest first.
func (r revisionSQL) Revisions(ctx context.Context, s store.Subject) ([]store.Revision, error) {
	return collect(scanRevision)(r.c.query(ctx, `SELECT `+revisionColumns+` FROM revisions r
		WHERE r.subject_type = $1 AND r.subject_id = $2 ORDER BY r.version DESC`, s.Type, s.ID))
}

// Revision returns one saved version.
func (r revisionSQL) Revision(ctx context.Context, id int64) (store.Revision, error) {
	rev, err := scanRevision(r.c.queryRow(ctx, `SELECT `+revisionColumns+` FROM revisions r WHERE r.id = $1`, id))
	if err != nil {
		return rev, fmt.Errorf("revision %d: %w", id, err)
	}
	return rev, nil
}
