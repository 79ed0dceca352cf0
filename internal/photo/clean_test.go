package photo

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"os"
	"testing"

	"github.com/roneo/roneo/internal/content"
)

// TestCleanFormats cleans each kind of accepted image and checks what is stored: the
// format, the size, the name from the hash of the stored bytes, and the picture.
func TestCleanFormats(t *testing.T) {
	pic := testPicture(60, 40)
	gray := image.NewGray(image.Rect(0, 0, 60, 40))
	for i := range gray.Pix {
		gray.Pix[i] = uint8(i)
	}
	transparent := image.NewNRGBA(image.Rect(0, 0, 60, 40))
	for i := range transparent.Pix {
		transparent.Pix[i] = uint8(i * 3)
	}
	paletted := image.NewPaletted(image.Rect(0, 0, 60, 40), color.Palette{topLeft, topRight, color.NRGBA{0, 0, 0, 0}})
	for i := range paletted.Pix {
		paletted.Pix[i] = uint8(i % 3)
	}
	for _, tc := range []struct {
		name, format string
		data         []byte
		model        color.Model // of the stored original, decoded
	}{
		{"JPEG", "jpeg", encodeJPEG(t, pic), color.YCbCrModel},
		{"grey JPEG", "jpeg", encodeJPEG(t, gray), color.GrayModel},
		{"PNG", "png", encodePNG(t, pic), color.RGBAModel},
		{"grey PNG", "png", encodePNG(t, gray), color.GrayModel},
		{"PNG with transparency", "png", encodePNG(t, transparent), color.NRGBAModel},
		{"PNG with a palette", "png", encodePNG(t, paletted), paletted.Palette},
		{"WebP", "jpeg", encodeWebP(t, pic), color.YCbCrModel},
		{"WebP with transparency", "png", encodeWebP(t, transparent), color.NRGBAModel},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			st := newStore(t)
			p := MustClean(t, st, tc.data)
			if p.Format != tc.format || p.Width != 60 || p.Height != 40 {
				t.Fatalf("cleaned as %s %d × %d; want %s 60 × 40", p.Format, p.Width, p.Height, tc.format)
			}
			stored := read(t, st, p.OriginalName())
			sum := sha256.Sum256(stored)
			if p.Hash != hex.EncodeToString(sum[:]) || p.Bytes != int64(len(stored)) {
				t.Errorf("hash %s, %d bytes; the stored file is %x, %d bytes", p.Hash, p.Bytes, sum, len(stored))
			}
			if names := blobs(t, st); len(names) != 1 || names[0] != content.PhotoOriginalName(p.Hash, p.Ext()) {
				t.Errorf("stored %v", names)
			}
			img, kind := decodeAny(t, stored)
			if kind != tc.format {
				t.Errorf("stored a %s", kind)
			}
			if m, ok := tc.model.(color.Palette); ok {
				if got, ok := img.ColorModel().(color.Palette); !ok || len(got) != len(m) {
					t.Errorf("colour model %T; want the palette kept", img.ColorModel())
				}
			} else if img.ColorModel() != tc.model {
				t.Errorf("colour model %v; want %v", img.ColorModel(), tc.model)
			}
			if p.Format == "png" {
				if _, err := png.Decode(bytes.NewReader(stored)); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// TestCleanKeepsThePicture compares the stored pixels with the upload's.
func TestCleanKeepsThePicture(t *testing.T) {
	pic := testPicture(64, 48)
	st := newStore(t)
	for _, data := range [][]byte{encodePNG(t, pic), encodeJPEG(t, pic), encodeWebP(t, pic)} {
		p := MustClean(t, st, data)
		img, _ := decodeAny(t, read(t, st, p.OriginalName()))
		for _, pt := range []image.Point{{8, 8}, {56, 8}, {8, 40}, {56, 40}} {
			if !near(img.At(pt.X, pt.Y), pic.At(pt.X, pt.Y), 12) {
				t.Errorf("%s at %v: %v; the upload has %v", p.Format, pt, img.At(pt.X, pt.Y), pic.At(pt.X, pt.Y))
			}
		}
	}
}

// TestOrientation turns an upload by its EXIF orientation: a phone held upright
// writes its picture sideways with orientation 6.
func TestOrientation(t *testing.T) {
	pic := testPicture(64, 32) // as the sensor saw it: red top left, green top right
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"JPEG", jpegWithEverything(t, pic, 6)},
		{"JPEG with EXIF alone", withSegments(encodeJPEG(t, pic), jpegSegment(0xe1, append([]byte("Exif\x00\x00"), orientationTIFF(6)...)))},
		{"PNG", pngWithEverything(t, pic, 6)},
		{"WebP", webpWithEverything(t, pic, 6)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			st := newStore(t)
			p := MustClean(t, st, tc.data)
			if p.Width != 32 || p.Height != 64 {
				t.Fatalf("cleaned %d × %d; want 32 × 64, turned", p.Width, p.Height)
			}
			img, _ := decodeAny(t, read(t, st, p.OriginalName()))
			// A quarter turn clockwise: the top left goes to the top right, the
			// bottom left to the top left.
			for _, c := range []struct {
				at   image.Point
				want color.RGBA
			}{{image.Pt(28, 4), topLeft}, {image.Pt(3, 4), bottomLeft}, {image.Pt(28, 60), topRight}, {image.Pt(3, 60), bottomRight}} {
				if got := img.At(c.at.X, c.at.Y); !near(got, c.want, 24) {
					t.Errorf("at %v: %v; want %v", c.at, got, c.want)
				}
			}
		})
	}
}

