package pictures

import "math"

// A march is drawn as rows of people from the back of the street to the camera. The
// camera is a little above the marchers' heads, so a head is a fixed number of its
// own radii below the horizon whatever its distance: far heads bunch up on the
// horizon, near ones are large and low, as in a photograph taken from a step.

// march is the depth plan of a crowd in a street.
type march struct {
	rows []row
	lift float64 // how far below the horizon a head's top is, in its radii
}

// newMarch plans n rows from head radius far at the back to near at the front.
func (s *scene) newMarch(n int, far, near, lift float64) march {
	m := march{lift: lift}
	for k := range n {
		t := float64(k) / float64(max(1, n-1))
		r := far * math.Pow(near/far, t)
		m.rows = append(m.rows, row{top: s.horizon + lift*r, r: r, fade: 0.55 * (1 - t) * (1 - t), gap: s.r.between(2.4, 3.2)})
	}
	for k := range m.rows { // each row's bodies end behind the next row's shoulders
		m.rows[k].bottom = s.h + 1
		if k+1 < n {
			m.rows[k].bottom = m.rows[k+1].top + 4*m.rows[k+1].r
		}
	}
	return m
}

// frontRadius sizes the front row so that it is cut between shoulders (cut = 5 head
// radii below the top of the head) and chest: a crowd seen over its shoulders.
func (s *scene) frontRadius(lift, cutLo, cutHi float64) float64 {
	r := (s.h - s.horizon) / (lift + s.r.between(cutLo, cutHi))
	return math.Max(1, math.Min(math.Max(r, s.u*0.02), s.u*0.12)) // within reason in odd shapes
}

// backdrop draws what stands behind the march: sky, skyline, the street's houses
// and the road, sized to the crowd's back row.
func (s *scene) backdrop(m march) {
	back := m.rows[0].r
	ground := s.horizon + (m.lift+15)*back // where the back row stands
	tall := back * s.r.between(26, 38)
	s.drawSky()
	if s.r.chance(0.7) {
		s.skyline(ground-tall*0.9, tall*s.r.between(0.35, 0.7), 0.7)
	}
	s.drawGround()
	s.street(ground, tall, 0.3)
	pavement := newPath()
	pavement.rect(0, ground-1, s.w, ground+back*2)
	s.cv.fill(pavement, s.fade(s.lt.ground.shade(1.15), 0.3))
	road := s.fade(s.lt.ground, 0.15)
	s.cv.rows(int(ground+back*2), int(s.h)+1, func(int) rgb { return road })
}

// holdFlag raises f's hand on a flag pole and draws the flag, before f is drawn, so
// that the hand closes over the pole.
func (s *scene) holdFlag(f *figure) {
	hx := f.x + f.r*s.r.between(-1.5, 1.5)
	hy := f.top - f.r*s.r.between(0, 1.5)
	top := f.top - f.r*s.r.between(9, 15)
	f.raise(hx, hy)
	fw := f.r * s.r.between(5, 8)
	s.flag(hx, hy+f.r*2, top, fw, fw*s.r.between(0.55, 0.7), f.fade, s.newFlagDesign())
}

// holdPlacard raises f's hand on a placard's stick, the board w radii wide.
func (s *scene) holdPlacard(f *figure, w float64, text string) {
	hx := f.x + f.r*s.r.between(-1, 1)
	hy := f.top - f.r*s.r.between(0, 1)
	pw := f.r * w
	ph := pw * s.r.between(0.6, 0.85)
	cy := hy - f.r*s.r.between(3, 5) - ph/2
	f.raise(hx, hy)
	s.placard(hx, cy, pw, ph, s.r.between(-0.12, 0.12), hy+f.r, f.fade, s.newBoard(), text)
}

// flare is red or pink smoke rising from a hand flare, in soft puffs.
func (s *scene) flare(x, y, r float64) {
	c := hex(pick(s.r, []uint32{0xe8414a, 0xf06f9a, 0xe8414a, 0x7fd0c4}))
	for i := range 40 {
		t := float64(i) / 40
		p := newPath()
		px := x + r*s.r.between(-2, 2)*(1+t*6) + r*t*s.r.between(5, 12)
		py := y - r*30*t*t - r*s.r.between(0, 4)
		p.circle(px, py, r*(2+t*9)*s.r.between(0.7, 1.3))
		s.cv.fillAlpha(p, s.fade(c, t*0.5), 0.09*(1-t*0.6))
	}
}

func drawCrowd(cv *canvas, r *rng, text string) {
	s := newScene(cv, r, pick(r, lights()))
	s.horizon = s.h * r.between(0.4, 0.5)
	lift := r.between(2, 5)
	m := s.newMarch(7+r.intn(3), s.u*r.between(0.007, 0.011), s.frontRadius(lift, 5, 7), lift)
	s.backdrop(m)
	flags, placards := 2+r.intn(5), 1+r.intn(4)
	for k, rw := range m.rows {
		fs := s.crowd(rw)
		middle := k > 0 && k < len(m.rows)-1
		for _, f := range fs {
			switch {
			case !middle || f.x < 0 || f.x > s.w:
			case flags > 0 && r.chance(0.06):
				s.holdFlag(f)
				flags--
			case placards > 0 && r.chance(0.05):
				t := ""
				if placards == 1 {
					t = text
				}
				s.holdPlacard(f, r.between(4, 6), t)
				placards--
			}
		}
		if k == len(m.rows)/2 && r.chance(0.3) {
			s.flare(r.between(0.2, 0.8)*s.w, rw.top, rw.r)
		}
		s.drawAll(fs)
	}
	if s.lt.rain {
		s.rain(0.22)
	}
}
