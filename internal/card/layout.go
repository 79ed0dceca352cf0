package card

import (
	"image"
	"image/color"
	"image/draw"

	"golang.org/x/image/math/fixed"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// The design, in pixels of the 1200×630 card.
const (
	barWidth     = 20 // the accent bar down the left edge
	marginLeft   = 100
	marginRight  = 100
	marginTop    = 72
	marginBottom = 72
	textWidth    = Width - marginLeft - marginRight

	siteSize      = 34
	ruleGap       = 14 // the short accent rule under the site's name
	ruleWidth     = 72
	ruleHeight    = 5
	kickerSize    = 26
	kickerTrack   = 2.5 // letter spacing of the capitals of the kicker
	kickerGap     = 22  // from the kicker's baseline to the title's first cap line
	maxTitleLines = 5
	lineSpacing   = 1.16
)

// titleSizes are tried in turn until the title fits; the last one ellipsizes.
var titleSizes = [...]float64{64, 56, 50, 44}

var (
	background = color.RGBA{0x1d, 0x2a, 0x3a, 0xff}
	accent     = color.RGBA{0xf2, 0xb1, 0x34, 0xff}
	siteColor  = color.RGBA{0xc8, 0xd3, 0xdf, 0xff}
	titleColor = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

func (r *Renderer) draw(img *image.RGBA, c Card) {
	fill(img, img.Bounds(), background)
	fill(img, image.Rect(0, 0, barWidth, Height), accent)
	top := r.drawSite(img, c.Site)
	r.drawTitle(img, c, top)
}

// drawSite sets the site's name at the top, underlined with a short accent rule, and
// returns the highest line the kicker and title may reach.
func (r *Renderer) drawSite(img *image.RGBA, site string) int {
	f := newFace(r.bold, siteSize, 0)
	base := marginTop + f.ascent()
	f.draw(img, marginLeft, base, oneLine(f, site), siteColor)
	rule := base + f.descent() + ruleGap
	fill(img, image.Rect(marginLeft, rule, marginLeft+ruleWidth, rule+ruleHeight), accent)
	return rule + ruleHeight + 40
}

// drawTitle sets the title at the bottom, so that the eye meets it where it always
// is, whatever its length, with the kicker above its first line. A card without a
// title shows the kicker in its place.
func (r *Renderer) drawTitle(img *image.RGBA, c Card, top int) {
	kicker := newFace(r.regular, kickerSize, kickerTrack)
	kickerText := oneLine(kicker, cases.Upper(language.Make(c.Lang)).String(c.Kicker))
	if kickerText != "" {
		top += kicker.ascent() + kickerGap
	}
	title, lines := r.layoutTitle(c.Title, c.Lang, Height-marginBottom-top)
	kickerBase := Height - marginBottom - kicker.descent()
	if len(lines) > 0 {
		lh := lineHeight(title)
		base := Height - marginBottom - title.descent() - (len(lines)-1)*lh
		for i, line := range lines {
			title.draw(img, marginLeft, base+i*lh, line, titleColor)
		}
		kickerBase = base - capHeight(title) - kickerGap
	}
	kicker.draw(img, marginLeft, kickerBase, kickerText, accent)
}

func fill(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
}

// layoutTitle picks the largest size at which the title fits in height and five lines
// without breaking a word; failing that, it takes the smallest size, breaking words
// and ellipsizing the last line as it must.
func (r *Renderer) layoutTitle(title, lang string, height int) (*face, []string) {
	var f *face
	var lines []string
	text := ""
	for i, size := range titleSizes {
		f = newFace(r.bold, size, 0)
		if i == 0 {
			text = clean(title, MaxTitleRunes, f) // the same font at every size
		}
		var broken bool
		lines, broken = wrap(f, words(text, lang), fixed.I(textWidth))
		if len(lines) <= maxLines(f, height) && !broken {
			return f, lines
		}
	}
	if n := maxLines(f, height); len(lines) > n {
		lines = lines[:n]
		lines[n-1] = ellipsize(f, lines[n-1], fixed.I(textWidth))
	}
	return f, lines
}

func maxLines(f *face, height int) int {
	return max(1, min(maxTitleLines, (height-f.ascent()-f.descent())/lineHeight(f)+1))
}

func lineHeight(f *face) int { return int(f.size * lineSpacing) }

func capHeight(f *face) int { return f.Metrics().CapHeight.Ceil() }

// oneLine cleans text for a single line and ellipsizes it to the text's width.
func oneLine(f *face, text string) string {
	s := clean(text, MaxLineRunes, f)
	if f.width(s) > fixed.I(textWidth) {
		s = ellipsize(f, s, fixed.I(textWidth))
	}
	return s
}
