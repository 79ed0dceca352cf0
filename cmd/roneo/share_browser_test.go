package main

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// From an article page a reader's browser finds the site's feeds, and a network's
// preview finds a card picture that renders at 1200×630. With JavaScript off the whole
// article and its share links are there.
func TestBrowserSharePreviewAndFeeds(t *testing.T) {
	t.Parallel()
	m := startDemo(t, "60")
	article := firstArticle(t, m)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(m.URL()+article), chromedp.WaitVisible(chromedp.CSS("article h1")))

	feeds := eval[[]string](t, ctx, `[...document.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')].map(l => l.href)`)
	if len(feeds) == 0 {
		t.Fatal("no Atom feed is declared on the article page")
	}
	for _, href := range feeds {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(`+jsString(href)+`).then(r => r.status + " " + r.headers.get("content-type"))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if got != "200 application/atom+xml; charset=utf-8" {
			t.Errorf("feed %s: %s", href, got)
		}
	}
	card := eval[string](t, ctx, `document.querySelector('meta[property="og:image"]').content`)
	if !strings.HasPrefix(card, m.URL()+"/") {
		t.Fatalf("og:image %q is not on the site", card)
	}
	do(t, ctx, chromedp.Navigate(card), chromedp.WaitReady(chromedp.CSS("img")))
	size, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`(async () => { const i = document.querySelector("img"); await i.decode(); return [i.naturalWidth, i.naturalHeight]; })()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if len(size) != 2 || size[0] != 1200 || size[1] != 630 {
		t.Errorf("the card renders at %v, want 1200×630", size)
	}
	screenshot(t, ctx, "share-card")

	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}), chromedp.Navigate(m.URL()+article), chromedp.WaitVisible(chromedp.CSS("article h1")))
	if n := eval[int](t, ctx, `document.querySelectorAll(".article-body p").length`); n == 0 {
		t.Error("with JavaScript off the article has no paragraphs")
	}
	if n := eval[int](t, ctx, `[...document.querySelectorAll(".share a")].filter(a => a.offsetParent !== null).length`); n == 0 {
		t.Error("with JavaScript off no share link shows")
	}
	screenshot(t, ctx, "article-no-js")
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(s) + "'"
}
