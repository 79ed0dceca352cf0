package photo

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"image"
	"image/color/palette"
	"image/gif"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestRefusals refuses each kind of bad upload with its error and a reason for people,
// stores nothing, and leaves no temporary file behind.
func TestRefusals(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	small := encodeJPEG(t, testPicture(64, 48))
	pngData := encodePNG(t, testPicture(64, 48))
	webpData := encodeWebP(t, testPicture(64, 48))
	for _, tc := range []struct {
		name string
		data []byte
		lim  Limits
		kind error
		says string // in the reason
	}{
		{"0 bytes", nil, DefaultLimits, ErrEmpty, "empty"},
		{"truncated JPEG", small[:len(small)*2/3], DefaultLimits, ErrCorrupt, "cut short"},
		{"truncated PNG", pngData[:len(pngData)/2], DefaultLimits, ErrCorrupt, "cut short"},
		{"truncated WebP", webpData[:len(webpData)/2], DefaultLimits, ErrCorrupt, "cut short"},
		{"corrupt JPEG", badHuffman(small), DefaultLimits, ErrCorrupt, "damaged"},
		{"JPEG header, then noise", append([]byte{0xff, 0xd8, 0xff, 0xe0}, bytes.Repeat([]byte("\x13\x37\xff\x00"), 200)...), DefaultLimits, ErrCorrupt, ""},
		{"corrupt PNG", append(append([]byte{}, pngData[:40]...), bytes.Repeat([]byte{0x42}, 300)...), DefaultLimits, ErrCorrupt, "damaged"},
		{"text named .jpg", []byte("Programme of the march: 9:00 Gare du Nord\n"), DefaultLimits, ErrNotImage, "not a photo"},
		{"PDF", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), DefaultLimits, ErrNotImage, "JPEG, PNG and WebP"},
		{"GIF", gifOf(t, 1), DefaultLimits, ErrUnsupported, "GIF"},
		{"animated GIF", gifOf(t, 3), DefaultLimits, ErrAnimated, "animated"},
		{"APNG", withChunks(pngData, pngChunk("acTL", []byte{0, 0, 0, 2, 0, 0, 0, 0})), DefaultLimits, ErrAnimated, "animated"},
		{"animated WebP", animatedWebP(t, testPicture(64, 48)), DefaultLimits, ErrAnimated, "animated"},
		{"HEIC", append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"), make([]byte, 64)...), DefaultLimits, ErrUnsupported, "HEIC"},
		{"over the size limit", small, Limits{MaxBytes: int64(len(small) - 1)}, ErrTooLarge, "larger than"},
		{"over the pixel limit", small, Limits{MaxPixels: 64*48 - 1}, ErrTooManyPixels, "64 × 48"},
		{"JPEG bomb", jpegBomb(t), DefaultLimits, ErrTooManyPixels, "60000 × 60000"},
		{"PNG bomb", pngBomb(t), DefaultLimits, ErrTooManyPixels, "60000 × 60000"},
		{"16-bit PNG too large to turn", pngClaiming(t, 7000, 7000, 16, 6), DefaultLimits, ErrTooManyPixels, "too many to process"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newStore(t)
			p, err := Clean(context.Background(), st, bytes.NewReader(tc.data), tc.lim)
			wantRefusal(t, err, tc.kind)
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("reason %q does not say %q", err, tc.says)
			}
			if p.Hash != "" {
				t.Errorf("returned %+v", p)
			}
			if names := blobs(t, st); len(names) > 0 {
				t.Errorf("stored %v", names)
			}
		})
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestBombRefusedWithoutAllocating refuses a 400-odd-byte JPEG that claims 60000×60000
// pixels (3.4 GB if decoded) quickly and allocating almost nothing.
func TestBombRefusedWithoutAllocating(t *testing.T) {
	bomb := jpegBomb(t)
	st := newStore(t)
	clean := func() {
		if _, err := Clean(context.Background(), st, bytes.NewReader(bomb), DefaultLimits); !errors.Is(err, ErrTooManyPixels) {
			t.Fatalf("Clean: %v", err)
		}
	}
	clean() // warm up
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	clean()
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 2<<20 {
		t.Errorf("refusing a %d-byte bomb allocated %d bytes", len(bomb), alloc)
	}
	if elapsed > time.Second {
		t.Errorf("refusing a bomb took %s", elapsed)
	}
	t.Logf("%d-byte bomb refused in %s", len(bomb), elapsed)
}

