package pictures

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// maxTextRunes bounds a slogan before any work is done on it: a placard holds far
// less, and the layout's cost grows with the words.
const maxTextRunes = 200

// lineSpacing is the distance between baselines, in ems: tight, as on a sign.
const lineSpacing = 1.1

// lettering sets text in Go Bold as outlines, so that it can be tilted with the
// placard that carries it and drawn in the same pass as any other shape. Widths are
// in ems: multiply by the size to get pixels.
type lettering struct {
	f    *sfnt.Font
	buf  sfnt.Buffer
	ppem fixed.Int26_6 // the font's own units, so that outlines and advances are exact
	upem float64
	capH float64
}

func newLettering() *lettering {
	f, err := sfnt.Parse(gobold.TTF)
	if err != nil {
		panic("pictures: the embedded Go Bold font does not parse: " + err.Error())
	}
	upem := float64(f.UnitsPerEm())
	l := &lettering{f: f, upem: upem, ppem: fixed.I(int(f.UnitsPerEm())), capH: 0.7}
	if m, err := f.Metrics(&l.buf, l.ppem, font.HintingNone); err == nil && m.CapHeight > 0 {
		l.capH = float64(m.CapHeight) / 64 / upem
	}
	return l
}

func (l *lettering) glyph(r rune) sfnt.GlyphIndex {
	x, err := l.f.GlyphIndex(&l.buf, r)
	if err != nil {
		return 0
	}
	return x
}

// step is how far r moves the pen after prev (0 at the start of a line), in ems.
func (l *lettering) step(prev, r sfnt.GlyphIndex) float64 {
	a, _ := l.f.GlyphAdvance(&l.buf, r, l.ppem, font.HintingNone)
	if prev != 0 {
		k, _ := l.f.Kern(&l.buf, prev, r, l.ppem, font.HintingNone)
		a += k
	}
	return float64(a) / 64 / l.upem
}

func (l *lettering) width(s string) float64 {
	w, prev := 0.0, sfnt.GlyphIndex(0)
	for _, r := range s {
		g := l.glyph(r)
		w += l.step(prev, g)
		prev = g
	}
	return w
}

// set adds the outlines of s to p, starting at x on the baseline y, size pixels to
// the em.
func (l *lettering) set(p *path, s string, x, y, size float64) {
	k := size / l.upem / 64
	prev := sfnt.GlyphIndex(0)
	for _, r := range s {
		g := l.glyph(r)
		if prev != 0 {
			kern, _ := l.f.Kern(&l.buf, prev, g, l.ppem, font.HintingNone)
			x += float64(kern) / 64 / l.upem * size
		}
		segs, err := l.f.LoadGlyph(&l.buf, g, l.ppem, nil)
		if err == nil {
			addSegments(p, segs, x, y, k)
		}
		a, _ := l.f.GlyphAdvance(&l.buf, g, l.ppem, font.HintingNone)
		x += float64(a) / 64 / l.upem * size
		prev = g
	}
}

func addSegments(p *path, segs sfnt.Segments, x, y, k float64) {
	pt := func(q fixed.Point26_6) (float64, float64) { return x + float64(q.X)*k, y + float64(q.Y)*k }
	for _, s := range segs {
		ax, ay := pt(s.Args[0])
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			p.move(ax, ay)
		case sfnt.SegmentOpLineTo:
			p.line(ax, ay)
		case sfnt.SegmentOpQuadTo:
			bx, by := pt(s.Args[1])
			p.quad(ax, ay, bx, by)
		case sfnt.SegmentOpCubeTo:
			bx, by := pt(s.Args[1])
			cx, cy := pt(s.Args[2])
			p.cube(ax, ay, bx, by, cx, cy)
		}
	}
}

// clean makes a slogan drawable: cut at maxTextRunes, composed (the font has é but no
// combining accent), without control and format characters or characters the font
// lacks, white space collapsed; in capitals when upper is set.
func (l *lettering) clean(text string, upper bool) string {
	text = norm.NFC.String(cutRunes(text, maxTextRunes))
	if upper {
		text = strings.ToUpper(text)
	}
	var b strings.Builder
	for _, w := range strings.Fields(text) {
		var word strings.Builder
		for _, r := range w {
			if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || l.glyph(r) == 0 {
				continue
			}
			word.WriteRune(r)
		}
		if word.Len() == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(word.String())
	}
	return b.String()
}

