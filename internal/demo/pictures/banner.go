package pictures

import "math"

// cloth is the look of a banner: its ground, its letters and a band along its edges.
type cloth struct{ ground, ink, band rgb }

func (s *scene) newCloth() cloth {
	pairs := [][3]uint32{
		{0xc8232c, 0xf7f3ea, 0xf7f3ea}, {0xf3f0e8, 0xc8232c, 0xc8232c}, {0x1f7a3a, 0xf7f3ea, 0xf2c230},
		{0x6a2c91, 0xf7f3ea, 0xf7f3ea}, {0x161616, 0xf2c230, 0xf2c230}, {0xf2c230, 0x161616, 0x161616},
		{0x1d4e9e, 0xf7f3ea, 0xc8232c}, {0xf3f0e8, 0x1d3f8a, 0x1d3f8a},
	}
	p := pick(s.r, pairs)
	return cloth{hex(p[0]), hex(p[1]), hex(p[2])}
}

// banner draws cloth from x0 to x1, its top edge at top, tall h, sagging by sag in
// the middle and rippling a little, lettered with text along its length.
func (s *scene) banner(x0, x1, top, h, sag, fade float64, c cloth, text string) {
	const n = 24
	ripple, phase := h*s.r.between(0.02, 0.05), s.r.between(0, 2*math.Pi)
	offset := func(t float64) float64 {
		return sag*4*t*(1-t) + ripple*math.Sin(2*math.Pi*3*t+phase)
	}
	lit := func(c rgb) rgb { return s.fade(c.mix(s.lt.sun, 0.08).mix(s.lt.shadow, s.lt.dark*0.45), fade) }
	strip := func(f0, f1 float64) *path {
		xy := make([]float64, 0, 4*(n+1))
		for i := 0; i <= n; i++ {
			t := float64(i) / n
			xy = append(xy, x0+(x1-x0)*t, top+offset(t)+h*f0)
		}
		for i := n; i >= 0; i-- {
			t := float64(i) / n
			xy = append(xy, x0+(x1-x0)*t, top+offset(t)+h*f1)
		}
		p := newPath()
		p.poly(xy...)
		return p
	}
	s.cv.fill(strip(0, 1), lit(c.ground))
	s.cv.fill(strip(0.04, 0.09), lit(c.band))
	s.cv.fill(strip(0.91, 0.96), lit(c.band))
	for i := range n { // folds catching the light
		t0, t1 := float64(i)/n, float64(i+1)/n
		k := math.Cos(2*math.Pi*3*(t0+t1)/2 + phase)
		p := newPath()
		p.poly(x0+(x1-x0)*t0, top+offset(t0), x0+(x1-x0)*t1, top+offset(t1), x0+(x1-x0)*t1, top+offset(t1)+h, x0+(x1-x0)*t0, top+offset(t0)+h)
		if k < 0 {
			s.cv.fillAlpha(p, s.lt.shadow, -k*0.12)
		} else {
			s.cv.fillAlpha(p, rgb{1, 1, 1}, k*0.05)
		}
	}
	mid := offset(0.5)
	s.letter(identity, (x0+x1)/2, top+mid+h*0.5, (x1-x0)*0.88, h*0.66, text, lit(c.ink), 2)
}

// drawBanner is either the head of a march, a banner carried across the street by a
// front rank facing the camera, or a banner hung high across a street over a crowd.
func drawBanner(cv *canvas, r *rng, text string) {
	s := newScene(cv, r, pick(r, lights()))
	if r.chance(0.65) {
		s.headOfMarch(text)
	} else {
		s.acrossStreet(text)
	}
	if s.lt.rain {
		s.rain(0.18)
	}
}

// headOfMarch: the march comes towards the camera behind its banner, held at the
// top edge by the front rank, their legs below it on the empty road.
func (s *scene) headOfMarch(text string) {
	s.horizon = s.h * s.r.between(0.38, 0.46)
	front := math.Max(1, s.u*s.r.between(0.03, 0.042))
	lift := s.r.between(1, 2.5)
	m := s.newMarch(5+s.r.intn(2), front*0.25, front*0.8, lift)
	top := s.horizon + lift*front
	ground := top + 16*front
	bannerTop, bannerBottom := top+3.2*front, ground-front*s.r.between(3.5, 5)
	m.rows[len(m.rows)-1].bottom = bannerBottom
	s.backdrop(m)
	for _, rw := range m.rows {
		fs := s.crowd(rw)
		for _, f := range fs {
			f.facing = true
			if s.r.chance(0.04) {
				s.holdFlag(f)
			}
		}
		s.drawAll(fs)
	}
	s.road(bannerBottom - front)
	x0, x1 := s.w*s.r.between(0.03, 0.1), s.w*s.r.between(0.9, 0.97)
	holders := s.frontRank(x0, x1, top, front, ground)
	under := newPath() // the legs of the ranks behind, in the banner's shadow
	under.rect(0, bannerBottom-front, s.w, ground-front*0.3)
	s.cv.fillAlpha(under, s.lt.shadow, 0.55)
	s.legs(holders, bannerBottom-front, ground)
	for _, f := range holders {
		s.drawFigure(f)
	}
	for _, x := range []float64{x0, x1} {
		pole := newPath()
		pole.stroke(x, bannerTop-front*2.5, x, ground-front*0.5, front*0.18, false)
		s.cv.fill(pole, s.person(hex(0x6b5a48), 0))
	}
	bh := bannerBottom - bannerTop
	s.banner(x0, x1, bannerTop, bh, bh*s.r.between(0, 0.06), 0, s.newCloth(), text)
	hands := newPath()
	for _, f := range holders {
		hands.circle(f.x-f.r*1.1, bannerTop+f.r*0.1, f.r*0.36)
		hands.circle(f.x+f.r*1.1, bannerTop+f.r*0.1, f.r*0.36)
	}
	s.cv.fill(hands, s.person(holders[0].skin, 0))
}

