package card_test

import (
	"bytes"
	"image"
	"image/color"
	"strings"
	"sync"
	"testing"

	"github.com/roneo/roneo/internal/card"
)

var background = color.RGBA{0x1d, 0x2a, 0x3a, 0xff}

// The card's regions, as the design lays them out (layout.go).
var (
	titleArea   = image.Rect(100, 300, card.Width-100, card.Height-60)
	rightMargin = image.Rect(card.Width-92, 0, card.Width, card.Height)
	leftMargin  = image.Rect(24, 0, 92, card.Height)
	bottomStrip = image.Rect(0, card.Height-50, card.Width, card.Height)
)

// inked counts the pixels of r that are not the background. The decoder gives an
// opaque card as *image.RGBA; reading its pixels directly keeps the test fast under
// the race detector.
func inked(img image.Image, r image.Rectangle) int {
	rgba, ok := img.(*image.RGBA)
	if !ok {
		panic("the card did not decode as RGBA")
	}
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if rgba.RGBAAt(x, y) != background {
				n++
			}
		}
	}
	return n
}

var awkward = map[string]card.Card{
	"zero":        {},
	"empty title": {Site: "Roneo", Kicker: "Press release"},
	"1000 words":  {Site: "Roneo", Title: strings.Repeat("solidarité ", 1000), Lang: "fr"},
	"one long word": {Site: strings.Repeat("Site", 100), Kicker: strings.Repeat("K", 500),
		Title: strings.Repeat("Donaudampfschifffahrtsgesellschaft", 40)},
	"emoji":         {Site: "Roneo", Title: "🔥🔥✊🏽👩‍👩‍👧 🌍"},
	"cjk":           {Site: "Roneo", Title: "香港新聞自由不容談判"},
	"rtl":           {Site: "Roneo", Title: "حرية الصحافة ليست للتفاوض ‏שלום עולם‎", Lang: "ar"},
	"controls":      {Site: "Ro\x00neo\x1b[31m", Kicker: "\t\r\n", Title: "A\x00B\u202eC\u200bD\x7f\u0085 E\ufeff\u00ad", Lang: "\x00"},
	"invalid utf-8": {Site: "\xff\xfe", Title: "caf\xc3 \xed\xa0\x80 ok", Lang: "fr-\xff"},
	"spaces only":   {Site: " ", Kicker: "\u00a0", Title: "\u202f \u2009\u3000"},
	"bad lang":      {Site: "Roneo", Title: "Title", Kicker: "kicker", Lang: "not a tag!"},
	"punctuation":   {Site: "Roneo", Title: "! ? : ; » « … — –", Lang: "fr"},
}

// TestAwkwardInput: no input makes Render fail or panic, and the card stays inside
// its margins.
func TestAwkwardInput(t *testing.T) {
	r := MustRenderer(t)
	for name, c := range awkward {
		t.Run(name, func(t *testing.T) {
			_, img := MustRender(t, r, c)
			checkMargins(t, img)
		})
	}
}

func checkMargins(t *testing.T, img image.Image) {
	t.Helper()
	for name, strip := range map[string]image.Rectangle{"right": rightMargin, "left": leftMargin, "bottom": bottomStrip} {
		if name == "bottom" {
			strip.Min.X = 24 // the accent bar runs down the left edge
		}
		if n := inked(img, strip); n > 0 {
			t.Errorf("%d pixels are drawn in the %s margin %v", n, name, strip)
		}
	}
}

func TestMargins(t *testing.T) {
	r := MustRenderer(t)
	for name, c := range sampleCards {
		t.Run(name, func(t *testing.T) {
			_, img := MustRender(t, r, c)
			checkMargins(t, img)
		})
	}
}

// TestTitleDrawn: a title is drawn; characters the fonts lack are left out, not
// drawn as boxes.
func TestTitleDrawn(t *testing.T) {
	r := MustRenderer(t)
	for _, c := range []struct {
		name  string
		card  card.Card
		drawn bool
	}{
		{"latin", card.Card{Site: "Roneo", Title: "Grève générale le 5 décembre"}, true},
		{"greek", card.Card{Site: "Roneo", Title: "Ελευθερία του Τύπου"}, true},
		{"empty", card.Card{Site: "Roneo"}, false},
		{"emoji", awkward["emoji"], false},
		{"cjk", awkward["cjk"], false},
		{"rtl", awkward["rtl"], false},
	} {
		_, img := MustRender(t, r, c.card)
		if n := inked(img, titleArea); (n > 3000) != c.drawn || (!c.drawn && n != 0) {
			t.Errorf("%s: %d pixels drawn in the title's area, want drawn = %t", c.name, n, c.drawn)
		}
	}
}

// TestDeterministic: the same card gives the same bytes, from any Renderer and from
// renders running at once, so a card can be cached by its input.
func TestDeterministic(t *testing.T) {
	c := sampleCards["sample"]
	want, _ := MustRender(t, MustRenderer(t), c)
	r := MustRenderer(t)
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	for i := range got {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := r.Render(&buf, c); err == nil {
				got[i] = buf.Bytes()
			}
		})
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want) {
			t.Errorf("render %d differs from the first (%d bytes, want %d)", i, len(g), len(want))
		}
	}
}

func TestDifferentTitles(t *testing.T) {
	r := MustRenderer(t)
	a, _ := MustRender(t, r, card.Card{Site: "Roneo", Title: "Manifestation samedi"})
	b, _ := MustRender(t, r, card.Card{Site: "Roneo", Title: "Manifestation dimanche"})
	if bytes.Equal(a, b) {
		t.Error("two titles gave the same card")
	}
}

// TestTitleCut: what follows the first MaxTitleRunes of a title changes nothing.
func TestTitleCut(t *testing.T) {
	r := MustRenderer(t)
	long := strings.Repeat("é", card.MaxTitleRunes)
	a, _ := MustRender(t, r, card.Card{Title: long + " la suite"})
	b, _ := MustRender(t, r, card.Card{Title: long + strings.Repeat(" autre chose", 1000)})
	if !bytes.Equal(a, b) {
		t.Error("the title was not cut at MaxTitleRunes")
	}
}

// BenchmarkRender draws and encodes a typical card; the site caches cards, but a
// share on a busy network asks for many new ones at once.
func BenchmarkRender(b *testing.B) {
	r := MustRenderer(b)
	for _, name := range []string{"sample", "long"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := r.Render(&buf, sampleCards[name]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "png-bytes")
		})
	}
}
