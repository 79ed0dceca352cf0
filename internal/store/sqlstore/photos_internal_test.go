package sqlstore

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// TestPhotoUsesGoWithTheirArticle deletes an article outright, which no store method
// does but an operator may: its featured photo, its album and the photos its text
// placed go with it, and the photos stay. A photo an article uses cannot be deleted
// behind the store's back.
func TestPhotoUsesGoWithTheirArticle(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		db := m.mustOpen(t, m.fresh(t))
		ph := []*content.Photo{photoSeeded("a"), photoSeeded("b")}
		a := &content.Article{Kind: content.KindPhotoReport, Lang: "fr", Slug: "reportage", Title: "Reportage",
			Status: content.StatusPublished, PublishAt: time.Now()}
		err := db.Update(ctx, func(tx store.Tx) error {
			for _, p := range ph {
				if _, err := tx.CreatePhoto(ctx, p); err != nil {
					return err
				}
			}
			a.PhotoID = ph[0].ID
			if err := tx.CreateArticle(ctx, a); err != nil {
				return err
			}
			if err := tx.SetAlbum(ctx, a.ID, []content.AlbumItem{{PhotoID: ph[0].ID}, {PhotoID: ph[1].ID}}); err != nil {
				return err
			}
			return tx.SetBodyPhotos(ctx, a.ID, []int64{ph[1].ID})
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ph {
			if _, err := db.write.ExecContext(ctx, `DELETE FROM photos WHERE id = $1`, p.ID); err == nil {
				t.Errorf("photo %d was deleted while an article uses it", p.ID)
			}
		}
		if _, err := db.write.ExecContext(ctx, `DELETE FROM articles WHERE id = $1`, a.ID); err != nil {
			t.Fatalf("deleting the article: %v", err)
		}
		var featured, items, placed, photos int
		if err := db.read.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM featured_photos),
			(SELECT COUNT(*) FROM album_items), (SELECT COUNT(*) FROM body_photos), (SELECT COUNT(*) FROM photos)`).
			Scan(&featured, &items, &placed, &photos); err != nil {
			t.Fatal(err)
		}
		if featured != 0 || items != 0 || placed != 0 || photos != 2 {
			t.Errorf("after the article's deletion: %d featured, %d album items, %d in texts, %d photos; want 0, 0, 0, 2",
				featured, items, placed, photos)
		}
		for _, p := range ph {
			if err := db.Update(ctx, func(tx store.Tx) error { return tx.DeletePhoto(ctx, p.ID) }); err != nil {
				t.Errorf("deleting photo %d, no longer used: %v", p.ID, err)
			}
		}
	})
}

// photoSeeded returns a valid photo whose hash starts with seed, in hex digits.
func photoSeeded(seed string) *content.Photo {
	hash := ""
	for len(hash) < 64 {
		hash += "0123456789abcdef"
	}
	return &content.Photo{Hash: seed + hash[len(seed):], Format: "jpeg", Width: 10, Height: 10, Bytes: 100}
}
