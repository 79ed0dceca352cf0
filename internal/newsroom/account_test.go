package newsroom

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

func TestAccountLanguagePasswordAndSessions(t *testing.T) {
	e := newEnv(t)
	c, u := e.as(auth.RoleContributor)
	other := e.client()
	other.header = http.Header{"User-Agent": {"Mozilla/5.0 (Android 14) Firefox/130.0"}}
	other.signIn(u.Email)
	p := c.get("/newsroom/account").want(t, http.StatusOK)
	if n := p.count(t, "table.sessions tbody tr"); n != 2 || !strings.Contains(p.text(t, "table.sessions"), "Firefox · Android") {
		t.Errorf("sessions listed: %d: %q", n, p.text(t, "table.sessions"))
	}
	// The language follows the person.
	c.post("/newsroom/account/language", url.Values{"lang": {"nl"}}).wantRedirect(t, "/newsroom/account")
	if got := c.get("/newsroom/account").text(t, "h1"); got != "Mijn account" {
		t.Errorf("heading in Dutch: %q", got)
	}
	// Revoking the other browser.
	p = c.get("/newsroom/account")
	var hash string
	for _, in := range p.all(t, `table.sessions input[name="session"]`) {
		if h := attrOf(in, "value"); h != auth.HashToken(c.cookie) {
			hash = h
		}
	}
	c.post("/newsroom/account/sessions/revoke", url.Values{"session": {hash}}).want(t, http.StatusSeeOther)
	other.get("/newsroom/articles").wantRedirect(t, "/newsroom/signin")
	// Someone else's session cannot be revoked from here.
	ed, edu := e.as(auth.RoleEditor)
	c.post("/newsroom/account/sessions/revoke", url.Values{"session": {auth.HashToken(ed.cookie)}}).want(t, http.StatusNotFound)
	if s, _ := e.store.UserSessions(context.Background(), edu.ID, e.clock.Now()); len(s) != 1 {
		t.Error("another person's session was revoked")
	}
	// Changing the password needs the current one, and signs out the other sessions.
	other.signIn(u.Email)
	p = c.post("/newsroom/account/password", url.Values{"current": {"wrong"}, "password": {"a brand new passphrase"}, "password2": {"a brand new passphrase"}}).
		want(t, http.StatusUnprocessableEntity)
	if p.text(t, "#f-current-error") == "" {
		t.Error("no message for a wrong current password")
	}
	c.post("/newsroom/account/password", url.Values{"current": {testPassword}, "password": {"a brand new passphrase"}, "password2": {"a brand new passphrase"}}).
		wantRedirect(t, "/newsroom/account")
	other.get("/newsroom/articles").wantRedirect(t, "/newsroom/signin")
	c.get("/newsroom/articles").want(t, http.StatusOK)
	if got := e.audit(store.AuditQuery{Action: "password.change"}); len(got) != 1 {
		t.Errorf("audit: %+v", got)
	}
}

var linkRe = regexp.MustCompile(`http://news\.example\.org(/newsroom/reset/[A-Za-z0-9_-]+)`)

func TestInviteSetPasswordAndSignIn(t *testing.T) {
	e := newEnv(t)
	admin, _ := e.as(auth.RoleAdmin)
	admin.get("/newsroom/users/new").want(t, http.StatusOK)
	admin.post("/newsroom/users", url.Values{"name": {"Jan"}, "email": {"not an address"}, "role": {"editor"}, "lang": {"nl"}}).
		want(t, http.StatusUnprocessableEntity)
	p := admin.post("/newsroom/users", url.Values{"name": {"Jan"}, "email": {"Jan@Example.org"}, "role": {"editor"}, "lang": {"nl"}}).
		want(t, http.StatusOK)
	if p.count(t, ".notice") != 1 {
		t.Error("the page does not say the link was sent")
	}
	mails := e.mail.wait(t, 1)
	if mails[0].to != "jan@example.org" || !strings.Contains(mails[0].subject, "redactie") {
		t.Errorf("mail: %+v", mails[0])
	}
	link := linkRe.FindStringSubmatch(mails[0].body)
	if link == nil {
		t.Fatalf("no link in %q", mails[0].body)
	}
	admin.post("/newsroom/users", url.Values{"name": {"Jan"}, "email": {"jan@example.org"}, "role": {"editor"}, "lang": {"nl"}}).
		want(t, http.StatusUnprocessableEntity)
	jan := e.client()
	jan.get(link[1]).want(t, http.StatusOK)
	jan.post(link[1], url.Values{"password": {"jan kiest een wachtwoord"}, "password2": {"jan kiest een ander"}}).
		want(t, http.StatusUnprocessableEntity)
	jan.post(link[1], url.Values{"password": {"jan kiest een wachtwoord"}, "password2": {"jan kiest een wachtwoord"}}).
		wantRedirect(t, "/newsroom/signin?done=reset")
	jan.post(link[1], url.Values{"password": {"jan kiest een wachtwoord"}, "password2": {"jan kiest een wachtwoord"}}).
		want(t, http.StatusGone)
	jan.post("/newsroom/signin", url.Values{"email": {"jan@example.org"}, "password": {"jan kiest een wachtwoord"}}).want(t, http.StatusSeeOther)
	if got := jan.get("/newsroom/articles").text(t, "h1"); got != "Artikels" {
		t.Errorf("Jan's newsroom is not in Dutch: %q", got)
	}
}

