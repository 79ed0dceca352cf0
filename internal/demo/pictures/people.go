package pictures

import "math"

// figure is a person seen from behind, or facing the camera without features: a head,
// a neck, shoulders and a body that runs down out of sight.
type figure struct {
	x, top   float64 // centre, and the top of the head
	r        float64 // head radius: the unit of a figure
	bottom   float64 // where the body ends, usually behind the next row
	breadth  float64 // half the shoulders, in head radii
	clothes  rgb
	hair     rgb
	skin     rgb
	style    int // hair and hats: see head
	hat      rgb // a beanie's colour
	backpack bool
	facing   bool         // towards the camera: a face without features, a collar
	bare     bool         // no umbrella, even in the rain: it would hide what the picture is about
	hands    [][2]float64 // raised hands, each holding something up
	fade     float64
}

const (
	hairShort = iota
	hairLong
	hairBun
	hairBald
	hatBeanie
	hatHood
)

// hairStyles weighs the styles: mostly plain hair, a hat now and then.
var hairStyles = []int{hairShort, hairShort, hairShort, hairShort, hairLong, hairLong, hairLong, hairBun, hairBald, hatBeanie, hatHood}

// newFigure makes a figure of head radius r whose head tops out at top.
func (s *scene) newFigure(x, top, r, bottom, fade float64) *figure {
	return &figure{
		x: x, top: top, r: r, bottom: bottom, breadth: s.r.between(1.9, 2.5),
		clothes: hex(pick(s.r, clothesColours)), hair: hex(pick(s.r, hairColours)), skin: hex(pick(s.r, skinColours)),
		style: pick(s.r, hairStyles), hat: hex(pick(s.r, fabricColours)), backpack: s.r.chance(0.12), fade: fade,
	}
}

// shoulders is where the arms start: y of the shoulder line and x of each side.
func (f *figure) shoulders() (y, left, right float64) {
	y = f.top + 2.5*f.r
	return y, f.x - f.breadth*f.r*0.8, f.x + f.breadth*f.r*0.8
}

// raise makes the figure hold up a pole or a placard at (hx, hy).
func (f *figure) raise(hx, hy float64) { f.hands = append(f.hands, [2]float64{hx, hy}) }

// rim is the light the sky puts on the top edges of things.
func (s *scene) rim(c rgb, fade float64) rgb {
	return c.mix(s.lt.sun, 0.22*(1-s.lt.dark*0.5)).shade(1.08 + 0.1*(1-fade))
}

func (s *scene) drawFigure(f *figure) {
	r, x := f.r, f.x
	clothes, skin := s.person(f.clothes, f.fade), s.person(f.skin, f.fade)
	cy := f.top + 1.12*r // the head's centre
	ys := f.top + 2.45*r // the shoulder line
	neck := newPath()
	neck.rect(x-0.42*r, cy, x+0.42*r, ys+0.3*r)
	s.cv.fill(neck, skin.shade(0.85))
	s.cv.fill(f.torso(ys, min(f.bottom, ys+1.5*r), 0), s.rim(clothes, f.fade))
	// The shoulders are drawn as a shape, the long straight back below as a box,
	// which costs a fraction of a shape of its size.
	shaped := min(f.bottom, ys+1.3*r)
	s.cv.fill(f.torso(ys, shaped, 0.12*r), clothes)
	if f.bottom > shaped {
		back := newPath()
		back.rect(x-f.breadth*r, ys+1.1*r, x+f.breadth*r, f.bottom)
		s.cv.fill(back, clothes)
	}
	if f.facing {
		s.collar(f, ys)
		s.arms(f, clothes, skin)
		s.face(f, cy, s.person(f.hair, f.fade), skin)
		return
	}
	s.details(f, ys, clothes)
	s.arms(f, clothes, skin)
	s.head(f, cy, s.person(f.hair, f.fade), skin)
}

// collar is the open neck of a jacket on a figure that faces the camera: a shirt in
// a V, and the shadow of the lapels.
func (s *scene) collar(f *figure, ys float64) {
	r, x := f.r, f.x
	shirt := newPath()
	shirt.poly(x-0.6*r, ys+0.05*r, x+0.6*r, ys+0.05*r, x, ys+1.6*r)
	s.cv.fill(shirt, s.person(hex(pick(s.r, []uint32{0xe9e6df, 0xd8dde3, 0x2b2b2b, 0xc8232c})), f.fade))
	creases := newPath()
	creases.stroke(x-0.6*r, ys+0.05*r, x, ys+1.6*r, r*0.12, false)
	creases.stroke(x+0.6*r, ys+0.05*r, x, ys+1.6*r, r*0.12, false)
	s.cv.fillAlpha(creases, s.lt.shadow, 0.35)
}

