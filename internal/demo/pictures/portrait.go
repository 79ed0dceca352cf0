package pictures

import "math"

// backdrop colours of a portrait: studio paper, or the blur of a street behind.
var portraitBackdrops = [][2]uint32{
	{0x2f6b70, 0x173a3e}, {0xc9a15a, 0x7d5a2a}, {0x5a6878, 0x2a323c}, {0x8a3b3b, 0x4a1c22},
	{0xd8d2c4, 0x9c968a}, {0x3d5a3f, 0x1f2f22}, {0xe2b48a, 0xa8674a}, {0x30334a, 0x15161f},
}

// Hair and headwear of a bust.
const (
	bustShort = iota
	bustCurly
	bustLong
	bustBun
	bustBald
	bustBeanie
	bustScarf
	bustStyles
)

// Necklines of a bust.
const (
	neckJacket = iota
	neckCrew
	neckHood
	necklines
)

// bust is a head and shoulders facing the camera, R the head's half-width.
type bust struct {
	x, cy, r                  float64
	skin, hair, clothes, trim rgb
	style, neckline           int
}

// drawPortrait is a head and shoulders without features: either a dark silhouette
// against a light ground with a rim of light, or a flat-coloured sitter against a
// blurred street or studio paper, as newspapers draw people they must not show.
func drawPortrait(cv *canvas, r *rng) {
	bd := pick(r, portraitBackdrops)
	light, deep := hex(bd[0]), hex(bd[1])
	s := newScene(cv, r, studio(light, deep))
	s.horizon = s.h
	s.cv.rows(0, int(s.h)+1, func(y int) rgb { return light.mix(deep, smooth(0, s.h, float64(y))*0.6) })
	rad := math.Min(s.w*0.19, s.h*0.155)
	b := bust{
		x: s.w * r.between(0.4, 0.6), cy: s.h - rad*r.between(4.3, 4.9), r: rad,
		skin: hex(pick(r, skinColours)), hair: hex(pick(r, hairColours)),
		clothes: hex(pick(r, clothesColours)), trim: hex(pick(r, []uint32{0xe9e6df, 0xd8dde3, 0x2b2b2b, 0xc8232c, 0x2f5240})),
		style: r.intn(bustStyles), neckline: r.intn(necklines),
	}
	s.cv.glow(b.x+s.w*r.between(-0.25, 0.25), b.cy, math.Max(s.w, s.h)*0.7, s.h, light.shade(1.35), 0.5)
	if r.chance(0.5) {
		s.blurredStreet(light)
	} else {
		s.bokeh(light)
	}
	if r.chance(0.45) {
		s.silhouetteBust(b, light, deep)
		return
	}
	s.drawBust(b)
}

// studio is the light of a portrait: no sky, no haze, the backdrop's colours.
func studio(l, d rgb) light {
	return light{sky: []gradientStop{{0, l}, {1, d}}, sun: l.shade(1.4), haze: l, ground: d, walls: []rgb{l}, shadow: hex(0x121417), indoor: true}
}

// bokeh is out-of-focus lights behind the sitter: soft discs.
func (s *scene) bokeh(base rgb) {
	for range 6 + s.r.intn(14) {
		x, y, rad := s.r.float()*s.w, s.r.float()*s.h*0.8, s.u*s.r.between(0.02, 0.09)
		c := base.shade(s.r.between(1.2, 1.6)).mix(hex(pick(s.r, []uint32{0xffd58a, 0xffffff, 0xff9a7a, 0x9ad1ff})), 0.3)
		p := newPath()
		p.circle(x, y, rad)
		s.cv.fillAlpha(p, c, s.r.between(0.08, 0.2))
	}
}

// blurredStreet is a street far out of focus: tall soft blocks of colour.
func (s *scene) blurredStreet(base rgb) {
	for x := -s.u * 0.1; x < s.w; x += s.u * s.r.between(0.12, 0.3) {
		w, top := s.u*s.r.between(0.1, 0.25), s.h*s.r.between(0.05, 0.4)
		c := base.mix(hex(pick(s.r, streetWalls)), 0.5).shade(s.r.between(0.8, 1.2))
		for i := range 2 { // two widths for a soft edge
			k := float64(i) * 0.04 * s.u
			p := newPath()
			p.rect(x-k, top-k, x+w+k, s.h)
			s.cv.fillAlpha(p, c, 0.14)
		}
	}
}

