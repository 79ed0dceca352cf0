package pictures

import (
	"encoding/binary"
	"image"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// canvas is one picture being drawn, with the rasterizer and mask it reuses from
// shape to shape. A shape costs in proportion to its bounding box, not the picture.
type canvas struct {
	img  *image.RGBA
	w, h float64
	z    vector.Rasterizer
	mask image.Alpha
}

func newCanvas(w, h int) *canvas {
	return &canvas{img: image.NewRGBA(image.Rect(0, 0, w, h)), w: float64(w), h: float64(h)}
}

// fill paints p in c, opaque.
func (cv *canvas) fill(p *path, c rgb) { cv.fillAlpha(p, c, 1) }

// fillAlpha paints p in c at opacity alpha.
func (cv *canvas) fillAlpha(p *path, c rgb, alpha float64) {
	r, ok := cv.clip(p)
	if !ok || alpha <= 0 {
		return
	}
	if len(p.ops) == 0 {
		for _, b := range p.boxes {
			cv.box(b, c, alpha)
		}
		return
	}
	p.boxesAsOps()
	cv.rasterize(p, r)
	cv.composite(r, c, alpha)
}

// clip is the pixels p may touch, inside the picture.
func (cv *canvas) clip(p *path) (image.Rectangle, bool) {
	if p.empty() || math.IsInf(p.minX, 0) {
		return image.Rectangle{}, false
	}
	r := image.Rect(int(math.Floor(p.minX)), int(math.Floor(p.minY)), int(math.Ceil(p.maxX))+1, int(math.Ceil(p.maxY))+1)
	r = r.Intersect(cv.img.Bounds())
	return r, !r.Empty()
}

// rasterize makes cv.mask the coverage of p within r, with r's corner at the mask's
// origin, through the rasterizer's SIMD path.
func (cv *canvas) rasterize(p *path, r image.Rectangle) {
	w, h := r.Dx(), r.Dy()
	cv.z.Reset(w, h)
	cv.z.DrawOp = draw.Src
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	pt := func(q [2]float64) (float32, float32) { return float32(q[0]) - ox, float32(q[1]) - oy }
	for _, op := range p.ops {
		switch op.kind {
		case opMove:
			cv.z.MoveTo(pt(op.pts[0]))
		case opLine:
			cv.z.LineTo(pt(op.pts[0]))
		case opQuad:
			bx, by := pt(op.pts[0])
			cx, cy := pt(op.pts[1])
			cv.z.QuadTo(bx, by, cx, cy)
		case opCube:
			bx, by := pt(op.pts[0])
			cx, cy := pt(op.pts[1])
			dx, dy := pt(op.pts[2])
			cv.z.CubeTo(bx, by, cx, cy, dx, dy)
		case opClose:
			cv.z.ClosePath()
		}
	}
	cv.z.ClosePath()
	if n := w * h; cap(cv.mask.Pix) < n {
		cv.mask.Pix = make([]uint8, n)
	} else {
		cv.mask.Pix = cv.mask.Pix[:n]
	}
	cv.mask.Stride, cv.mask.Rect = w, image.Rect(0, 0, w, h)
	cv.z.Draw(&cv.mask, cv.mask.Rect, image.Opaque, image.Point{})
}

// composite lays c over the picture through cv.mask, at r. The picture stays opaque.
// Masks are mostly empty or full, so they are read eight pixels at a time: an empty
// run is skipped, a full run of an opaque colour is eight stores.
func (cv *canvas) composite(r image.Rectangle, c rgb, alpha float64) {
	cr, cg, cb := c.bytes()
	a := to8(alpha)
	solid := cr | cg<<8 | cb<<16 | 0xff<<24
	w := r.Dx()
	for y := 0; y < r.Dy(); y++ {
		m := cv.mask.Pix[y*w : y*w+w]
		row := cv.img.Pix[cv.img.PixOffset(r.Min.X, r.Min.Y+y):]
		row = row[:4*w]
		for x := 0; x < len(m); {
			if x+8 <= len(m) {
				switch binary.LittleEndian.Uint64(m[x : x+8]) {
				case 0:
					x += 8
					continue
				case ^uint64(0):
					if a == 255 {
						run := row[4*x : 4*x+32]
						for i := 0; i < 32; i += 4 {
							binary.LittleEndian.PutUint32(run[i:i+4], solid)
						}
						x += 8
						continue
					}
				}
			}
			if mv := m[x]; mv != 0 {
				k := uint32(mv) * a / 255
				px := row[4*x : 4*x+4]
				if k == 255 {
					binary.LittleEndian.PutUint32(px, solid)
				} else {
					px[0] = uint8((uint32(px[0])*(255-k) + cr*k + 127) / 255)
					px[1] = uint8((uint32(px[1])*(255-k) + cg*k + 127) / 255)
					px[2] = uint8((uint32(px[2])*(255-k) + cb*k + 127) / 255)
				}
			}
			x++
		}
	}
}

// box paints an upright rectangle directly, its edges anti-aliased by how much of
// each edge pixel it covers.
func (cv *canvas) box(b [4]float64, c rgb, alpha float64) {
	bounds := cv.img.Bounds()
	x0, x1 := max(int(math.Floor(b[0])), 0), min(int(math.Ceil(b[2])), bounds.Max.X)
	y0, y1 := max(int(math.Floor(b[1])), 0), min(int(math.Ceil(b[3])), bounds.Max.Y)
	cover := func(i int, lo, hi float64) float64 {
		return math.Max(0, math.Min(float64(i+1), hi)-math.Max(float64(i), lo))
	}
	cr, cg, cb := c.bytes()
	for y := y0; y < y1; y++ {
		cy := cover(y, b[1], b[3]) * alpha
		row := cv.img.Pix[cv.img.PixOffset(0, y):]
		for x := x0; x < x1; x++ {
			k := cy
			if x == x0 || x == x1-1 {
				k *= cover(x, b[0], b[2])
			}
			a := uint32(k*255 + 0.5)
			px := row[4*x : 4*x+3 : 4*x+3]
			if a >= 255 {
				px[0], px[1], px[2] = uint8(cr), uint8(cg), uint8(cb)
				continue
			}
			px[0] = uint8((uint32(px[0])*(255-a) + cr*a + 127) / 255)
			px[1] = uint8((uint32(px[1])*(255-a) + cg*a + 127) / 255)
			px[2] = uint8((uint32(px[2])*(255-a) + cb*a + 127) / 255)
		}
	}
}

// rows paints every row y0 ≤ y < y1 in colour at(y), across the whole width:
// skies, walls, water.
func (cv *canvas) rows(y0, y1 int, at func(y int) rgb) {
	b := cv.img.Bounds()
	y0, y1 = max(y0, 0), min(y1, b.Dy())
	for y := y0; y < y1; y++ {
		r, g, bl := at(y).bytes()
		row := cv.img.Pix[y*cv.img.Stride : y*cv.img.Stride+4*b.Dx()]
		if len(row) < 4 {
			continue
		}
		row[0], row[1], row[2], row[3] = uint8(r), uint8(g), uint8(bl), 255
		for n := 4; n < len(row); n *= 2 {
			copy(row[n:], row[:n])
		}
	}
}

// glow brightens a disc of radius rad about (cx, cy) towards c, strongest (strength)
// at the centre and fading smoothly to nothing at the edge, above bottom only: the
// sun, a spotlight.
func (cv *canvas) glow(cx, cy, rad, bottom float64, c rgb, strength float64) {
	r := image.Rect(int(cx-rad), int(cy-rad), int(cx+rad)+1, int(min(cy+rad, bottom))+1).Intersect(cv.img.Bounds())
	if r.Empty() || rad <= 0 {
		return
	}
	cr, cg, cb := c.bytes()
	inv := float32(1 / (rad * rad))
	str := float32(strength * 255)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		dy := (float64(y) - cy) * (float64(y) - cy)
		if dy >= rad*rad {
			continue
		}
		half := math.Sqrt(rad*rad - dy) // only the chord of the disc on this row
		x0, x1 := max(r.Min.X, int(cx-half)), min(r.Max.X, int(cx+half)+1)
		if x0 >= x1 {
			continue
		}
		row := cv.img.Pix[cv.img.PixOffset(x0, y):cv.img.PixOffset(x1, y)]
		base, dx := 1-float32(dy)*inv, float32(float64(x0)-cx)
		for i := 0; i+3 < len(row); i, dx = i+4, dx+1 {
			t := base - dx*dx*inv
			if t <= 0 {
				continue
			}
			k := uint32(t * t * str)
			px := row[i : i+3 : i+3]
			px[0] = uint8((uint32(px[0])*(255-k) + cr*k) / 255)
			px[1] = uint8((uint32(px[1])*(255-k) + cg*k) / 255)
			px[2] = uint8((uint32(px[2])*(255-k) + cb*k) / 255)
		}
	}
}