// Without a mail server the admin is shown the link to hand over.
func TestResetLinkWithoutMail(t *testing.T) {
	e := newEnv(t)
	e.srv.cfg.Mailer = nil
	admin, _ := e.as(auth.RoleAdmin)
	ed, edu := e.as(auth.RoleEditor)
	p := admin.post(userPath(edu.ID)+"/reset-link", nil).want(t, http.StatusOK)
	link := p.text(t, "#password-link")
	if !strings.HasPrefix(link, "http://news.example.org/newsroom/reset/") {
		t.Fatalf("link %q", link)
	}
	e.client().post(strings.TrimPrefix(link, "http://news.example.org"), url.Values{"password": {"another fine passphrase"}, "password2": {"another fine passphrase"}}).
		wantRedirect(t, "/newsroom/signin")
	ed.get("/newsroom/articles").wantRedirect(t, "/newsroom/signin") // reset signs out everywhere
	if got := e.audit(store.AuditQuery{Action: "user.reset_link"}); len(got) != 1 {
		t.Errorf("audit: %+v", got)
	}
	if p := e.client().get("/newsroom/forgot"); p.count(t, "form") != 0 {
		t.Error("the forgot form is offered without a way to send mail")
	}
}

// "Forgot my password" answers the same for every address and mails only real accounts.
func TestForgotPassword(t *testing.T) {
	e := newEnv(t)
	u := e.user(auth.RoleEditor, "ed@example.org")
	known := e.client().post("/newsroom/forgot", url.Values{"email": {"ed@example.org"}}).want(t, http.StatusOK)
	unknown := e.client().post("/newsroom/forgot", url.Values{"email": {"nobody@example.org"}}).want(t, http.StatusOK)
	if known.text(t, "main") != unknown.text(t, "main") {
		t.Error("the answers differ")
	}
	mails := e.mail.wait(t, 1)
	if mails[0].to != u.Email || linkRe.FindString(mails[0].body) == "" {
		t.Errorf("mail: %+v", mails)
	}
	// The link expires after an hour.
	e.clock.Advance(61 * 60 * 1e9)
	link := linkRe.FindStringSubmatch(mails[0].body)[1]
	e.client().post(link, url.Values{"password": {"too late for this"}, "password2": {"too late for this"}}).want(t, http.StatusGone)
}

func TestAdminManagesAccounts(t *testing.T) {
	e := newEnv(t)
	admin, au := e.as(auth.RoleAdmin)
	con, cu := e.as(auth.RoleContributor)
	p := admin.get("/newsroom/users").want(t, http.StatusOK)
	if n := p.count(t, "table.users tbody tr"); n != 2 {
		t.Errorf("%d accounts listed", n)
	}
	admin.get(userPath(cu.ID)).want(t, http.StatusOK)
	admin.post(userPath(cu.ID)+"/role", url.Values{"role": {"editor"}}).wantRedirect(t, userPath(cu.ID))
	con.get("/newsroom/trash").want(t, http.StatusOK) // an editor now
	if got := e.audit(store.AuditQuery{Action: "user.role"}); len(got) != 1 || got[0].Detail != "contributor → editor" || got[0].UserID != au.ID {
		t.Errorf("audit: %+v", got)
	}
	admin.post(userPath(cu.ID)+"/role", url.Values{"role": {"emperor"}}).want(t, http.StatusBadRequest)
	admin.post(userPath(au.ID)+"/role", url.Values{"role": {"contributor"}}).want(t, http.StatusForbidden)
	admin.post(userPath(au.ID)+"/disable", nil).want(t, http.StatusForbidden)
	admin.post(userPath(cu.ID)+"/disable", nil).want(t, http.StatusSeeOther)
	con.get("/newsroom/articles").wantRedirect(t, "/newsroom/signin")
	e.client().post("/newsroom/signin", url.Values{"email": {cu.Email}, "password": {testPassword}}).want(t, http.StatusUnauthorized)
	admin.post(userPath(cu.ID)+"/enable", nil).want(t, http.StatusSeeOther)
	con.signIn(cu.Email)
	admin.post(userPath(cu.ID)+"/signout", nil).want(t, http.StatusSeeOther)
	con.get("/newsroom/articles").wantRedirect(t, "/newsroom/signin")
	admin.get(userPath(9999)).want(t, http.StatusNotFound)
	for _, a := range []string{"user.disable", "user.enable", "user.signout"} {
		if len(e.audit(store.AuditQuery{Action: a})) != 1 {
			t.Errorf("no %s in the audit log", a)
		}
	}
}

