package photo

import "image"

// Go's JPEG decoder cannot decode at a reduced scale, as libjpeg does with its DCT
// scaling. shrink does the next best thing right after decoding: it averages boxes of
// k×k samples of each plane (k a power of two), which is fast and, followed by a proper
// resampling filter, as good to the eye. The full-size picture is dropped after it, and
// the filter then works on a quarter or a sixteenth of the pixels.

// shrinkFactor is the largest of 1, 2, 4 and 8 that keeps a picture w wide at least
// target wide, so that the filter always finishes the reduction.
func shrinkFactor(w, target int) int {
	k := 1
	for k < 8 && w/(2*k) >= target {
		k *= 2
	}
	return k
}

// shrink returns img reduced k times in each direction, for the planar types a JPEG
// decodes to; other types, and k = 1, are returned as they are.
func shrink(img image.Image, k int) image.Image {
	if k <= 1 || img.Bounds().Min != (image.Point{}) {
		return img
	}
	w, h := img.Bounds().Dx()/k, img.Bounds().Dy()/k
	if w == 0 || h == 0 {
		return img
	}
	switch m := img.(type) {
	case *image.Gray:
		out := image.NewGray(image.Rect(0, 0, w, h))
		boxPlane(out.Pix, out.Stride, w, h, m.Pix, m.Stride, m.Rect.Dx(), m.Rect.Dy(), k)
		return out
	case *image.YCbCr:
		out := image.NewYCbCr(image.Rect(0, 0, w, h), m.SubsampleRatio)
		boxPlane(out.Y, out.YStride, w, h, m.Y, m.YStride, m.Rect.Dx(), m.Rect.Dy(), k)
		dcw, dch := chromaSize(m.SubsampleRatio, w, h)
		scw, sch := chromaSize(m.SubsampleRatio, m.Rect.Dx(), m.Rect.Dy())
		boxPlane(out.Cb, out.CStride, dcw, dch, m.Cb, m.CStride, scw, sch, k)
		boxPlane(out.Cr, out.CStride, dcw, dch, m.Cr, m.CStride, scw, sch, k)
		return out
	}
	return img
}

// boxPlane writes into the dw×dh plane dst the averages of k×k boxes of the sw×sh plane
// src; boxes that reach past src's edge average what they cover.
func boxPlane(dst []byte, dstStride, dw, dh int, src []byte, srcStride, sw, sh, k int) {
	sums := make([]uint32, dw)
	counts := make([]uint32, dw)
	for dy := range dh {
		clear(sums)
		clear(counts)
		for sy := dy * k; sy < min(dy*k+k, sh); sy++ {
			row := src[sy*srcStride : sy*srcStride+sw]
			for dx := range dw {
				for sx := dx * k; sx < min(dx*k+k, sw); sx++ {
					sums[dx] += uint32(row[sx])
					counts[dx]++
				}
			}
		}
		out := dst[dy*dstStride : dy*dstStride+dw]
		for dx := range dw {
			if counts[dx] > 0 {
				out[dx] = uint8((sums[dx] + counts[dx]/2) / counts[dx])
			}
		}
	}
}
