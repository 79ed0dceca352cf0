package pictures

import "math"

// drawLandscape is a place without people in front: a city across a river, a
// harbour with its cranes, a factory with smoking chimneys, or a canal between
// gabled houses.
func drawLandscape(cv *canvas, r *rng) {
	s := newScene(cv, r, pick(r, lights()))
	s.horizon = s.h * r.between(0.55, 0.66)
	s.drawSky()
	s.drawGround()
	switch r.intn(4) {
	case 0:
		s.riverCity()
	case 1:
		s.harbour()
	case 2:
		s.factory()
	default:
		s.canal()
	}
	if s.lt.rain {
		s.rain(0.15)
	}
}

// water is the colour still water takes from the light: the sky low down, darker.
func (s *scene) water() rgb { return gradientAt(s.lt.sky, 0.7).mix(s.lt.shadow, 0.35) }

// sparkle lays short bright strokes on water, where the ripples catch the sky.
func (s *scene) sparkle(top float64) {
	p := newPath()
	for range 120 {
		y := top + (s.h-top)*math.Pow(s.r.float(), 1.6)
		l := s.u * s.r.between(0.01, 0.05) * (0.3 + (y-top)/(s.h-top+1))
		x := s.r.float() * s.w
		p.rect(x, y, x+l, y+math.Max(1, s.u*0.002))
	}
	s.cv.fillAlpha(p, s.lt.sun.shade(1.1), 0.25)
}

// towers is a city's skyline: blocks of varied heights with rows of windows, a
// belfry here and there.
func (s *scene) towers(base, tall, fade float64) {
	for x := -s.u * 0.02; x < s.w; {
		bw := s.u * s.r.between(0.04, 0.11)
		bh := tall * s.r.between(0.3, 1)
		wall := s.fade(pick(s.r, s.lt.walls).mix(s.lt.shadow, 0.25), fade)
		p := newPath()
		p.rect(x, base-bh, x+bw, base)
		if s.r.chance(0.12) { // a belfry: a square tower, a lantern and a spire
			p.rect(x+bw*0.3, base-bh-tall*0.25, x+bw*0.7, base-bh)
			p.poly(x+bw*0.3, base-bh-tall*0.25, x+bw*0.5, base-bh-tall*0.5, x+bw*0.7, base-bh-tall*0.25)
		}
		s.cv.fill(p, wall)
		s.grid(x, base-bh, x+bw, base, fade)
		x += bw * s.r.between(0.8, 1.02)
	}
}

// grid is a tower's windows: small, regular, some lit.
func (s *scene) grid(x0, y0, x1, y1, fade float64) {
	step := s.u * 0.014
	dark, lit := newPath(), newPath()
	for y := y0 + step; y < y1-step; y += step * 1.5 {
		for x := x0 + step*0.6; x < x1-step*0.6; x += step {
			w := dark
			if s.r.chance(s.lt.litShare) {
				w = lit
			}
			w.rect(x, y, x+step*0.5, y+step*0.7)
		}
	}
	s.cv.fillAlpha(dark, s.fade(s.lt.window, fade), 0.6)
	s.cv.fill(lit, s.fade(s.lt.lit, fade*0.5))
}

// riverCity: a city's towers across a river, a bridge, their reflections.
func (s *scene) riverCity() {
	quay := s.horizon + s.h*0.04
	s.skyline(s.horizon, s.u*0.22, 0.6)
	s.towers(quay, s.u*s.r.between(0.25, 0.4), 0.25)
	wall := newPath()
	wall.rect(0, quay-s.u*0.01, s.w, quay)
	s.cv.fill(wall, s.lt.ground.mix(s.lt.shadow, 0.3))
	if s.r.chance(0.6) {
		s.bridge(quay)
	}
	s.cv.reflect(int(quay), int(s.h)+1, s.water(), s.r)
	s.sparkle(quay)
}

// bridge spans the river on arches just above the water.
func (s *scene) bridge(quay float64) {
	deck := quay - s.u*s.r.between(0.05, 0.08)
	p := newPath()
	p.rect(-1, deck, s.w+1, deck+s.u*0.018)
	span := s.u * s.r.between(0.18, 0.28)
	for x := -s.r.float() * span; x < s.w; x += span {
		p.rect(x, deck, x+span*0.12, quay)
	}
	s.cv.fill(p, s.fade(hex(0x8a8378).mix(s.lt.shadow, s.lt.dark*0.7), 0.15))
}

// harbour: cranes over the quay, stacks of containers, a ship, the water.
func (s *scene) harbour() {
	quay := s.horizon + s.h*0.05
	s.skyline(s.horizon, s.u*0.12, 0.7)
	for range 2 + s.r.intn(3) {
		s.crane(s.r.between(0.05, 0.95)*s.w, quay, s.u*s.r.between(0.35, 0.5), 0.2)
	}
	s.containers(quay)
	if s.r.chance(0.7) {
		s.ship(s.r.between(0.1, 0.5)*s.w, quay, s.u*s.r.between(0.5, 0.8))
	}
	edge := newPath()
	edge.rect(0, quay-s.u*0.012, s.w, quay)
	s.cv.fill(edge, s.lt.ground.mix(s.lt.shadow, 0.4))
	s.cv.reflect(int(quay), int(s.h)+1, s.water(), s.r)
	s.sparkle(quay)
}

