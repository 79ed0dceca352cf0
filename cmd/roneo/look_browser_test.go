package main

import (
	"context"
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// On a 360 × 740 phone the header leaves the first headline on the first screen; on
// paper a press release shows its full address and its contacts without their links'
// targets, and no search box.
func TestBrowserLookFirstScreenAndPaper(t *testing.T) {
	t.Parallel()
	m := startDemo(t, "60")
	_, home := httpGet(t, m.URL()+"/fr/")
	found := regexp.MustCompile(`teaser kind-press_release">[\s\S]*?teaser-title"><a href="([^"]+)"`).FindStringSubmatch(home)
	if found == nil {
		t.Fatal("no press release on the home page")
	}
	release := found[1]
	ctx := newBrowser(t)
	for _, c := range []struct{ path, headline string }{{"/fr/", ".lead-title"}, {"/nl/", ".lead-title"}, {release, "article h1"}} {
		do(t, ctx, chromedp.EmulateViewport(360, 740), chromedp.Navigate(m.URL()+c.path), chromedp.WaitVisible(chromedp.CSS(c.headline)))
		header := eval[float64](t, ctx, `document.querySelector(".site-header").getBoundingClientRect().height`)
		top := eval[float64](t, ctx, `document.querySelector("`+c.headline+`").getBoundingClientRect().top`)
		t.Logf("%s at 360 px: header %.0f px, headline at %.0f px", c.path, header, top)
		if header > 220 || top > 740-120 {
			t.Errorf("%s at 360 px: header %.0f px high, headline at %.0f px; the headline must start well within the first screen", c.path, header, top)
		}
	}

	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(m.URL()+release), chromedp.WaitVisible(chromedp.CSS("article h1")),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}))
	if got := eval[string](t, ctx, `getComputedStyle(document.querySelector(".site-search")).display`); got != "none" {
		t.Errorf("the search box prints (display %q)", got)
	}
	if got := eval[string](t, ctx, `document.querySelector(".permalink").innerText`); !regexp.MustCompile(regexp.QuoteMeta(m.URL()+release) + `$`).MatchString(got) {
		t.Errorf("printed address line %q, want the article's full address", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".press-contacts a").length`); n == 0 {
		t.Errorf("%s has no contact links to print", release)
	}
	after := eval[[]string](t, ctx, `[...document.querySelectorAll(".press-contacts a, .article-body a[href^='/']")].map(a => getComputedStyle(a, "::after").content)`)
	for _, content := range after {
		if content != "none" {
			t.Errorf("a contact or internal link prints %s after it", content)
		}
	}
}