// block is text laid out for a box: its lines and the size they are set at.
type block struct {
	lines []string
	size  float64
}

// fit sets clean text as large as it goes in a box of w×h pixels, in at most
// maxLines lines, with lines of similar length. A word too long for any line at the
// smallest size is broken. The zero block means nothing fits.
func (l *lettering) fit(text string, w, h float64, maxLines int) block {
	words := glue(strings.Fields(text))
	if len(words) == 0 || w < 2 || h < 2 {
		return block{}
	}
	minSize := max(h/float64(maxLines)/lineSpacing/1.6, 5)
	for size := h / l.capH; size >= minSize; size *= 0.93 {
		lines, broken := l.wrap(words, w/size)
		if !broken && l.height(len(lines)) <= h/size {
			return block{l.balance(words, w/size, len(lines)), size}
		}
	}
	lines, _ := l.wrap(words, w/minSize)
	keep := max(1, min(len(lines), int((h/minSize-l.capH)/lineSpacing)+1))
	return block{lines[:keep], minSize}
}

// height of n lines in ems, from the top of the capitals to the last baseline.
func (l *lettering) height(n int) float64 { return l.capH + float64(n-1)*lineSpacing }

// balance narrows the measure as far as it goes without adding a line, so that a
// two-line slogan is not one long line and a widow.
func (l *lettering) balance(words []string, measure float64, n int) []string {
	lo, hi := 0.0, measure
	for range 12 {
		mid := (lo + hi) / 2
		if lines, broken := l.wrap(words, mid); broken || len(lines) > n {
			lo = mid
		} else {
			hi = mid
		}
	}
	lines, _ := l.wrap(words, hi)
	return lines
}

// wrap fills lines of at most measure ems greedily, breaking a word that no line
// holds, and reports whether it had to.
func (l *lettering) wrap(words []string, measure float64) (lines []string, broken bool) {
	line, space := "", l.width(" ")
	lineW := 0.0
	for _, w := range words {
		ww := l.width(w)
		switch {
		case ww > measure:
			if line != "" {
				lines = append(lines, line)
			}
			parts := l.breakWord(w, measure)
			broken = true
			lines = append(lines, parts[:len(parts)-1]...)
			line = parts[len(parts)-1]
			lineW = l.width(line)
		case line == "":
			line, lineW = w, ww
		case lineW+space+ww <= measure:
			line, lineW = line+" "+w, lineW+space+ww
		default:
			lines = append(lines, line)
			line, lineW = w, ww
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines, broken
}

// breakWord cuts w into pieces of at most measure ems, at least a character each.
func (l *lettering) breakWord(w string, measure float64) []string {
	var parts []string
	start, width := 0, 0.0
	for i, r := range w {
		cw := l.step(0, l.glyph(r))
		if i > start && width+cw > measure {
			parts = append(parts, w[start:i])
			start, width = i, 0
		}
		width += cw
	}
	return append(parts, w[start:])
}

// setBlock adds b's lines to p, each centred on cx, the block centred on cy.
func (l *lettering) setBlock(p *path, b block, cx, cy float64) {
	if len(b.lines) == 0 {
		return
	}
	top := cy - l.height(len(b.lines))*b.size/2
	for i, line := range b.lines {
		base := top + (l.capH+float64(i)*lineSpacing)*b.size
		l.set(p, line, cx-l.width(line)*b.size/2, base, b.size)
	}
}

// cutRunes is the first n runes of s, read no further.
func cutRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// glue keeps a mark that French sets off with a space (; : ! ? ») with the word
// before it, and « with the word after, joined by a no-break space, so that no line
// of a French slogan starts with "!".
func glue(words []string) []string {
	out := words[:0:0]
	stick := false
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if len(out) > 0 && (stick || strings.ContainsRune(";:!?»›", first)) {
			out[len(out)-1] += "\u00a0" + w
		} else {
			out = append(out, w)
		}
		last, _ := utf8.DecodeLastRuneInString(w)
		stick = last == '«' || last == '‹'
	}
	return out
}