// crane is a container crane: two legs, a cross beam, a boom reaching out over the
// water, in the port's colour.
func (s *scene) crane(x, base, tall, fade float64) {
	c := s.fade(hex(pick(s.r, []uint32{0xc8402c, 0x2f5c9e, 0xd9d4c7, 0xe08a1e})).mix(s.lt.shadow, s.lt.dark*0.7), fade)
	t := math.Max(1, tall*0.025)
	p := newPath()
	legW := tall * 0.35
	p.stroke(x, base, x+legW*0.15, base-tall*0.7, t*1.5, false)
	p.stroke(x+legW, base, x+legW*0.85, base-tall*0.7, t*1.5, false)
	p.stroke(x, base-tall*0.35, x+legW, base-tall*0.35, t, false)
	p.rect(x-tall*0.25, base-tall*0.72, x+legW+tall*0.6, base-tall*0.66) // the boom
	p.stroke(x+legW*0.5, base-tall, x-tall*0.2, base-tall*0.7, t*0.5, false)
	p.stroke(x+legW*0.5, base-tall, x+legW+tall*0.55, base-tall*0.7, t*0.5, false)
	p.rect(x+legW*0.4, base-tall, x+legW*0.6, base-tall*0.66)
	p.rect(x+legW*0.55, base-tall*0.66, x+legW*0.8, base-tall*0.6) // the cab
	s.cv.fill(p, c)
}

// containers are stacks of steel boxes along the quay, ribbed.
func (s *scene) containers(quay float64) {
	h := s.u * 0.035
	colours := []uint32{0xa8432f, 0x2f5c9e, 0x3f7a4a, 0x8a8f94, 0xd9822b, 0x7a2e3a, 0xe0c341}
	for x := s.r.between(-1, 0) * h * 2; x < s.w; {
		w := h * 2.4 * float64(1+s.r.intn(2))
		stack := s.r.intn(4)
		for k := range stack {
			c := s.fade(hex(pick(s.r, colours)).mix(s.lt.shadow, s.lt.dark*0.6), 0.1)
			y := quay - s.u*0.012 - float64(k+1)*h
			box := newPath()
			box.rect(x, y, x+w-1, y+h-1)
			s.cv.fill(box, c)
			ribs := newPath()
			for rx := x + h*0.15; rx < x+w-h*0.15; rx += h * 0.22 {
				ribs.rect(rx, y+h*0.1, rx+math.Max(0.8, h*0.05), y+h*0.9)
			}
			s.cv.fillAlpha(ribs, s.lt.shadow, 0.25)
		}
		x += w
	}
}

// ship is a cargo ship moored at the quay: a hull, a white bridge at the stern.
func (s *scene) ship(x, quay, length float64) {
	hullH := length * 0.1
	top := quay - hullH*0.6
	hull := newPath()
	hull.poly(x, top, x+length, top, x+length*0.93, quay+hullH*0.4, x+length*0.04, quay+hullH*0.4)
	dark := s.lt.shadow.mix(hex(pick(s.r, []uint32{0x7a1f1f, 0x1d2a44, 0x222222})), 0.6)
	s.cv.fill(hull, dark)
	line := newPath()
	line.rect(x+length*0.01, top+hullH*0.15, x+length*0.99, top+hullH*0.22)
	s.cv.fill(line, hex(0xe9e6df).mix(s.lt.shadow, s.lt.dark*0.6))
	bridge := newPath()
	bridge.rect(x+length*0.06, top-hullH*1.6, x+length*0.2, top)
	bridge.rect(x+length*0.1, top-hullH*2.2, x+length*0.13, top-hullH*1.6)
	s.cv.fill(bridge, hex(0xeeeeea).mix(s.lt.shadow, s.lt.dark*0.6))
	s.grid(x+length*0.06, top-hullH*1.6, x+length*0.2, top-hullH*0.2, 0)
}

// factory: sheds with saw-tooth roofs, chimneys and their smoke, a fence along a
// road.
func (s *scene) factory() {
	base := s.horizon + s.h*0.08
	s.skyline(s.horizon, s.u*0.12, 0.7)
	brick := s.fade(hex(pick(s.r, []uint32{0x8e4a36, 0xa0523c, 0x7d7f86, 0x9a6a52})).mix(s.lt.shadow, s.lt.dark*0.6), 0.1)
	for range 2 + s.r.intn(3) {
		s.chimney(s.r.between(0.1, 0.9)*s.w, base, s.u*s.r.between(0.35, 0.55), brick)
	}
	x0, x1 := s.w*s.r.between(-0.1, 0.2), s.w*s.r.between(0.8, 1.1)
	shed := newPath()
	top := base - s.u*s.r.between(0.16, 0.24)
	shed.rect(x0, top, x1, base)
	tooth := s.u * 0.07
	for x := x0; x < x1; x += tooth {
		shed.poly(x, top+1, x, top-tooth*0.6, x+tooth, top+1)
	}
	s.cv.fill(shed, brick)
	glass := newPath()
	for x := x0; x < x1; x += tooth {
		glass.poly(x+tooth*0.05, top-tooth*0.5, x+tooth*0.05, top, x+tooth*0.3, top)
	}
	s.cv.fillAlpha(glass, s.lt.lit, 0.5)
	s.windows(x0, x1, top, base, brick, 0)
	s.cv.rows(int(base), int(s.h)+1, func(y int) rgb {
		return s.lt.ground.mix(s.lt.ground.shade(0.7), smooth(base, s.h, float64(y)))
	})
	s.fence(base + s.u*0.04)
	s.picket(base + (s.h-base)*s.r.between(0.55, 0.7))
}