// silhouetteBust is the bust in one dark colour, its edge lit from behind.
func (s *scene) silhouetteBust(b bust, light, deep rgb) {
	dx := b.r * 0.07 * s.r.between(-1, 1)
	rim := newPath()
	rim.merge(b.outline(dx, -b.r*0.05))
	s.cv.fill(rim, light.shade(1.6))
	s.cv.fill(b.outline(0, 0), deep.mix(hex(0x0d0e11), 0.8))
}

// outline is every part of the bust as one shape, moved by (dx, dy).
func (b bust) outline(dx, dy float64) *path {
	b.x, b.cy = b.x+dx, b.cy+dy
	p := newPath()
	for _, q := range []*path{b.backHair(), b.neck(), b.torso(), b.head(), b.ears(), b.cap()} {
		if q != nil {
			p.merge(q)
		}
	}
	return p
}

func (s *scene) drawBust(b bust) {
	lit := func(c rgb) rgb { return c.mix(s.lt.sun, 0.08) }
	if p := b.backHair(); p != nil {
		s.cv.fill(p, lit(b.hair))
	}
	s.cv.fill(b.neck(), b.skin.shade(0.82))
	s.cv.fill(b.torso(), lit(b.clothes))
	s.neckline(b)
	s.cv.fill(b.ears(), b.skin.shade(0.9))
	s.cv.fill(b.head(), lit(b.skin))
	shade := newPath() // the side of the face away from the light
	shade.ellipse(b.x+0.3*b.r, b.cy+0.1*b.r, 0.55*b.r, 0.92*b.r)
	s.cv.fillAlpha(shade, b.skin.shade(0.75), 0.3)
	if p := b.cap(); p != nil {
		c := b.hair
		switch b.style {
		case bustBeanie, bustScarf:
			c = b.trim.mix(b.clothes, 0.3)
		}
		s.cv.fill(p, lit(c))
	}
}

// neckline is the collar: a shirt in the V of a jacket, a round T-shirt neck, or a
// hood lying round the neck.
func (s *scene) neckline(b bust) {
	x, y, r := b.x, b.cy+1.45*b.r, b.r
	switch b.neckline {
	case neckJacket:
		shirt := newPath()
		shirt.poly(x-0.55*r, y-0.1*r, x+0.55*r, y-0.1*r, x, y+1.6*r)
		s.cv.fill(shirt, b.trim)
		lapels := newPath()
		lapels.stroke(x-0.55*r, y-0.1*r, x, y+1.6*r, r*0.14, false)
		lapels.stroke(x+0.55*r, y-0.1*r, x, y+1.6*r, r*0.14, false)
		s.cv.fillAlpha(lapels, s.lt.shadow, 0.35)
	case neckCrew:
		band := newPath()
		band.ellipse(x, y-0.05*r, 0.62*r, 0.32*r)
		s.cv.fill(band, b.clothes.shade(0.8))
		skin := newPath()
		skin.ellipse(x, y-0.12*r, 0.5*r, 0.24*r)
		s.cv.fill(skin, b.skin.shade(0.82))
	case neckHood:
		hood := newPath()
		hood.ellipse(x, y+0.05*r, 1.05*r, 0.45*r)
		s.cv.fill(hood, b.clothes.shade(0.85))
		strings := newPath()
		strings.stroke(x-0.3*r, y+0.3*r, x-0.35*r, y+1.3*r, r*0.07, true)
		strings.stroke(x+0.3*r, y+0.3*r, x+0.35*r, y+1.3*r, r*0.07, true)
		s.cv.fill(strings, b.trim)
	}
}

func (b bust) head() *path {
	p := newPath()
	p.ellipse(b.x, b.cy, 0.8*b.r, b.r)
	return p
}

