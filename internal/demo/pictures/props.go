package pictures

import "math"

// flagDesign is what a flag shows: solid, striped across or along, or a rainbow.
type flagDesign struct {
	bands   []rgb
	along   bool // bands run from the pole outwards rather than top to bottom
	emblem  bool // a star in the middle, in the last band's colour
	emblemC rgb
}

func (s *scene) newFlagDesign() flagDesign {
	a := hex(pick(s.r, fabricColours))
	b := hex(pick(s.r, fabricColours))
	switch k := s.r.intn(10); {
	case k < 4:
		return flagDesign{bands: []rgb{a}, emblem: s.r.chance(0.5), emblemC: contrast(a)}
	case k < 6:
		return flagDesign{bands: []rgb{a, b}}
	case k < 8:
		return flagDesign{bands: []rgb{a, hex(0xeeeeea), b}, along: s.r.chance(0.5)}
	default:
		return flagDesign{bands: colours(0xe53935, 0xf57c00, 0xfdd835, 0x43a047, 0x1e63b5, 0x7b3fa0)}
	}
}

// contrast is white on a dark colour and near-black on a light one.
func contrast(c rgb) rgb {
	if c.luma() > 0.55 {
		return hex(0x1a1a1a)
	}
	return hex(0xf4f1ea)
}

// flag draws a pole from (px, foot) up to top and a cloth of fw×fh rippling in the
// wind from it, shaded fold by fold.
func (s *scene) flag(px, foot, top, fw, fh, fade float64, d flagDesign) {
	pole := newPath()
	pole.stroke(px, foot, px, top, math.Max(1, fw*0.025), false)
	pole.circle(px, top, math.Max(1, fw*0.03))
	s.cv.fill(pole, s.person(hex(0x6b5a48), fade))
	const n = 18
	dir := 1.0
	if s.r.chance(0.4) {
		dir = -1
	}
	amp, phase, waves := fh*s.r.between(0.08, 0.18), s.r.between(0, 2*math.Pi), s.r.between(1, 1.8)
	droop := fh * s.r.between(0, 0.35)
	var xs, ys, slope [n + 1]float64
	for i := range n + 1 {
		t := float64(i) / n
		xs[i] = px + dir*fw*t*(1-0.08*t)
		wave := amp * math.Sin(2*math.Pi*waves*t+phase) * math.Pow(t, 0.7)
		ys[i] = top + fh*0.04 + wave + droop*t*t
		slope[i] = math.Cos(2*math.Pi*waves*t + phase)
	}
	edge := func(i int, f float64) (float64, float64) { return xs[i], ys[i] + fh*f*(1-0.1*float64(i)/n) }
	quad := func(i int, f0, f1 float64) *path {
		p := newPath()
		ax, ay := edge(i, f0)
		bx, by := edge(i+1, f0)
		cx, cy := edge(i+1, f1)
		dx, dy := edge(i, f1)
		p.poly(ax, ay, bx+dir*0.5, by, cx+dir*0.5, cy, dx, dy)
		return p
	}
	for b, c := range d.bands {
		p := newPath()
		for i := range n {
			f0, f1 := float64(b)/float64(len(d.bands)), float64(b+1)/float64(len(d.bands))
			if d.along {
				if j := i * len(d.bands) / n; j != b {
					continue
				}
				f0, f1 = 0, 1
			}
			p.merge(quad(i, f0, f1))
		}
		s.cv.fill(p, s.person(c, fade).mix(c, 0.3))
	}
	if d.emblem {
		x, y := edge(n/2, 0.5)
		s.star(x, y, fh*0.22, s.person(d.emblemC, fade))
	}
	for i := range n { // the folds: darker where the cloth turns away
		if sh := slope[i]; sh < 0 {
			s.cv.fillAlpha(quad(i, 0, 1), s.lt.shadow, -sh*0.3)
		} else {
			s.cv.fillAlpha(quad(i, 0, 1), rgb{1, 1, 1}, sh*0.08)
		}
	}
}

// star draws a five-pointed star of outer radius rad.
func (s *scene) star(cx, cy, rad float64, c rgb) {
	xy := make([]float64, 0, 20)
	for i := range 10 {
		a := -math.Pi/2 + float64(i)*math.Pi/5
		r := rad
		if i%2 == 1 {
			r = rad * 0.4
		}
		xy = append(xy, cx+r*math.Cos(a), cy+r*math.Sin(a))
	}
	p := newPath()
	p.poly(xy...)
	s.cv.fill(p, c)
}

