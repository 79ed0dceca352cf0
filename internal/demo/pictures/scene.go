package pictures

import "math"

// scene is one picture being composed: the canvas, the light, the seeded choices and
// the scale everything is measured in.
type scene struct {
	cv      *canvas
	r       *rng
	lt      light
	w, h    float64
	u       float64 // the scale of people and buildings: about the shorter side
	horizon float64 // y of the horizon, where the sky ends
	text    *lettering
}

// newScene sets the scale by the shorter side, but no less than a third of the
// longer one: a strip of 17×3000 pixels is a narrow crop of a large scene, not a
// scene of six thousand tiny people.
func newScene(cv *canvas, r *rng, lt light) *scene {
	u := math.Max(math.Min(cv.w, cv.h), math.Max(cv.w, cv.h)/3)
	return &scene{cv: cv, r: r, lt: lt, w: cv.w, h: cv.h, u: u, horizon: cv.h * 0.6}
}

// letters parses the font the first time a scene needs it: most kinds set no text.
func (s *scene) letters() *lettering {
	if s.text == nil {
		s.text = newLettering()
	}
	return s.text
}

// fade is c seen from distance d (0 near, 1 far): mixed towards the haze.
func (s *scene) fade(c rgb, d float64) rgb { return c.mix(s.lt.haze, d) }

// person is c as the light shows a figure: darker towards silhouette as it dims.
func (s *scene) person(c rgb, d float64) rgb { return s.fade(c.mix(s.lt.shadow, s.lt.dark), d) }

// drawSky paints the sky down to the horizon, with the sun's glow and clouds.
func (s *scene) drawSky() {
	hz := math.Max(s.horizon, 1)
	s.cv.rows(0, int(math.Ceil(s.horizon))+1, func(y int) rgb { return gradientAt(s.lt.sky, float64(y)/hz) })
	sunX := s.w * s.r.between(0.15, 0.85)
	sunY := s.horizon * (1 - s.lt.sunHeight)
	s.cv.glow(sunX, sunY, math.Max(s.w, s.h)*s.r.between(0.45, 0.7), s.horizon, s.lt.sun, s.lt.sunGlow)
	if !s.lt.indoor {
		s.clouds()
	}
}

// clouds are soft drifts of translucent ellipses, denser in grey weather.
func (s *scene) clouds() {
	n := 3 + s.r.intn(4)
	if s.lt.rain {
		n += 4
	}
	light := s.lt.sun.mix(rgb{1, 1, 1}, 0.3)
	for range n {
		cx, cy := s.r.between(-0.1, 1.1)*s.w, s.r.between(0.05, 0.75)*s.horizon
		wide := s.r.between(0.15, 0.4) * s.w
		c := light
		if s.lt.rain || s.r.chance(0.3) {
			c = gradientAt(s.lt.sky, cy/math.Max(s.horizon, 1)).shade(0.85)
		}
		for i := range 6 {
			p := newPath()
			f := float64(i)
			p.ellipse(cx+s.r.between(-0.4, 0.4)*wide, cy+s.r.between(-0.3, 0.3)*wide*0.12, wide*(0.5-f*0.05), wide*(0.09-f*0.008))
			s.cv.fillAlpha(p, c, 0.10)
		}
	}
}

// drawGround paints from the horizon down: the street, lighter and wetter far off.
func (s *scene) drawGround() {
	top := int(s.horizon)
	span := math.Max(s.h-s.horizon, 1)
	far := s.fade(s.lt.ground, 0.35)
	s.cv.rows(top, int(s.h)+1, func(y int) rgb {
		return far.mix(s.lt.ground, smooth(0, 1, (float64(y)-s.horizon)/span))
	})
}

// skyline draws far buildings on the horizon as flat shapes in the haze: towers, a
// spire, a crane or two.
func (s *scene) skyline(base, height, fade float64) {
	c := s.fade(s.lt.walls[0].mix(s.lt.shadow, 0.5), fade)
	p := newPath()
	for x := -0.02 * s.w; x < s.w; {
		bw := s.r.between(0.03, 0.09) * s.u
		bh := height * s.r.between(0.25, 1)
		switch k := s.r.intn(12); {
		case k == 0: // a spire
			p.rect(x, base-bh, x+bw*0.5, base)
			p.poly(x, base-bh, x+bw*0.25, base-bh-height*0.5, x+bw*0.5, base-bh)
		case k == 1: // a crane
			p.rect(x, base-height*1.1, x+bw*0.08, base)
			p.rect(x-bw*0.6, base-height*1.1, x+bw*1.5, base-height*1.07)
		default:
			p.rect(x, base-bh, x+bw, base)
		}
		x += bw * s.r.between(0.7, 1.05)
	}
	s.cv.fill(p, c)
}