func TestSettings(t *testing.T) {
	e := newEnv(t)
	admin, _ := e.as(auth.RoleAdmin)
	p := admin.get("/newsroom/settings").want(t, http.StatusOK)
	if p.attr(t, "#f-timezone", "value") != "Europe/Brussels" {
		t.Error("the time zone is not shown")
	}
	bad := url.Values{"name": {"Le Stencil"}, "timezone": {"Mars/Olympus"}, "tagline.fr": {"Journal de lutte"}}
	p = admin.post("/newsroom/settings", bad).want(t, http.StatusUnprocessableEntity)
	if p.text(t, "#f-timezone-error") == "" || p.attr(t, "#f-tagline-fr", "value") != "Journal de lutte" {
		t.Error("a bad zone is not explained, or the form lost what was typed")
	}
	good := url.Values{"name": {"Le Stencil"}, "timezone": {"Europe/Paris"}, "tagline.fr": {"Journal de lutte !"}, "require_2fa": {"1"}}
	admin.post("/newsroom/settings", good).wantRedirect(t, "/newsroom/settings")
	site := e.site()
	if site.Name != "Le Stencil" || site.Location.String() != "Europe/Paris" || !site.RequireSecondFactor || site.Taglines["fr"] != "Journal de lutte\u202f!" {
		t.Errorf("settings: %+v", site)
	}
	if got := e.audit(store.AuditQuery{Action: "settings"}); len(got) != 1 || !strings.Contains(got[0].Detail, "Europe/Paris") {
		t.Errorf("audit: %+v", got)
	}
}

func TestAuditLogFilters(t *testing.T) {
	e := newEnv(t)
	admin, au := e.as(auth.RoleAdmin)
	ed, _ := e.as(auth.RoleEditor)
	ed.create(t, form("Un", "x"))
	e.client().post("/newsroom/signin", url.Values{"email": {"x@example.org"}, "password": {"nope nope nope"}})
	p := admin.get("/newsroom/audit").want(t, http.StatusOK)
	if n := p.count(t, "table.audit tbody tr"); n != 4 {
		t.Errorf("%d entries, want 4 (two sign-ins, a failure, a creation)", n)
	}
	if n := admin.get("/newsroom/audit?action=article.").count(t, "table.audit tbody tr"); n != 1 {
		t.Errorf("article entries: %d", n)
	}
	if n := admin.get("/newsroom/audit?action=signin").count(t, "table.audit tbody tr"); n != 2 {
		t.Errorf("sign-ins: %d", n)
	}
	if n := admin.get("/newsroom/audit?user="+idString(au.ID)).count(t, "table.audit tbody tr"); n != 1 {
		t.Errorf("the admin's entries: %d", n)
	}
	if n := admin.get("/newsroom/audit?since=2026-11-26").count(t, "table.audit tbody tr"); n != 0 {
		t.Errorf("entries since tomorrow: %d", n)
	}
	if n := admin.get("/newsroom/audit?before=2026-11-25").count(t, "table.audit tbody tr"); n != 4 {
		t.Errorf("entries up to today: %d", n)
	}
	admin.get("/newsroom/audit?since=yesterday").want(t, http.StatusBadRequest)
	admin.get("/newsroom/audit?action=drop+table").want(t, http.StatusBadRequest)
	// Nothing in the newsroom changes the log: no route but GET reaches it.
	admin.post("/newsroom/audit", nil).want(t, http.StatusNotFound)
	ed.get("/newsroom/audit").want(t, http.StatusForbidden)
}