// finish adds film grain and a soft vignette in one pass over the picture: cheap
// touches that make flat shapes read as a photograph. The vignette is the product of
// a fall-off across and one down, which darkens the corners most.
func (cv *canvas) finish(seed uint64, grain, vignette float64) {
	b := cv.img.Bounds()
	w, h := b.Dx(), b.Dy()
	across, down := falloff(w, vignette), falloff(h, vignette)
	g := int32(grain * 256)
	noise := seed | 1
	var bits uint64
	for y := 0; y < h; y++ {
		row := cv.img.Pix[y*cv.img.Stride : y*cv.img.Stride+4*w]
		fy := down[y]
		for x := 0; x < w; x++ {
			if x&7 == 0 { // xorshift, eight pixels' grain a turn
				noise ^= noise << 13
				noise ^= noise >> 7
				noise ^= noise << 17
				bits = noise
			}
			n := (int32(bits&0xff) - 128) * g >> 8
			bits >>= 8
			f := across[x] * fy >> 8
			px := row[4*x : 4*x+3 : 4*x+3]
			px[0] = clamp8(int32(px[0])*f>>8 + n)
			px[1] = clamp8(int32(px[1])*f>>8 + n)
			px[2] = clamp8(int32(px[2])*f>>8 + n)
		}
	}
}

