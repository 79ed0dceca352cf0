package pictures_test

import (
	"crypto/sha256"
	"fmt"
	"image"
	"testing"

	"github.com/roneo/roneo/internal/demo/pictures"
)

// kinds are every kind and two that are none, which must draw too.
func kinds() []pictures.Kind { return append(pictures.Kinds(), -1, 99) }

func hash(img *image.RGBA) string { return fmt.Sprintf("%x", sha256.Sum256(img.Pix)) }

func TestDrawIsDeterministic(t *testing.T) {
	for _, k := range kinds() {
		s := pictures.Spec{Kind: k, Seed: 42, Text: "Pas de réforme sans nous !", Width: 240, Height: 160}
		if a, b := hash(pictures.Draw(s)), hash(pictures.Draw(s)); a != b {
			t.Errorf("%v: two draws of one Spec differ", k)
		}
	}
}

func TestSeedsGiveDifferentPictures(t *testing.T) {
	for _, k := range pictures.Kinds() {
		seen := map[string]uint64{}
		for seed := range uint64(6) {
			h := hash(pictures.Draw(pictures.Spec{Kind: k, Seed: seed, Width: 150, Height: 100}))
			if other, ok := seen[h]; ok {
				t.Errorf("%v: seeds %d and %d draw the same picture", k, other, seed)
			}
			seen[h] = seed
		}
	}
}

func TestKindsGiveDifferentPictures(t *testing.T) {
	seen := map[string]pictures.Kind{}
	for _, k := range pictures.Kinds() {
		h := hash(pictures.Draw(pictures.Spec{Kind: k, Seed: 7, Width: 150, Height: 100}))
		if other, ok := seen[h]; ok {
			t.Errorf("%v and %v draw the same picture", k, other)
		}
		seen[h] = k
	}
}

// TestTextIsDrawn: the slogan changes the picture, and only where the placard,
// banner or slide is: the rest is drawn the same with or without it.
func TestTextIsDrawn(t *testing.T) {
	for _, k := range []pictures.Kind{pictures.Placard, pictures.Banner, pictures.Meeting} {
		for seed := range uint64(4) {
			s := pictures.Spec{Kind: k, Seed: seed, Width: 360, Height: 240}
			plain := pictures.Draw(s)
			s.Text = "Handen af van ons pensioen"
			lettered := pictures.Draw(s)
			changed, area := diff(plain, lettered)
			if changed < 100 {
				t.Errorf("%v seed %d: the text changed %d pixels; want it drawn", k, seed, changed)
			}
			if total := s.Width * s.Height; area.Dx()*area.Dy() > total/2 {
				t.Errorf("%v seed %d: the text changed pixels over %v, more than half the picture", k, seed, area)
			}
		}
	}
}

// diff counts the pixels that differ and the rectangle that holds them.
func diff(a, b *image.RGBA) (n int, area image.Rectangle) {
	for y := range a.Rect.Dy() {
		for x := range a.Rect.Dx() {
			i := a.PixOffset(x, y)
			if a.Pix[i] != b.Pix[i] || a.Pix[i+1] != b.Pix[i+1] || a.Pix[i+2] != b.Pix[i+2] {
				n++
				area = area.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return n, area
}

// TestSizes: every kind at every size, however odd, fills the whole picture with
// opaque pixels and nothing else.
func TestSizes(t *testing.T) {
	sizes := [][2]int{{1, 1}, {2, 3}, {17, 3000}, {3000, 17}, {40, 40}, {240, 160}, {160, 240}}
	for _, k := range kinds() {
		for _, size := range sizes {
			for seed := range uint64(2) {
				s := pictures.Spec{Kind: k, Seed: seed, Text: "Égalité salariale, maintenant !", Width: size[0], Height: size[1]}
				img := pictures.Draw(s)
				if got := img.Bounds(); got != image.Rect(0, 0, size[0], size[1]) {
					t.Fatalf("%v at %v: bounds %v", k, size, got)
				}
				if x, y, ok := transparent(img); ok {
					t.Errorf("%v seed %d at %v: pixel %d,%d left unpainted", k, seed, size, x, y)
				}
			}
		}
	}
}

func transparent(img *image.RGBA) (x, y int, found bool) {
	for i := 3; i < len(img.Pix); i += 4 {
		if img.Pix[i] != 0xff {
			p := i / 4
			return p % img.Rect.Dx(), p / img.Rect.Dx(), true
		}
	}
	return 0, 0, false
}

func TestNoSizeDrawsNothing(t *testing.T) {
	for _, size := range [][2]int{{0, 0}, {0, 100}, {100, 0}, {-5, 10}, {-1, -1}} {
		img := pictures.Draw(pictures.Spec{Kind: pictures.Crowd, Width: size[0], Height: size[1]})
		if !img.Bounds().Empty() {
			t.Errorf("%v: bounds %v, want empty", size, img.Bounds())
		}
	}
}

func TestKindString(t *testing.T) {
	for _, k := range pictures.Kinds() {
		if k.String() == "unknown" {
			t.Errorf("kind %d has no name", int(k))
		}
	}
	if got := pictures.Kind(99).String(); got != "unknown" {
		t.Errorf("Kind(99) = %q", got)
	}
}

// FuzzText: no slogan, however long or strange, breaks a picture.
func FuzzText(f *testing.F) {
	for _, s := range sampleTexts {
		f.Add(s, uint64(1))
	}
	f.Add("Arbeidsongeschiktheidsverzekeringsmaatschappijen", uint64(2))
	f.Add("\u202e\u0000\x80 🚩 تحيا 中文 ", uint64(3))
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		for _, k := range []pictures.Kind{pictures.Placard, pictures.Banner, pictures.Meeting} {
			img := pictures.Draw(pictures.Spec{Kind: k, Seed: seed, Text: text, Width: 120, Height: 80})
			if img.Bounds().Dx() != 120 {
				t.Fatal("wrong size")
			}
		}
	})
}
