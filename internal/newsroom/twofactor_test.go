package newsroom

import (
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base32"
	"encoding/binary"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

// totpCode computes the RFC 6238 code of secret at t, as an authenticator app does.
func totpCode(t testing.TB, secret string, at time.Time) string {
	t.Helper()
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.ToUpper(strings.ReplaceAll(secret, " ", "")))
	if err != nil {
		t.Fatal(err)
	}
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], uint64(at.Unix()/30))
	m := hmac.New(sha1.New, key)
	m.Write(msg[:])
	sum := m.Sum(nil)
	off := sum[len(sum)-1] & 0x0f
	n := binary.BigEndian.Uint32(sum[off:off+4]) & 0x7fffffff
	return fmt.Sprintf("%06d", n%1_000_000)
}

// enrolSecondFactor goes through the enrolment pages and returns the secret and the
// recovery codes.
func enrolSecondFactor(t *testing.T, e *env, c *client) (string, []string) {
	t.Helper()
	p := c.get("/newsroom/account/2fa").want(t, http.StatusOK)
	secret := p.text(t, "#secret")
	qr := c.get("/newsroom/account/2fa/qr.png").want(t, http.StatusOK)
	if qr.Header.Get("Content-Type") != "image/png" || !strings.HasPrefix(qr.body, "\x89PNG") {
		t.Fatalf("QR code: %s", qr.Header.Get("Content-Type"))
	}
	c.post("/newsroom/account/2fa", url.Values{"code": {"000000"}}).want(t, http.StatusUnprocessableEntity)
	before := c.cookie
	p = c.post("/newsroom/account/2fa", url.Values{"code": {totpCode(t, secret, e.clock.Now())}}).want(t, http.StatusOK)
	var codes []string
	for _, li := range p.all(t, "#recovery-codes li") {
		codes = append(codes, nodeText(li))
	}
	if len(codes) != auth.RecoveryCodeCount {
		t.Fatalf("%d recovery codes", len(codes))
	}
	if c.cookie == before || c.cookie == "" {
		t.Error("no new session ID after enrolment")
	}
	return secret, codes
}

func TestSecondFactorEnrolAndSignIn(t *testing.T) {
	e := newEnv(t)
	c, u := e.as(auth.RoleEditor)
	secret, codes := enrolSecondFactor(t, e, c)
	if got := e.audit(store.AuditQuery{Action: "2fa."}); len(got) != 1 || got[0].Action != "2fa.enable" {
		t.Errorf("audit: %+v", got)
	}
	c.post("/newsroom/signout", nil)

	// The password alone reaches only the code form.
	c.post("/newsroom/signin", url.Values{"email": {u.Email}, "password": {testPassword}, "next": {"/newsroom/trash"}}).
		wantRedirect(t, "/newsroom/signin/code?next=%2Fnewsroom%2Ftrash")
	pending := c.cookie
	c.get("/newsroom/trash").wantRedirect(t, "/newsroom/signin/code")
	if got := e.audit(store.AuditQuery{Action: "signin"}); len(got) != 1 {
		t.Errorf("a password alone was audited as a sign-in: %+v", got)
	}
	// The code accepted at enrolment cannot be replayed.
	c.post("/newsroom/signin/code", url.Values{"code": {totpCode(t, secret, e.clock.Now())}}).want(t, http.StatusUnauthorized)
	e.clock.Advance(30 * time.Second)
	c.post("/newsroom/signin/code", url.Values{"code": {totpCode(t, secret, e.clock.Now())}, "next": {"/newsroom/trash"}}).
		wantRedirect(t, "/newsroom/trash")
	if c.cookie == pending {
		t.Error("the session ID did not change after the second factor")
	}
	c.get("/newsroom/trash").want(t, http.StatusOK)

	// A recovery code works once.
	for i, want := range []int{http.StatusSeeOther, http.StatusUnauthorized} {
		d := e.client()
		d.post("/newsroom/signin", url.Values{"email": {u.Email}, "password": {testPassword}})
		if p := d.post("/newsroom/signin/code", url.Values{"code": {strings.ToUpper(codes[3])}}); p.StatusCode != want {
			t.Errorf("recovery code, use %d: %d", i+1, p.StatusCode)
		}
	}
	if got := e.audit(store.AuditQuery{Action: "signin"}); got[0].Detail != "recovery code" {
		t.Errorf("audit: %+v", got[0])
	}
}

func TestSecondFactorThrottle(t *testing.T) {
	e := newEnv(t)
	c, u := e.as(auth.RoleEditor)
	secret, _ := enrolSecondFactor(t, e, c)
	e.clock.Advance(time.Minute)
	d := e.client()
	d.post("/newsroom/signin", url.Values{"email": {u.Email}, "password": {testPassword}})
	for i := 0; i < codeLimit; i++ {
		d.post("/newsroom/signin/code", url.Values{"code": {"123456"}}).want(t, http.StatusUnauthorized)
	}
	d.post("/newsroom/signin/code", url.Values{"code": {totpCode(t, secret, e.clock.Now())}}).want(t, http.StatusTooManyRequests)
}

func TestSecondFactorRemove(t *testing.T) {
	e := newEnv(t)
	c, u := e.as(auth.RoleEditor)
	enrolSecondFactor(t, e, c)
	c.post("/newsroom/account/2fa/remove", url.Values{"password": {"not it at all"}}).want(t, http.StatusUnprocessableEntity)
	c.post("/newsroom/account/2fa/remove", url.Values{"password": {testPassword}}).wantRedirect(t, "/newsroom/account")
	if got, _ := e.store.User(context.Background(), u.ID); got.HasSecondFactor() || len(got.RecoveryCodes) != 0 {
		t.Errorf("still enrolled: %+v", got)
	}
}

// When the site requires a second factor, an account without one reaches only the
// enrolment pages.
func TestRequiredSecondFactor(t *testing.T) {
	e := newEnv(t)
	site := e.site()
	site.RequireSecondFactor = true
	e.update(func(tx store.Tx) error { return tx.PutSite(context.Background(), site) })
	c, _ := e.as(auth.RoleAdmin)
	c.get("/newsroom/articles").wantRedirect(t, "/newsroom/account/2fa")
	c.post("/newsroom/articles/new", url.Values{"title": {"x"}}).want(t, http.StatusForbidden)
	p := c.get("/newsroom/account/2fa").want(t, http.StatusOK)
	if p.count(t, ".warning") != 1 || p.count(t, ".nr-nav") != 0 {
		t.Error("the enrolment page does not say why, or offers the rest of the newsroom")
	}
	enrolSecondFactor(t, e, c)
	c.get("/newsroom/articles").want(t, http.StatusOK)
}

// An enrolment secret planted in the cookie by someone else does not verify.
func TestEnrolmentSecretIsBoundToTheSession(t *testing.T) {
	e := newEnv(t)
	attacker, _ := e.as(auth.RoleContributor)
	attacker.get("/newsroom/account/2fa")
	planted := attacker.jar[enrolCookie]
	victim, _ := e.as(auth.RoleEditor)
	victim.jar = map[string]string{enrolCookie: planted}
	p := victim.get("/newsroom/account/2fa").want(t, http.StatusOK)
	if strings.ReplaceAll(p.text(t, "#secret"), " ", "") == strings.Split(planted, ".")[0] {
		t.Error("the planted secret was offered for enrolment")
	}
}
