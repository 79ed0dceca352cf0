package photo

import (
	"bytes"
	"context"
	"errors"
	"image"
	"runtime"
	"testing"
	"time"
)

// FuzzClean feeds Clean arbitrary files: recognising, scanning the segments and chunks,
// DecodeConfig, decoding and encoding again must never panic, must refuse with an
// *Error or store a photo within the limits, and must not allocate far beyond what the
// pixel limit allows. Run it with `go test -run='^$' -fuzz=FuzzClean ./internal/photo/`.
func FuzzClean(f *testing.F) {
	pic := testPicture(24, 16)
	jpg, png, wp := encodeJPEG(f, pic), encodePNG(f, pic), encodeWebP(f, pic)
	for _, seed := range [][]byte{
		jpg, png, wp,
		jpegWithEverything(f, pic, 6), pngWithEverything(f, pic, 5), webpWithEverything(f, pic, 8),
		jpg[:len(jpg)/2], png[:len(png)-20], wp[:len(wp)-10], badHuffman(jpg),
		animatedWebP(f, pic), withChunks(png, pngChunk("acTL", []byte{0, 0, 0, 2, 0, 0, 0, 0})),
		gifOf(f, 1), gifOf(f, 2), jpegBomb(f), pngClaiming(f, 300, 300, 16, 6),
		nil, []byte("RIFF\x00\x00\x00\x00WEBPVP8X"), []byte("\xff\xd8\xff"), pngSignature,
	} {
		f.Add(seed)
	}
	st := newStore(f)
	lim := Limits{MaxBytes: 1 << 20, MaxPixels: 1 << 16}
	// The most a picture within lim may take while it is worked on: maxWorkBytes is
	// for 50 megapixels, this for 64 kilopixels at the same rate, with room for the
	// encoders' tables.
	const maxAlloc = 64 << 20
	f.Fuzz(func(t *testing.T, data []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		p, err := Clean(context.Background(), st, bytes.NewReader(data), lim)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("a %d-byte file took %s", len(data), d)
		}
		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > maxAlloc {
			t.Errorf("a %d-byte file made Clean allocate %d MB", len(data), alloc>>20)
		}
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.Reason == "" || pe.Kind == nil {
				t.Fatalf("not a refusal: %v", err)
			}
			return
		}
		if int64(p.Width)*int64(p.Height) > lim.MaxPixels {
			t.Fatalf("stored %d × %d, beyond the limit", p.Width, p.Height)
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(read(t, st, p.OriginalName())))
		if err != nil || cfg.Width != p.Width || cfg.Height != p.Height {
			t.Fatalf("the stored original (%v, %d × %d) is not the photo %d × %d", err, cfg.Width, cfg.Height, p.Width, p.Height)
		}
	})
}
