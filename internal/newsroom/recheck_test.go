package newsroom

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

// The password typed again by someone signed in — to change it, to remove the second
// factor — is guessed no faster than at the sign-in form: the same limits per account
// and per address, the same message, every failure audited. Whoever holds a stolen
// session cookie gets five tries, not a dictionary.
func TestPasswordRecheckIsThrottled(t *testing.T) {
	for _, form := range []struct {
		name, path, field string
		values            url.Values
		enrol             bool
	}{
		{"password change", "/newsroom/account/password", "current",
			url.Values{"password": {"a brand new passphrase"}, "password2": {"a brand new passphrase"}}, false},
		{"second factor removal", "/newsroom/account/2fa/remove", "password", url.Values{}, true},
	} {
		t.Run(form.name, func(t *testing.T) {
			e := newEnv(t)
			c, u := e.as(auth.RoleEditor)
			if form.enrol {
				enrolSecondFactor(t, e, c)
			}
			try := func(password string) *page {
				v := url.Values{form.field: {password}}
				for k, vs := range form.values {
					v[k] = vs
				}
				return c.post(form.path, v)
			}
			for i := range accountLimit {
				p := try("guess number "+string(rune('a'+i))).want(t, http.StatusUnprocessableEntity)
				if got := p.text(t, "#f-"+form.field+"-error"); got != "This is not your password." {
					t.Fatalf("try %d: %q", i+1, got)
				}
			}
			// The right password now waits, with the sign-in form's words.
			p := try(testPassword).want(t, http.StatusTooManyRequests)
			if got, want := p.text(t, "#f-"+form.field+"-error"), "Too many attempts. For your safety, wait 15 minutes before trying again."; got != want {
				t.Errorf("throttled: %q, want %q", got, want)
			}
			// The same counters as signing in: the account is locked there too.
			e.client().post("/newsroom/signin", url.Values{"email": {u.Email}, "password": {testPassword}}).
				want(t, http.StatusTooManyRequests)
			failed := e.audit(store.AuditQuery{Action: "password.failed"})
			if len(failed) != accountLimit+1 {
				t.Fatalf("%d failures audited, want %d: %+v", len(failed), accountLimit+1, failed)
			}
			for _, f := range failed {
				if f.UserID != u.ID || !strings.HasPrefix(f.Detail, form.name) || strings.Contains(f.Detail, "guess") {
					t.Errorf("audit entry: %+v", f)
				}
			}
			if !strings.HasSuffix(failed[0].Detail, "throttled") {
				t.Errorf("the refused right password is not audited as throttled: %+v", failed[0])
			}
			// Once the window ends, the right password works.
			e.clock.Advance(limitWindow)
			try(testPassword).wantRedirect(t, "/newsroom/account")
		})
	}
}

// Failures from one address count together, whichever account is signed in there.
func TestPasswordRecheckCountsPerAddress(t *testing.T) {
	e := newEnv(t)
	c, _ := e.as(auth.RoleEditor)
	for i := range addressLimit {
		e.client().post("/newsroom/signin", url.Values{"email": {"nobody" + string(rune('a'+i)) + "@example.org"}, "password": {"guess"}}).
			want(t, http.StatusUnauthorized)
	}
	c.post("/newsroom/account/password", url.Values{"current": {"another guess"}, "password": {"a brand new passphrase"},
		"password2": {"a brand new passphrase"}}).want(t, http.StatusTooManyRequests)
}
