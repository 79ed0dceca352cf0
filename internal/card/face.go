package card

import (
	"image"
	"image/color"
	"image/draw"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// face is one font at one size for one card. Faces keep scratch buffers, so each
// Render makes its own and the Renderer stays safe for concurrent use.
type face struct {
	font.Face
	src      *opentype.Font
	size     float64
	buf      sfnt.Buffer
	tracking fixed.Int26_6 // added after every character but the last
}

func newFace(src *opentype.Font, size, tracking float64) *face {
	// NewFace fails only on options it cannot read; these are constants.
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err)
	}
	return &face{Face: f, src: src, size: size, tracking: fixed.Int26_6(tracking * 64)}
}

// has reports whether the font draws r, so that a missing character is left out rather
// than drawn as the font's empty box.
func (f *face) has(r rune) bool {
	x, err := f.src.GlyphIndex(&f.buf, r)
	return err == nil && x != 0
}

// width is the advance of s, as draw will set it.
func (f *face) width(s string) fixed.Int26_6 {
	var w fixed.Int26_6
	prev := rune(-1)
	for _, r := range s {
		w += f.step(prev, r)
		prev = r
	}
	return w
}

// step is how far r moves the pen after prev (-1 at the start of a line).
func (f *face) step(prev, r rune) fixed.Int26_6 {
	a, _ := f.GlyphAdvance(r)
	if prev >= 0 {
		a += f.Kern(prev, r) + f.tracking
	}
	return a
}

// draw sets s on the baseline y from x, in c.
func (f *face) draw(dst *image.RGBA, x, y int, s string, c color.Color) {
	src := image.NewUniform(c)
	dot := fixed.P(x, y)
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot.X += f.Kern(prev, r) + f.tracking
		}
		dr, mask, maskp, advance, ok := f.Glyph(dot, r)
		if ok && !dr.Empty() {
			draw.DrawMask(dst, dr, src, image.Point{}, mask, maskp, draw.Over)
		}
		dot.X += advance
		prev = r
	}
}

// ascent and descent are in whole pixels, for laying out lines.
func (f *face) ascent() int { return f.Metrics().Ascent.Ceil() }

func (f *face) descent() int { return f.Metrics().Descent.Ceil() }