// board is the look of a placard.
type board struct {
	face, ink rgb
	edge      rgb
}

func (s *scene) newBoard() board {
	switch s.r.intn(6) {
	case 0, 1:
		return board{face: hex(0xf3f0e8), ink: hex(pick(s.r, []uint32{0x161616, 0xb81d24, 0x1d3f8a})), edge: hex(0xd5d0c4)}
	case 2:
		return board{face: hex(0xc9a26b), ink: hex(0x1d1a16), edge: hex(0xa27d4c)} // cardboard
	case 3:
		return board{face: hex(0xf2c230), ink: hex(0x161616), edge: hex(0xcfa21c)}
	case 4:
		return board{face: hex(0xc8232c), ink: hex(0xf7f3ea), edge: hex(0x9d1a21)}
	}
	return board{face: hex(0x1f5c99), ink: hex(0xf7f3ea), edge: hex(0x17467a)}
}

// placard draws a board w×h about (cx, cy) tilted by angle on a stick down to foot,
// lettered with text, or with scribbled lines when the text is empty or the board too
// small to read.
func (s *scene) placard(cx, cy, w, h, angle, foot, fade float64, b board, text string) {
	m := rotateAbout(angle, cx, cy)
	stick := newPath().transform(m)
	stick.stroke(cx, cy, cx, cy+(foot-cy)/math.Cos(angle), math.Max(1, w*0.035), false)
	s.cv.fill(stick, s.person(hex(0x8a6a45), fade))
	shadow := newPath().transform(m.then(affine{a: 1, e: 1, c: w * 0.02, f: w * 0.025}))
	shadow.rect(cx-w/2, cy-h/2, cx+w/2, cy+h/2)
	s.cv.fillAlpha(shadow, s.lt.shadow, 0.35*(1-fade))
	face := newPath().transform(m)
	face.rect(cx-w/2, cy-h/2, cx+w/2, cy+h/2)
	lit := b.face.mix(s.lt.sun, 0.1).mix(s.lt.shadow, s.lt.dark*0.45)
	s.cv.fill(face, s.fade(lit, fade))
	rim := newPath().transform(m)
	rim.rect(cx-w/2, cy+h/2-h*0.04, cx+w/2, cy+h/2)
	s.cv.fill(rim, s.fade(b.edge.mix(s.lt.shadow, s.lt.dark*0.45), fade))
	ink := s.fade(b.ink.mix(s.lt.shadow, s.lt.dark*0.3), fade)
	s.letter(m, cx, cy, w*0.86, h*0.78, text, ink, 4)
}

// letter sets text in the box w×h centred on (cx, cy) through m, as large as it goes;
// a box too small to read, or no text, gets scribbled lines instead.
//
// The scribble draws on a stream of its own, so that the rest of a picture is the
// same with a text or without.
func (s *scene) letter(m affine, cx, cy, w, h float64, text string, ink rgb, maxLines int) {
	own := s.r.fork()
	if text != "" && h >= 10 {
		l := s.letters()
		if b := l.fit(text, w, h, maxLines); len(b.lines) > 0 && b.size >= 7 {
			p := newPath().transform(m)
			l.setBlock(p, b, cx, cy)
			s.cv.fill(p, ink)
			return
		}
	}
	s.scribble(own, m, cx, cy, w, h, ink)
}

// scribble stands for writing too far away to read: three or four lines of ink.
func (s *scene) scribble(r *rng, m affine, cx, cy, w, h float64, ink rgb) {
	lines := 3 + r.intn(2)
	lh := h / float64(lines)
	p := newPath().transform(m)
	for i := range lines {
		lw := w * r.between(0.45, 0.95)
		if i == 0 {
			lw = w * 0.95 // a headline across the top
		}
		y := cy - h/2 + lh*(float64(i)+0.5)
		t := lh * 0.17
		if i == 0 {
			t = lh * 0.3
		}
		p.roundRect(cx-lw/2, y-t, cx+lw/2, y+t, t*0.5)
	}
	s.cv.fillAlpha(p, ink, 0.85)
}
