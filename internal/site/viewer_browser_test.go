package site_test

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/roneo/roneo/internal/testkit"
)

// TestAlbumViewer: on an album's page, a thumbnail opens the viewer, a modal dialog
// that shows the photo large with its caption, goes on with the arrow keys, keeps
// focus inside, and closes with Escape, giving focus back to the thumbnail; at 360 px
// the grid is two thumbnails across and nothing overflows.
func TestAlbumViewer(t *testing.T) {
	path := os.Getenv("RONEO_CHROMIUM")
	if path == "" {
		var err error
		if path, err = exec.LookPath("chromium"); err != nil {
			testkit.Missing(t, "chromium is not installed: run `make test`, which installs it, or set RONEO_CHROMIUM")
		}
	}
	t.Parallel()
	f := newFixture(t, 0)
	fp := f.addPhotos(t)
	srv := httptest.NewServer(f.site)
	defer srv.Close()
	ctx := startChromium(t, path)
	album := srv.URL + "/fr/article/communique-ambassade/photos"
	run(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(album),
		chromedp.WaitVisible(chromedp.CSS(".album .thumbs")),
		chromedp.Click(chromedp.CSS(".album .thumbs li:first-child a")))
	waitJS(t, ctx, `document.querySelector("dialog.viewer").open`)
	march := fp.byName["march"]
	want := map[string]string{
		`document.querySelector(".viewer-count").textContent`:               "1 / 3",
		`document.querySelector(".viewer-caption").textContent`:             "Le cortège devant l’ambassade © Jean-Pierre Lefèvre",
		`new URL(document.querySelector(".viewer-frame img").src).pathname`: "/media/" + march.DerivativeName(800, "jpg"),
		`document.querySelector(".viewer-frame img").alt`:                   "Le cortège sur le boulevard",
		`location.pathname`: "/fr/article/communique-ambassade/photos",
	}
	for expr, w := range want {
		if got := evalJS[string](t, ctx, expr); got != w {
			t.Errorf("%s = %q, want %q", expr, got, w)
		}
	}
	run(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	waitJS(t, ctx, `document.querySelector(".viewer-count").textContent === "2 / 3"`)
	run(t, ctx, chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab))
	if !evalJS[bool](t, ctx, `document.querySelector("dialog.viewer").contains(document.activeElement)`) {
		t.Error("focus left the open viewer")
	}
	run(t, ctx, chromedp.KeyEvent(kb.Escape))
	waitJS(t, ctx, `!document.querySelector("dialog.viewer").open`)
	if got := evalJS[string](t, ctx, `document.activeElement.getAttribute("href")`); got != "/fr/article/communique-ambassade/photo/1" {
		t.Errorf("after the viewer, focus is on %q, want the thumbnail that opened it", got)
	}

	run(t, ctx, chromedp.EmulateViewport(360, 740), chromedp.Navigate(album), chromedp.WaitVisible(chromedp.CSS(".album .thumbs")))
	if n := evalJS[float64](t, ctx, `new Set([...document.querySelectorAll(".album .thumbs li")].map(li => li.getBoundingClientRect().top)).size`); n != 2 {
		t.Errorf("at 360 px, three thumbnails take %v rows, want 2 (two across)", n)
	}
	if evalJS[bool](t, ctx, `document.documentElement.scrollWidth > innerWidth`) {
		t.Error("at 360 px, the album's page is wider than the screen")
	}
	// Without the viewer, a thumbnail is a link to its photo's page, where the arrow
	// keys follow the pager.
	run(t, ctx, chromedp.Navigate(srv.URL+"/fr/article/communique-ambassade/photo/2"), chromedp.WaitVisible(chromedp.CSS(".photo-large")),
		chromedp.KeyEvent(kb.ArrowRight))
	waitJS(t, ctx, `location.pathname === "/fr/article/communique-ambassade/photo/3"`)
}

// startChromium starts a headless Chromium for the test, stopped when it ends.
func startChromium(t *testing.T, path string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

func run(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func evalJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func waitJS(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	testkit.Until(t, expr, func() bool {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		return err == nil && ok
	})
}
