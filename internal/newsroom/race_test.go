package newsroom

import (
	"context"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/store/sqlstore"
	"github.com/roneo/roneo/internal/store/storetest"
)

var backends = []struct {
	name string
	env  func(testing.TB) *env
}{{"sqlite", newEnv}, {"postgres", newPostgresEnv}}

// postAtOnce signs a fresh browser in with the password for each of n requests, then
// sends them all the same code at the same moment, and returns their statuses.
func postAtOnce(t *testing.T, e *env, u *auth.User, n int, code string) []int {
	t.Helper()
	clients := make([]*client, n)
	for i := range clients {
		clients[i] = e.client()
		clients[i].post("/newsroom/signin", url.Values{"email": {u.Email}, "password": {testPassword}}).
			wantRedirect(t, "/newsroom/signin/code")
	}
	statuses := make([]int, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, c := range clients {
		wg.Go(func() {
			<-start
			statuses[i] = c.post("/newsroom/signin/code", url.Values{"code": {code}}).StatusCode
		})
	}
	close(start)
	wg.Wait()
	return statuses
}

func signIns(statuses []int) (ok, refused int) {
	for _, s := range statuses {
		switch s {
		case http.StatusSeeOther:
			ok++
		case http.StatusUnauthorized:
			refused++
		}
	}
	return ok, refused
}

// Five browsers sending one recovery code, or one TOTP code, at the same moment: one
// signs in, the others are refused, and the replays are audited.
func TestOneCodeSignsInOnceWhenSentAtOnce(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) {
			e := backend.env(t)
			c, u := e.as(auth.RoleEditor)
			secret, codes := enrolSecondFactor(t, e, c)

			ok, refused := signIns(postAtOnce(t, e, u, 5, codes[0]))
			if ok != 1 || refused != 4 {
				t.Errorf("one recovery code sent five times at once: %d sign-ins, %d refused; want 1 and 4", ok, refused)
			}
			got, _ := e.store.User(context.Background(), u.ID)
			if len(got.RecoveryCodes) != auth.RecoveryCodeCount-1 {
				t.Errorf("%d recovery codes left, want %d", len(got.RecoveryCodes), auth.RecoveryCodeCount-1)
			}

			e.clock.Advance(limitWindow) // the replays counted as failures: a new window
			ok, refused = signIns(postAtOnce(t, e, u, 5, totpCode(t, secret, e.clock.Now())))
			if ok != 1 || refused != 4 {
				t.Errorf("one TOTP code sent five times at once: %d sign-ins, %d refused; want 1 and 4", ok, refused)
			}
			if n := len(e.audit(store.AuditQuery{Action: "signin"})); n != 3 { // enrolment's, and one per code
				t.Errorf("%d sign-ins audited, want 3", n)
			}

			// Two different recovery codes at once both work.
			e.clock.Advance(limitWindow)
			var wg sync.WaitGroup
			results := make([][]int, 2)
			for i, code := range codes[1:3] {
				d := e.client()
				d.post("/newsroom/signin", url.Values{"email": {u.Email}, "password": {testPassword}})
				wg.Go(func() { results[i] = []int{d.post("/newsroom/signin/code", url.Values{"code": {code}}).StatusCode} })
			}
			wg.Wait()
			for i, r := range results {
				if r[0] != http.StatusSeeOther {
					t.Errorf("recovery code %d used beside another: %d", i+2, r[0])
				}
			}
		})
	}
}

// hookStore runs a change of its own just before the first write transaction that
// follows arm: what another person does between a request's read and its write.
type hookStore struct {
	store.Store
	mu   sync.Mutex
	hook func()
}

func (h *hookStore) arm(fn func()) { h.mu.Lock(); h.hook = fn; h.mu.Unlock() }

func (h *hookStore) Update(ctx context.Context, fn func(store.Tx) error) error {
	h.mu.Lock()
	hook := h.hook
	h.hook = nil
	h.mu.Unlock()
	if hook != nil {
		hook()
	}
	return h.Store.Update(ctx, fn)
}

// An admin disables an account while its owner changes their language: the owner's
// change, decided on what their request read before, is a conflict and undoes nothing.
func TestStaleAccountChangeUndoesNothing(t *testing.T) {
	for _, backend := range []struct {
		name string
		open func(testing.TB, func() time.Time) (store.Store, error)
	}{
		{"sqlite", func(t testing.TB, clock func() time.Time) (store.Store, error) {
			return sqlstore.OpenSQLite(context.Background(), t.TempDir(), sqlstore.Options{Clock: clock})
		}},
		{"postgres", func(t testing.TB, clock func() time.Time) (store.Store, error) {
			return sqlstore.OpenPostgres(context.Background(), pgtest.URL(t), sqlstore.Options{Clock: clock})
		}},
	} {
		t.Run(backend.name, func(t *testing.T) {
			clock := storetest.NewClock(start)
			st, err := backend.open(t, clock.Now)
			if err != nil {
				t.Fatal(err)
			}
			hs := &hookStore{Store: st}
			e := newEnvOn(t, hs, clock)
			owner, u := e.as(auth.RoleContributor)
			admin, _ := e.as(auth.RoleAdmin)
			hs.arm(func() {
				admin.post(userPath(u.ID)+"/disable", nil).wantRedirect(t, userPath(u.ID))
			})
			owner.post("/newsroom/account/language", url.Values{"lang": {"fr"}}).want(t, http.StatusConflict)
			got, err := e.store.User(context.Background(), u.ID)
			if err != nil || !got.Disabled || got.Lang != u.Lang {
				t.Errorf("after the stale change: disabled %v, language %q (%v); want disabled, %q", got.Disabled, got.Lang, err, u.Lang)
			}
			owner.get("/newsroom/account").wantRedirect(t, "/newsroom/signin")
		})
	}
}
