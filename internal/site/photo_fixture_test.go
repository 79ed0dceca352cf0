package site_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// fixturePhotos are the fixture's photos by name, and the bytes of their originals.
type fixturePhotos struct {
	byName map[string]*content.Photo
	bytes  map[string][]byte
}

// addPhotos gives the fixture photos, written through the store with small generated
// images at their content's names in the media directory:
//   - "featured", the lead story's featured photo, with no derivatives yet;
//   - "march", "banner" and "placard" (a PNG), the press release's album in that order,
//     "march" captioned differently in the album; the press release's text places
//     "march" alone (a figure without caption), "banner" in a line, and a photo that
//     does not exist;
//   - "banner" and "march" are the Dutch article's album too, "march" with no Dutch alt;
//   - "secret", in the albums of the draft, the embargoed and the archived articles only.
func (f *fixture) addPhotos(t testing.TB) *fixturePhotos {
	t.Helper()
	ctx := context.Background()
	fp := &fixturePhotos{byName: map[string]*content.Photo{}, bytes: map[string][]byte{}}
	specs := []struct {
		name, format, credit, caption, alt string
		w, h, fx, fy                       int
		widths                             []int
	}{
		{"featured", "jpeg", "Marie Dupont", "La place Saint-Lambert à l’aube", "Des grévistes sur la place", 120, 80, 30, 70, nil},
		{"march", "jpeg", "Jean-Pierre Lefèvre", "Le cortège", "Le cortège sur le boulevard", 90, 60, 50, 50, []int{400, 800}},
		{"banner", "jpeg", "", "Une banderole", "Une banderole|Een spandoek", 60, 90, 50, 20, []int{400}},
		{"placard", "png", "Belga", "", "Une pancarte", 40, 40, 50, 50, nil},
		{"secret", "jpeg", "Anonyme", "Pas encore", "Rien", 30, 20, 50, 50, nil},
	}
	f.update(t, func(tx store.Tx) error {
		for i, s := range specs {
			data := testImage(t, s.format, s.w, s.h, uint8(40*i))
			sum := sha256.Sum256(data)
			p := &content.Photo{Hash: hex.EncodeToString(sum[:]), Format: s.format, Width: s.w, Height: s.h,
				Bytes: int64(len(data)), Alt: alts(s.alt), Caption: s.caption, Credit: s.credit,
				FocusX: s.fx, FocusY: s.fy}
			if _, err := tx.CreatePhoto(ctx, p); err != nil {
				return err
			}
			if s.widths != nil {
				if err := tx.SetPhotoWidths(ctx, p.ID, s.widths); err != nil {
					return err
				}
				p.Widths = s.widths
			}
			if err := f.media.Put(ctx, p.OriginalName(), bytes.NewReader(data), int64(len(data))); err != nil {
				return err
			}
			fp.byName[s.name], fp.bytes[s.name] = p, data
		}
		return f.placePhotos(ctx, tx, fp)
	})
	return fp
}

// placePhotos sets the featured photo, the albums and the body that uses photos.
func (f *fixture) placePhotos(ctx context.Context, tx store.Tx, fp *fixturePhotos) error {
	id := func(name string) int64 { return fp.byName[name].ID }
	lead, err := tx.ArticleByID(ctx, f.ids["lead"])
	if err != nil {
		return err
	}
	lead.PhotoID = id("featured")
	if err := tx.UpdateArticle(ctx, lead); err != nil {
		return err
	}
	pr, err := tx.ArticleByID(ctx, f.ids["pr"])
	if err != nil {
		return err
	}
	pr.Body = fmt.Sprintf("Nous appelons à un rassemblement.\n\n![Le cortège](photo:%d)\n\nVoir ![la banderole](photo:%d) et ![rien](photo:%d).",
		id("march"), id("banner"), id("featured")+1000)
	if pr.BodyHTML, err = f.r.Markdown("fr", pr.Body); err != nil {
		return err
	}
	if err := tx.UpdateArticle(ctx, pr); err != nil {
		return err
	}
	album := []content.AlbumItem{{PhotoID: id("march"), Caption: "Le cortège devant l’ambassade"}, {PhotoID: id("banner")}, {PhotoID: id("placard")}}
	if err := tx.SetAlbum(ctx, pr.ID, album); err != nil {
		return err
	}
	if err := tx.SetAlbum(ctx, f.ids["nl"], []content.AlbumItem{{PhotoID: id("banner")}, {PhotoID: id("march")}}); err != nil {
		return err
	}
	for _, hidden := range []string{"brouillon", "sous-embargo", "retire"} {
		if err := tx.SetAlbum(ctx, f.ids[hidden], []content.AlbumItem{{PhotoID: id("secret")}}); err != nil {
			return err
		}
	}
	return nil
}

// alts reads "French|Dutch" alt texts.
func alts(s string) map[content.Lang]string {
	fr, nl, ok := strings.Cut(s, "|")
	m := map[content.Lang]string{"fr": fr}
	if ok {
		m["nl"] = nl
	}
	return m
}

// testImage encodes a small picture of one colour in format.
func testImage(t testing.TB, format string, w, h int, shade uint8) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{R: shade, G: uint8(x * 2), B: uint8(y * 2), A: 255})
		}
	}
	var buf bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80})
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// setWidths records new derivatives of a photo as the derivative job does: the widths,
// and the key of the photo for the pages that show it.
func (f *fixture) setWidths(t testing.TB, p *content.Photo, widths []int) {
	t.Helper()
	f.update(t, func(tx store.Tx) error {
		tx.Affect(content.KeyPhoto(p.ID))
		return tx.SetPhotoWidths(context.Background(), p.ID, widths)
	})
	p.Widths = widths
}