// picket is a strike picket at the factory gate: a knot of people facing the road
// behind a banner, a brazier burning beside them.
func (s *scene) picket(ground float64) {
	r := s.u * s.r.between(0.018, 0.024)
	cx := s.w * s.r.between(0.3, 0.7)
	n := 5 + s.r.intn(5)
	var fs []*figure
	for i := range n {
		x := cx + (float64(i)-float64(n-1)/2)*r*3.2 + r*s.r.between(-0.8, 0.8)
		f := s.newFigure(x, ground-r*16*s.r.around(1, 0.06), r*s.r.around(1, 0.1), ground-r*5, 0)
		f.facing, f.backpack = true, false
		fs = append(fs, f)
	}
	s.legs(fs, ground-r*7, ground)
	for _, f := range fs {
		s.drawFigure(f)
	}
	half := float64(n) * r * 1.3
	s.banner(cx-half, cx+half, ground-r*12, r*4.5, r*0.4, 0, s.newCloth(), "")
	s.brazier(cx+half+r*3, ground, r)
}

// brazier is an oil drum with a fire in it, its glow on whatever is near.
func (s *scene) brazier(x, ground, r float64) {
	s.cv.glow(x, ground-r*4, r*10, s.h, hex(0xffa04a), 0.35)
	drum := newPath()
	drum.rect(x-r*1.1, ground-r*3.5, x+r*1.1, ground)
	s.cv.fill(drum, hex(0x3a2f2a))
	flame := newPath()
	flame.move(x-r, ground-r*3.5)
	flame.quad(x-r*0.8, ground-r*5, x-r*0.2, ground-r*6.5)
	flame.quad(x, ground-r*5, x+r*0.4, ground-r*6)
	flame.quad(x+r*0.6, ground-r*4.8, x+r, ground-r*3.5)
	flame.close()
	s.cv.fill(flame, hex(0xf08a2a))
	core := newPath()
	core.ellipse(x, ground-r*4.1, r*0.5, r*0.7)
	s.cv.fill(core, hex(0xffd27a))
}

// chimney is a tall brick stack with a band near the top, smoking in the wind.
func (s *scene) chimney(x, base, tall float64, brick rgb) {
	w := tall * 0.07
	p := newPath()
	p.poly(x-w, base, x+w, base, x+w*0.65, base-tall, x-w*0.65, base-tall)
	s.cv.fill(p, brick.shade(0.9))
	band := newPath()
	band.rect(x-w*0.75, base-tall*0.93, x+w*0.75, base-tall*0.9)
	s.cv.fill(band, brick.shade(0.6))
	if s.r.chance(0.8) {
		wind := s.r.between(0.5, 1.5)
		smoke := hex(0xd8d6d0).mix(s.lt.haze, 0.4)
		for i := range 30 {
			t := float64(i) / 30
			c := newPath()
			c.circle(x+tall*wind*t*0.9, base-tall-tall*0.25*math.Sqrt(t)+tall*0.05*t, w*(0.8+6*t)*s.r.between(0.8, 1.2))
			s.cv.fillAlpha(c, smoke, 0.12*(1-t))
		}
	}
}

// fence is a steel fence along the road, the factory behind it.
func (s *scene) fence(y float64) {
	h := s.u * 0.06
	p := newPath()
	p.rect(0, y-h, s.w, y-h+math.Max(1, h*0.05))
	p.rect(0, y-h*0.15, s.w, y-h*0.1)
	for x := 0.0; x < s.w; x += h * 0.12 {
		p.rect(x, y-h*1.05, x+math.Max(1, h*0.03), y)
	}
	s.cv.fillAlpha(p, s.lt.shadow.mix(s.lt.ground, 0.3), 0.85)
}

// canal: a row of gabled houses along a canal, doubled in the water.
func (s *scene) canal() {
	quay := s.horizon + s.h*0.05
	s.skyline(s.horizon-s.u*0.15, s.u*0.15, 0.65)
	s.street(quay-s.u*0.02, s.u*s.r.between(0.28, 0.38), 0.05)
	kerb := newPath()
	kerb.rect(0, quay-s.u*0.02, s.w, quay)
	s.cv.fill(kerb, hex(0x7d7f86).mix(s.lt.shadow, s.lt.dark*0.6))
	s.cv.reflect(int(quay), int(s.h)+1, s.water(), s.r)
	s.sparkle(quay)
}
