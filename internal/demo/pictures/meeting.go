package pictures

import "math"

// hall is the room of a meeting: its walls, floor and lamps.
type hall struct {
	wall, wallLow rgb // top and bottom of the back wall
	floor         rgb
	lamp          rgb
	panels        bool // wooden panelling instead of a plain wall
}

// halls are the rooms meetings are held in.
func halls() []hall {
	return []hall{
		{wall: hex(0xe2d6bf), wallLow: hex(0xc9b89a), floor: hex(0x6e5640), lamp: hex(0xfff1d0)},
		{wall: hex(0xb9c4bd), wallLow: hex(0x95a39b), floor: hex(0x5a5f5c), lamp: hex(0xf4f6ea)},
		{wall: hex(0x9c5a45), wallLow: hex(0x7d4535), floor: hex(0x4b3a30), lamp: hex(0xffdca8)}, // a brick union hall
		{wall: hex(0x8a6a4a), wallLow: hex(0x6e5238), floor: hex(0x3f3228), lamp: hex(0xffe2b0), panels: true},
		{wall: hex(0x39465a), wallLow: hex(0x2c3646), floor: hex(0x23262d), lamp: hex(0xd8e4ff)}, // a stage, darkened
	}
}

// indoor is the light of a hall: the audience in the half-dark, the stage lit.
func indoor(h hall) light {
	return light{
		sky: []gradientStop{{0, h.wall}, {1, h.wallLow}}, sun: h.lamp, sunGlow: 0.35,
		haze: h.wallLow.shade(0.8), ground: h.floor, walls: []rgb{h.wall}, window: hex(0x2b2b30), lit: h.lamp,
		dark: 0.35, shadow: hex(0x15161a), indoor: true,
	}
}

// drawMeeting is a panel at a long table under a banner, or a speaker at a lectern
// beside a projected slide, seen over the heads of the audience.
func drawMeeting(cv *canvas, r *rng, text string) {
	h := pick(r, halls())
	s := newScene(cv, r, indoor(h))
	s.horizon = s.h * r.between(0.58, 0.64) // where the wall meets the stage
	s.wall(h)
	if r.chance(0.6) {
		s.panel(text)
	} else {
		s.lectern(text)
	}
	s.audience()
}

// wall paints the back wall, the floor of the stage, and the lamps' pools of light.
func (s *scene) wall(h hall) {
	s.drawSky()
	if h.panels {
		p := newPath()
		for x := 0.0; x < s.w; x += s.u * 0.08 {
			p.rect(x, 0, x+math.Max(1, s.u*0.004), s.horizon)
		}
		s.cv.fillAlpha(p, s.lt.shadow, 0.25)
	}
	skirting := newPath()
	skirting.rect(0, s.horizon-s.u*0.02, s.w, s.horizon)
	s.cv.fill(skirting, h.wallLow.shade(0.7))
	s.cv.rows(int(s.horizon), int(s.h)+1, func(y int) rgb {
		return h.floor.mix(h.floor.shade(0.6), smooth(s.horizon, s.h, float64(y)))
	})
	for range 2 + s.r.intn(2) {
		s.cv.glow(s.r.between(0.15, 0.85)*s.w, s.horizon*0.45, s.u*s.r.between(0.3, 0.5), s.h, h.lamp, 0.25)
	}
}

// panel is the long table: a banner on the wall, three to five speakers behind a
// draped table with name cards, microphones and glasses of water.
func (s *scene) panel(text string) {
	bw := s.w * s.r.between(0.6, 0.8)
	bh := math.Min(bw*0.15, s.horizon*0.22)
	top := s.horizon * s.r.between(0.08, 0.16)
	s.banner((s.w-bw)/2, (s.w+bw)/2, top, bh, 0, 0, s.newCloth(), text)
	r := s.u * s.r.between(0.035, 0.045)
	tableTop := s.horizon - r*0.5
	n := max(1, min(3+s.r.intn(3), int(s.w*0.9/(6.4*r))))
	x0, x1 := s.w*0.5-float64(n)*r*3.2, s.w*0.5+float64(n)*r*3.2
	for i := range n {
		x := x0 + (x1-x0)*(float64(i)+0.5)/float64(n) + r*s.r.between(-0.5, 0.5)
		f := s.newFigure(x, tableTop-r*s.r.between(4.5, 5.5), r*s.r.around(1, 0.1), tableTop+r, 0)
		f.facing, f.backpack = true, false
		s.drawFigure(f)
	}
	cloth := s.newCloth()
	table := newPath()
	table.rect(x0-r*2, tableTop, x1+r*2, tableTop+r*3.2)
	s.cv.fill(table, cloth.ground.mix(s.lt.shadow, 0.15))
	edge := newPath()
	edge.rect(x0-r*2, tableTop, x1+r*2, tableTop+r*0.35)
	s.cv.fill(edge, cloth.ground.shade(1.15))
	s.tableThings(x0, x1, n, tableTop, r)
}