// TestCMYK converts the two kinds of four-component JPEG to RGB without inverting
// them (testdata/README.md says how they were made).
func TestCMYK(t *testing.T) {
	want := []color.RGBA{{0, 255, 255, 255}, {255, 0, 255, 255}, {255, 255, 0, 255}, {0, 0, 0, 255}}
	for _, file := range []string{"testdata/cmyk.jpg", "testdata/ycck.jpg"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		st := newStore(t)
		p := MustClean(t, st, data)
		img, kind := decodeAny(t, read(t, st, p.OriginalName()))
		if kind != "jpeg" || img.ColorModel() != color.YCbCrModel {
			t.Errorf("%s: stored %s %v; want a YCbCr JPEG", file, kind, img.ColorModel())
		}
		for i, w := range want {
			if got := img.At(16*i+8, 16); !near(got, w, 20) {
				t.Errorf("%s, band %d: %v; want %v", file, i, got, w)
			}
		}
	}
}

// Test16BitPNG keeps a 16-bit PNG's picture in eight bits a channel.
func Test16BitPNG(t *testing.T) {
	rgb := image.NewRGBA64(image.Rect(0, 0, 40, 30))
	nrgba := image.NewNRGBA64(image.Rect(0, 0, 40, 30))
	gray := image.NewGray16(image.Rect(0, 0, 40, 30))
	for y := range 30 {
		for x := range 40 {
			rgb.SetRGBA64(x, y, color.RGBA64{uint16(x * 1600), 0x8000, 0xffff, 0xffff})
			nrgba.SetNRGBA64(x, y, color.NRGBA64{uint16(x * 1600), 0x8000, 0xffff, uint16(y * 2000)})
			gray.SetGray16(x, y, color.Gray16{uint16(x * 1600)})
		}
	}
	for _, tc := range []struct {
		img   image.Image
		model color.Model
	}{{rgb, color.RGBAModel}, {nrgba, color.NRGBAModel}, {gray, color.GrayModel}} {
		st := newStore(t)
		p := MustClean(t, st, encodePNG(t, tc.img))
		img, err := png.Decode(bytes.NewReader(read(t, st, p.OriginalName())))
		if err != nil {
			t.Fatal(err)
		}
		if img.ColorModel() != tc.model {
			t.Errorf("%T became %v; want %v", tc.img, img.ColorModel(), tc.model)
		}
		for _, pt := range []image.Point{{1, 1}, {20, 10}, {39, 29}} { // alpha > 0
			got := color.NRGBAModel.Convert(img.At(pt.X, pt.Y)).(color.NRGBA)
			want := color.NRGBAModel.Convert(tc.img.At(pt.X, pt.Y)).(color.NRGBA)
			if abs(int(got.R)-int(want.R)) > 1 || abs(int(got.A)-int(want.A)) > 1 || abs(int(got.G)-int(want.G)) > 1 {
				t.Errorf("%T at %v: %v; want %v", tc.img, pt, got, want)
			}
		}
	}
}

// TestDedupe stores a photo uploaded twice once, under the same hash.
func TestDedupe(t *testing.T) {
	st := newStore(t)
	data := jpegWithEverything(t, testPicture(50, 50), 1)
	p1 := MustClean(t, st, data)
	info1, err := st.Stat(context.Background(), p1.OriginalName())
	if err != nil {
		t.Fatal(err)
	}
	// The same picture with other metadata is the same photo once cleaned.
	p2 := MustClean(t, st, withSegments(encodeJPEG(t, testPicture(50, 50)), jpegSegment(0xfe, []byte("another comment"))))
	if p1.Hash != p2.Hash {
		t.Errorf("hashes %s and %s", p1.Hash, p2.Hash)
	}
	if names := blobs(t, st); len(names) != 1 {
		t.Errorf("stored %v", names)
	}
	info2, _ := st.Stat(context.Background(), p1.OriginalName())
	if info1.ETag != info2.ETag {
		t.Error("the original was written again")
	}
}

// TestWebPColours keeps a lossy WebP's colours: its planes are in video's limited range,
// which golang.org/x/image/webp leaves as they are (golang/go#40173); read as JPEG's
// full range, white would be stored as light grey.
func TestWebPColours(t *testing.T) {
	for _, c := range []color.RGBA{{255, 255, 255, 255}, {0, 0, 0, 255}, {232, 232, 240, 255}, {220, 30, 30, 255}, {30, 30, 220, 255}} {
		flat := image.NewRGBA(image.Rect(0, 0, 32, 32))
		draw.Draw(flat, flat.Rect, image.NewUniform(c), image.Point{}, draw.Src)
		st := newStore(t)
		p := MustClean(t, st, encodeWebP(t, flat))
		got, err := jpeg.Decode(bytes.NewReader(read(t, st, p.OriginalName())))
		if err != nil {
			t.Fatal(err)
		}
		if !near(got.At(16, 16), c, 6) {
			t.Errorf("%v stored as %v", c, color.RGBAModel.Convert(got.At(16, 16)))
		}
	}
}