// frontRank is the people who carry the banner, evenly along it, facing the camera.
func (s *scene) frontRank(x0, x1, top, r, ground float64) []*figure {
	n := max(2, int((x1-x0)/(r*5.5)))
	var out []*figure
	for i := range n {
		x := x0 + (x1-x0)*(float64(i)+0.5)/float64(n) + r*s.r.between(-0.8, 0.8)
		f := s.newFigure(x, top+r*s.r.between(-0.8, 0.8), r*s.r.around(1, 0.1), ground-r*5, 0)
		f.facing, f.backpack = true, false
		out = append(out, f)
	}
	return out
}

// legs are the front rank's, from under the banner to their shoes on the road.
func (s *scene) legs(fs []*figure, from, ground float64) {
	for _, f := range fs {
		trousers := s.person(hex(pick(s.r, []uint32{0x2a2d34, 0x3b4a63, 0x1e1e20, 0x4a4238, 0x5b6440})), 0)
		p, shoes := newPath(), newPath()
		stride := f.r * s.r.between(-0.5, 0.5)
		for _, side := range []float64{-1, 1} {
			x := f.x + side*f.r*0.75
			p.poly(x-f.r*0.55, from, x+f.r*0.55, from, x+side*stride*0.3+f.r*0.42, ground, x+side*stride*0.3-f.r*0.42, ground)
			shoes.ellipse(x+side*stride*0.3, ground, f.r*0.62, f.r*0.3)
		}
		s.cv.fill(p, trousers)
		s.cv.fill(shoes, s.person(hex(0x1a1a1a), 0))
	}
}

// road is the empty street in front of a march: tarmac, a kerb, a few markings,
// darker and shinier when it rains.
func (s *scene) road(top float64) {
	tarmac := s.lt.ground.shade(0.8)
	s.cv.rows(int(top), int(s.h)+1, func(y int) rgb {
		return tarmac.mix(s.lt.ground.shade(0.65), smooth(top, s.h, float64(y)))
	})
	if s.lt.rain { // the wet road gives back the sky
		sheen := newPath()
		sheen.rect(0, top, s.w, s.h)
		s.cv.fillAlpha(sheen, s.lt.sky[len(s.lt.sky)-1].c, 0.18)
	}
	marks := newPath()
	y := top + (s.h-top)*0.55
	for x := -s.u * 0.05; x < s.w; x += s.u * 0.28 {
		marks.poly(x, y, x+s.u*0.14, y, x+s.u*0.15, y+s.u*0.012, x-s.u*0.01, y+s.u*0.012)
	}
	s.cv.fillAlpha(marks, hex(0xe8e4d8), 0.7)
}

// acrossStreet: a banner strung high between the houses, the crowd below seen from
// behind.
func (s *scene) acrossStreet(text string) {
	s.horizon = s.h * s.r.between(0.55, 0.62)
	lift := s.r.between(1.5, 3)
	m := s.newMarch(6+s.r.intn(2), s.u*s.r.between(0.01, 0.013), s.frontRadius(lift, 5, 6.5), lift)
	s.backdrop(m)
	for k, rw := range m.rows {
		fs := s.crowd(rw)
		if k > 0 && k < len(m.rows)-1 {
			for _, f := range fs {
				if s.r.chance(0.04) {
					s.holdFlag(f)
				}
			}
		}
		s.drawAll(fs)
	}
	bw := s.w * s.r.between(0.7, 0.85) // drawn last: nothing may hide the slogan
	x0 := (s.w - bw) / 2
	top := s.horizon * s.r.between(0.15, 0.3)
	bh := math.Min(bw*0.16, s.horizon*0.3)
	ropes := newPath()
	ropes.stroke(-s.w*0.02, top-bh*0.4, x0, top, math.Max(1, bh*0.03), false)
	ropes.stroke(x0+bw, top, s.w*1.02, top-bh*0.4, math.Max(1, bh*0.03), false)
	ropes.stroke(-s.w*0.02, top+bh*0.8, x0, top+bh, math.Max(1, bh*0.03), false)
	ropes.stroke(x0+bw, top+bh, s.w*1.02, top+bh*0.8, math.Max(1, bh*0.03), false)
	s.cv.fill(ropes, s.lt.shadow.mix(s.lt.haze, 0.3))
	s.banner(x0, x0+bw, top, bh, 0, 0.1, s.newCloth(), text)
}