// tableThings are what stands on the panel's table before each speaker.
func (s *scene) tableThings(x0, x1 float64, n int, y, r float64) {
	cards, mics, glass := newPath(), newPath(), newPath()
	for i := range n {
		x := x0 + (x1-x0)*(float64(i)+0.5)/float64(n)
		cards.poly(x-r*1.1, y+r*0.1, x+r*1.1, y+r*0.1, x+r*1.0, y-r*0.6, x-r*1.0, y-r*0.6)
		mx := x + r*s.r.between(0.8, 1.4)
		mics.stroke(mx, y, mx-r*0.5, y-r*1.6, r*0.1, false)
		mics.ellipse(mx-r*0.55, y-r*1.75, r*0.16, r*0.22)
		gx := x - r*s.r.between(1.4, 1.8)
		glass.rect(gx-r*0.22, y-r*0.8, gx+r*0.22, y)
	}
	s.cv.fill(cards, hex(0xf4f2ec))
	s.cv.fill(mics, hex(0x1f1f22))
	s.cv.fillAlpha(glass, hex(0xdfe9f0), 0.55)
}

// lectern is a speaker at a lectern to one side of a projected slide, now and then
// pointing at it.
func (s *scene) lectern(text string) {
	sw, sh := s.w*s.r.between(0.4, 0.5), s.horizon*s.r.between(0.45, 0.55)
	sx, lx, toward := s.w*0.55-sw/2, s.w*0.22, 1.0 // the slide right of the speaker
	if s.r.chance(0.5) {
		sx, lx, toward = s.w*0.45-sw/2, s.w*0.78, -1
	}
	s.slide(sx, s.horizon*0.12, sw, sh, text)
	r := s.u * s.r.between(0.035, 0.045)
	top := s.horizon - r*8
	f := s.newFigure(lx, top, r, s.horizon, 0)
	f.facing, f.backpack = true, false
	if s.r.chance(0.5) {
		f.raise(lx+toward*r*s.r.between(2, 3), top+r*s.r.between(1.5, 3))
	}
	s.drawFigure(f)
	desk := newPath()
	desk.poly(lx-r*2.6, top+r*4.5, lx+r*2.6, top+r*4.5, lx+r*2.1, s.horizon+r*1.5, lx-r*2.1, s.horizon+r*1.5)
	s.cv.fill(desk, hex(0x4a3627))
	front := newPath()
	front.rect(lx-r*1.4, top+r*5.5, lx+r*1.4, top+r*7)
	s.cv.fill(front, s.newCloth().ground)
	mic := newPath()
	mic.stroke(lx+r*0.4, top+r*4.5, lx+r*0.1, top+r*3.4, r*0.1, false)
	s.cv.fill(mic, hex(0x1f1f22))
}

// slide is a projected slide: a bright screen with the text as its title and a
// bar chart or bullet lines under it.
func (s *scene) slide(x, y, w, h float64, text string) {
	screen := newPath()
	screen.rect(x, y, x+w, y+h)
	s.cv.fill(screen, hex(0xf6f5f0))
	s.cv.glow(x+w/2, y+h/2, math.Max(w, h)*0.75, s.h, hex(0xffffff), 0.12)
	ink := hex(pick(s.r, []uint32{0x1d3f8a, 0xb81d24, 0x1f5c3a}))
	s.letter(identity, x+w/2, y+h*0.2, w*0.85, h*0.22, text, ink, 2)
	p := newPath()
	if s.r.chance(0.5) {
		n := 4 + s.r.intn(4)
		for i := range n {
			bh := h * 0.5 * s.r.between(0.2, 1)
			bx := x + w*0.12 + float64(i)*w*0.76/float64(n)
			p.rect(bx, y+h*0.9-bh, bx+w*0.76/float64(n)*0.65, y+h*0.9)
		}
		s.cv.fill(p, ink.mix(rgb{1, 1, 1}, 0.25))
		return
	}
	for i := range 4 {
		ly := y + h*(0.42+0.13*float64(i))
		p.circle(x+w*0.12, ly, h*0.025)
		p.rect(x+w*0.17, ly-h*0.02, x+w*s.r.between(0.5, 0.85), ly+h*0.02)
	}
	s.cv.fillAlpha(p, hex(0x3a3a3a), 0.8)
}

// audience is two or three rows of heads from behind, from the edge of the stage to
// the bottom of the picture, darker than the stage, a hand up here and there.
func (s *scene) audience() {
	near := s.u * s.r.between(0.055, 0.07)
	rows := max(2, min(8, int((s.h-s.horizon)/(near*2.6)))) // as many as fill the floor
	for k := range rows {
		t := float64(k) / float64(max(1, rows-1))
		r := near * (0.55 + 0.45*t)
		top := s.horizon - r*0.5 + (s.h-4*near-s.horizon+r*0.5)*t
		fs := s.crowd(row{top: top, r: r, bottom: s.h + 1, fade: 0, gap: 2.6})
		for _, f := range fs {
			f.clothes = f.clothes.mix(s.lt.shadow, 0.5)
			f.hair = f.hair.mix(s.lt.shadow, 0.3)
			f.top += r * s.r.between(-0.5, 0.5)
			if s.r.chance(0.02) {
				f.raise(f.x+f.r*s.r.between(-2.5, 2.5), f.top-f.r*s.r.between(0, 1.5))
			}
		}
		s.drawAll(fs)
	}
}
