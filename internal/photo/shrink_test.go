package photo

import (
	"image"
	"testing"
)

func TestShrinkFactor(t *testing.T) {
	for _, tc := range []struct{ w, target, want int }{
		{4000, 1600, 2}, {3199, 1600, 1}, {3200, 1600, 2}, {8660, 1600, 4}, {20000, 1600, 8},
		{1600, 1600, 1}, {1000, 800, 1}, {100000, 400, 8},
	} {
		if got := shrinkFactor(tc.w, tc.target); got != tc.want {
			t.Errorf("shrinkFactor(%d, %d) = %d; want %d", tc.w, tc.target, got, tc.want)
		}
	}
}

// TestShrink averages boxes of every plane, edges included.
func TestShrink(t *testing.T) {
	m := image.NewYCbCr(image.Rect(0, 0, 9, 5), image.YCbCrSubsampleRatio420)
	for i := range m.Y {
		m.Y[i] = uint8(10 * (i % m.YStride))
	}
	for i := range m.Cb {
		m.Cb[i], m.Cr[i] = 100, uint8(i)
	}
	out, ok := shrink(m, 2).(*image.YCbCr)
	if !ok || out.Rect != image.Rect(0, 0, 4, 2) || out.SubsampleRatio != m.SubsampleRatio {
		t.Fatalf("shrink: %T %v", out, out.Rect)
	}
	if got := out.Y[out.YOffset(1, 0)]; got != 25 { // (20+30+20+30)/4
		t.Errorf("Y at (1,0): %d; want 25", got)
	}
	if got := out.Cb[0]; got != 100 {
		t.Errorf("Cb: %d", got)
	}
	if got := shrink(image.NewNRGBA(image.Rect(0, 0, 8, 8)), 2).Bounds().Dx(); got != 8 {
		t.Errorf("shrank an NRGBA picture to %d", got)
	}
	g := image.NewGray(image.Rect(0, 0, 5, 5))
	for i := range g.Pix {
		g.Pix[i] = 200
	}
	if out := shrink(g, 4).(*image.Gray); out.Rect.Dx() != 1 || out.Pix[0] != 200 {
		t.Errorf("grey: %v %v", out.Rect, out.Pix)
	}
}