func (b bust) ears() *path {
	p := newPath()
	if b.style == bustScarf || b.style == bustLong {
		return p
	}
	p.ellipse(b.x-0.8*b.r, b.cy+0.1*b.r, 0.16*b.r, 0.26*b.r)
	p.ellipse(b.x+0.8*b.r, b.cy+0.1*b.r, 0.16*b.r, 0.26*b.r)
	return p
}

func (b bust) neck() *path {
	p := newPath()
	p.rect(b.x-0.36*b.r, b.cy+0.4*b.r, b.x+0.36*b.r, b.cy+1.7*b.r)
	return p
}

// torso is the shoulders: the slope of the neck muscles, round shoulders, the arms
// running down out of the picture.
func (b bust) torso() *path {
	x, y, r := b.x, b.cy+1.35*b.r, b.r
	bottom := y + 8*r
	p := newPath()
	p.move(x+0.5*r, y) // clockwise, as the neck it must unite with
	p.cube(x+0.9*r, y+0.35*r, x+1.7*r, y+0.45*r, x+2.1*r, y+0.75*r)
	p.cube(x+2.45*r, y+1.0*r, x+2.5*r, y+1.6*r, x+2.5*r, y+2.2*r)
	p.line(x+2.6*r, bottom)
	p.line(x-2.6*r, bottom)
	p.line(x-2.5*r, y+2.2*r)
	p.cube(x-2.5*r, y+1.6*r, x-2.45*r, y+1.0*r, x-2.1*r, y+0.75*r)
	p.cube(x-1.7*r, y+0.45*r, x-0.9*r, y+0.35*r, x-0.5*r, y)
	p.close()
	return p
}

// backHair is what lies behind the head: long hair to the shoulders, a bun, a
// scarf's drape; nil for the rest.
func (b bust) backHair() *path {
	x, y, r := b.x, b.cy, b.r
	p := newPath()
	switch b.style {
	case bustLong:
		p.ellipse(x, y-0.05*r, 1.05*r, 1.15*r)
		p.roundRect(x-1.1*r, y, x+1.1*r, y+2.1*r, 0.5*r)
	case bustBun:
		p.circle(x, y-1.15*r, 0.45*r)
	case bustCurly:
		for i := range 11 {
			a := math.Pi + float64(i)*math.Pi/10
			p.circle(x+0.85*r*math.Cos(a), y-0.1*r+1.0*r*math.Sin(a), 0.34*r)
		}
	default:
		return nil
	}
	return p
}

// cap is hair or headwear over the top of the head; nil when bald.
func (b bust) cap() *path {
	x, y, r := b.x, b.cy, b.r
	p := newPath()
	switch b.style {
	case bustBald:
		return nil
	case bustScarf: // a headscarf round the face and down to the shoulders
		p.move(x-1.0*r, y+0.2*r)
		p.cube(x-1.05*r, y-1.45*r, x+1.05*r, y-1.45*r, x+1.0*r, y+0.2*r)
		p.cube(x+1.0*r, y+1.2*r, x+1.6*r, y+1.5*r, x+1.7*r, y+2.1*r)
		p.line(x-1.7*r, y+2.1*r)
		p.cube(x-1.6*r, y+1.5*r, x-1.0*r, y+1.2*r, x-1.0*r, y+0.2*r)
		p.close()
		p.hole(x, y+0.08*r, 0.66*r, 0.86*r) // the face shows through
		return p
	case bustBeanie:
		p.move(x-0.86*r, y-0.25*r)
		p.cube(x-0.9*r, y-1.5*r, x+0.9*r, y-1.5*r, x+0.86*r, y-0.25*r)
		p.close()
		return p
	}
	p.move(x-0.82*r, y+0.15*r)
	p.cube(x-0.98*r, y-1.38*r, x+0.98*r, y-1.38*r, x+0.82*r, y+0.15*r)
	p.cube(x+0.72*r, y-0.2*r, x+0.5*r, y-0.55*r, x+0.1*r, y-0.58*r) // the hairline, parted
	p.cube(x-0.4*r, y-0.62*r, x-0.7*r, y-0.3*r, x-0.82*r, y+0.15*r)
	p.close()
	return p
}