// falloff is the vignette along one side of n pixels, in 256ths: 256 over the middle,
// down to 256·(1-amount/2) at the edges.
func falloff(n int, amount float64) []int32 {
	f := make([]int32, n)
	for i := range f {
		d := math.Abs((float64(i)+0.5)/float64(n)-0.5) * 2 // 0 in the middle, 1 at the edge
		f[i] = int32(256 * (1 - amount/2*smooth(0.35, 1.1, d)))
	}
	return f
}

func clamp8(v int32) uint8 {
	switch {
	case v < 0:
		return 0
	case v > 255:
		return 255
	}
	return uint8(v)
}

// reflect mirrors the picture above line into the rows from line to bottom, as still
// water does: rows shifted sideways by ripples that grow towards the viewer, and
// mixed into the water's colour, more so further down.
func (cv *canvas) reflect(line, bottom int, water rgb, r *rng) {
	b := cv.img.Bounds()
	line, bottom = max(line, 1), min(bottom, b.Dy())
	wr, wg, wb := water.bytes()
	phase, amp := r.between(0, 6), float64(b.Dx())*0.004
	w := b.Dx()
	for y := line; y < bottom; y++ {
		d := y - line
		src := max(0, line-1-d)
		t := float64(d) / float64(max(1, bottom-line))
		shift := int(amp * (0.3 + 2*t) * math.Sin(float64(y)*0.45+phase))
		k := uint32(255 * (0.35 + 0.45*t))
		from := cv.img.Pix[src*cv.img.Stride:]
		to := cv.img.Pix[y*cv.img.Stride:]
		for x := range w {
			sx := min(max(x+shift, 0), w-1)
			to[4*x] = uint8((uint32(from[4*sx])*(255-k) + wr*k) / 255)
			to[4*x+1] = uint8((uint32(from[4*sx+1])*(255-k) + wg*k) / 255)
			to[4*x+2] = uint8((uint32(from[4*sx+2])*(255-k) + wb*k) / 255)
			to[4*x+3] = 255
		}
	}
}
