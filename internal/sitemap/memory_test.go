package sitemap_test

import (
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/sitemap"
)

// TestAddAllocates nothing: memory does not grow with the number of URLs.
func TestAddAllocates(t *testing.T) {
	w := sitemap.NewWriter(io.Discard)
	u := sitemap.URL{Loc: "https://roneo.example/fr/recherche/?q=%C3%A9t%C3%A9&page=2", LastMod: time.Now()}
	mustOK(t, w.Add(u)) // the first Add may size the entry's scratch buffer
	if allocs := testing.AllocsPerRun(1000, func() { w.Add(u) }); allocs != 0 {
		t.Errorf("Add allocates %.1f times a URL, want 0", allocs)
	}
}

// TestFileMemory: a whole file of MaxURLs costs what a file of one URL costs, give or
// take the buffers made once per file.
func TestFileMemory(t *testing.T) {
	locs := make([]string, sitemap.MaxURLs)
	for i := range locs {
		locs[i] = articleURL(i)
	}
	one, full := allocatedBy(locs[:1]), allocatedBy(locs)
	if full > one+1024 || full > 64<<10 {
		t.Errorf("a file of %d URLs allocates %d bytes, one of 1 URL %d", len(locs), full, one)
	}
	t.Logf("allocated: %d bytes for 1 URL, %d for %d", one, full, len(locs))
}

func allocatedBy(locs []string) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	w := sitemap.NewWriter(io.Discard)
	for _, loc := range locs {
		w.Add(sitemap.URL{Loc: loc, LastMod: time.Unix(1e9, 0)})
	}
	w.Close()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// BenchmarkWriter writes a full file of MaxURLs URLs; ns/URL is the figure to watch.
func BenchmarkWriter(b *testing.B) {
	locs := make([]string, sitemap.MaxURLs)
	for i := range locs {
		locs[i] = articleURL(i)
	}
	mod := time.Date(2026, 12, 1, 9, 30, 0, 0, paris)
	b.ReportAllocs()
	for b.Loop() {
		w := sitemap.NewWriter(io.Discard)
		for _, loc := range locs {
			if err := w.Add(sitemap.URL{Loc: loc, LastMod: mod}); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(locs)), "ns/URL")
}
