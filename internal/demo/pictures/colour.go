package pictures

// rgb is a colour with channels in [0, 1], in sRGB as the PNG stores it: mixing in
// that space is not physically right, but it is what painters' eyes expect.
type rgb struct{ r, g, b float64 }

// hex reads 0xRRGGBB.
func hex(v uint32) rgb {
	return rgb{float64(v>>16&0xff) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255}
}

// mix goes from c (t = 0) to d (t = 1).
func (c rgb) mix(d rgb, t float64) rgb {
	return rgb{c.r + (d.r-c.r)*t, c.g + (d.g-c.g)*t, c.b + (d.b-c.b)*t}
}

// shade darkens (k < 1) or lightens towards white (k > 1).
func (c rgb) shade(k float64) rgb {
	if k <= 1 {
		return rgb{c.r * k, c.g * k, c.b * k}
	}
	return c.mix(rgb{1, 1, 1}, k-1)
}

// luma is the perceived brightness, for choosing a text colour that reads.
func (c rgb) luma() float64 { return 0.299*c.r + 0.587*c.g + 0.114*c.b }

// bytes are the channels as 0–255, rounded and clamped.
func (c rgb) bytes() (r, g, b uint32) { return to8(c.r), to8(c.g), to8(c.b) }

func to8(v float64) uint32 {
	switch {
	case v <= 0:
		return 0
	case v >= 1:
		return 255
	}
	return uint32(v*255 + 0.5)
}

// gradientStop is one colour of a gradient at position at (0 to 1).
type gradientStop struct {
	at float64
	c  rgb
}

// gradientAt interpolates stops, which are sorted by at.
func gradientAt(stops []gradientStop, t float64) rgb {
	if len(stops) == 0 {
		return rgb{}
	}
	if t <= stops[0].at {
		return stops[0].c
	}
	for i := 1; i < len(stops); i++ {
		if t <= stops[i].at {
			a, b := stops[i-1], stops[i]
			return a.c.mix(b.c, smooth(0, 1, (t-a.at)/(b.at-a.at)))
		}
	}
	return stops[len(stops)-1].c
}