// face draws a head turned to the camera, without features: hair behind, the face,
// a fringe over the forehead.
func (s *scene) face(f *figure, cy float64, hair, skin rgb) {
	r, x := f.r, f.x
	if f.style == hairLong || f.style == hairBun {
		back := newPath()
		back.ellipse(x, cy-0.05*r, 1.02*r, 1.15*r)
		if f.style == hairLong {
			back.roundRect(x-1.02*r, cy, x+1.02*r, cy+1.8*r, 0.5*r)
		}
		s.cv.fill(back, hair)
	}
	head := newPath()
	head.ellipse(x, cy+0.05*r, 0.86*r, 1.08*r)
	s.cv.fill(head, s.rim(skin, f.fade))
	shade := newPath() // the side away from the light
	shade.ellipse(x+0.25*r, cy+0.15*r, 0.62*r, 0.98*r)
	s.cv.fillAlpha(shade, skin.shade(0.8), 0.35)
	cap := newPath()
	switch f.style {
	case hairBald:
		return
	case hatBeanie:
		hair = s.person(f.hat, f.fade)
	}
	cap.move(x-0.92*r, cy+0.05*r)
	cap.cube(x-0.98*r, f.top-0.4*r, x+0.98*r, f.top-0.4*r, x+0.92*r, cy+0.05*r)
	cap.cube(x+0.7*r, cy-0.45*r, x-0.5*r, cy-0.6*r, x-0.92*r, cy+0.05*r)
	cap.close()
	s.cv.fill(cap, hair)
}

// torso is the body from the shoulder line ys down to bottom, lowered by dy.
func (f *figure) torso(ys, bottom, dy float64) *path {
	r, x, sw := f.r, f.x, f.breadth*f.r
	ys += dy
	p := newPath()
	p.move(x+0.55*r, ys) // clockwise, as every shape here
	p.cube(x+sw*0.6, ys-0.05*r, x+sw, ys+0.05*r, x+sw, ys+0.9*r)
	p.line(x+sw, max(bottom, ys+0.9*r))
	p.line(x-sw, max(bottom, ys+0.9*r))
	p.line(x-sw, ys+0.9*r)
	p.cube(x-sw, ys+0.05*r, x-sw*0.6, ys-0.05*r, x-0.55*r, ys)
	p.close()
	return p
}

// details are what tell one back from another: the arms' creases, a collar, a
// backpack.
func (s *scene) details(f *figure, ys float64, clothes rgb) {
	r, x, sw := f.r, f.x, f.breadth*f.r
	for _, side := range []float64{-1, 1} { // one path each: a path costs its bounding box
		crease := newPath()
		crease.stroke(x+side*sw*0.62, ys+1.3*r, x+side*sw*0.7, f.bottom, math.Max(0.6, r*0.09), false)
		s.cv.fillAlpha(crease, s.lt.shadow, 0.3)
	}
	collar := newPath()
	collar.ellipse(x, ys+0.15*r, 0.75*r, 0.3*r)
	s.cv.fillAlpha(collar, s.lt.shadow, 0.3)
	if f.backpack {
		b := newPath()
		b.roundRect(x-sw*0.5, ys+0.9*r, x+sw*0.5, min(f.bottom, ys+4*r), r*0.5)
		s.cv.fill(b, s.person(f.hat, f.fade).shade(0.8))
		straps := newPath()
		straps.rect(x-sw*0.52, ys+0.3*r, x-sw*0.4, ys+r)
		straps.rect(x+sw*0.4, ys+0.3*r, x+sw*0.52, ys+r)
		s.cv.fill(straps, s.lt.shadow.mix(clothes, 0.5))
	}
}

// arms draws each raised arm, shoulder to elbow to hand.
func (s *scene) arms(f *figure, clothes, skin rgb) {
	ys, left, right := f.shoulders()
	sleeve, hands := newPath(), newPath()
	for _, h := range f.hands {
		sx := left
		if h[0] > f.x {
			sx = right
		}
		ex, ey := (sx+h[0])/2+(sx-f.x)*0.35, (ys+h[1])/2+f.r*0.3
		sleeve.stroke(sx, ys+f.r*0.4, ex, ey, f.r*0.8, true)
		sleeve.stroke(ex, ey, h[0], h[1]+f.r*0.3, f.r*0.7, true)
		hands.circle(h[0], h[1], f.r*0.38)
	}
	s.cv.fill(sleeve, clothes.shade(0.92))
	s.cv.fill(hands, skin)
}

