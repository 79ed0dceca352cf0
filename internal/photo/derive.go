package photo

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"slices"

	"github.com/disintegration/imaging"
	"github.com/gen2brain/webp"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/media"
)

// Qualities of the derivatives: pages show them small, and they are sent often.
const (
	derivativeJPEGQuality = 82
	derivativeWebPQuality = 75
	// derivativeWebPMethod trades the encoder's effort for speed (0 to 6, 4 by
	// default): in WebAssembly, 2 is 3.5 times faster than 4 for files of about the
	// same size and look.
	derivativeWebPMethod = 2
)

// derivativeFormats are the files each derivative width gets.
var derivativeFormats = []string{"jpg", "webp"}

// Derive makes the derivatives of the stored photo p: for each content.WantedWidths of
// its width, a JPEG and a WebP at content.PhotoDerivativeName. It skips those that
// exist, so that a job retried after a failure or the death of its instance finishes
// the work without redoing it, and it decodes the original only when one is missing.
// Each size is resized from the next larger (1600 from the original, 800 from 1600…).
// It returns the widths that exist, ascending.
func Derive(ctx context.Context, store media.Store, p content.Photo) ([]int, error) {
	if !content.ValidPhotoHash(p.Hash) || p.Width <= 0 || p.Height <= 0 {
		return nil, fmt.Errorf("photo: derive: not a stored photo (hash %q, %d × %d)", p.Hash, p.Width, p.Height)
	}
	widths := content.WantedWidths(p.Width)
	missing, err := missingDerivatives(ctx, store, p, widths)
	if err != nil || len(missing) == 0 {
		return widths, err
	}
	leave, err := enter(ctx)
	if err != nil {
		return nil, err
	}
	defer leave()
	img, err := openOriginal(ctx, store, p)
	if err != nil {
		return nil, err
	}
	img = shrink(img, shrinkFactor(p.Width, widths[len(widths)-1]))
	for _, w := range slices.Backward(widths) {
		if w != img.Bounds().Dx() {
			img = imaging.Resize(img, w, scaledHeight(p, w), imaging.Lanczos)
		}
		for _, ext := range derivativeFormats {
			name := p.DerivativeName(w, ext)
			if !missing[name] {
				continue
			}
			if err := putDerivative(ctx, store, name, img, ext); err != nil {
				return nil, err
			}
		}
	}
	return widths, nil
}

// missingDerivatives returns the names of p's derivatives that are not stored.
func missingDerivatives(ctx context.Context, store media.Store, p content.Photo, widths []int) (map[string]bool, error) {
	missing := map[string]bool{}
	for _, w := range widths {
		for _, ext := range derivativeFormats {
			name := p.DerivativeName(w, ext)
			_, err := store.Stat(ctx, name)
			switch {
			case errors.Is(err, media.ErrNotFound):
				missing[name] = true
			case err != nil:
				return nil, fmt.Errorf("photo: derive: %w", err)
			}
		}
	}
	return missing, nil
}

// scaledHeight is the height of p resized to width w, at least one pixel.
func scaledHeight(p content.Photo, w int) int {
	return max(1, int((int64(p.Height)*int64(w)+int64(p.Width)/2)/int64(p.Width)))
}

// openOriginal decodes p's cleaned original, after checking that it is the photo p says.
func openOriginal(ctx context.Context, store media.Store, p content.Photo) (image.Image, error) {
	blob, _, err := store.Open(ctx, p.OriginalName())
	if err != nil {
		return nil, fmt.Errorf("photo: derive: %w", err)
	}
	defer blob.Close()
	f := formatJPEG
	if p.Format == "png" {
		f = formatPNG
	}
	br := bufio.NewReaderSize(ctxReader{ctx, blob}, 64<<10)
	cfg, err := decodeConfig(f, br)
	if err == nil && (cfg.Width != p.Width || cfg.Height != p.Height) {
		err = fmt.Errorf("the original is %d × %d", cfg.Width, cfg.Height)
	}
	if err == nil && workBytes(f, cfg, facts{}) > maxWorkBytes {
		err = errors.New("too large to decode")
	}
	if err == nil {
		_, err = blob.Seek(0, io.SeekStart)
	}
	if err != nil {
		return nil, fmt.Errorf("photo: derive %s: %w", p.OriginalName(), err)
	}
	img, err := decode(ctx, f, blob, cfg)
	if err != nil {
		return nil, fmt.Errorf("photo: derive %s: %w", p.OriginalName(), err)
	}
	return img, nil
}

// putDerivative encodes img as ext and stores it. Derivatives are small (at most
// 1600 pixels wide): they are encoded in memory.
func putDerivative(ctx context.Context, store media.Store, name string, img image.Image, ext string) error {
	var buf bytes.Buffer
	var err error
	if ext == "webp" {
		err = webp.Encode(&buf, img, webp.Options{Quality: derivativeWebPQuality, Method: derivativeWebPMethod})
	} else {
		err = jpeg.Encode(&buf, flatten(img), &jpeg.Options{Quality: derivativeJPEGQuality})
	}
	if err != nil {
		return fmt.Errorf("photo: encoding %s: %w", name, err)
	}
	if err := store.Put(ctx, name, bytes.NewReader(buf.Bytes()), int64(buf.Len())); err != nil {
		return fmt.Errorf("photo: %w", err)
	}
	return nil
}

// flatten returns img as the JPEG encoder reads it quickly, transparent parts laid on
// white: JPEG has no transparency, and the encoder would make them black.
func flatten(img image.Image) image.Image {
	switch m := img.(type) {
	case *image.YCbCr, *image.Gray:
		return img
	case *image.RGBA:
		if m.Opaque() {
			return m
		}
	case *image.NRGBA:
		if m.Opaque() {
			return &image.RGBA{Pix: m.Pix, Stride: m.Stride, Rect: m.Rect}
		}
	}
	src := toNRGBA(img)
	out := image.NewRGBA(src.Rect)
	for i := 0; i < len(src.Pix); i += 4 {
		s, d := src.Pix[i:i+4:i+4], out.Pix[i:i+4:i+4]
		a := uint32(s[3])
		for c := range 3 {
			d[c] = uint8((uint32(s[c])*a + 255*(255-a) + 127) / 255)
		}
		d[3] = 0xff
	}
	return out
}
