package photo

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"slices"
	"sync/atomic"
	"testing"

	xwebp "golang.org/x/image/webp"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/media"
)

// countingStore counts the blobs written to a real store.
type countingStore struct {
	media.Store
	puts atomic.Int64
}

func (c *countingStore) Put(ctx context.Context, name string, r io.Reader, size int64) error {
	c.puts.Add(1)
	return c.Store.Put(ctx, name, r, size)
}

// TestDeriveSizesAndFormats makes the derivatives of a wide and a small photo, and
// decodes each: a JPEG and a WebP at every wanted width, with the photo's proportions.
func TestDeriveSizesAndFormats(t *testing.T) {
	for _, tc := range []struct {
		w, h   int
		widths []int
	}{
		{1700, 500, []int{400, 800, 1600}},
		{500, 300, []int{400, 500}},
		{300, 500, []int{300}},
	} {
		st := newStore(t)
		p := MustClean(t, st, encodeJPEG(t, testPicture(tc.w, tc.h)))
		widths := MustDerive(t, st, p)
		if !slices.Equal(widths, tc.widths) {
			t.Errorf("%d × %d: widths %v; want %v", tc.w, tc.h, widths, tc.widths)
		}
		if n := len(blobs(t, st)); n != 1+2*len(tc.widths) {
			t.Errorf("%d × %d: %d blobs", tc.w, tc.h, n)
		}
		for _, w := range tc.widths {
			wantH := (tc.h*w + tc.w/2) / tc.w
			jpg, err := jpeg.Decode(bytes.NewReader(read(t, st, p.DerivativeName(w, "jpg"))))
			if err != nil {
				t.Fatalf("%d JPEG: %v", w, err)
			}
			wp, err := xwebp.Decode(bytes.NewReader(read(t, st, p.DerivativeName(w, "webp"))))
			if err != nil {
				t.Fatalf("%d WebP: %v", w, err)
			}
			for _, img := range []image.Image{jpg, wp} {
				if b := img.Bounds(); b.Dx() != w || b.Dy() != wantH {
					t.Errorf("%d: a %T of %v; want %d × %d", w, img, b, w, wantH)
				}
			}
			// The corners are still where they were.
			if c := jpg.At(w/8, wantH/8); !near(c, topLeft, 30) {
				t.Errorf("%d JPEG: top left %v", w, c)
			}
			if c := jpg.At(w-w/8, wantH-wantH/8); !near(c, bottomRight, 30) {
				t.Errorf("%d JPEG: bottom right %v", w, c)
			}
		}
	}
}

// TestDeriveTwice writes nothing the second time, and only what is missing after a
// derivative was lost: a retried job finishes the work.
func TestDeriveTwice(t *testing.T) {
	ctx := context.Background()
	st := &countingStore{Store: newStore(t)}
	p := MustClean(t, st, encodeJPEG(t, testPicture(500, 300)))
	st.puts.Store(0)
	MustDerive(t, st, p)
	if n := st.puts.Load(); n != 4 {
		t.Errorf("first Derive wrote %d blobs; want 4", n)
	}
	before, _ := st.Stat(ctx, p.DerivativeName(400, "webp"))
	widths := MustDerive(t, st, p)
	if n := st.puts.Load(); n != 4 {
		t.Errorf("second Derive wrote %d blobs", n-4)
	}
	if !slices.Equal(widths, []int{400, 500}) {
		t.Errorf("second Derive: %v", widths)
	}
	after, _ := st.Stat(ctx, p.DerivativeName(400, "webp"))
	if before.ETag != after.ETag {
		t.Error("a derivative was written again")
	}
	if err := st.Delete(ctx, p.DerivativeName(400, "jpg")); err != nil {
		t.Fatal(err)
	}
	MustDerive(t, st, p)
	if n := st.puts.Load(); n != 5 {
		t.Errorf("Derive after a loss wrote %d blobs; want 1", n-4)
	}
}

// TestDeriveTransparent lays a transparent PNG's JPEG derivatives on white and keeps
// the transparency in WebP.
func TestDeriveTransparent(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 420, 100))
	for y := range 100 {
		for x := range 420 {
			if x >= 210 {
				img.SetNRGBA(x, y, color.NRGBA{200, 20, 20, 255})
			}
		}
	}
	st := newStore(t)
	p := MustClean(t, st, encodePNG(t, img))
	if p.Format != "png" {
		t.Fatalf("cleaned as %s", p.Format)
	}
	MustDerive(t, st, p)
	jpg, _ := decodeAny(t, read(t, st, p.DerivativeName(400, "jpg")))
	if c := jpg.At(50, 50); !near(c, color.White, 4) {
		t.Errorf("transparent part of the JPEG: %v; want white", c)
	}
	if c := jpg.At(350, 50); !near(c, color.RGBA{200, 20, 20, 255}, 12) {
		t.Errorf("opaque part of the JPEG: %v", c)
	}
	wp, err := xwebp.Decode(bytes.NewReader(read(t, st, p.DerivativeName(400, "webp"))))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := wp.At(50, 50).RGBA(); a != 0 {
		t.Errorf("transparent part of the WebP has alpha %d", a>>8)
	}
}

// TestDeriveErrors fails for a photo that is not stored or not what it says.
func TestDeriveErrors(t *testing.T) {
	st := newStore(t)
	p := MustClean(t, st, encodeJPEG(t, testPicture(500, 300)))
	for _, tc := range []struct {
		name string
		p    content.Photo
	}{
		{"no hash", content.Photo{Width: 500, Height: 300, Format: "jpeg"}},
		{"no size", content.Photo{Hash: p.Hash, Format: "jpeg"}},
		{"not stored", content.Photo{Hash: "ab" + p.Hash[2:], Width: 500, Height: 300, Format: "jpeg"}},
		{"other size", content.Photo{Hash: p.Hash, Width: 501, Height: 300, Format: "jpeg"}},
	} {
		if widths, err := Derive(context.Background(), st, tc.p); err == nil {
			t.Errorf("%s: made %v", tc.name, widths)
		}
	}
	if _, err := Derive(context.Background(), st, content.Photo{Hash: "ab" + p.Hash[2:], Width: 500, Height: 300}); !errors.Is(err, media.ErrNotFound) {
		t.Errorf("not stored: %v; want media.ErrNotFound", err)
	}
	if n := len(blobs(t, st)); n != 1 {
		t.Errorf("%d blobs", n)
	}
}
