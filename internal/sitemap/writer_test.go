package sitemap_test

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/sitemap"
)

func TestGolden(t *testing.T) {
	t.Run("urlset", func(t *testing.T) {
		golden(t, "urlset.xml", MustURLSet(t,
			sitemap.URL{Loc: "https://roneo.example/fr/", LastMod: time.Date(2026, 12, 1, 9, 30, 15, 999, paris)},
			sitemap.URL{Loc: "https://roneo.example/fr/article/%C3%A9t%C3%A9-2026"},
			sitemap.URL{Loc: "https://roneo.example/nl/zoeken/?q=a&b='c'&d=\"e\"&f=<g>"},
		))
	})
	t.Run("empty", func(t *testing.T) {
		golden(t, "empty.xml", MustURLSet(t))
	})
	t.Run("index", func(t *testing.T) {
		var buf bytes.Buffer
		x := sitemap.NewIndex(&buf)
		mustOK(t, x.Add("https://roneo.example/sitemap-1.xml", time.Date(2026, 12, 24, 23, 59, 59, 0, time.UTC)))
		mustOK(t, x.Add("https://roneo.example/sitemap-2.xml", time.Time{}))
		mustOK(t, x.Close())
		golden(t, "index.xml", buf.Bytes())
	})
}

func mustOK(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

// TestRoundTrip: what a reader decodes is the Loc given, byte for byte, for Locs with
// every character XML escapes and with percent-escaped non-ASCII.
func TestRoundTrip(t *testing.T) {
	want := []string{
		"https://roneo.example/fr/recherche/?q=%C3%A9cole+%26+sant%C3%A9&page=2",
		"https://roneo.example/nl/artikel/%E2%80%9Cfietsen%E2%80%9D?a=1&b=2",
		"http://[2001:db8::1]:8080/en/?x=<'\">",
		"HTTPS://xn--rno-bma.example/",
	}
	var urls []sitemap.URL
	for _, loc := range want {
		urls = append(urls, sitemap.URL{Loc: loc})
	}
	if got := locs(t, MustURLSet(t, urls...)); !slices.Equal(got, want) {
		t.Errorf("decoded %q, want %q", got, want)
	}
}

func TestRefusedLocs(t *testing.T) {
	for _, loc := range []string{
		"",
		"/fr/article/slug",
		"roneo.example/fr/",
		"ftp://roneo.example/file",
		"mailto:presse@roneo.example",
		"https:///fr/article/slug",
		"https://user:pass@roneo.example/",
		"https://roneo.example:port/",
		"https://roneo.example:/",
		"https://[::1/",
		"http://[0:0]/",
		"http://[1.2.3.4]/",
		"https://ro neo.example/",
		"https://roneo.example/fr/article/été",
		"https://roneo.example/fr/a b",
		"https://roneo.example/fr/100%",
		"https://roneo.example/fr/100%2",
		"https://roneo.example/fr/?q=%zz",
		"https://roneo.example/\x00",
		"https://roneo.example/\x0b\ufffe",
		"https://roneo.example/\xff",
		"http://a.io",
		"https://roneo.example/" + strings.Repeat("a", sitemap.MaxLocBytes),
		"https://roneo.example/?q=" + strings.Repeat("&", sitemap.MaxLocBytes/5),
	} {
		var buf bytes.Buffer
		w := sitemap.NewWriter(&buf)
		if err := w.Add(sitemap.URL{Loc: loc}); !errors.Is(err, sitemap.ErrInvalid) {
			t.Errorf("Add(%.60q) = %v, want ErrInvalid", loc, err)
		}
		mustOK(t, w.Close())
		if w.Count() != 0 || !bytes.Equal(buf.Bytes(), MustURLSet(t)) {
			t.Errorf("after refusing %.60q, Count = %d and the file is\n%s", loc, w.Count(), buf.Bytes())
		}
	}
}

func TestRefusedLastMod(t *testing.T) {
	w := sitemap.NewWriter(io.Discard)
	for _, d := range []time.Time{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC)} {
		if err := w.Add(sitemap.URL{Loc: articleURL(1), LastMod: d}); !errors.Is(err, sitemap.ErrInvalid) {
			t.Errorf("Add with LastMod %v = %v, want ErrInvalid", d, err)
		}
	}
}

func TestFull(t *testing.T) {
	var buf bytes.Buffer
	w := sitemap.NewWriter(&buf)
	for i := range sitemap.MaxURLs {
		mustOK(t, w.Add(sitemap.URL{Loc: articleURL(i)}))
	}
	if err := w.Add(sitemap.URL{Loc: articleURL(sitemap.MaxURLs)}); !errors.Is(err, sitemap.ErrFull) {
		t.Fatalf("Add of URL %d = %v, want ErrFull", sitemap.MaxURLs+1, err)
	}
	mustOK(t, w.Close())
	if got := locs(t, buf.Bytes()); w.Count() != sitemap.MaxURLs || len(got) != sitemap.MaxURLs {
		t.Errorf("Count = %d and the file holds %d URLs, want %d", w.Count(), len(got), sitemap.MaxURLs)
	}
}

// TestMaxBytes: a file of MaxURLs of the longest Locs accepted, each with a date,
// stays under the protocol's size limit, so files can be cut by count alone.
func TestMaxBytes(t *testing.T) {
	loc := "https://roneo.example/?q='&'"
	loc += strings.Repeat("a", sitemap.MaxLocBytes-len(loc)-len("apos;amp;apos;"))
	var n countingWriter
	w := sitemap.NewWriter(&n)
	for range sitemap.MaxURLs {
		mustOK(t, w.Add(sitemap.URL{Loc: loc, LastMod: time.Now()}))
	}
	mustOK(t, w.Close())
	if n > sitemap.MaxBytes {
		t.Errorf("a full file of the longest Locs is %d bytes, over %d", n, sitemap.MaxBytes)
	}
	t.Logf("a full file of the longest Locs is %d bytes (limit %d)", n, sitemap.MaxBytes)
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

func TestClosed(t *testing.T) {
	w := sitemap.NewWriter(io.Discard)
	mustOK(t, w.Close())
	if err := w.Add(sitemap.URL{Loc: articleURL(1)}); !errors.Is(err, sitemap.ErrClosed) {
		t.Errorf("Add after Close = %v, want ErrClosed", err)
	}
	mustOK(t, w.Close())
}

// TestWriteError: the first error of the underlying writer comes back from every later
// Add and from Close, so a handler notices a client that went away.
func TestWriteError(t *testing.T) {
	broken := errors.New("connection reset")
	w := sitemap.NewWriter(failingWriter{broken})
	var err error
	for i := 0; err == nil && i < sitemap.MaxURLs; i++ {
		err = w.Add(sitemap.URL{Loc: articleURL(i)})
	}
	if !errors.Is(err, broken) {
		t.Errorf("Add = %v, want %v once the buffer is flushed", err, broken)
	}
	if err := w.Close(); !errors.Is(err, broken) {
		t.Errorf("Close = %v, want %v", err, broken)
	}
}

type failingWriter struct{ err error }

func (f failingWriter) Write([]byte) (int, error) { return 0, f.err }

func TestFiles(t *testing.T) {
	for _, c := range []struct{ urls, files int }{
		{-1, 1}, {0, 1}, {1, 1}, {sitemap.MaxURLs, 1}, {sitemap.MaxURLs + 1, 2}, {120_000, 3}, {150_000, 3},
	} {
		if got := sitemap.Files(c.urls); got != c.files {
			t.Errorf("Files(%d) = %d, want %d", c.urls, got, c.files)
		}
	}
}
