package card

import (
	"testing"

	"golang.org/x/image/math/fixed"
)

// FuzzLayout: whatever the title and language, the layout neither panics nor leaves
// the text's width, and it holds at most five lines of drawable text.
func FuzzLayout(f *testing.F) {
	for _, seed := range []string{
		"Pistes cyclables : la mairie recule !", "", " ", "«", "! ! !", "\x00\xff", "香港 ✊🏽",
		"Donaudampfschifffahrtsgesellschaftskapitänswitwe", "a\u202fb\u00a0c", "…………",
	} {
		f.Add(seed, "fr")
	}
	r, err := NewRenderer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title, lang string) {
		face, lines := r.layoutTitle(title, lang, 340)
		if len(lines) > maxTitleLines {
			t.Fatalf("%q: %d lines", title, len(lines))
		}
		for _, l := range lines {
			if l == "" || face.width(l) > fixed.I(textWidth) {
				t.Fatalf("%q: line %q is %d px wide, the text %d", title, l, face.width(l).Ceil(), textWidth)
			}
		}
	})
}
