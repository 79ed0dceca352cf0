package main

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/roneo/roneo/internal/auth"
)

var articleIDRe = regexp.MustCompile(`^/newsroom/articles/(\d+)`)

// articleID waits for the editor of a saved article and reads its ID from the address.
func articleID(t *testing.T, ctx context.Context) string {
	t.Helper()
	waitTrue(t, ctx, `/^\/newsroom\/articles\/\d+/.test(location.pathname) && document.readyState === "complete"`)
	return articleIDRe.FindStringSubmatch(eval[string](t, ctx, `location.pathname`))[1]
}

// signOutBrowser uses the header's sign-out button.
func signOutBrowser(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, chromedp.Click(chromedp.CSS(`form[action="/newsroom/signout"] button`)))
	waitPath(t, ctx, "/newsroom/signin")
}

// A contributor writes and submits (and cannot publish, not even with a forged request);
// an editor publishes; readers see the article.
func TestBrowserNewsroomWriteSubmitPublish(t *testing.T) {
	t.Parallel()
	m, _ := startServe(t, "40")
	newsroomUser(t, m, auth.RoleContributor, "camille@example.org", "fr", "")
	newsroomUser(t, m, auth.RoleEditor, "eddy@example.org", "fr", "")
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 900))
	signInBrowser(t, ctx, m.URL(), "camille@example.org", "")
	do(t, ctx, chromedp.Navigate(m.URL()+"/newsroom/articles/new"), chromedp.WaitVisible(chromedp.CSS("#f-title")))
	if eval[int](t, ctx, `document.querySelectorAll("#publish, #schedule").length`) != 0 {
		t.Error("a contributor is offered to publish")
	}
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#f-title"), "Piquet de grève à l'aube"),
		chromedp.SendKeys(chromedp.CSS("#f-body"), "Les *grévistes* tiennent bon !\n\nDeuxième paragraphe."))
	// The live preview uses the site's renderer: French spacing, emphasis.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#preview em") !== null`)); err != nil {
		t.Fatalf("no live preview: %v", err)
	}
	if got := eval[string](t, ctx, `document.querySelector("#preview p").textContent`); got != "Les grévistes tiennent bon\u202f!" {
		t.Errorf("preview: %q", got)
	}
	screenshot(t, ctx, "newsroom-editor-fr-1280")
	narrowCheck(t, ctx, "newsroom-editor-fr")
	do(t, ctx, chromedp.Click(chromedp.CSS("#submit")))
	id := articleID(t, ctx)
	// A forged publish from the contributor's own page is refused by the server.
	status, err := chromedp.Run(ctx, chromedp.Evaluate[int](`fetch("/newsroom/articles/`+id+`/publish", {method: "POST",
		body: new URLSearchParams(new FormData(document.getElementById("article-form")))}).then(r => r.status)`, chromedp.EvalAwaitPromise))
	if err != nil || status != 403 {
		t.Errorf("forged publish: %d, %v", status, err)
	}
	signOutBrowser(t, ctx)

	signInBrowser(t, ctx, m.URL(), "eddy@example.org", "")
	do(t, ctx, chromedp.Navigate(m.URL()+"/newsroom/articles?status=submitted"),
		chromedp.Click(chromedp.CSS(`a[href="/newsroom/articles/`+id+`"]`)), chromedp.WaitVisible(chromedp.CSS("#publish")),
		chromedp.Click(chromedp.CSS("#publish")))
	waitPath(t, ctx, "/newsroom/articles/"+id+"?done=published")
	public := eval[string](t, ctx, `document.querySelector('.links a[href^="/fr/article/"]').getAttribute("href")`)
	do(t, ctx, chromedp.Navigate(m.URL()+public), chromedp.WaitVisible(chromedp.CSS("article h1")))
	if h1 := eval[string](t, ctx, `document.querySelector("article h1").textContent`); h1 != "Piquet de grève à l’aube" {
		t.Errorf("public page: %q", h1)
	}
	do(t, ctx, chromedp.Navigate(m.URL()+"/fr/"), chromedp.WaitVisible(chromedp.CSS("main")))
	if !strings.Contains(eval[string](t, ctx, `document.querySelector("main").textContent`), "Piquet de grève") {
		t.Error("the home page does not list the new article")
	}
}

