package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

const previewColumns = `p.hash, p.article_id, COALESCE(p.created_by, 0), p.created_at, p.expires_at, p.revoked_at, p.note`

func scanPreview(s scanner) (store.Preview, error) {
	var p store.Preview
	var created, expires, revoked sql.NullInt64
	err := s.Scan(&p.Hash, &p.ArticleID, &p.CreatedBy, &created, &expires, &revoked, &p.Note)
	p.CreatedAt, p.ExpiresAt, p.RevokedAt = fromUnix(created), fromUnix(expires), fromUnix(revoked)
	return p, err
}

// CreatePreview stores a preview link; one without a creation time is made now.
func (t *tx) CreatePreview(ctx context.Context, p store.Preview) error {
	created := orNow(p.CreatedAt, t.db.now().UTC().Truncate(time.Second))
	_, err := t.exec(ctx, `INSERT INTO previews (hash, article_id, created_by, created_at, expires_at, revoked_at, note)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		p.Hash, p.ArticleID, nullID(p.CreatedBy), toUnix(created), toUnix(p.ExpiresAt), toUnix(p.RevokedAt), p.Note)
	if err != nil {
		return fmt.Errorf("preview of article %d: %w", p.ArticleID, err)
	}
	return nil
}

// RevokePreview stops a link from working. Revoking it again keeps the first time.
func (t *tx) RevokePreview(ctx context.Context, hash string, at time.Time) error {
	res, err := t.exec(ctx, `UPDATE previews SET revoked_at = COALESCE(revoked_at, $1) WHERE hash = $2`, toUnix(at), hash)
	if err != nil {
		return fmt.Errorf("preview: %w", err)
	}
	return oneRow(res, "preview")
}

// Previews lists an article's links, revoked and expired ones included, the newest first.
func (db *DB) Previews(ctx context.Context, articleID int64) ([]store.Preview, error) {
	return collect(scanPreview)(db.query(ctx, `SELECT `+previewColumns+` FROM previews p
		WHERE p.article_id = $1 ORDER BY p.created_at DESC, p.hash`, articleID))
}

// PreviewByHash returns the article of a link that works at now: not revoked, not past
// its expiry, its article not in the trash.
func (db *DB) PreviewByHash(ctx context.Context, hash string, now time.Time) (*content.Article, store.Preview, error) {
	row := db.queryRow(ctx, `SELECT `+previewColumns+` FROM previews p JOIN articles a ON a.id = p.article_id
		WHERE p.hash = $1 AND p.revoked_at IS NULL AND p.expires_at > $2 AND a.deleted_at IS NULL`, hash, now.Unix())
	p, err := scanPreview(row)
	if err != nil {
		return nil, store.Preview{}, fmt.Errorf("preview: %w", db.dialect.translate(err))
	}
	a, err := db.ArticleByID(ctx, p.ArticleID)
	if err != nil {
		return nil, store.Preview{}, err
	}
	return a, p, nil
}

// PutAutosave keeps what someone typed, replacing what was kept for them before.
func (db *DB) PutAutosave(ctx context.Context, a store.Autosave) error {
	snapshot, err := encodeSnapshot(&a.Article)
	if err != nil {
		return err
	}
	saved := orNow(a.SavedAt, db.now().UTC().Truncate(time.Second))
	_, err = db.write.ExecContext(ctx, `INSERT INTO autosaves (article_id, user_id, saved_at, snapshot) VALUES ($1, $2, $3, $4)
		ON CONFLICT (article_id, user_id) DO UPDATE SET saved_at = EXCLUDED.saved_at, snapshot = EXCLUDED.snapshot`,
		a.ArticleID, a.UserID, toUnix(saved), snapshot)
	if err != nil {
		return fmt.Errorf("autosave of article %d: %w", a.ArticleID, db.dialect.translate(err))
	}
	return nil
}

// Autosave returns what was kept for this person and article.
func (db *DB) Autosave(ctx context.Context, articleID, userID int64) (store.Autosave, error) {
	row := db.queryRow(ctx, `SELECT saved_at, snapshot FROM autosaves WHERE article_id = $1 AND user_id = $2`,
		articleID, userID)
	var saved sql.NullInt64
	var snapshot string
	if err := row.Scan(&saved, &snapshot); err != nil {
		return store.Autosave{}, fmt.Errorf("autosave of article %d: %w", articleID, db.dialect.translate(err))
	}
	a, err := decodeSnapshot(snapshot)
	if err != nil {
		return store.Autosave{}, err
	}
	return store.Autosave{ArticleID: articleID, UserID: userID, SavedAt: fromUnix(saved), Article: a}, nil
}

// DeleteAutosave forgets what was kept; there may be nothing to forget.
func (db *DB) DeleteAutosave(ctx context.Context, articleID, userID int64) error {
	_, err := db.write.ExecContext(ctx, `DELETE FROM autosaves WHERE article_id = $1 AND user_id = $2`, articleID, userID)
	return db.dialect.translate(err)
}
