package store

import (
	"context"

	"github.com/roneo/roneo/internal/content"
)

// PhotoQuery selects photos for the newsroom's library, the newest first.
type PhotoQuery struct {
	// Q matches the caption, the credit or an alt text (case- and accent-insensitive
	// substring; each word of Q must match); "" matches every photo.
	Q string
	// Limit 0 is the newsroom's default page.
	Limit, Offset int
}

// PhotoReader reads photos and albums. Photos are no public content of their own: every
// reader sees them all, and the pages that show one decide by their article.
type PhotoReader interface {
	// PhotoByID and PhotoByHash load a photo; ErrNotFound if absent.
	PhotoByID(ctx context.Context, id int64) (content.Photo, error)
	PhotoByHash(ctx context.Context, hash string) (content.Photo, error)
	// PhotosByID loads the photos among ids that exist.
	PhotosByID(ctx context.Context, ids []int64) (map[int64]content.Photo, error)
	// Photos lists the library for q, and how many photos match in all.
	Photos(ctx context.Context, q PhotoQuery) ([]content.Photo, int, error)
	// PhotoUses lists every use of a photo by an article not in the trash, and by those
	// in the trash too: deleting the photo would break either.
	PhotoUses(ctx context.Context, photoID int64) ([]content.PhotoUse, error)
	// Album returns an article's album in order, each item with its Photo filled; none
	// is an empty album.
	Album(ctx context.Context, articleID int64) ([]content.AlbumItem, error)
	// AlbumLen is how many photos an article's album holds.
	AlbumLen(ctx context.Context, articleID int64) (int, error)
}

// PhotoWriter changes photos and albums.
type PhotoWriter interface {
	// CreatePhoto stores a new photo and sets its ID, CreatedAt and UpdatedAt. When a
	// photo with the same Hash exists it stores nothing, fills p with the stored one and
	// returns false.
	CreatePhoto(ctx context.Context, p *content.Photo) (created bool, err error)
	// UpdatePhoto saves a photo's alt texts, caption, credit and focal point.
	UpdatePhoto(ctx context.Context, p *content.Photo) error
	// SetPhotoWidths records the derivative widths that exist, ascending.
	SetPhotoWidths(ctx context.Context, id int64, widths []int) error
	// DeletePhoto removes a photo's record; ErrConflict while an article uses it (see
	// PhotoUses). Its files are the caller's to delete once this has committed.
	DeletePhoto(ctx context.Context, id int64) error
	// SetAlbum replaces an article's album by items, in order (at most
	// content.MaxAlbumLen); ErrNotFound names a photo or article that does not exist.
	SetAlbum(ctx context.Context, articleID int64, items []content.AlbumItem) error
	// SetBodyPhotos records which photos an article's text places (![…](photo:N)),
	// replacing the previous set, for PhotoUses.
	SetBodyPhotos(ctx context.Context, articleID int64, photoIDs []int64) error
}
