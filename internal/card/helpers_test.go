package card_test

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"github.com/roneo/roneo/internal/card"
)

// MustRenderer makes a Renderer or fails the test.
func MustRenderer(tb testing.TB) *card.Renderer {
	tb.Helper()
	r, err := card.NewRenderer()
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// MustRender renders c and returns the PNG's bytes and decoded image, failing the test
// unless it is a PNG of the card's size.
func MustRender(tb testing.TB, r *card.Renderer, c card.Card) ([]byte, image.Image) {
	tb.Helper()
	var buf bytes.Buffer
	if err := r.Render(&buf, c); err != nil {
		tb.Fatalf("Render(%+.80v): %v", c, err)
	}
	img, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		tb.Fatalf("Render(%+.80v) wrote no PNG: %v", c, err)
	}
	if got := img.Bounds(); got != image.Rect(0, 0, card.Width, card.Height) {
		tb.Fatalf("Render(%+.80v) is %v, want %d×%d", c, got, card.Width, card.Height)
	}
	return buf.Bytes(), img
}
