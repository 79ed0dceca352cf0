package photo

import (
	"fmt"
	"image"
	"image/color"
)

// maxWorkBytes bounds the memory one photo may take while it is decoded, turned and
// encoded. With DefaultConcurrency photos at work, a burst of uploads stays under a
// gigabyte. A photo within the pixel limit may still be refused by it: a 16-bit PNG of
// 50 megapixels that must also be turned would need 600 MB.
const maxWorkBytes = 450 << 20

// workBytes estimates the memory the decoder of format f takes for an image of cfg, plus
// one eight-bit copy when the image must be turned (facts.orientation) or converted to
// a type with alpha. The estimates follow what Go's decoders allocate.
func workBytes(f format, cfg image.Config, ft facts) int64 {
	px := int64(cfg.Width) * int64(cfg.Height)
	var decoded, copied int64
	switch f {
	case formatJPEG:
		planes := jpegPlanes(px, ft.sampling)
		decoded = planes
		if ft.progressive {
			decoded += 2 * planes // every coefficient is kept, 16 bits each
		}
		switch cfg.ColorModel {
		case color.GrayModel, color.YCbCrModel:
			// (4:1:1 and 4:1:0 are turned as RGBA, eight bytes a pixel with the
			// conversion; no camera of this century writes them.)
			copied = planes
		default: // CMYK or RGB: the planes, then four bytes a pixel
			decoded += 4 * px
			copied = 4 * px
		}
	case formatPNG:
		bpp := pngBytesPerPixel(cfg.ColorModel)
		decoded = bpp * px
		copied = bpp * px
		if bpp == 8 || bpp == 2 {
			copied /= 2 // sixteen bits become eight before turning
		}
	case formatWebP:
		switch {
		case ft.webpLossless:
			// Four bytes a pixel, and four more while a colour table is expanded.
			decoded, copied = 8*px, 4*px
		case ft.webpAlpha:
			// The planes, the alpha and, while it is decoded, the alpha's own four
			// bytes a pixel; then RGBA for the PNG it is kept as, unless all opaque.
			decoded, copied = 13*px/2, 4*px
			return decoded + copied
		default:
			decoded, copied = 3*px/2, 3*px/2
		}
	}
	if ft.orientation > 1 {
		return decoded + copied
	}
	return decoded
}

// jpegPlanes is the size of a JPEG's decoded planes, from its components' sampling; all
// at full size when the frame header was not read.
func jpegPlanes(px int64, sampling [][2]int) int64 {
	if len(sampling) == 0 {
		return 4 * px
	}
	hmax, vmax := 1, 1
	for _, s := range sampling {
		hmax, vmax = max(hmax, s[0]), max(vmax, s[1])
	}
	var total int64
	for _, s := range sampling {
		total += px * int64(max(s[0], 1)*max(s[1], 1)) / int64(hmax*vmax)
	}
	return total
}

func pngBytesPerPixel(m color.Model) int64 {
	switch m {
	case color.GrayModel:
		return 1
	case color.Gray16Model:
		return 2
	case color.RGBAModel, color.NRGBAModel:
		return 4
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8
}

// checkSize refuses an image whose pixels are beyond lim or whose work is beyond
// maxWorkBytes, before any pixel is decoded.
func checkSize(f format, cfg image.Config, ft facts, lim Limits) error {
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return refuse(ErrCorrupt, "The file is damaged: it says its picture has no pixels.")
	}
	px := int64(cfg.Width) * int64(cfg.Height)
	if px > lim.MaxPixels {
		return refuse(ErrTooManyPixels, fmt.Sprintf(
			"The photo is %d × %d pixels, %s; the limit is %s. Reduce its size and upload it again.",
			cfg.Width, cfg.Height, millions(px), millions(lim.MaxPixels)))
	}
	if workBytes(f, cfg, ft) > maxWorkBytes {
		return refuse(ErrTooManyPixels, fmt.Sprintf(
			"The photo is %d × %d pixels, too many to process in this format. "+
				"Save it as a JPEG or reduce its size, and upload it again.", cfg.Width, cfg.Height))
	}
	return nil
}

// millions writes a number of pixels for people: "50 million pixels".
func millions(px int64) string {
	if px < 1_000_000 {
		return fmt.Sprintf("%d pixels", px)
	}
	if px%1_000_000 == 0 || px >= 100_000_000 {
		return fmt.Sprintf("%d million pixels", px/1_000_000)
	}
	return fmt.Sprintf("%.1f million pixels", float64(px)/1_000_000)
}
