package photo

import (
	"image"
	"image/color"
	"math/rand/v2"
	"testing"
)

// srcOf is where the pixel at (x, y) of a w×h picture turned by orientation o comes
// from, written from the EXIF specification's pictures rather than from turn's table.
func srcOf(o, w, h, x, y int) (int, int) {
	switch o {
	case 2:
		return w - 1 - x, y
	case 3:
		return w - 1 - x, h - 1 - y
	case 4:
		return x, h - 1 - y
	case 5:
		return y, x
	case 6:
		return y, h - 1 - x
	case 7:
		return w - 1 - y, h - 1 - x
	case 8:
		return w - 1 - y, x
	}
	return x, y
}

// TestOrientEveryType turns pictures of every type the decoders return, in every
// orientation, and compares each pixel with where the specification says it comes from.
func TestOrientEveryType(t *testing.T) {
	const w, h = 6, 4 // even, so that chroma samples map exactly
	r := image.Rect(0, 0, w, h)
	rnd := rand.New(rand.NewPCG(1, 2))
	fill := func(b []byte) {
		for i := range b {
			b[i] = uint8(rnd.IntN(256))
		}
	}
	gray, rgba, nrgba := image.NewGray(r), image.NewRGBA(r), image.NewNRGBA(r)
	pal := image.NewPaletted(r, color.Palette{color.Black, color.White, topLeft, topRight})
	fill(gray.Pix)
	fill(rgba.Pix)
	fill(nrgba.Pix)
	for i := range pal.Pix {
		pal.Pix[i] = uint8(rnd.IntN(4))
	}
	images := []image.Image{gray, rgba, nrgba, pal}
	for _, ratio := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422,
		image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440} {
		m := image.NewYCbCr(r, ratio)
		fill(m.Y)
		fill(m.Cb)
		fill(m.Cr)
		images = append(images, m)
	}
	alpha := image.NewNYCbCrA(r, image.YCbCrSubsampleRatio420)
	fill(alpha.Y)
	fill(alpha.Cb)
	fill(alpha.Cr)
	fill(alpha.A)
	images = append(images, alpha)

	for _, img := range images {
		for o := 1; o <= 8; o++ {
			out := orient(img, o)
			ow, oh := w, h
			if o >= 5 {
				ow, oh = h, w
			}
			if out.Bounds() != image.Rect(0, 0, ow, oh) {
				t.Fatalf("%T, orientation %d: bounds %v", img, o, out.Bounds())
			}
			if !sameType(img, out) {
				t.Errorf("%T, orientation %d: became %T", img, o, out)
			}
			for y := range oh {
				for x := range ow {
					sx, sy := srcOf(o, w, h, x, y)
					if got, want := out.At(x, y), img.At(sx, sy); got != want {
						t.Fatalf("%T %v, orientation %d: (%d,%d) is %v; want %v from (%d,%d)",
							img, subsampling(img), o, x, y, got, want, sx, sy)
					}
				}
			}
		}
	}
}

func sameType(a, b image.Image) bool {
	switch a.(type) {
	case *image.Gray:
		_, ok := b.(*image.Gray)
		return ok
	case *image.RGBA:
		_, ok := b.(*image.RGBA)
		return ok
	case *image.NRGBA:
		_, ok := b.(*image.NRGBA)
		return ok
	case *image.Paletted:
		_, ok := b.(*image.Paletted)
		return ok
	case *image.YCbCr:
		_, ok := b.(*image.YCbCr)
		return ok
	case *image.NYCbCrA:
		_, ok := b.(*image.NYCbCrA)
		return ok
	}
	return false
}

func subsampling(img image.Image) string {
	if m, ok := img.(*image.YCbCr); ok {
		return m.SubsampleRatio.String()
	}
	return ""
}

// TestOrientOddSizes turns odd-sized 4:2:0 and 4:1:1 pictures: sizes follow, 4:2:0
// stays planes with exact luma (its chroma is a half sample off at an odd edge, which no
// eye sees), and 4:1:1, which has no turned ratio, is turned as RGB, exactly.
func TestOrientOddSizes(t *testing.T) {
	for _, ratio := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio411} {
		m := image.NewYCbCr(image.Rect(0, 0, 7, 5), ratio)
		for i := range m.Y {
			m.Y[i] = uint8(i * 5)
		}
		for i := range m.Cb {
			m.Cb[i], m.Cr[i] = uint8(i*40), uint8(255-i*30)
		}
		for o := 2; o <= 8; o++ {
			out := orient(m, o)
			ow, oh := 7, 5
			if o >= 5 {
				ow, oh = 5, 7
			}
			if out.Bounds() != image.Rect(0, 0, ow, oh) {
				t.Fatalf("%v, %d: %v", ratio, o, out.Bounds())
			}
			for y := range oh {
				for x := range ow {
					sx, sy := srcOf(o, 7, 5, x, y)
					switch turned := out.(type) {
					case *image.YCbCr:
						if turned.Y[turned.YOffset(x, y)] != m.Y[m.YOffset(sx, sy)] {
							t.Fatalf("%v, %d: luma at (%d,%d)", ratio, o, x, y)
						}
					default:
						if got, want := out.At(x, y), color.NRGBAModel.Convert(m.At(sx, sy)); got != want {
							t.Fatalf("%v, %d: (%d,%d) is %v; want %v", ratio, o, x, y, got, want)
						}
					}
				}
			}
		}
	}
}

// TestExifOrientation reads the orientation from EXIF in both byte orders and ignores
// broken EXIF.
func TestExifOrientation(t *testing.T) {
	le := orientationTIFF(6)
	be := []byte("MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x08\x00\x00\x00\x00\x00\x00")
	for _, tc := range []struct {
		name string
		tiff []byte
		want int
	}{
		{"little-endian", le, 6},
		{"big-endian", be, 8},
		{"full EXIF", exifTIFF(3), 3},
		{"empty", nil, 1},
		{"cut", le[:len(le)-8], 1},
		{"out of range", orientationTIFF(9), 1},
		{"not TIFF", []byte("JFIF\x00\x01\x02\x03\x04\x05"), 1},
		{"offset past the end", []byte("II*\x00\xff\xff\x00\x00"), 1},
		{"count past the end", []byte("II*\x00\x08\x00\x00\x00\xff\xff"), 1},
	} {
		if got := exifOrientation(tc.tiff); got != tc.want {
			t.Errorf("%s: %d; want %d", tc.name, got, tc.want)
		}
	}
}
