package photo

import (
	"image"
	"image/draw"
)

// orient returns img turned upright by its EXIF orientation (1–8), in img's own pixel
// type, so that a JPEG's planes are never expanded to four bytes a pixel. It allocates
// the turned copy once and takes nothing else from img: the caller drops img after.
// Orientation 1 returns img itself.
func orient(img image.Image, o int) image.Image {
	if o < 2 || o > 8 {
		return img
	}
	b := img.Bounds()
	if b.Min != (image.Point{}) {
		img = toNRGBA(img) // decoders never do this; keep the planes' arithmetic simple
		b = img.Bounds()
	}
	w, h := b.Dx(), b.Dy()
	ow, oh := w, h
	if o >= 5 {
		ow, oh = h, w
	}
	r := image.Rect(0, 0, ow, oh)
	switch m := img.(type) {
	case *image.YCbCr:
		if out := orientYCbCr(m, o); out != nil {
			return out
		}
	case *image.NYCbCrA:
		if out := orientYCbCr(&m.YCbCr, o); out != nil {
			a := image.NewAlpha(r) // only for its plane
			turn(a.Pix, a.Stride, m.A, m.AStride, w, h, 1, o)
			return &image.NYCbCrA{YCbCr: *out, A: a.Pix, AStride: a.Stride}
		}
	case *image.Gray:
		out := image.NewGray(r)
		turn(out.Pix, out.Stride, m.Pix, m.Stride, w, h, 1, o)
		return out
	case *image.Paletted:
		out := image.NewPaletted(r, m.Palette)
		turn(out.Pix, out.Stride, m.Pix, m.Stride, w, h, 1, o)
		return out
	case *image.RGBA:
		out := image.NewRGBA(r)
		turn(out.Pix, out.Stride, m.Pix, m.Stride, w, h, 4, o)
		return out
	case *image.NRGBA:
		out := image.NewNRGBA(r)
		turn(out.Pix, out.Stride, m.Pix, m.Stride, w, h, 4, o)
		return out
	}
	return orient(toNRGBA(img), o)
}

// orientYCbCr turns each plane of m; nil for the subsampling ratios whose turn by a
// quarter has no image.YCbCrSubsampleRatio (4:1:1 and 4:1:0).
func orientYCbCr(m *image.YCbCr, o int) *image.YCbCr {
	ratio := m.SubsampleRatio
	if o >= 5 {
		switch ratio {
		case image.YCbCrSubsampleRatio422:
			ratio = image.YCbCrSubsampleRatio440
		case image.YCbCrSubsampleRatio440:
			ratio = image.YCbCrSubsampleRatio422
		case image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410:
			return nil
		}
	}
	w, h := m.Rect.Dx(), m.Rect.Dy()
	r := image.Rect(0, 0, w, h)
	if o >= 5 {
		r = image.Rect(0, 0, h, w)
	}
	out := image.NewYCbCr(r, ratio)
	cw, ch := chromaSize(m.SubsampleRatio, w, h)
	turn(out.Y, out.YStride, m.Y, m.YStride, w, h, 1, o)
	turn(out.Cb, out.CStride, m.Cb, m.CStride, cw, ch, 1, o)
	turn(out.Cr, out.CStride, m.Cr, m.CStride, cw, ch, 1, o)
	return out
}

// chromaSize is the size of the chroma planes of a w×h image, as image.NewYCbCr makes
// them.
func chromaSize(ratio image.YCbCrSubsampleRatio, w, h int) (int, int) {
	switch ratio {
	case image.YCbCrSubsampleRatio422:
		return (w + 1) / 2, h
	case image.YCbCrSubsampleRatio420:
		return (w + 1) / 2, (h + 1) / 2
	case image.YCbCrSubsampleRatio440:
		return w, (h + 1) / 2
	case image.YCbCrSubsampleRatio411:
		return (w + 3) / 4, h
	case image.YCbCrSubsampleRatio410:
		return (w + 3) / 4, (h + 1) / 2
	}
	return w, h
}

// turn writes into dst the w×h plane src, of bpp bytes a pixel, turned by the EXIF
// orientation o (2–8). Each row of dst reads src at a fixed start and step: the table
// gives them for every orientation.
func turn(dst []byte, dstStride int, src []byte, srcStride, w, h, bpp, o int) {
	last, bottom := (w-1)*bpp, (h-1)*srcStride
	var start, stepX, stepY int // offsets in src of dst's (0,0), of x+1 and of y+1
	switch o {
	case 2: // mirrored left to right
		start, stepX, stepY = last, -bpp, srcStride
	case 3: // turned half a turn
		start, stepX, stepY = bottom+last, -bpp, -srcStride
	case 4: // mirrored top to bottom
		start, stepX, stepY = bottom, bpp, -srcStride
	case 5: // mirrored along the diagonal
		start, stepX, stepY = 0, srcStride, bpp
	case 6: // turned a quarter clockwise
		start, stepX, stepY = bottom, -srcStride, bpp
	case 7: // mirrored along the other diagonal
		start, stepX, stepY = bottom+last, -srcStride, -bpp
	case 8: // turned a quarter anticlockwise
		start, stepX, stepY = last, srcStride, -bpp
	default:
		return
	}
	ow, oh := w, h
	if o >= 5 {
		ow, oh = h, w
	}
	for y := 0; y < oh; y++ {
		row := dst[y*dstStride : y*dstStride+ow*bpp]
		s := start + y*stepY
		if bpp == 1 {
			for x := range row {
				row[x] = src[s]
				s += stepX
			}
			continue
		}
		for x := 0; x < len(row); x += bpp {
			copy(row[x:x+bpp], src[s:s+bpp])
			s += stepX
		}
	}
}

// toNRGBA converts any image to a new *image.NRGBA at the origin.
func toNRGBA(img image.Image) *image.NRGBA {
	b := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Rect, img, b.Min, draw.Src)
	return out
}
