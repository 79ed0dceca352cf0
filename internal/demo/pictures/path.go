package pictures

import "math"

// affine maps (x, y) to (a·x + b·y + c, d·x + e·y + f).
type affine struct{ a, b, c, d, e, f float64 }

var identity = affine{a: 1, e: 1}

func (m affine) apply(x, y float64) (float64, float64) {
	return m.a*x + m.b*y + m.c, m.d*x + m.e*y + m.f
}

// then is m followed by n.
func (m affine) then(n affine) affine {
	return affine{
		a: n.a*m.a + n.b*m.d, b: n.a*m.b + n.b*m.e, c: n.a*m.c + n.b*m.f + n.c,
		d: n.d*m.a + n.e*m.d, e: n.d*m.b + n.e*m.e, f: n.d*m.c + n.e*m.f + n.f,
	}
}

// rotateAbout turns by angle radians (clockwise on screen) about (x, y).
func rotateAbout(angle, x, y float64) affine {
	s, c := math.Sincos(angle)
	return affine{a: c, b: -s, c: x - c*x + s*y, d: s, e: c, f: y - s*x - c*y}
}

type opKind uint8

const (
	opMove opKind = iota
	opLine
	opQuad
	opCube
	opClose
)

type pathOp struct {
	kind opKind
	pts  [3][2]float64
}

// path is a shape in picture coordinates, built from any number of closed
// sub-paths; overlapping sub-paths are united. Points pass through m as they are
// added, so a shape drawn upright can be tilted or mirrored whole.
type path struct {
	ops                    []pathOp
	boxes                  [][4]float64 // upright rectangles, x0 y0 x1 y1 in picture coordinates
	m                      affine
	minX, minY, maxX, maxY float64
}

func newPath() *path {
	return &path{m: identity, minX: math.Inf(1), minY: math.Inf(1), maxX: math.Inf(-1), maxY: math.Inf(-1)}
}

func (p *path) add(kind opKind, xy ...float64) {
	op := pathOp{kind: kind}
	for i := 0; i+1 < len(xy); i += 2 {
		x, y := p.m.apply(xy[i], xy[i+1])
		op.pts[i/2] = [2]float64{x, y}
		p.minX, p.maxX = math.Min(p.minX, x), math.Max(p.maxX, x)
		p.minY, p.maxY = math.Min(p.minY, y), math.Max(p.maxY, y)
	}
	p.ops = append(p.ops, op)
}

func (p *path) move(x, y float64)                 { p.add(opMove, x, y) }
func (p *path) line(x, y float64)                 { p.add(opLine, x, y) }
func (p *path) quad(bx, by, x, y float64)         { p.add(opQuad, bx, by, x, y) }
func (p *path) cube(bx, by, cx, cy, x, y float64) { p.add(opCube, bx, by, cx, cy, x, y) }
func (p *path) close()                            { p.ops = append(p.ops, pathOp{kind: opClose}) }
func (p *path) circle(cx, cy, r float64)          { p.ellipse(cx, cy, r, r) }
func (p *path) empty() bool                       { return len(p.ops) == 0 && len(p.boxes) == 0 }
func (p *path) transform(m affine) *path          { p.m = m; return p }

// rect adds a rectangle. While the transform keeps it upright it is kept aside as a
// box, which the canvas fills directly, at the cost of its own area rather than the
// whole path's; a path of translucent boxes must not overlap itself, or the overlap
// is painted twice.
func (p *path) rect(x0, y0, x1, y1 float64) {
	if p.m.b != 0 || p.m.d != 0 {
		p.poly(x0, y0, x1, y0, x1, y1, x0, y1)
		return
	}
	ax, ay := p.m.apply(x0, y0)
	bx, by := p.m.apply(x1, y1)
	ax, bx = math.Min(ax, bx), math.Max(ax, bx)
	ay, by = math.Min(ay, by), math.Max(ay, by)
	p.boxes = append(p.boxes, [4]float64{ax, ay, bx, by})
	p.minX, p.maxX = math.Min(p.minX, ax), math.Max(p.maxX, bx)
	p.minY, p.maxY = math.Min(p.minY, ay), math.Max(p.maxY, by)
}

// boxesAsOps moves the boxes into the outline, for a path the rasterizer must draw
// whole.
func (p *path) boxesAsOps() {
	for _, b := range p.boxes {
		for _, pt := range [][2]float64{{b[0], b[1]}, {b[2], b[1]}, {b[2], b[3]}, {b[0], b[3]}} {
			kind := opLine
			if pt == [2]float64{b[0], b[1]} {
				kind = opMove
			}
			p.ops = append(p.ops, pathOp{kind: kind, pts: [3][2]float64{pt}})
		}
		p.ops = append(p.ops, pathOp{kind: opClose})
	}
	p.boxes = nil
}

