package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/roneo/roneo/internal/testkit"
)

// browser is the one headless Chromium that this package's tests share, started by the
// first test that needs it and stopped by TestMain: starting Chromium takes seconds, a
// tab in a browser context of its own (its own cookies and storage) takes milliseconds.
var browser struct {
	once  sync.Once
	ctx   context.Context
	err   error
	close func()
}

// newBrowser gives the test a tab of its own in the shared browser, closed when the
// test ends. The test command installs Debian's chromium when it is missing;
// RONEO_CHROMIUM points elsewhere.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("RONEO_CHROMIUM")
	if path == "" {
		var err error
		if path, err = exec.LookPath("chromium"); err != nil {
			testkit.Missing(t, "chromium is not installed: run `make test`, which installs it, or set RONEO_CHROMIUM")
		}
	}
	browser.once.Do(func() { browser.ctx, browser.close, browser.err = startBrowser(path) })
	if browser.err != nil {
		t.Fatalf("starting %s: %v", path, browser.err)
	}
	ctx, cancelTab := chromedp.NewContext(browser.ctx, chromedp.WithNewBrowserContext())
	// Bounds a hung test, not a slow one: the whole test, on a busy machine.
	ctx, cancelTimeout := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelTab() })
	return ctx
}

// startBrowser starts Chromium and returns its first context, from which each test's
// tab is made, and what stops it.
func startBrowser(path string) (context.Context, func(), error) {
	dir, err := os.MkdirTemp("", "roneo-chromium-")
	if err != nil {
		return nil, nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(dir),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	stop := func() { cancelCtx(); cancelAlloc(); os.RemoveAll(dir) }
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		stop()
		return nil, nil, err
	}
	return ctx, stop, nil
}

// closeBrowser stops the shared browser, if a test started it.
func closeBrowser() {
	if browser.close != nil {
		browser.close()
	}
}

// do runs browser steps and fails the test on error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// screenshot saves the page when RONEO_SCREENSHOTS names a directory, for people to look at.
func screenshot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("RONEO_SCREENSHOTS")
	if dir == "" {
		return
	}
	img, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	os.WriteFile(filepath.Join(dir, name+".png"), img, 0o644)
}

// A reader opens the home page, follows an article, switches to its translation and
// prints it without the navigation.
func TestBrowserReadAndSwitchLanguage(t *testing.T) {
	t.Parallel()
	m := startDemo(t, "120")
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(m.URL()+"/"),
		chromedp.WaitVisible(chromedp.CSS(".latest .teasers")))
	count := eval[int](t, ctx, `document.querySelectorAll(".latest .teaser-title a").length`)
	screenshot(t, ctx, "home-fr")
	// Follow articles from the home page, as a reader clicks, until one has a translation.
	found := false
	for i := 1; i <= count && !found; i++ {
		do(t, ctx, chromedp.Navigate(m.URL()+"/"), chromedp.WaitVisible(chromedp.CSS(".latest .teasers")),
			chromedp.Click(chromedp.CSS(".latest .teasers > li:nth-child("+strconv.Itoa(i)+") .teaser-title a")),
			chromedp.WaitVisible(chromedp.CSS("article h1")))
		found = eval[bool](t, ctx, `!!document.querySelector(".translations a")`)
	}
	if !found {
		t.Fatalf("none of the %d articles on the home page has a translation", count)
	}
	screenshot(t, ctx, "article-fr")
	do(t, ctx, chromedp.Click(chromedp.CSS(".translations a")), chromedp.WaitVisible(chromedp.CSS("article h1")))
	lang := eval[string](t, ctx, `document.documentElement.lang`)
	url := eval[string](t, ctx, `location.pathname`)
	if lang == "fr" || !strings.HasPrefix(url, "/"+lang+"/") {
		t.Errorf("after switching: lang %q at %s", lang, url)
	}
	screenshot(t, ctx, "article-"+lang)
	navOnScreen := eval[string](t, ctx, `getComputedStyle(document.querySelector("nav.sections")).display`)
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	navInPrint := eval[string](t, ctx, `getComputedStyle(document.querySelector("nav.sections")).display`)
	bodyInPrint := eval[string](t, ctx, `getComputedStyle(document.querySelector(".article-body")).display`)
	if navOnScreen == "none" || navInPrint != "none" || bodyInPrint == "none" {
		t.Errorf("navigation display: screen %q, print %q; body in print %q", navOnScreen, navInPrint, bodyInPrint)
	}
}

// At 360 px, the narrowest phones in use, no page scrolls sideways.
func TestBrowserNarrowScreen(t *testing.T) {
	t.Parallel()
	m := startDemo(t, "60")
	article := firstArticle(t, m)
	ctx := newBrowser(t)
	for _, path := range []string{"/fr/", "/nl/", "/fr/dossiers/", article} {
		do(t, ctx, chromedp.EmulateViewport(360, 740), chromedp.Navigate(m.URL()+path), chromedp.WaitVisible(chromedp.CSS("main")))
		if width := eval[int](t, ctx, `document.documentElement.scrollWidth`); width > 360 {
			t.Errorf("%s is %d px wide at a 360 px viewport", path, width)
		}
		screenshot(t, ctx, "narrow"+strings.ReplaceAll(path, "/", "-"))
	}
}

// firstArticle is the path of the first French article the demo's home page links to.
func firstArticle(t *testing.T, m *Main) string {
	t.Helper()
	_, home := httpGet(t, m.URL()+"/fr/")
	i := strings.Index(home, `href="/fr/article/`)
	if i < 0 {
		t.Fatal("the home page links to no article")
	}
	article := home[i+6:]
	return article[:strings.IndexByte(article, '"')]
}
