package main

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/testkit"
)

// testSecret is a second factor's secret for accounts made by the tests.
const testSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

// waitTrue evaluates expr until it is true. Evaluating fails while the page navigates:
// it is tried again until testkit.Patience runs out.
func waitTrue(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	testkit.Until(t, expr, func() bool {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if ctx.Err() != nil {
			t.Fatalf("the browser is gone while waiting for %s: %v", expr, ctx.Err())
		}
		return err == nil && ok
	})
}

// waitPath waits until the page's address starts with prefix (path and query).
func waitPath(t *testing.T, ctx context.Context, prefix string) string {
	t.Helper()
	waitTrue(t, ctx, fmt.Sprintf(`(location.pathname + location.search).startsWith(%q) && document.readyState === "complete"`, prefix))
	return eval[string](t, ctx, `location.pathname + location.search`)
}

// signInBrowser signs in through the forms, with the code when the account has a
// second factor, and waits for the article list.
func signInBrowser(t *testing.T, ctx context.Context, base, email, secret string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(base+"/newsroom/signin"), chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), email), chromedp.SendKeys(chromedp.CSS("#f-password"), newsroomPassword),
		chromedp.Click(chromedp.CSS("form button.primary")))
	if secret != "" {
		waitPath(t, ctx, "/newsroom/signin/code")
		do(t, ctx, chromedp.WaitVisible(chromedp.CSS("#f-code")), chromedp.SendKeys(chromedp.CSS("#f-code"), totpNow(secret)),
			chromedp.Click(chromedp.CSS("form button.primary")))
	}
	waitPath(t, ctx, "/newsroom/articles")
}

// narrowCheck shows the page at 360 px, saves it and fails if it scrolls sideways.
func narrowCheck(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	do(t, ctx, chromedp.EmulateViewport(360, 740))
	if width := eval[int](t, ctx, `document.documentElement.scrollWidth`); width > 360 {
		t.Errorf("%s is %d px wide at a 360 px viewport", name, width)
	}
	screenshot(t, ctx, name+"-360")
	do(t, ctx, chromedp.EmulateViewport(1280, 900))
}

// First run: the console's link creates the first admin, who then enrols a second factor.
func TestBrowserNewsroomFirstRun(t *testing.T) {
	t.Parallel()
	m, out := startServe(t, "")
	link := setupLinkRe.FindStringSubmatch(out)
	if link == nil {
		t.Fatalf("no set-up link in %q", out)
	}
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(m.URL()+link[1]), chromedp.WaitVisible(chromedp.CSS("#f-name")))
	screenshot(t, ctx, "newsroom-setup-en")
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#f-name"), "Ada Lovelace"), chromedp.SendKeys(chromedp.CSS("#f-email"), "ada@example.org"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), newsroomPassword), chromedp.SendKeys(chromedp.CSS("#f-password2"), newsroomPassword),
		chromedp.SetValue(chromedp.CSS("#f-lang"), "fr"), chromedp.Click(chromedp.CSS("form button.primary")))
	waitPath(t, ctx, "/newsroom/account?done=welcome")
	if h1 := eval[string](t, ctx, `document.querySelector("h1").textContent`); h1 != "Mon compte" {
		t.Errorf("account page heading %q", h1)
	}
	screenshot(t, ctx, "newsroom-account-fr-1280")
	narrowCheck(t, ctx, "newsroom-account-fr")

	do(t, ctx, chromedp.Click(chromedp.CSS(`a[href="/newsroom/account/2fa"]`)), chromedp.WaitVisible(chromedp.CSS("#secret")))
	// The image may still be loading when the page is shown.
	waitTrue(t, ctx, `document.querySelector("img.qr").complete && document.querySelector("img.qr").naturalWidth === 256`)
	screenshot(t, ctx, "newsroom-enrol-fr-1280")
	secret := eval[string](t, ctx, `document.querySelector("#secret").textContent`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#f-code"), totpNow(secret)), chromedp.Click(chromedp.CSS("form button.primary")),
		chromedp.WaitVisible(chromedp.CSS("#recovery-codes")))
	if n := eval[int](t, ctx, `document.querySelectorAll("#recovery-codes li").length`); n != auth.RecoveryCodeCount {
		t.Errorf("%d recovery codes shown", n)
	}
	screenshot(t, ctx, "newsroom-recovery-fr-1280")
	narrowCheck(t, ctx, "newsroom-recovery-fr")
}

// Signing in with a password and a code from an authenticator app, in Dutch.
func TestBrowserNewsroomSignInWithSecondFactor(t *testing.T) {
	t.Parallel()
	m, _ := startServe(t, "60")
	newsroomUser(t, m, auth.RoleEditor, "jan@example.org", "nl", testSecret)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(m.URL()+"/newsroom/articles"))
	waitPath(t, ctx, "/newsroom/signin?next=")
	screenshot(t, ctx, "newsroom-signin-1280")
	signInBrowser(t, ctx, m.URL(), "jan@example.org", testSecret)
	if h1 := eval[string](t, ctx, `document.querySelector("h1").textContent`); h1 != "Artikels" {
		t.Errorf("list heading %q", h1)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("table.articles tbody tr").length`); n < 20 {
		t.Errorf("%d articles listed", n)
	}
	screenshot(t, ctx, "newsroom-articles-nl-1280")
	narrowCheck(t, ctx, "newsroom-articles-nl")
}
