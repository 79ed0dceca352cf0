package main

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// A reader searches from the masthead, narrows to press releases, pages and opens a
// result; the page works at 360 px and in Dutch.
func TestBrowserSearch(t *testing.T) {
	t.Parallel()
	m := startDemo(t, "150")
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(m.URL()+"/fr/"), chromedp.WaitVisible(chromedp.CSS("#site-q")),
		chromedp.SendKeys(chromedp.CSS("#site-q"), "grèves"+kb.Enter))
	waitPath(t, ctx, "/fr/recherche/?q=gr")
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS(".search-count")))
	n := eval[int](t, ctx, `document.querySelectorAll(".results > li").length`)
	if n == 0 {
		t.Fatalf("no results for grèves: %s", eval[string](t, ctx, `document.querySelector("main").innerText`))
	}
	if marks := eval[int](t, ctx, `document.querySelectorAll(".results mark").length`); marks == 0 {
		t.Error("no word is highlighted")
	}
	screenshot(t, ctx, "search-fr-1280")

	// Narrow to press releases with the filters, which open on a click.
	do(t, ctx, chromedp.Click(chromedp.CSS(".search-filters summary")), chromedp.WaitVisible(chromedp.CSS("#f-kind")),
		chromedp.SetValue(chromedp.CSS("#f-kind"), "press_release"), chromedp.Click(chromedp.CSS(".search-box button")))
	waitTrue(t, ctx, `location.search.includes("kind=press_release") && document.readyState === "complete"`)
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS(".search-count")))
	labels := eval[[]string](t, ctx, `[...document.querySelectorAll(".results > li")].map(li => li.querySelector(".label") ? li.querySelector(".label").textContent : "")`)
	for _, l := range labels {
		if l != "Communiqué de presse" {
			t.Errorf("a result that is not a press release: %q", labels)
			break
		}
	}
	if eval[bool](t, ctx, `document.querySelector(".search-filters").open`) != true {
		t.Error("the filters in use are folded away")
	}
	narrowCheck(t, ctx, "search-fr")

	// Open the first result.
	title := eval[string](t, ctx, `document.querySelector(".results h3 a") ? document.querySelector(".results h3 a").textContent : ""`)
	if title != "" {
		do(t, ctx, chromedp.Click(chromedp.CSS(".results h3 a")), chromedp.WaitVisible(chromedp.CSS("article h1")))
		if h1 := eval[string](t, ctx, `document.querySelector("article h1").textContent`); h1 != title {
			t.Errorf("opened %q from a result titled %q", h1, title)
		}
	}

	// In Dutch, a plural finds the singular.
	do(t, ctx, chromedp.Navigate(m.URL()+"/nl/zoeken/"), chromedp.WaitVisible(chromedp.CSS("#q")),
		chromedp.SendKeys(chromedp.CSS("#q"), "stakingen"+kb.Enter))
	waitPath(t, ctx, "/nl/zoeken/?q=stakingen")
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS(".search-count")))
	if n := eval[int](t, ctx, `document.querySelectorAll(".results > li").length`); n == 0 {
		t.Errorf("no Dutch results for stakingen: %s", eval[string](t, ctx, `document.querySelector("main").innerText`))
	}
	if got := eval[string](t, ctx, `document.documentElement.lang`); got != "nl" {
		t.Errorf("lang %q", got)
	}
	screenshot(t, ctx, "search-nl-1280")
	narrowCheck(t, ctx, "search-nl")
}
