package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// CreatePhoto stores a new photo, or fills p with the stored one of the same hash. Two
// uploads of one photo at once store it once: the second waits for the first and finds
// its row (ON CONFLICT), instead of failing.
func (t *tx) CreatePhoto(ctx context.Context, p *content.Photo) (bool, error) {
	if err := p.Validate(); err != nil {
		return false, err
	}
	alt, err := encodeAlt(p.Alt)
	if err != nil {
		return false, err
	}
	now := t.db.now().UTC().Truncate(time.Second)
	created := orNow(p.CreatedAt, now)
	updated := orNow(p.UpdatedAt, created)
	var id int64
	err = t.queryRow(ctx, `INSERT INTO photos (hash, format, width, height, bytes, alt, caption, credit,
			focus_x, focus_y, widths, folded, created_at, updated_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
		ON CONFLICT (hash) DO NOTHING RETURNING id`,
		p.Hash, p.Format, p.Width, p.Height, p.Bytes, alt, p.Caption, p.Credit, p.FocusX, p.FocusY,
		encodeWidths(p.Widths), foldPhoto(p), toUnix(created), toUnix(updated), nullID(p.CreatedBy)).Scan(&id)
	if errors.Is(err, store.ErrNotFound) { // no row inserted: the hash is taken
		stored, err := t.PhotoByHash(ctx, p.Hash)
		if err != nil {
			return false, err
		}
		*p = stored
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("photo %s: %w", p.Hash, err)
	}
	p.ID, p.CreatedAt, p.UpdatedAt = id, created, updated
	t.wroteContent()
	return true, nil
}

// UpdatePhoto saves what the newsroom edits of a photo: its alt texts, caption, credit
// and focal point.
func (t *tx) UpdatePhoto(ctx context.Context, p *content.Photo) error {
	if err := p.Validate(); err != nil {
		return err
	}
	alt, err := encodeAlt(p.Alt)
	if err != nil {
		return err
	}
	now := t.db.now().UTC().Truncate(time.Second)
	res, err := t.exec(ctx, `UPDATE photos SET alt = $1, caption = $2, credit = $3, focus_x = $4, focus_y = $5,
		folded = $6, updated_at = $7 WHERE id = $8`,
		alt, p.Caption, p.Credit, p.FocusX, p.FocusY, foldPhoto(p), toUnix(now), p.ID)
	if err != nil {
		return fmt.Errorf("photo %d: %w", p.ID, err)
	}
	if err := oneRow(res, "photo "+strconv.FormatInt(p.ID, 10)); err != nil {
		return err
	}
	p.UpdatedAt = now
	t.wroteContent()
	return nil
}

// SetPhotoWidths records the derivative widths that exist.
func (t *tx) SetPhotoWidths(ctx context.Context, id int64, widths []int) error {
	for i, w := range widths {
		if w <= 0 || i > 0 && w <= widths[i-1] {
			return fmt.Errorf("%w: photo %d: widths %v are not ascending", content.ErrInvalid, id, widths)
		}
	}
	res, err := t.exec(ctx, `UPDATE photos SET widths = $1 WHERE id = $2`, encodeWidths(widths), id)
	if err != nil {
		return fmt.Errorf("photo %d: %w", id, err)
	}
	if err := oneRow(res, "photo "+strconv.FormatInt(id, 10)); err != nil {
		return err
	}
	t.wroteContent()
	return nil
}

