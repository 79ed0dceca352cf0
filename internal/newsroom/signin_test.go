package newsroom

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

// The set-up link creates the first admin once; no password exists before it.
func TestSetupLinkCreatesTheFirstAdminOnce(t *testing.T) {
	e := newEnv(t)
	link, err := SetupLink(context.Background(), e.store, "http://news.example.org", e.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	path := strings.TrimPrefix(link, "http://news.example.org")
	c := e.client()
	c.get(path).want(t, http.StatusOK)
	// A refused form uses nothing up.
	weak := url.Values{"name": {"Ada"}, "email": {"ada@example.org"}, "password": {"short"}, "password2": {"short"}, "lang": {"fr"}}
	p := c.post(path, weak).want(t, http.StatusUnprocessableEntity)
	if got := p.text(t, "#f-password-error"); !strings.Contains(got, "12") {
		t.Errorf("password problem: %q", got)
	}
	good := url.Values{"name": {"Ada"}, "email": {"Ada@Example.org"}, "password": {testPassword}, "password2": {testPassword}, "lang": {"fr"}}
	c.post(path, good).wantRedirect(t, "/newsroom/account")
	u, err := e.store.UserByEmail(context.Background(), "ada@example.org")
	if err != nil || u.Role != auth.RoleAdmin || u.Lang != "fr" {
		t.Fatalf("first admin: %+v, %v", u, err)
	}
	if c.cookie == "" {
		t.Error("the first admin is not signed in")
	}
	if got := e.audit(store.AuditQuery{Action: "user.create"}); len(got) != 1 || got[0].UserID != u.ID {
		t.Errorf("audit: %+v", got)
	}
	// The link is spent, and no new one can be made.
	e.client().post(path, good).want(t, http.StatusConflict)
	if _, err := SetupLink(context.Background(), e.store, "", e.clock.Now()); !errors.Is(err, ErrHasUsers) {
		t.Errorf("second set-up link: %v", err)
	}
}

func TestSetupLinkExpiresAfterADay(t *testing.T) {
	e := newEnv(t)
	link, _ := SetupLink(context.Background(), e.store, "", e.clock.Now())
	e.clock.Advance(25 * time.Hour)
	form := url.Values{"name": {"Ada"}, "email": {"ada@example.org"}, "password": {testPassword}, "password2": {testPassword}, "lang": {"en"}}
	e.client().post(link, form).want(t, http.StatusGone)
	if n, _ := e.store.CountUsers(context.Background()); n != 0 {
		t.Errorf("%d accounts after an expired link", n)
	}
}

// Wrong passwords and unknown addresses get the same answer; both are audited without
// the password.
func TestSignInDoesNotTellWhichAddressesExist(t *testing.T) {
	e := newEnv(t)
	u := e.user(auth.RoleEditor, "ed@example.org")
	wrong := e.client().post("/newsroom/signin", url.Values{"email": {"ed@example.org"}, "password": {"not the password"}})
	unknown := e.client().post("/newsroom/signin", url.Values{"email": {"nobody@example.org"}, "password": {"not the password"}})
	wrong.want(t, http.StatusUnauthorized)
	unknown.want(t, http.StatusUnauthorized)
	if a, b := wrong.text(t, ".alert"), unknown.text(t, ".alert"); a != b || a == "" {
		t.Errorf("messages differ: %q vs %q", a, b)
	}
	if wrong.attr(t, "#f-email", "value") != "ed@example.org" {
		t.Error("the typed address is not kept")
	}
	failed := e.audit(store.AuditQuery{Action: "signin.failed"})
	if len(failed) != 2 {
		t.Fatalf("failed sign-ins audited: %+v", failed)
	}
	for _, f := range failed {
		if strings.Contains(f.Detail+f.Actor+f.Target, "not the password") {
			t.Errorf("a password in the audit log: %+v", f)
		}
	}
	if failed[1].UserID != u.ID || failed[0].UserID != 0 || failed[0].Actor != "nobody@example.org" {
		t.Errorf("audit entries: %+v", failed)
	}
}

func TestSignInAndOut(t *testing.T) {
	e := newEnv(t)
	u := e.user(auth.RoleContributor, "con@example.org")
	c := e.client()
	c.get("/newsroom/articles").wantRedirect(t, "/newsroom/signin?next=%2Fnewsroom%2Farticles")
	p := c.post("/newsroom/signin", url.Values{"email": {"CON@example.org "}, "password": {testPassword}, "next": {"/newsroom/articles"}})
	p.wantRedirect(t, "/newsroom/articles")
	ck := p.Cookies()[0]
	if !ck.HttpOnly || ck.Path != "/newsroom/" || ck.SameSite != http.SameSiteLaxMode || ck.Secure || len(ck.Value) < 40 {
		t.Errorf("cookie: %+v", ck)
	}
	if got := e.audit(store.AuditQuery{Action: "signin"}); len(got) != 1 || got[0].UserID != u.ID {
		t.Errorf("audit: %+v", got)
	}
	sessions, _ := e.store.UserSessions(context.Background(), u.ID, e.clock.Now())
	if len(sessions) != 1 || sessions[0].Hash == c.cookie || sessions[0].Hash != auth.HashToken(c.cookie) {
		t.Fatalf("sessions: %+v", sessions)
	}
	// "next" cannot send anyone to another site.
	e.client().post("/newsroom/signin", url.Values{"email": {u.Email}, "password": {testPassword}, "next": {"https://evil.example/newsroom/"}}).
		wantRedirect(t, "/newsroom/")
	c.post("/newsroom/signout", nil).wantRedirect(t, "/newsroom/signin")
	if c.cookie != "" {
		t.Error("the cookie survives signing out")
	}
	if sessions, _ := e.store.UserSessions(context.Background(), u.ID, e.clock.Now()); len(sessions) != 1 {
		t.Errorf("signing out ended %d sessions, want only its own", 2-len(sessions))
	}
}

// Five failures lock an account for the window, even for the right password; twenty
// lock an address, whatever the account.
func TestSignInThrottle(t *testing.T) {
	e := newEnv(t)
	e.user(auth.RoleEditor, "ed@example.org")
	c := e.client()
	wrong := url.Values{"email": {"ed@example.org"}, "password": {"wrong password!"}}
	right := url.Values{"email": {"ed@example.org"}, "password": {testPassword}}
	c.post("/newsroom/signin", right).want(t, http.StatusSeeOther) // successes do not count
	for i := 0; i < accountLimit; i++ {
		c.post("/newsroom/signin", wrong).want(t, http.StatusUnauthorized)
	}
	p := c.post("/newsroom/signin", right).want(t, http.StatusTooManyRequests)
	if !strings.Contains(p.text(t, ".alert"), "15 minutes") {
		t.Errorf("throttled message: %q", p.text(t, ".alert"))
	}
	// Another address is locked out of this account too: the limit is the account's.
	other := e.client()
	other.addr = "198.51.100.7:1000"
	other.post("/newsroom/signin", right).want(t, http.StatusTooManyRequests)
	e.clock.Advance(limitWindow)
	other.post("/newsroom/signin", right).want(t, http.StatusSeeOther)

	// An address that tries many accounts.
	spray := e.client()
	spray.addr = "203.0.113.9:5555"
	for i := 0; i < addressLimit; i++ {
		spray.post("/newsroom/signin", url.Values{"email": {fmt.Sprintf("n%d@example.org", i)}, "password": {"guess guess guess"}}).
			want(t, http.StatusUnauthorized)
	}
	spray.post("/newsroom/signin", right).want(t, http.StatusTooManyRequests)
	if got := e.audit(store.AuditQuery{Action: "signin.failed"}); got[0].Detail != "throttled" {
		t.Errorf("last audit entry: %+v", got[0])
	}
}

// Sessions end after a day unused and after thirty days whatever happens; using one
// moves its idle end.
func TestSessionLifetimes(t *testing.T) {
	e := newEnv(t)
	c, _ := e.as(auth.RoleEditor)
	for i := 0; i < 3; i++ {
		e.clock.Advance(20 * time.Hour)
		c.get("/newsroom/").wantRedirect(t, "/newsroom/articles")
	}
	e.clock.Advance(25 * time.Hour)
	c.get("/newsroom/").wantRedirect(t, "/newsroom/signin")

	c.signIn("editor@example.org")
	for i := 0; i < 40; i++ {
		e.clock.Advance(18 * time.Hour)
		if p := c.get("/newsroom/"); strings.HasPrefix(p.Header.Get("Location"), "/newsroom/signin") {
			if elapsed := time.Duration(i+1) * 18 * time.Hour; elapsed < 30*24*time.Hour {
				t.Fatalf("session ended after %v", elapsed)
			}
			return
		}
	}
	t.Fatal("a session used every day never ends")
}

func TestSecurityHeadersOnEveryAnswer(t *testing.T) {
	e := newEnv(t)
	c, _ := e.as(auth.RoleAdmin)
	for _, p := range []*page{c.get("/newsroom/signin"), c.get("/newsroom/nothing-here"), e.client().get("/newsroom/")} {
		h := p.Header
		if !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") ||
			strings.Contains(h.Get("Content-Security-Policy"), "unsafe-inline") ||
			h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "same-origin" ||
			h.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: headers %v", p.Request.URL, h)
		}
	}
}

