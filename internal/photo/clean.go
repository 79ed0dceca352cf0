package photo

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"os"

	"golang.org/x/image/webp"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/media"
)

// Limits bound what an upload may be.
type Limits struct {
	MaxBytes  int64 // the file's size; 0: DefaultLimits'
	MaxPixels int64 // width × height; 0: DefaultLimits'
}

// DefaultLimits are the limits of an upload unless the site sets others: 40 MiB, which a
// camera's largest JPEG fits in, and 50 million pixels, a full-frame camera's best.
var DefaultLimits = Limits{MaxBytes: 40 << 20, MaxPixels: 50_000_000}

func (lim Limits) orDefault() Limits {
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = DefaultLimits.MaxBytes
	}
	if lim.MaxPixels <= 0 {
		lim.MaxPixels = DefaultLimits.MaxPixels
	}
	return lim
}

// Qualities of the encoders: the cleaned original keeps nearly all the upload's detail.
const originalQuality = 90

// Clean reads one uploaded file from r and stores its cleaned original: recognised by
// content (JPEG, PNG or WebP), its size checked before its pixels are decoded, turned
// upright by its EXIF orientation, and encoded again without any metadata (see the
// package's doc). JPEG stays JPEG and PNG stays PNG; WebP becomes JPEG, or PNG when it
// has transparent pixels. The original is stored at content.PhotoOriginalName of the
// SHA-256 of its bytes, unless it is there already: the same photo uploaded twice is
// stored once. The returned Photo has Hash, Format, Width, Height and Bytes set.
//
// An upload refused for what it is returns an *Error (errors.Is one of the Err… kinds)
// and stores nothing; other errors are failures of the server or of ctx.
func Clean(ctx context.Context, store media.Store, r io.Reader, lim Limits) (content.Photo, error) {
	lim = lim.orDefault()
	in, size, err := spool(ctx, r, lim.MaxBytes)
	if err != nil {
		return content.Photo{}, err
	}
	defer discard(in)
	out, err := tempFile()
	if err != nil {
		return content.Photo{}, err
	}
	defer discard(out)
	p, err := clean(ctx, in, size, lim, out)
	if err != nil {
		return content.Photo{}, err
	}
	if err := putOnce(ctx, store, p.OriginalName(), out, p.Bytes); err != nil {
		return content.Photo{}, err
	}
	return p, nil
}

// clean writes the cleaned photo of the file in to out, and describes it.
func clean(ctx context.Context, in *os.File, size int64, lim Limits, out *os.File) (content.Photo, error) {
	f, ft, cfg, err := inspect(in, size, lim)
	if err != nil {
		return content.Photo{}, err
	}
	leave, err := enter(ctx)
	if err != nil {
		return content.Photo{}, err
	}
	defer leave()
	img, err := decode(ctx, f, io.NewSectionReader(in, 0, size), cfg)
	if err != nil {
		return content.Photo{}, err
	}
	img = orient(narrow(img), ft.orientation)
	ext := "jpg"
	if f == formatPNG || !opaque(img) {
		ext = "png"
		if m, ok := img.(*image.NYCbCrA); ok {
			img = toNRGBA(m) // the PNG encoder would read it a pixel at a time
		}
	}
	p := content.Photo{Width: img.Bounds().Dx(), Height: img.Bounds().Dy(), Format: "jpeg"}
	if ext == "png" {
		p.Format = "png"
	}
	p.Hash, p.Bytes, err = encodeOriginal(ctx, out, img, ext)
	return p, err
}

// inspect recognises the file, reads its facts and size, and refuses what must be
// refused before decoding.
func inspect(in *os.File, size int64, lim Limits) (format, facts, image.Config, error) {
	head := make([]byte, 16)
	n, _ := in.ReadAt(head, 0)
	f := sniff(head[:n])
	ft := scan(f, in, size)
	if ft.animated {
		return f, ft, image.Config{}, refuse(ErrAnimated,
			"This is an animated image. Upload a still photo: "+accepted)
	}
	if f != formatJPEG && f != formatPNG && f != formatWebP {
		return f, ft, image.Config{}, f.refusal()
	}
	cfg, err := decodeConfig(f, bufio.NewReader(io.NewSectionReader(in, 0, size)))
	if err != nil {
		return f, ft, cfg, decodeError(f, err)
	}
	return f, ft, cfg, checkSize(f, cfg, ft, lim)
}

