package pictures_test

import (
	"testing"

	"github.com/roneo/roneo/internal/demo/pictures"
)

// BenchmarkDraw draws each kind at the size the demo uses, 1600×1067.
func BenchmarkDraw(b *testing.B) {
	for _, k := range pictures.Kinds() {
		b.Run(k.String(), func(b *testing.B) {
			for i := range b.N {
				pictures.Draw(pictures.Spec{Kind: k, Seed: uint64(i % 8), Text: "Pas de réforme sans nous !", Width: 1600, Height: 1067})
			}
		})
	}
}
