package photo

import (
	"image"
	"image/color"
)

// narrow converts, in place where it can, what the decoders return into the few types
// the encoders write quickly and without metadata: CMYK becomes RGB, sixteen bits
// become eight, and an alpha channel that is everywhere opaque is dropped. Converting
// in place reuses the decoded pixels' memory, so that no second full-size copy exists.
func narrow(img image.Image) image.Image {
	switch m := img.(type) {
	case *image.CMYK:
		return cmykToRGBA(m)
	case *image.Gray16:
		return gray16ToGray(m)
	case *image.RGBA64:
		return rgba64ToRGBA(m)
	case *image.NRGBA64:
		return nrgba64ToNRGBA(m)
	case *image.NYCbCrA:
		if opaqueAlpha(m.A) {
			return &m.YCbCr
		}
	case *image.NRGBA:
		if m.Opaque() {
			// Opaque, premultiplied and non-premultiplied are the same bytes, and
			// the JPEG encoder reads *image.RGBA quickly.
			return &image.RGBA{Pix: m.Pix, Stride: m.Stride, Rect: m.Rect}
		}
	}
	return img
}

// cmykToRGBA turns CMYK into RGB in the same bytes (both take four a pixel). The JPEG
// decoder has already undone Adobe's inverted CMYK, so m holds ink amounts.
func cmykToRGBA(m *image.CMYK) *image.RGBA {
	for y := m.Rect.Min.Y; y < m.Rect.Max.Y; y++ {
		row := m.Pix[m.PixOffset(m.Rect.Min.X, y):][:4*m.Rect.Dx()]
		for i := 0; i < len(row); i += 4 {
			p := row[i : i+4 : i+4]
			r, g, b := color.CMYKToRGB(p[0], p[1], p[2], p[3])
			p[0], p[1], p[2], p[3] = r, g, b, 0xff
		}
	}
	return &image.RGBA{Pix: m.Pix, Stride: m.Stride, Rect: m.Rect}
}

// Sixteen bits become eight by keeping the high byte: pixel i is written at half the
// offset it is read from, so the forward walk never overwrites what it has yet to read.

func gray16ToGray(m *image.Gray16) *image.Gray {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	for y := range h {
		src := m.Pix[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y+y):]
		dst := m.Pix[y*w:]
		for x := range w {
			dst[x] = src[2*x]
		}
	}
	return &image.Gray{Pix: m.Pix[:w*h], Stride: w, Rect: image.Rect(0, 0, w, h)}
}

func rgba64ToRGBA(m *image.RGBA64) *image.RGBA {
	pix, stride, r := halve(m.Pix, m.Stride, m.Rect, m.PixOffset)
	return &image.RGBA{Pix: pix, Stride: stride, Rect: r}
}

func nrgba64ToNRGBA(m *image.NRGBA64) *image.NRGBA {
	pix, stride, r := halve(m.Pix, m.Stride, m.Rect, m.PixOffset)
	return &image.NRGBA{Pix: pix, Stride: stride, Rect: r}
}

// halve keeps the high byte of each of the four 16-bit channels of every pixel.
func halve(pix []byte, stride int, r image.Rectangle, offset func(x, y int) int) ([]byte, int, image.Rectangle) {
	w, h := r.Dx(), r.Dy()
	for y := range h {
		src := pix[offset(r.Min.X, r.Min.Y+y):]
		dst := pix[4*w*y:]
		for x := range 4 * w {
			dst[x] = src[2*x]
		}
	}
	return pix[:4*w*h], 4 * w, image.Rect(0, 0, w, h)
}

// opaqueAlpha reports whether every alpha value is 255.
func opaqueAlpha(a []byte) bool {
	for _, v := range a {
		if v != 0xff {
			return false
		}
	}
	return true
}

// opaque reports whether img has no transparent pixel, for the types narrow returns.
func opaque(img image.Image) bool {
	switch m := img.(type) {
	case *image.NYCbCrA:
		return opaqueAlpha(m.A)
	case *image.NRGBA:
		return m.Opaque()
	case *image.RGBA:
		return m.Opaque()
	case *image.Paletted:
		return m.Opaque()
	}
	return true // YCbCr and Gray have no alpha
}

// VP8, the codec of lossy WebP, stores YCbCr in video's limited range (Y from 16 to 235,
// chroma from 16 to 240), but golang.org/x/image/webp returns it as an image.YCbCr,
// which Go and JPEG read as full range: as is, whites would come out grey and colours
// dull (golang/go#40173). limitedToFull stretches the planes in place to full range,
// with the same BT.601 matrix, so that the picture is the one libwebp would show.
var limitedY, limitedC = func() (y, c [256]uint8) {
	for i := range 256 {
		y[i] = clampRound(float64(i-16) * 255 / 219)
		c[i] = clampRound(float64(i-128)*255/224 + 128)
	}
	return y, c
}()

func clampRound(v float64) uint8 {
	return uint8(min(max(v+0.5, 0), 255))
}

func limitedToFull(m *image.YCbCr) {
	for i, v := range m.Y {
		m.Y[i] = limitedY[v]
	}
	for i, v := range m.Cb {
		m.Cb[i] = limitedC[v]
	}
	for i, v := range m.Cr {
		m.Cr[i] = limitedC[v]
	}
}
