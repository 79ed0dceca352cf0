package pictures_test

import (
	"flag"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/roneo/roneo/internal/demo/pictures"
)

var (
	samples     = flag.String("samples", "", "write sample pictures into this directory, to look at them")
	sampleSeeds = flag.Int("sample-seeds", 3, "how many seeds of each kind -samples draws")
	sampleKinds = flag.String("sample-kinds", "", "draw only this kind with -samples (placard, banner…)")
)

// sampleTexts are slogans in the demo's languages, accents and all.
var sampleTexts = []string{
	"Pas de réforme sans nous !",
	"Handen af van ons pensioen",
	"Climate justice now",
	"Égalité salariale, maintenant ! Les femmes méritent mieux",
	"Stop de afbraak van de openbare diensten",
	"",
}

// TestSamples writes pictures of every kind at several seeds and sizes, with
// -samples DIR.
func TestSamples(t *testing.T) {
	if *samples == "" {
		t.Skip("no -samples directory")
	}
	sizes := [][2]int{{1200, 800}, {1200, 900}, {800, 1200}}
	for _, k := range pictures.Kinds() {
		if *sampleKinds != "" && k.String() != *sampleKinds {
			continue
		}
		for seed := range *sampleSeeds {
			size := sizes[seed%len(sizes)]
			spec := pictures.Spec{Kind: k, Seed: uint64(seed), Text: sampleTexts[seed%len(sampleTexts)], Width: size[0], Height: size[1]}
			writePNG(t, filepath.Join(*samples, fmt.Sprintf("%s-%02d.png", k, seed)), spec)
		}
	}
}

func writePNG(t *testing.T, name string, s pictures.Spec) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, pictures.Draw(s)); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
