package demo

import (
	"context"
	"image/jpeg"
	"slices"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/store"
)

// TestDemoPictures: with a media store, the demo draws its pictures, stores them through
// the photo pipeline with alt texts in its three languages and a credit, gives most
// articles one and every photo report an album of distinct pictures, and queues their
// derivatives.
func TestDemoPictures(t *testing.T) {
	t.Parallel()
	db := MustOpen(t)
	m, err := media.NewDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	ctx := context.Background()
	stats, err := Generate(ctx, db, newEditorial(db), Options{Articles: 60, Seed: 5, Now: now, Media: m, Pictures: -1})
	if err != nil {
		t.Fatal(err)
	}
	photos, total, err := db.Photos(ctx, store.PhotoQuery{Limit: 100})
	if err != nil || total != DefaultPictures(60) || len(photos) != total {
		t.Fatalf("photos = %d of %d, %v; want %d", len(photos), total, err, DefaultPictures(60))
	}
	for _, p := range photos {
		for _, l := range langs {
			if p.AltIn(l) == "" || p.Credit == "" {
				t.Errorf("photo %d: alt in %s %q, credit %q", p.ID, l, p.AltIn(l), p.Credit)
			}
		}
		blob, _, err := m.Open(ctx, p.OriginalName())
		if err != nil {
			t.Fatalf("photo %d's original: %v", p.ID, err)
		}
		cfg, err := jpeg.DecodeConfig(blob)
		blob.Close()
		if err != nil || cfg.Width != p.Width || cfg.Height != p.Height {
			t.Errorf("photo %d's original decodes as %+v, %v; recorded %d×%d", p.ID, cfg, err, p.Width, p.Height)
		}
	}
	teasers, err := db.Articles(ctx, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	with := 0
	for _, a := range teasers {
		if a.PhotoID != 0 {
			with++
		}
		if a.Kind != content.KindPhotoReport {
			continue
		}
		album, err := db.Album(ctx, a.ID)
		if err != nil || len(album) < min(8, total) || album[0].PhotoID != a.PhotoID {
			t.Errorf("photo report %q: album of %d, %v, featured %d", a.Slug, len(album), err, a.PhotoID)
		}
		ids := map[int64]bool{}
		for _, it := range album {
			if ids[it.PhotoID] || it.Caption == "" {
				t.Errorf("photo report %q: photo %d twice or without caption", a.Slug, it.PhotoID)
			}
			ids[it.PhotoID] = true
		}
	}
	if stats.PhotoReports == 0 || with < len(teasers)/2 {
		t.Errorf("%d of %d French articles have a picture, %d photo reports", with, len(teasers), stats.PhotoReports)
	}
	jobs, err := db.Jobs(ctx, store.JobQuery{Kind: "photo.derive", Limit: 100})
	if err != nil || len(jobs) != total {
		t.Errorf("derivative jobs = %d, %v; want one a picture", len(jobs), err)
	}
	if !slices.IsSortedFunc(photos, func(a, b content.Photo) int { return int(b.ID - a.ID) }) {
		t.Errorf("the library is not newest first")
	}
}
