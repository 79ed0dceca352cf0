package photo

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/gen2brain/webp"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/media"
)

// The corners of testPicture, so that a turn or a mirror can be told from a glance at
// four pixels.
var (
	topLeft     = color.RGBA{220, 30, 30, 255} // red
	topRight    = color.RGBA{30, 200, 30, 255} // green
	bottomLeft  = color.RGBA{30, 30, 220, 255} // blue
	bottomRight = color.RGBA{240, 240, 240, 255}
)

// testPicture is a w×h picture of four flat quarters with a soft gradient across, like
// a photo in that JPEG can encode it well.
func testPicture(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := [2][2]color.RGBA{{topLeft, topRight}, {bottomLeft, bottomRight}}[2*y/h][2*x/w]
			c.R = c.R - uint8(10*x/w)
			c.G = c.G - uint8(10*y/h)
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func encodeJPEG(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func encodeWebP(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := webp.Encode(&buf, img, webp.Options{Quality: 90}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func newStore(tb testing.TB) *media.Dir {
	tb.Helper()
	st, err := media.NewDir(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// blobs lists the names in a store.
func blobs(tb testing.TB, st media.Store) []string {
	tb.Helper()
	var names []string
	err := st.List(context.Background(), "", func(i media.Info) error {
		names = append(names, i.Name)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return names
}

// MustClean cleans data into st and fails the test on an error.
func MustClean(tb testing.TB, st media.Store, data []byte) content.Photo {
	tb.Helper()
	p, err := Clean(context.Background(), st, bytes.NewReader(data), DefaultLimits)
	if err != nil {
		tb.Fatalf("Clean: %v", err)
	}
	return p
}

// MustDerive makes p's derivatives and fails the test on an error.
func MustDerive(tb testing.TB, st media.Store, p content.Photo) []int {
	tb.Helper()
	widths, err := Derive(context.Background(), st, p)
	if err != nil {
		tb.Fatalf("Derive: %v", err)
	}
	return widths
}

// read returns a stored blob's bytes.
func read(tb testing.TB, st media.Store, name string) []byte {
	tb.Helper()
	blob, _, err := st.Open(context.Background(), name)
	if err != nil {
		tb.Fatal(err)
	}
	defer blob.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(blob); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// decodeAny decodes a stored JPEG, PNG or WebP and says which it was.
func decodeAny(tb testing.TB, data []byte) (image.Image, string) {
	tb.Helper()
	img, kind, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("decoding a stored file: %v", err)
	}
	return img, kind
}

// near reports whether two colours differ by at most tol in each channel.
func near(a, b color.Color, tol int) bool {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := func(x, y uint32) bool { return abs(int(x>>8)-int(y>>8)) <= tol }
	return d(r1, r2) && d(g1, g2) && d(b1, b2)
}

func abs(x int) int { return max(x, -x) }

// wantRefusal checks that err is an *Error of kind.
func wantRefusal(tb testing.TB, err, kind error) {
	tb.Helper()
	var pe *Error
	switch {
	case err == nil:
		tb.Fatalf("accepted; want %v", kind)
	case !errors.As(err, &pe):
		tb.Fatalf("error %v (%T) is no *photo.Error", err, err)
	case !errors.Is(err, kind):
		tb.Fatalf("refused as %v (%q); want %v", pe.Kind, pe.Reason, kind)
	}
}