// head draws the back of the head: hair, or a hat, or a bald crown, lit on top.
func (s *scene) head(f *figure, cy float64, hair, skin rgb) {
	r, x := f.r, f.x
	shape := func(dy float64) *path {
		p := newPath()
		p.ellipse(x, cy+dy, 0.92*r, 1.12*r)
		switch f.style {
		case hairLong:
			p.roundRect(x-0.95*r, cy+dy, x+0.95*r, cy+1.9*r, 0.5*r)
		case hairBun:
			p.circle(x, f.top+0.05*r+dy, 0.45*r)
		}
		return p
	}
	colour := hair
	if f.style == hairBald {
		colour = skin.shade(0.9)
	}
	s.cv.fill(shape(0), s.rim(colour, f.fade))
	s.cv.fill(shape(0.09*r), colour)
	switch f.style {
	case hatBeanie:
		b := newPath()
		b.move(x-0.98*r, cy-0.05*r)
		b.cube(x-0.98*r, f.top-0.5*r, x+0.98*r, f.top-0.5*r, x+0.98*r, cy-0.05*r)
		b.close()
		s.cv.fill(b, s.person(f.hat, f.fade))
	case hatHood:
		h := newPath()
		h.ellipse(x, cy+0.1*r, 1.15*r, 1.3*r)
		s.cv.fill(h, s.person(f.clothes, f.fade).shade(0.85))
	}
}

// row is one depth of a crowd: heads about at top, radius r, bodies down to bottom.
type row struct {
	top, r, bottom float64
	fade           float64 // towards the haze: 0 near, 1 far
	gap            float64 // between figures, in head radii
}

// crowd places a row of figures across the picture and returns them, in drawing
// order, for the caller to raise hands before drawing.
func (s *scene) crowd(rw row) []*figure {
	var out []*figure
	step := math.Max(rw.r*rw.gap, s.u*0.004) // a bound on the count, for odd shapes
	for x := -s.r.between(0, 3) * rw.r; x < s.w+3*rw.r; x += step * s.r.around(1, 0.35) {
		r := rw.r * s.r.around(1, 0.15)
		top := rw.top + s.r.between(-1.2, 1.2)*r
		out = append(out, s.newFigure(x, top, r, rw.bottom, rw.fade))
	}
	return out
}

// drawAll draws a row of figures, some under umbrellas when it rains.
func (s *scene) drawAll(fs []*figure) {
	for _, f := range fs {
		s.drawFigure(f)
		if s.lt.rain && len(f.hands) == 0 && !f.bare && s.r.chance(0.28) {
			s.umbrella(f)
		}
	}
}

// umbrella opens over a figure: a scalloped dome on a stick.
func (s *scene) umbrella(f *figure) {
	r := f.r
	cx, cy := f.x+s.r.between(-0.6, 0.6)*r, f.top-s.r.between(0.6, 1.4)*r
	rad := r * s.r.between(2.8, 3.6)
	tilt := s.r.between(-0.25, 0.25)
	stick := newPath()
	stick.stroke(cx, cy, f.x+0.3*r, f.top+2.2*r, r*0.12, false)
	s.cv.fill(stick, s.person(hex(0x222222), f.fade))
	p := newPath().transform(rotateAbout(tilt, cx, cy))
	p.move(cx-rad, cy)
	p.cube(cx-rad, cy-rad*0.75, cx+rad, cy-rad*0.75, cx+rad, cy)
	const scallops = 4
	for i := scallops; i > 0; i-- {
		x0 := cx - rad + 2*rad*float64(i)/scallops
		x1 := cx - rad + 2*rad*float64(i-1)/scallops
		p.quad((x0+x1)/2, cy-rad*0.16, x1, cy)
	}
	p.close()
	colour := hex(pick(s.r, []uint32{0x1b1b1e, 0x1d2c4d, 0xb3262d, 0xe2b22c, 0x2d5a3d, 0x55306b, 0x1b1b1e}))
	s.cv.fill(p, s.person(colour, f.fade))
	shine := newPath().transform(rotateAbout(tilt, cx, cy))
	shine.move(cx-rad*0.8, cy-rad*0.1)
	shine.cube(cx-rad*0.7, cy-rad*0.6, cx-rad*0.1, cy-rad*0.62, cx+rad*0.1, cy-rad*0.6)
	shine.cube(cx-rad*0.3, cy-rad*0.5, cx-rad*0.6, cy-rad*0.4, cx-rad*0.8, cy-rad*0.1)
	shine.close()
	s.cv.fillAlpha(shine, rgb{1, 1, 1}, 0.12)
}

// rain draws streaks across the whole picture, slanted by the wind.
func (s *scene) rain(alpha float64) {
	p := newPath()
	slant := s.r.between(-0.25, 0.1)
	n := int(s.w * s.h / (s.u * s.u) * 500)
	for range min(n, 4000) {
		x, y := s.r.float()*s.w*1.2-0.1*s.w, s.r.float()*s.h
		l := s.u * s.r.between(0.02, 0.05)
		p.stroke(x, y, x+slant*l, y+l, math.Max(1, s.u*0.0015), false)
	}
	s.cv.fillAlpha(p, rgb{0.9, 0.92, 0.95}, alpha)
}
