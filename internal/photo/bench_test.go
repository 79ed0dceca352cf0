package photo

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/media"
)

// Benchmarks of the memory and speed the issue asks for. They run only with -bench:
//
//	go test -run='^$' -bench=. -benchtime=3x ./internal/photo/
//
// Peak memory is the process's resident set (VmHWM, reset before each measure through
// /proc/self/clear_refs), less what it held before: Linux only.

// photoLike is a w×h JPEG that costs what a camera's does to decode: smooth areas with
// grain, about 0.4 bytes a pixel at quality 90.
func photoLike(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	rnd := rand.New(rand.NewPCG(uint64(w), uint64(h)))
	for y := range h {
		for x := range w {
			img.Y[y*img.YStride+x] = uint8(64 + 96*x/w + 64*y/h + rnd.IntN(12))
		}
	}
	for i := range img.Cb {
		img.Cb[i], img.Cr[i] = uint8(110+i%7), uint8(140-i%5)
	}
	return encodeJPEG(tb, img)
}

// rss reads the resident set (VmRSS) and its peak (VmHWM), in bytes.
func rss(tb testing.TB) (now, peak int64) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		tb.Skip("no /proc/self/status")
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		name, value, _ := strings.Cut(line, ":")
		kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		switch name {
		case "VmRSS":
			now = kb << 10
		case "VmHWM":
			peak = kb << 10
		}
	}
	return now, peak
}

// measurePeak runs fn and reports the resident set's peak above where it started, and
// the processor time of the whole process per op, which other work on a shared machine
// does not inflate as it does the time per op.
func measurePeak(b *testing.B, fn func()) {
	debug.FreeOSMemory() // what setting up left: the base is what the process holds
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		b.Skipf("cannot reset the peak resident set: %v", err)
	}
	base, _ := rss(b)
	cpu := cpuTime()
	fn()
	cpu = cpuTime() - cpu
	_, peak := rss(b)
	b.ReportMetric(float64(peak>>20), "peak-RSS-MB")
	b.ReportMetric(float64((peak-base)>>20), "extra-RSS-MB")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime is the processor time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// deleteDerivatives removes p's derivatives, so that Derive makes them again.
func deleteDerivatives(b *testing.B, st media.Store, p content.Photo) {
	for _, w := range content.WantedWidths(p.Width) {
		for _, ext := range derivativeFormats {
			if err := st.Delete(context.Background(), p.DerivativeName(w, ext)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDerive12MP makes the six derivatives of a 12-megapixel photo.
func BenchmarkDerive12MP(b *testing.B) {
	st := newStore(b)
	p := MustClean(b, st, photoLike(b, 4000, 3000))
	MustDerive(b, st, p) // compiles the WebP encoder once
	b.ResetTimer()
	measurePeak(b, func() {
		start := time.Now()
		for range b.N {
			b.StopTimer()
			deleteDerivatives(b, st, p)
			b.StartTimer()
			MustDerive(b, st, p)
		}
		b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "images/s")
	})
}

// BenchmarkClean12MP cleans a 12-megapixel JPEG (it stores it once: later runs only
// compare the hash).
func BenchmarkClean12MP(b *testing.B) {
	data := photoLike(b, 4000, 3000)
	st := newStore(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	measurePeak(b, func() {
		for range b.N {
			MustClean(b, st, data)
		}
	})
}

// BenchmarkCleanDerive50MP cleans and derives a 50-megapixel JPEG (8660 × 5773) turned
// by its EXIF orientation: the largest photo the default limits accept, in the case
// that takes most memory (the turned copy).
func BenchmarkCleanDerive50MP(b *testing.B) {
	data := withSegments(photoLike(b, 8660, 5773), jpegSegment(0xe1, append([]byte("Exif\x00\x00"), orientationTIFF(6)...)))
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	measurePeak(b, func() {
		for range b.N {
			st := newStore(b)
			MustDerive(b, st, MustClean(b, st, data))
		}
	})
}

// BenchmarkBurst sends uploads at once, each into a store of its own (so that each is
// derived): Clean, then Derive, as the newsroom and the job runner would. The gate keeps
// DefaultConcurrency at work and the rest waiting on their spooled files.
func BenchmarkBurst(b *testing.B) {
	for _, tc := range []struct {
		n, w, h int
	}{{200, 4000, 3000}, {20, 8660, 5773}} {
		b.Run(fmt.Sprintf("%dx%dMP", tc.n, tc.w*tc.h/1_000_000), func(b *testing.B) {
			data := photoLike(b, tc.w, tc.h)
			dir := b.TempDir()
			b.ResetTimer()
			measurePeak(b, func() {
				for range b.N {
					var wg sync.WaitGroup
					for i := range tc.n {
						wg.Go(func() {
							st, err := media.NewDir(filepath.Join(dir, strconv.Itoa(i)))
							if err != nil {
								b.Error(err)
								return
							}
							defer st.Close()
							p, err := Clean(context.Background(), st, bytes.NewReader(data), DefaultLimits)
							if err == nil {
								_, err = Derive(context.Background(), st, p)
							}
							if err != nil {
								b.Error(err)
							}
						})
					}
					wg.Wait()
				}
			})
		})
	}
}