// A form posted from another site is refused with a page that says so, in the person's
// language, and changes nothing.
func TestCrossOriginFormsAreRefused(t *testing.T) {
	e := newEnv(t)
	c, u := e.as(auth.RoleAdmin)
	c.header = http.Header{"Sec-Fetch-Site": {"cross-site"}}
	p := c.post("/newsroom/signout", nil).want(t, http.StatusForbidden)
	if got := p.text(t, "h1"); got != "Request refused" {
		t.Errorf("heading %q", got)
	}
	anon := e.client()
	anon.lang, anon.header = "fr-BE,fr;q=0.9", c.header
	if got := anon.post("/newsroom/signin", nil).want(t, http.StatusForbidden).text(t, "h1"); got != "Requête refusée" {
		t.Errorf("heading for a French browser %q", got)
	}
	if sessions, _ := e.store.UserSessions(context.Background(), u.ID, e.clock.Now()); len(sessions) != 1 {
		t.Error("the forged sign-out ended the session")
	}
	c.header = http.Header{"Origin": {"https://evil.example"}}
	c.post("/newsroom/signout", nil).want(t, http.StatusForbidden)
}

// Behind a trusted reverse proxy the client's address comes from X-Forwarded-For, read
// from the right: what the client wrote itself is not believed.
func TestClientAddressBehindProxies(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("10.0.0.0/8")}
	for _, c := range []struct {
		peer, forwarded, want string
		trusted               []netip.Prefix
	}{
		{"198.51.100.7:1000", "", "198.51.100.7", trusted},
		{"198.51.100.7:1000", "203.0.113.1", "198.51.100.7", trusted}, // not a proxy: ignored
		{"127.0.0.1:1000", "203.0.113.1", "203.0.113.1", trusted},
		{"127.0.0.1:1000", "203.0.113.1", "127.0.0.1", nil}, // no proxy trusted
		{"127.0.0.1:1000", "6.6.6.6, 203.0.113.1, 10.1.2.3", "203.0.113.1", trusted},
		{"127.0.0.1:1000", "6.6.6.6, garbage, 10.1.2.3", "10.1.2.3", trusted},
		{"127.0.0.1:1000", "", "127.0.0.1", trusted},
		{"[::ffff:127.0.0.1]:1000", "2001:db8::1", "2001:db8::1", trusted},
	} {
		r := httptest.NewRequest("POST", "/newsroom/signin", nil)
		r.RemoteAddr = c.peer
		if c.forwarded != "" {
			r.Header.Set("X-Forwarded-For", c.forwarded)
		}
		if got := clientAddress(r, c.trusted); got != c.want {
			t.Errorf("peer %s, X-Forwarded-For %q: %s, want %s", c.peer, c.forwarded, got, c.want)
		}
	}
}
