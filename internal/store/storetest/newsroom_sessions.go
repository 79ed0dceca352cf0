package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

func testSessions(t *testing.T, e *env) {
	ctx := t.Context()
	ana := mustUser(t, e.st, "ana@example.org", "Ana", auth.RoleEditor)
	bob := mustUser(t, e.st, "bob@example.org", "Bob", auth.RoleEditor)
	now := e.now()
	session := func(hash string, user int64, seen time.Duration) store.Session {
		return store.Session{Hash: hash, UserID: user, CreatedAt: now.Add(-2 * time.Hour), LastSeen: now.Add(seen),
			ExpiresAt: now.Add(seen + 12*time.Hour), UserAgent: "Firefox " + hash}
	}
	create := func(s store.Session) {
		t.Helper()
		if err := e.st.CreateSession(ctx, s); err != nil {
			t.Fatalf("CreateSession(%s): %v", s.Hash, err)
		}
	}
	a1, a2, b1 := session("a1", ana.ID, -time.Hour), session("a2", ana.ID, -time.Minute), session("b1", bob.ID, 0)
	for _, s := range []store.Session{a1, a2, b1} {
		create(s)
	}
	got, err := e.st.SessionByHash(ctx, "a1", now)
	if err != nil {
		t.Fatalf("SessionByHash: %v", err)
	}
	checkEqual(t, "session read back", got, a1)
	checkErr(t, "duplicate hash", e.st.CreateSession(ctx, a1), store.ErrConflict)
	_, err = e.st.SessionByHash(ctx, "a1", a1.ExpiresAt)
	checkErr(t, "session at its expiry", err, store.ErrNotFound)
	_, err = e.st.SessionByHash(ctx, "unknown", now)
	checkErr(t, "unknown session", err, store.ErrNotFound)

	// Activity moves the expiry; the second factor is remembered.
	later := now.Add(20 * time.Hour)
	if err := e.st.TouchSession(ctx, "a1", now, later); err != nil {
		t.Fatalf("TouchSession: %v", err)
	}
	if err := e.st.SetSecondFactor(ctx, "a1"); err != nil {
		t.Fatalf("SetSecondFactor: %v", err)
	}
	got, err = e.st.SessionByHash(ctx, "a1", a1.ExpiresAt)
	if err != nil {
		t.Fatalf("SessionByHash after touch: %v", err)
	}
	checkTime(t, "LastSeen after touch", got.LastSeen, now)
	checkTime(t, "ExpiresAt after touch", got.ExpiresAt, later)
	checkEqual(t, "second factor", got.SecondFactor, true)
	checkErr(t, "TouchSession(unknown)", e.st.TouchSession(ctx, "unknown", now, later), store.ErrNotFound)
	checkErr(t, "SetSecondFactor(unknown)", e.st.SetSecondFactor(ctx, "unknown"), store.ErrNotFound)

	checkEqual(t, "Ana's sessions, most recently used first", sessionHashes(t, e, ana.ID, now), []string{"a1", "a2"})
	checkEqual(t, "Ana's sessions once a2 expired", sessionHashes(t, e, ana.ID, a2.ExpiresAt), []string{"a1"})

	// Signing out everywhere else keeps the current session and other people's.
	create(session("a3", ana.ID, 0))
	if err := e.st.DeleteUserSessions(ctx, ana.ID, "a2"); err != nil {
		t.Fatalf("DeleteUserSessions: %v", err)
	}
	checkEqual(t, "Ana's sessions after signing out elsewhere", sessionHashes(t, e, ana.ID, now), []string{"a2"})
	checkEqual(t, "Bob's sessions", sessionHashes(t, e, bob.ID, now), []string{"b1"})
	if err := e.st.DeleteUserSessions(ctx, bob.ID, ""); err != nil {
		t.Fatalf("DeleteUserSessions(all): %v", err)
	}
	checkEqual(t, "Bob's sessions after signing out everywhere", sessionHashes(t, e, bob.ID, now), []string{})
	for range 2 {
		if err := e.st.DeleteSession(ctx, "a2"); err != nil {
			t.Fatalf("DeleteSession: %v", err)
		}
	}
	_, err = e.st.SessionByHash(ctx, "a2", now)
	checkErr(t, "deleted session", err, store.ErrNotFound)

	// Sessions that expired before the store's clock go when a new one is made.
	old := session("old", ana.ID, -48*time.Hour)
	create(old)
	create(session("new", ana.ID, 0))
	_, err = e.st.SessionByHash(ctx, "old", old.LastSeen)
	checkErr(t, "expired session after a new sign-in", err, store.ErrNotFound)
}

func sessionHashes(tb testing.TB, e *env, userID int64, now time.Time) []string {
	tb.Helper()
	ss, err := e.st.UserSessions(tb.Context(), userID, now)
	if err != nil {
		tb.Fatalf("UserSessions: %v", err)
	}
	hashes := []string{}
	for _, s := range ss {
		hashes = append(hashes, s.Hash)
	}
	return hashes
}

func testTokens(t *testing.T, e *env) {
	ctx := t.Context()
	ana := mustUser(t, e.st, "ana@example.org", "Ana", auth.RoleAdmin)
	now := e.now()
	setup := store.Token{Hash: "s", Purpose: "setup", CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	reset := store.Token{Hash: "r", Purpose: "reset", UserID: ana.ID, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	for _, tok := range []store.Token{setup, reset} {
		if err := e.st.CreateToken(ctx, tok); err != nil {
			t.Fatalf("CreateToken(%s): %v", tok.Purpose, err)
		}
	}
	_, err := e.st.UseToken(ctx, "r", "setup", now)
	checkErr(t, "token of another purpose", err, store.ErrNotFound)
	_, err = e.st.UseToken(ctx, "r", "reset", reset.ExpiresAt)
	checkErr(t, "token at its expiry", err, store.ErrNotFound)
	got, err := e.st.UseToken(ctx, "r", "reset", now)
	if err != nil {
		t.Fatalf("UseToken: %v", err)
	}
	checkEqual(t, "token", got, reset)
	_, err = e.st.UseToken(ctx, "r", "reset", now)
	checkErr(t, "token used twice", err, store.ErrNotFound)

	// Used from several places at once, a token works once.
	var mu sync.Mutex
	var wins int
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if tok, err := e.st.UseToken(ctx, "s", "setup", now); err == nil && tok.UserID == 0 {
				mu.Lock()
				wins++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	checkEqual(t, "concurrent uses that succeeded", wins, 1)

	// Expired tokens go when a new one is made.
	expired := store.Token{Hash: "x", Purpose: "reset", UserID: ana.ID, CreatedAt: now.Add(-2 * time.Hour), ExpiresAt: now.Add(-time.Hour)}
	if err := e.st.CreateToken(ctx, expired); err != nil {
		t.Fatalf("CreateToken(expired): %v", err)
	}
	if err := e.st.CreateToken(ctx, store.Token{Hash: "y", Purpose: "reset", UserID: ana.ID, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
		t.Fatalf("CreateToken: %v", err)
	}
	_, err = e.st.UseToken(ctx, "x", "reset", expired.CreatedAt)
	checkErr(t, "expired token after a new one", err, store.ErrNotFound)
}