// poly adds a closed polygon from x, y pairs. It is turned clockwise, as every other
// shape here is: the rasterizer unites overlapping sub-paths only when they turn the
// same way, and cuts holes where they do not.
func (p *path) poly(xy ...float64) {
	if len(xy) < 6 {
		return
	}
	if area(xy) < 0 {
		rev := make([]float64, len(xy))
		for i := 0; i+1 < len(xy); i += 2 {
			j := len(xy) - 2 - i
			rev[j], rev[j+1] = xy[i], xy[i+1]
		}
		xy = rev
	}
	p.move(xy[0], xy[1])
	for i := 2; i+1 < len(xy); i += 2 {
		p.line(xy[i], xy[i+1])
	}
	p.close()
}

// ellipse adds an ellipse of radii rx, ry, as four cubic arcs.
func (p *path) ellipse(cx, cy, rx, ry float64) {
	const k = 0.5523
	p.move(cx+rx, cy)
	p.cube(cx+rx, cy+k*ry, cx+k*rx, cy+ry, cx, cy+ry)
	p.cube(cx-k*rx, cy+ry, cx-rx, cy+k*ry, cx-rx, cy)
	p.cube(cx-rx, cy-k*ry, cx-k*rx, cy-ry, cx, cy-ry)
	p.cube(cx+k*rx, cy-ry, cx+rx, cy-k*ry, cx+rx, cy)
	p.close()
}

// hole adds an ellipse turning the other way, which cuts it out of a shape it lies in
// (the rasterizer adds windings up, and fills where they do not cancel).
func (p *path) hole(cx, cy, rx, ry float64) {
	const k = 0.5523
	p.move(cx+rx, cy)
	p.cube(cx+rx, cy-k*ry, cx+k*rx, cy-ry, cx, cy-ry)
	p.cube(cx-k*rx, cy-ry, cx-rx, cy-k*ry, cx-rx, cy)
	p.cube(cx-rx, cy+k*ry, cx-k*rx, cy+ry, cx, cy+ry)
	p.cube(cx+k*rx, cy+ry, cx+rx, cy+k*ry, cx+rx, cy)
	p.close()
}

// roundRect adds a rectangle with corners rounded by r.
func (p *path) roundRect(x0, y0, x1, y1, r float64) {
	r = math.Max(0, math.Min(r, math.Min(x1-x0, y1-y0)/2))
	p.move(x0+r, y0)
	p.line(x1-r, y0)
	p.quad(x1, y0, x1, y0+r)
	p.line(x1, y1-r)
	p.quad(x1, y1, x1-r, y1)
	p.line(x0+r, y1)
	p.quad(x0, y1, x0, y1-r)
	p.line(x0, y0+r)
	p.quad(x0, y0, x0+r, y0)
	p.close()
}

// stroke adds a straight stroke of width w from (x0, y0) to (x1, y1), with round ends
// when round is set.
func (p *path) stroke(x0, y0, x1, y1, w float64, round bool) {
	dx, dy := x1-x0, y1-y0
	n := math.Hypot(dx, dy)
	if n == 0 {
		return
	}
	nx, ny := -dy/n*w/2, dx/n*w/2
	p.poly(x0+nx, y0+ny, x1+nx, y1+ny, x1-nx, y1-ny, x0-nx, y0-ny)
	if round {
		p.circle(x0, y0, w/2)
		p.circle(x1, y1, w/2)
	}
}

// merge adds q's sub-paths to p, as they are: q's transform has been applied.
func (p *path) merge(q *path) {
	p.ops = append(p.ops, q.ops...)
	p.boxes = append(p.boxes, q.boxes...)
	p.minX, p.maxX = math.Min(p.minX, q.minX), math.Max(p.maxX, q.maxX)
	p.minY, p.maxY = math.Min(p.minY, q.minY), math.Max(p.maxY, q.maxY)
}

// area is twice the signed area of a polygon, positive when it turns clockwise on
// the screen (y down).
func area(xy []float64) float64 {
	a, n := 0.0, len(xy)/2
	for i := range n {
		j := (i + 1) % n
		a += xy[2*i]*xy[2*j+1] - xy[2*j]*xy[2*i+1]
	}
	return a
}