// Two editors save the same article: the second sees both versions, merges, and saves.
func TestBrowserNewsroomConflict(t *testing.T) {
	t.Parallel()
	m, _ := startServe(t, "20")
	newsroomUser(t, m, auth.RoleEditor, "anne@example.org", "fr", "")
	newsroomUser(t, m, auth.RoleEditor, "bart@example.org", "nl", "")
	one := newBrowser(t)
	do(t, one, chromedp.EmulateViewport(1280, 900))
	signInBrowser(t, one, m.URL(), "anne@example.org", "")
	two, cancel := chromedp.NewContext(one, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	do(t, two, chromedp.EmulateViewport(1280, 900))
	signInBrowser(t, two, m.URL(), "bart@example.org", "")

	do(t, one, chromedp.Navigate(m.URL()+"/newsroom/articles/new"), chromedp.WaitVisible(chromedp.CSS("#f-title")),
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Texte commun"), chromedp.SendKeys(chromedp.CSS("#f-body"), "Première ligne."),
		chromedp.Click(chromedp.CSS("#save")))
	id := articleID(t, one)
	do(t, two, chromedp.Navigate(m.URL()+"/newsroom/articles/"+id), chromedp.WaitVisible(chromedp.CSS("#f-body")))
	appendText(t, one, "#f-body", "\nAjout d'Anne.")
	do(t, one, chromedp.Click(chromedp.CSS("#save")))
	waitPath(t, one, "/newsroom/articles/"+id+"?done=saved")
	appendText(t, two, "#f-body", "\nToevoeging van Bart.")
	do(t, two, chromedp.Click(chromedp.CSS("#save")), chromedp.WaitVisible(chromedp.CSS(".versions")))
	if theirs := eval[string](t, two, `document.querySelector("#theirs-body").textContent`); !strings.Contains(theirs, "Ajout d'Anne") {
		t.Errorf("their version: %q", theirs)
	}
	if mine := eval[string](t, two, `document.querySelector("#f-body").value`); !strings.Contains(mine, "Toevoeging van Bart") {
		t.Errorf("my version: %q", mine)
	}
	screenshot(t, two, "newsroom-conflict-nl-1280")
	narrowCheck(t, two, "newsroom-conflict-nl")
	// Merge by taking Anne's line into Bart's version, then save deliberately.
	do(t, two, chromedp.SetValue(chromedp.CSS("#f-body"), "Première ligne.\nAjout d'Anne.\nToevoeging van Bart."),
		chromedp.Click(chromedp.CSS("#save")))
	waitPath(t, two, "/newsroom/articles/"+id+"?done=saved")
	if body := eval[string](t, two, `document.querySelector("#f-body").value`); body != "Première ligne.\nAjout d'Anne.\nToevoeging van Bart." {
		t.Errorf("merged body: %q", body)
	}
}

// A draft being edited when the session ends survives: signing in again saves it and
// returns to it with the text intact.
func TestBrowserNewsroomDraftSurvivesSessionExpiry(t *testing.T) {
	t.Parallel()
	m, _ := startServe(t, "20")
	u := newsroomUser(t, m, auth.RoleContributor, "camille@example.org", "fr", "")
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 900))
	signInBrowser(t, ctx, m.URL(), u.Email, "")
	do(t, ctx, chromedp.Navigate(m.URL()+"/newsroom/articles/new"), chromedp.WaitVisible(chromedp.CSS("#f-title")),
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Compte rendu"), chromedp.SendKeys(chromedp.CSS("#f-body"), "Début."),
		chromedp.Click(chromedp.CSS("#save")))
	id := articleID(t, ctx)
	appendText(t, ctx, "#f-body", "\nÉcrit pendant que la session expirait.")
	// The session ends on the server, as after a day without use.
	if err := m.store.DeleteUserSessions(context.Background(), u.ID, ""); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#save")), chromedp.WaitVisible(chromedp.CSS("#f-password")))
	// Nobody is signed in any more: the page speaks the browser's language.
	if alert := eval[string](t, ctx, `document.querySelector(".alert").textContent`); !strings.Contains(alert, "kept") {
		t.Errorf("sign-in page message: %q", alert)
	}
	screenshot(t, ctx, "newsroom-expired-fr-1280")
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#f-email"), u.Email), chromedp.SendKeys(chromedp.CSS("#f-password"), newsroomPassword),
		chromedp.Click(chromedp.CSS("form button.primary")))
	waitPath(t, ctx, "/newsroom/articles/"+id+"?done=saved")
	want := "Début.\nÉcrit pendant que la session expirait."
	if body := eval[string](t, ctx, `document.querySelector("#f-body").value`); body != want {
		t.Errorf("body after signing in again: %q", body)
	}
	a, err := m.store.ArticleByID(context.Background(), mustAtoi(t, id))
	if err != nil || a.Body != want {
		t.Errorf("stored body: %q, %v", a.Body, err)
	}
}

// The newsroom's main pages fit a 360 px screen, in French and in Dutch.
func TestBrowserNewsroomNarrowPages(t *testing.T) {
	t.Parallel()
	m, _ := startServe(t, "40", "--demo-pictures", "1")
	newsroomUser(t, m, auth.RoleAdmin, "admin-fr@example.org", "fr", "")
	newsroomUser(t, m, auth.RoleAdmin, "admin-nl@example.org", "nl", "")
	pages := []string{"/newsroom/articles", "/newsroom/articles/new", "/newsroom/trash", "/newsroom/users", "/newsroom/settings",
		"/newsroom/audit", "/newsroom/sections", "/newsroom/dossiers", "/newsroom/people/new", "/newsroom/redirects", "/newsroom/jobs",
		"/newsroom/photos", "/newsroom/photos/upload", "/newsroom/photos/1"}
	for _, lang := range []string{"fr", "nl"} {
		ctx := newBrowser(t)
		do(t, ctx, chromedp.EmulateViewport(1280, 900))
		signInBrowser(t, ctx, m.URL(), "admin-"+lang+"@example.org", "")
		for _, p := range pages {
			do(t, ctx, chromedp.Navigate(m.URL()+p), chromedp.WaitVisible(chromedp.CSS("main h1")))
			if got := eval[string](t, ctx, `document.documentElement.lang`); got != lang {
				t.Errorf("%s: lang %q", p, got)
			}
			name := "newsroom" + strings.ReplaceAll(p[len("/newsroom"):], "/", "-") + "-" + lang
			screenshot(t, ctx, name+"-1280")
			narrowCheck(t, ctx, name)
		}
	}
}

// appendText types at the end of a field, as a writer carrying on does.
func appendText(t *testing.T, ctx context.Context, selector, text string) {
	t.Helper()
	eval[bool](t, ctx, `(() => { const el = document.querySelector(`+"`"+selector+"`"+`); el.focus();
		el.setSelectionRange(el.value.length, el.value.length); return true })()`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(selector), text))
}

func mustAtoi(t *testing.T, s string) int64 {
	t.Helper()
	var n int64
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("not a number: %q", s)
		}
		n = n*10 + int64(c-'0')
	}
	return n
}