// DeletePhoto removes a photo no article uses.
func (t *tx) DeletePhoto(ctx context.Context, id int64) error {
	var used bool
	if err := t.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM featured_photos WHERE photo_id = $1)
		OR EXISTS (SELECT 1 FROM album_items WHERE photo_id = $1)
		OR EXISTS (SELECT 1 FROM body_photos WHERE photo_id = $1)`, id).Scan(&used); err != nil {
		return fmt.Errorf("photo %d: %w", id, err)
	}
	if used {
		return fmt.Errorf("photo %d is used by an article: %w", id, store.ErrConflict)
	}
	res, err := t.exec(ctx, `DELETE FROM photos WHERE id = $1`, id)
	if errors.Is(err, content.ErrInvalid) {
		// A reference the check above did not see: an article that took the photo
		// since, in a transaction committed in between (PostgreSQL).
		return fmt.Errorf("photo %d is used by an article: %w: %w", id, store.ErrConflict, err)
	}
	if err != nil {
		return fmt.Errorf("photo %d: %w", id, err)
	}
	if err := oneRow(res, "photo "+strconv.FormatInt(id, 10)); err != nil {
		return err
	}
	t.wroteContent()
	return nil
}

// writeFeaturedPhoto records a's featured photo, or that it has none. A photo that does
// not exist breaks a reference, as a section that does not exist does: content.ErrInvalid.
func (t *tx) writeFeaturedPhoto(ctx context.Context, a *content.Article) error {
	if a.PhotoID == 0 {
		_, err := t.exec(ctx, `DELETE FROM featured_photos WHERE article_id = $1`, a.ID)
		return err
	}
	if _, err := t.exec(ctx, `INSERT INTO featured_photos (article_id, photo_id) VALUES ($1, $2)
		ON CONFLICT (article_id) DO UPDATE SET photo_id = EXCLUDED.photo_id`, a.ID, a.PhotoID); err != nil {
		return fmt.Errorf("featured photo %d: %w", a.PhotoID, err)
	}
	return nil
}

// SetAlbum replaces an article's album.
func (t *tx) SetAlbum(ctx context.Context, articleID int64, items []content.AlbumItem) error {
	if err := content.ValidateAlbum(items); err != nil {
		return err
	}
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.PhotoID
	}
	if err := t.mustExist(ctx, articleID, ids); err != nil {
		return err
	}
	if _, err := t.exec(ctx, `DELETE FROM album_items WHERE article_id = $1`, articleID); err != nil {
		return fmt.Errorf("album of article %d: %w", articleID, err)
	}
	rows := make([][]any, len(items))
	for i, it := range items {
		rows[i] = []any{articleID, i, it.PhotoID, it.Caption}
	}
	if err := t.insertRows(ctx, `INSERT INTO album_items (article_id, position, photo_id, caption)`, rows); err != nil {
		return fmt.Errorf("album of article %d: %w", articleID, err)
	}
	t.wroteContent()
	return nil
}

// SetBodyPhotos replaces the photos an article's text places.
func (t *tx) SetBodyPhotos(ctx context.Context, articleID int64, photoIDs []int64) error {
	photoIDs = dedupe(photoIDs)
	if err := t.mustExist(ctx, articleID, photoIDs); err != nil {
		return err
	}
	if _, err := t.exec(ctx, `DELETE FROM body_photos WHERE article_id = $1`, articleID); err != nil {
		return fmt.Errorf("photos of article %d: %w", articleID, err)
	}
	rows := make([][]any, len(photoIDs))
	for i, id := range photoIDs {
		rows[i] = []any{articleID, id}
	}
	if err := t.insertRows(ctx, `INSERT INTO body_photos (article_id, photo_id)`, rows); err != nil {
		return fmt.Errorf("photos of article %d: %w", articleID, err)
	}
	t.wroteContent()
	return nil
}

// mustExist returns store.ErrNotFound, naming it, for the article or the first photo
// that does not exist: checked first, rather than left to the foreign keys, so that the
// caller learns which and the transaction has no failed statement.
func (t *tx) mustExist(ctx context.Context, articleID int64, photoIDs []int64) error {
	var found bool
	if err := t.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1)`, articleID).Scan(&found); err != nil {
		return err
	}
	if !found {
		return fmt.Errorf("article %d: %w", articleID, store.ErrNotFound)
	}
	photos, err := t.PhotosByID(ctx, photoIDs)
	if err != nil {
		return err
	}
	for _, id := range photoIDs {
		if _, ok := photos[id]; !ok {
			return fmt.Errorf("photo %d: %w", id, store.ErrNotFound)
		}
	}
	return nil
}

// rowsPerInsert bounds the rows of one multi-row INSERT: a 200-photo album is one
// statement, not 200 round trips, and every statement stays far under both databases'
// limits on parameters.
const rowsPerInsert = 250

// insertRows inserts rows, each a list of values for the columns head names, in
// multi-row INSERTs.
func (t *tx) insertRows(ctx context.Context, head string, rows [][]any) error {
	for len(rows) > 0 {
		batch := rows[:min(len(rows), rowsPerInsert)]
		rows = rows[len(batch):]
		var b strings.Builder
		var args []any
		b.WriteString(head + " VALUES ")
		for i, r := range batch {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(" + placeholders(len(args)+1, len(r)) + ")")
			args = append(args, r...)
		}
		if _, err := t.exec(ctx, b.String(), args...); err != nil {
			return err
		}
	}
	return nil
}
