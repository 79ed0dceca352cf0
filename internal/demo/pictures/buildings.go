package pictures

// street draws a row of town houses across the picture standing on base, about
// height tall, faded by distance fade: brick and rendered façades, stepped and
// pointed gables, rows of windows, some lit.
func (s *scene) street(base, height, fade float64) {
	for x := -s.r.between(0, 0.1) * s.u; x < s.w; {
		bw := height * s.r.between(0.45, 0.85)
		s.house(x, x+bw, base, height*s.r.between(0.75, 1.15), fade)
		x += bw
	}
}

// house is one façade from x0 to x1, its eaves top above base.
func (s *scene) house(x0, x1, base, tall, fade float64) {
	wall := pick(s.r, s.lt.walls)
	top := base - tall
	body := newPath()
	body.rect(x0, top, x1, base)
	gable := s.r.intn(4)
	switch gable {
	case 0:
		s.steppedGable(body, x0, x1, top)
	case 1:
		body.poly(x0, top+1, (x0+x1)/2, top-(x1-x0)*0.45, x1, top+1)
	}
	s.cv.fill(body, s.fade(wall, fade))
	if gable >= 2 { // a flat top with a cornice
		c := newPath()
		c.rect(x0, top, x1, top+tall*0.035)
		s.cv.fill(c, s.fade(wall.shade(0.7), fade))
	}
	s.windows(x0, x1, top, base, wall, fade)
	edge := newPath() // the party wall's shadow, so that neighbours read apart
	edge.rect(x1-tall*0.012, top, x1, base)
	s.cv.fillAlpha(edge, s.lt.shadow, 0.25*(1-fade))
}

// steppedGable adds the crow-stepped gable of Flemish houses to p.
func (s *scene) steppedGable(p *path, x0, x1, top float64) {
	steps := 3 + s.r.intn(2)
	w := x1 - x0
	stepW, stepH := w/float64(2*steps+1), w*0.09
	xy := []float64{x0, top + 1}
	for i := range steps {
		x, y := x0+float64(i)*stepW, top-float64(i)*stepH
		xy = append(xy, x, y-stepH, x+stepW, y-stepH)
	}
	for i := steps - 1; i >= 0; i-- {
		x, y := x1-float64(i)*stepW, top-float64(i)*stepH
		xy = append(xy, x-stepW, y-stepH, x, y-stepH)
	}
	p.poly(append(xy, x1, top+1)...)
}

// windows puts rows of windows on a façade, a shop front on its ground floor, white
// sills under the upper ones.
func (s *scene) windows(x0, x1, top, base float64, wall rgb, fade float64) {
	w, tall := x1-x0, base-top
	cols := max(1, int(w/(tall*0.22)+0.5))
	floors := max(1, int(tall/(w/float64(cols))/1.25+0.5))
	colW, floorH := w/float64(cols), tall/float64(floors)
	dark, lit, sills := newPath(), newPath(), newPath()
	for f := range floors - 1 {
		y := top + float64(f)*floorH + floorH*0.2
		for c := range cols {
			x := x0 + float64(c)*colW + colW*0.25
			win := dark
			if s.r.chance(s.lt.litShare) {
				win = lit
			}
			win.rect(x, y, x+colW*0.5, y+floorH*0.62)
			sills.rect(x-colW*0.05, y+floorH*0.62, x+colW*0.55, y+floorH*0.68)
		}
	}
	shop := base - floorH*0.85 // the ground floor: a shop window and a door
	dark.rect(x0+w*0.08, shop, x0+w*0.62, base-floorH*0.08)
	dark.rect(x0+w*0.7, shop, x0+w*0.88, base)
	s.cv.fill(dark, s.fade(s.lt.window, fade))
	s.cv.fill(lit, s.fade(s.lt.lit, fade))
	s.cv.fill(sills, s.fade(wall.shade(1.35), fade))
	if s.r.chance(0.4) { // an awning over the shop
		a := newPath()
		a.poly(x0+w*0.04, shop-floorH*0.08, x0+w*0.66, shop-floorH*0.08, x0+w*0.7, shop+floorH*0.12, x0, shop+floorH*0.12)
		s.cv.fill(a, s.fade(hex(pick(s.r, fabricColours)).shade(0.85), fade))
	}
}
