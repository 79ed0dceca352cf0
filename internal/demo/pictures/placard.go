package pictures

// drawPlacard is the picture of a slogan: one large placard held up over a crowd,
// its text readable, a few smaller ones and flags behind.
func drawPlacard(cv *canvas, r *rng, text string) {
	s := newScene(cv, r, pick(r, lights()))
	s.horizon = s.h * r.between(0.5, 0.62)
	lift := r.between(1.5, 3)
	m := s.newMarch(5+r.intn(2), s.u*r.between(0.012, 0.016), s.frontRadius(lift, 4.5, 6), lift)
	s.backdrop(m)
	last := len(m.rows) - 1
	for k, rw := range m.rows[:last] {
		fs := s.crowd(rw)
		for _, f := range fs {
			if k > 0 && r.chance(0.05) {
				if r.chance(0.5) {
					s.holdFlag(f)
				} else {
					s.holdPlacard(f, r.between(4, 6), "")
				}
			}
		}
		s.drawAll(fs)
	}
	front := s.crowd(m.rows[last])
	for _, f := range front {
		f.bare = true
	}
	s.heroPlacard(front, text)
	s.drawAll(front)
	if s.lt.rain {
		s.rain(0.18)
	}
}

// heroPlacard is the placard the picture is about, held by the front-row figure
// nearest its place on the thirds of the picture.
func (s *scene) heroPlacard(front []*figure, text string) {
	cx := s.w * s.r.between(0.36, 0.64)
	holder := front[0]
	for _, f := range front {
		if abs(f.x-cx) < abs(holder.x-cx) {
			holder = f
		}
	}
	pw := min(s.w*0.6, s.u*s.r.between(0.55, 0.72))
	ph := pw * s.r.between(0.55, 0.7)
	hx, hy := holder.x+holder.r*s.r.between(-0.8, 0.8), holder.top-holder.r*s.r.between(0.6, 1.4)
	cy := max(hy-holder.r*1.2-ph/2, ph*0.55)
	holder.raise(hx, hy)
	holder.raise(hx, hy+holder.r*1.5)
	s.placard(hx, cy, pw, ph, s.r.between(-0.07, 0.07), hy+holder.r*2, 0, s.newBoard(), text)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
