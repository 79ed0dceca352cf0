package main

import (
	"bufio"
	"fmt"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// The photo scenarios upload pictures the benchmark draws itself, so that nothing is
// downloaded and every run uploads the same bytes: a sky-like gradient, buildings,
// placards and people as flat shapes with soft shading, and mild sensor noise. The
// noise and the edges are what make a JPEG of a real street scene large; without them
// a gradient compresses to almost nothing and would flatter every encoder. Pictures
// are drawn straight into YCbCr 4:2:0, as a camera stores them, and kept in the
// workspace for every scenario and both binaries of the run.

// photoSet is a series of generated photos of one size.
type photoSet struct {
	name          string // names the directory and the files: "12mp"
	width, height int
	count         int
	seed          uint64 // the first photo's; photo i is drawn from seed+i
}

// The sets the scenarios use. 12 MP (4000×3000) is a phone's or a compact camera's
// photo; 50 MP (8660×5773) just under the default --max-pixels of 50 million; 6 MP
// (3000×2000) the photos of a burst of uploads and of an album, smaller so that 200 of
// them are quicker to make; the tiny photo gives the memory of the command itself. The
// burst's photos and the album's differ: the album's are imported with an alt text,
// which a published article's album requires, and an upload comes without one.
func derivePhotos(n int) photoSet {
	return photoSet{name: "12mp", width: 4000, height: 3000, count: n, seed: 1200}
}

func burstPhotos(n int) photoSet {
	return photoSet{name: "6mp-burst", width: 3000, height: 2000, count: n, seed: 600}
}

func albumPhotos(n int) photoSet {
	return photoSet{name: "6mp-album", width: 3000, height: 2000, count: n, seed: 60_000}
}

var (
	hugePhoto = photoSet{name: "50mp", width: 8660, height: 5773, count: 1, seed: 5000}
	tinyPhoto = photoSet{name: "tiny", width: 64, height: 48, count: 1, seed: 7}
)

// photoQuality is the JPEG quality of the generated photos, a camera's "fine".
const photoQuality = 90

// photoFiles generates the set into dir, unless an earlier scenario of the run has, and
// returns the files' paths in order.
func photoFiles(dir string, set photoSet) ([]string, error) {
	dir = filepath.Join(dir, set.name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	paths := make([]string, set.count)
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("photo-%s-%04d.jpg", set.name, i+1))
	}
	// Drawing and encoding take one core each; the largest picture alone holds 75 MB.
	workers := runtime.NumCPU()
	if set.width*set.height > 20_000_000 {
		workers = 1
	}
	jobs := make(chan int)
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				errs[i] = writePhoto(paths[i], set.width, set.height, set.seed+uint64(i))
			}
		})
	}
	for i, p := range paths {
		if _, err := os.Stat(p); err == nil {
			continue
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// writePhoto draws one photo and writes it as a JPEG, through a temporary name so that
// an interrupted run leaves no truncated file to be taken for a finished one.
func writePhoto(path string, w, h int, seed uint64) error {
	img := drawPhoto(w, h, seed)
	tmp := path + ".part"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := jpeg.Encode(bw, img, &jpeg.Options{Quality: photoQuality}); err != nil {
		f.Close()
		return fmt.Errorf("encode %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// drawPhoto paints a street scene of w×h pixels from seed: the same seed gives the same
// picture, and two seeds pictures that differ everywhere, so that no two photos of a
// set are stored as one.
func drawPhoto(w, h int, seed uint64) *image.YCbCr {
	rng := rand.New(rand.NewPCG(seed, 0x526f6e656f))
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	paintSky(img, rng)
	horizon := h/2 + rng.IntN(h/6)
	for range 6 + rng.IntN(6) { // buildings along the street
		bw, bh := w/12+rng.IntN(w/6), h/5+rng.IntN(h/3)
		x := rng.IntN(w) - bw/4
		paintBox(img, rng, image.Rect(x, horizon-bh, x+bw, h), randomTone(rng, 60, 170))
	}
	for range 25 + rng.IntN(20) { // people, near and far
		r := h/40 + rng.IntN(h/12)
		cx, cy := rng.IntN(w), horizon+rng.IntN(h-horizon)
		paintEllipse(img, image.Pt(cx, cy), r/2, r, randomTone(rng, 20, 200))
		paintEllipse(img, image.Pt(cx, cy-r-r/4), r/4, r/3, randomTone(rng, 90, 200))
	}
	for range 4 + rng.IntN(5) { // placards and banners held up
		pw, ph := w/20+rng.IntN(w/8), h/25+rng.IntN(h/12)
		x, y := rng.IntN(w), horizon-h/8+rng.IntN(h/3)
		paintBox(img, rng, image.Rect(x, y, x+pw, y+ph), randomTone(rng, 150, 240))
		paintStripes(img, image.Rect(x+pw/10, y+ph/4, x+pw-pw/10, y+ph-ph/4), 2+rng.IntN(4))
	}
	addNoise(img, rng)
	return img
}

// tone is a colour in YCbCr.
type tone struct{ y, cb, cr int }

func randomTone(rng *rand.Rand, minY, maxY int) tone {
	return tone{y: minY + rng.IntN(maxY-minY), cb: 100 + rng.IntN(56), cr: 100 + rng.IntN(56)}
}

// paintSky fills the picture with a diagonal gradient from a pale top to a darker,
// warmer bottom, as an overcast morning.
func paintSky(img *image.YCbCr, rng *rand.Rand) {
	b := img.Rect
	top, bottom := 170+rng.Float64()*60, 60+rng.Float64()*50
	tilt := (rng.Float64() - 0.5) * 40
	for y := b.Min.Y; y < b.Max.Y; y++ {
		base := top + (bottom-top)*float64(y-b.Min.Y)/float64(b.Dy())
		row := img.Y[(y-b.Min.Y)*img.YStride:]
		for x := range b.Dx() {
			row[x] = clampInt(int(base) + int(tilt)*x/b.Dx())
		}
	}
	cb0, cr0 := 118+rng.IntN(20), 120+rng.IntN(16)
	rows := len(img.Cb) / img.CStride
	for cy := range rows {
		cb, cr := uint8(cb0-14*cy/rows), uint8(cr0+10*cy/rows)
		for cx := range img.CStride {
			img.Cb[cy*img.CStride+cx], img.Cr[cy*img.CStride+cx] = cb, cr
		}
	}
}

// paintBox fills r with t, shaded from left to right, with rows of windows.
func paintBox(img *image.YCbCr, rng *rand.Rand, r image.Rectangle, t tone) {
	r = r.Intersect(img.Rect)
	if r.Empty() {
		return
	}
	shade := rng.IntN(50) - 25
	win := max(4, r.Dx()/(6+rng.IntN(6)))
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Y[img.YOffset(r.Min.X, y):]
		for x := range r.Dx() {
			v := t.y + shade*x/r.Dx()
			if x%win < win/3 && (y-r.Min.Y)%win < win/2 {
				v -= 45 // a window
			}
			row[x] = clampInt(v)
		}
	}
	paintChroma(img, r, t, func(int, int) bool { return true })
}

// paintEllipse fills the ellipse of radii rx, ry around c with t, lit from above.
func paintEllipse(img *image.YCbCr, c image.Point, rx, ry int, t tone) {
	if rx < 1 || ry < 1 {
		return
	}
	inside := func(x, y int) bool {
		dx, dy := float64(x-c.X)/float64(rx), float64(y-c.Y)/float64(ry)
		return dx*dx+dy*dy <= 1
	}
	r := image.Rect(c.X-rx, c.Y-ry, c.X+rx+1, c.Y+ry+1).Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if inside(x, y) {
				img.Y[img.YOffset(x, y)] = clampInt(t.y + 30*(c.Y-y)/ry)
			}
		}
	}
	paintChroma(img, r, t, inside)
}

// paintStripes draws n dark lines across r: the lettering of a placard, whose sharp
// edges cost a JPEG the most.
func paintStripes(img *image.YCbCr, r image.Rectangle, n int) {
	r = r.Intersect(img.Rect)
	if r.Empty() {
		return
	}
	pitch := max(2, r.Dy()/(2*n))
	for y := r.Min.Y; y < r.Max.Y; y++ {
		if ((y-r.Min.Y)/pitch)%2 == 1 {
			continue
		}
		for x := r.Min.X; x < r.Max.X; x++ {
			if (x/max(1, pitch/2))%3 != 2 { // letters, and the gaps between them
				img.Y[img.YOffset(x, y)] = 25
			}
		}
	}
}

// paintChroma sets the colour of the pixels of r for which inside holds, at the
// chroma planes' half resolution.
func paintChroma(img *image.YCbCr, r image.Rectangle, t tone, inside func(x, y int) bool) {
	for y := r.Min.Y &^ 1; y < r.Max.Y; y += 2 {
		for x := r.Min.X &^ 1; x < r.Max.X; x += 2 {
			if image.Pt(x, y).In(img.Rect) && inside(x, y) {
				i := img.COffset(x, y)
				img.Cb[i], img.Cr[i] = uint8(t.cb), uint8(t.cr)
			}
		}
	}
}

// addNoise adds a camera's grain: about ±8 levels of luma and ±2 of chroma.
func addNoise(img *image.YCbCr, rng *rand.Rand) {
	state := rng.Uint64() | 1
	for i := range img.Y {
		// xorshift: rand's generators are too slow for 50 million pixels. Its 64 bits
		// give four luma offsets of 0..15 a step.
		if i%4 == 0 {
			state ^= state << 13
			state ^= state >> 7
			state ^= state << 17
		}
		img.Y[i] = clampInt(int(img.Y[i]) + int(state>>(16*(i%4))&15) - 8)
	}
	for i := range img.Cb {
		state ^= state << 13
		state ^= state >> 7
		state ^= state << 17
		img.Cb[i] = clampInt(int(img.Cb[i]) + int(state&3) - 2)
		img.Cr[i] = clampInt(int(img.Cr[i]) + int(state>>8&3) - 2)
	}
}

func clampInt(v int) uint8 { return uint8(min(255, max(0, v))) }