func decodeConfig(f format, r io.Reader) (image.Config, error) {
	switch f {
	case formatJPEG:
		return jpeg.DecodeConfig(r)
	case formatPNG:
		return png.DecodeConfig(r)
	}
	return webp.DecodeConfig(r)
}

// decode decodes the file's pixels and checks they are the size its header said.
func decode(ctx context.Context, f format, r io.Reader, cfg image.Config) (image.Image, error) {
	br := bufio.NewReaderSize(ctxReader{ctx, r}, 64<<10)
	var img image.Image
	var err error
	switch f {
	case formatJPEG:
		img, err = jpeg.Decode(br)
	case formatPNG:
		img, err = png.Decode(br)
	default:
		img, err = webp.Decode(br)
		switch m := img.(type) {
		case *image.YCbCr:
			limitedToFull(m)
		case *image.NYCbCrA:
			limitedToFull(&m.YCbCr)
		}
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, decodeError(f, err)
	}
	if b := img.Bounds(); b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		return nil, refuse(ErrCorrupt, "The file is damaged: its picture is not the size it says.")
	}
	return img, nil
}

// decodeError says what a decoder's error means for the uploader.
func decodeError(f format, err error) error {
	var jpegUnsupported jpeg.UnsupportedError
	var pngUnsupported png.UnsupportedError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), truncatedPNG(err):
		return refuseErr(ErrCorrupt, "The file is cut short: it may not have finished uploading "+
			"or copying. Upload it again from the original.", err)
	case errors.As(err, &jpegUnsupported), errors.As(err, &pngUnsupported):
		return refuseErr(ErrUnsupported, "This "+f.name()+" is made in a way Roneo cannot read ("+
			err.Error()+"). Save it again as an ordinary "+f.name()+" and upload that.", err)
	}
	return refuseErr(ErrCorrupt, "The file is damaged: its picture cannot be read.", err)
}

// truncatedPNG reports the PNG decoder's errors for a file that ends too soon: they
// are format errors, not io.ErrUnexpectedEOF.
func truncatedPNG(err error) bool {
	var fe png.FormatError
	return errors.As(err, &fe) && (fe == "not enough pixel data" || fe == "unexpected EOF")
}

func (f format) name() string {
	switch f {
	case formatJPEG:
		return "JPEG"
	case formatPNG:
		return "PNG"
	}
	return "WebP"
}

// encodeOriginal encodes img into out and returns the SHA-256 and size of what it
// wrote. Go's encoders write the pixels and nothing else: no metadata can pass.
func encodeOriginal(ctx context.Context, out *os.File, img image.Image, ext string) (string, int64, error) {
	h := sha256.New()
	counter := &countWriter{}
	bw := bufio.NewWriterSize(ctxWriter{ctx, io.MultiWriter(out, h, counter)}, 64<<10)
	var err error
	if ext == "png" {
		err = (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(bw, img)
	} else {
		err = jpeg.Encode(bw, img, &jpeg.Options{Quality: originalQuality})
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		if ctx.Err() != nil {
			return "", 0, ctx.Err()
		}
		return "", 0, fmt.Errorf("photo: encoding the cleaned %s: %w", ext, err)
	}
	return hex.EncodeToString(h.Sum(nil)), counter.n, nil
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// putOnce stores the file f (size bytes from its start) under name unless a blob of
// that name exists: names are content hashes, so it is the same photo.
func putOnce(ctx context.Context, store media.Store, name string, f *os.File, size int64) error {
	if _, err := store.Stat(ctx, name); err == nil {
		return nil
	} else if !errors.Is(err, media.ErrNotFound) {
		return fmt.Errorf("photo: %w", err)
	}
	if err := store.Put(ctx, name, io.NewSectionReader(f, 0, size), size); err != nil {
		return fmt.Errorf("photo: %w", err)
	}
	return nil
}