// badHuffman is a JPEG whose first Huffman table has an impossible class.
func badHuffman(jpg []byte) []byte {
	b := append([]byte{}, jpg...)
	b[bytes.Index(b, []byte{0xff, 0xc4})+4] = 0x55
	return b
}

// jpegBomb is a small valid JPEG whose frame header claims 60000 × 60000 pixels.
func jpegBomb(tb testing.TB) []byte {
	b := encodeJPEG(tb, image.NewGray(image.Rect(0, 0, 8, 8)))
	i := bytes.Index(b, []byte{0xff, 0xc0})
	binary.BigEndian.PutUint16(b[i+5:], 60000)
	binary.BigEndian.PutUint16(b[i+7:], 60000)
	return b
}

// pngClaiming is a PNG header for a w×h picture of the bit depth (RGBA), with an EXIF
// orientation, and a little image data: enough for DecodeConfig.
func pngClaiming(tb testing.TB, w, h int, depth byte, orientation int) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, depth, 6, 0, 0, 0)
	out := append([]byte{}, pngSignature...)
	out = append(out, pngChunk("IHDR", ihdr)...)
	if orientation > 1 {
		out = append(out, pngChunk("eXIf", orientationTIFF(orientation))...)
	}
	out = append(out, pngChunk("IDAT", zlibBytes(strings.Repeat("\x00", 1000)))...)
	return append(out, pngChunk("IEND", nil)...)
}

// pngBomb is a grey PNG claiming 60000 × 60000 pixels whose few kilobytes of data
// inflate to 60 MB of rows.
func pngBomb(tb testing.TB) []byte {
	var idat bytes.Buffer
	z, _ := zlib.NewWriterLevel(&idat, zlib.BestCompression)
	io.CopyN(z, zeros{}, 1000*60001)
	z.Close()
	ihdr := binary.BigEndian.AppendUint32(nil, 60000)
	ihdr = binary.BigEndian.AppendUint32(ihdr, 60000)
	ihdr = append(ihdr, 8, 0, 0, 0, 0)
	out := append([]byte{}, pngSignature...)
	out = append(out, pngChunk("IHDR", ihdr)...)
	out = append(out, pngChunk("IDAT", idat.Bytes())...)
	return append(out, pngChunk("IEND", nil)...)
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// gifOf is a GIF of n frames.
func gifOf(tb testing.TB, n int) []byte {
	g := &gif.GIF{}
	for i := range n {
		frame := image.NewPaletted(image.Rect(0, 0, 16, 16), palette.Plan9)
		frame.SetColorIndex(i, i, 7)
		g.Image = append(g.Image, frame)
		g.Delay = append(g.Delay, 10)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestCancelled stops on a cancelled context, storing nothing.
func TestCancelled(t *testing.T) {
	st := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Clean(ctx, st, bytes.NewReader(encodeJPEG(t, testPicture(32, 32))), DefaultLimits); !errors.Is(err, context.Canceled) {
		t.Errorf("Clean: %v", err)
	}
	var pe *Error
	if _, err := Clean(ctx, st, bytes.NewReader(nil), DefaultLimits); errors.As(err, &pe) {
		t.Errorf("a cancelled upload is refused as the uploader's fault: %v", err)
	}
	if names := blobs(t, st); len(names) > 0 {
		t.Errorf("stored %v", names)
	}
}

// TestReadError is a failure of the server, not a refusal.
func TestReadError(t *testing.T) {
	_, err := Clean(context.Background(), newStore(t), io.MultiReader(bytes.NewReader([]byte{0xff, 0xd8}), failing{}), DefaultLimits)
	var pe *Error
	if err == nil || errors.As(err, &pe) {
		t.Errorf("Clean: %v", err)
	}
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("connection reset") }
