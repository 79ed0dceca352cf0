package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// newUser returns a valid account; tests change what they need.
func newUser(email, name string, role auth.Role) *auth.User {
	return &auth.User{Email: email, Name: name, Role: role, Lang: "fr",
		PasswordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"}
}

func mustUser(tb testing.TB, st store.Store, email, name string, role auth.Role) auth.User {
	tb.Helper()
	u := newUser(email, name, role)
	MustUpdate(tb, st, func(tx store.Tx) error { return tx.CreateUser(tb.Context(), u) })
	return *u
}

func testUsers(t *testing.T, e *env) {
	ctx := t.Context()
	if n, err := e.st.CountUsers(ctx); err != nil || n != 0 {
		t.Fatalf("CountUsers on an empty store = %d, %v; want 0", n, err)
	}
	person := mustPerson(t, e.st, "fanny")
	in := newUser("fanny@example.org", "Fanny", auth.RoleAdmin)
	in.TOTPSecret, in.TOTPLastStep, in.RecoveryCodes = "JBSWY3DPEHPK3PXP", 5812345, []string{"h1", "h2"}
	in.PersonID = person.ID
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.CreateUser(ctx, in) })
	if in.ID == 0 {
		t.Fatal("CreateUser did not set the ID")
	}
	checkTime(t, "CreatedAt", in.CreatedAt, e.now())
	checkTime(t, "UpdatedAt", in.UpdatedAt, e.now())
	got, err := e.st.User(ctx, in.ID)
	if err != nil {
		t.Fatalf("User: %v", err)
	}
	checkEqual(t, "user read back", got, *in)
	got, err = e.st.UserByEmail(ctx, "  Fanny@Example.ORG ")
	if err != nil {
		t.Fatalf("UserByEmail with another case and spaces: %v", err)
	}
	checkEqual(t, "user by e-mail", got.ID, in.ID)
	_, err = e.st.User(ctx, in.ID+100)
	checkErr(t, "User(unknown)", err, store.ErrNotFound)
	_, err = e.st.UserByEmail(ctx, "nobody@example.org")
	checkErr(t, "UserByEmail(unknown)", err, store.ErrNotFound)

	dan := mustUser(t, e.st, "dan@example.org", "Dan", auth.RoleEditor)
	emile := mustUser(t, e.st, "emile@example.org", "Émile", auth.RoleContributor)
	users, err := e.st.Users(ctx)
	if err != nil {
		t.Fatalf("Users: %v", err)
	}
	var ids []int64
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	checkEqual(t, "Users by name, accents ignored", ids, []int64{dan.ID, emile.ID, in.ID})
	checkEqual(t, "account without codes", users[0].RecoveryCodes, []string(nil))
	if n, err := e.st.CountUsers(ctx); err != nil || n != 3 {
		t.Errorf("CountUsers = %d, %v; want 3", n, err)
	}

	create := func(u *auth.User) error {
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.CreateUser(ctx, u) })
	}
	checkErr(t, "duplicate e-mail", create(newUser("dan@example.org", "Other Dan", auth.RoleEditor)), store.ErrConflict)
	checkErr(t, "e-mail not in lower case", create(newUser("Zoe@example.org", "Zoé", auth.RoleEditor)), content.ErrInvalid)
	checkErr(t, "unknown role", create(newUser("zoe@example.org", "Zoé", "boss")), content.ErrInvalid)
	checkErr(t, "no password", create(&auth.User{Email: "zoe@example.org", Name: "Zoé", Role: auth.RoleEditor, Lang: "fr"}), content.ErrInvalid)
	noPerson := newUser("zoe@example.org", "Zoé", auth.RoleEditor)
	noPerson.PersonID = 9999
	checkErr(t, "unknown person", create(noPerson), content.ErrInvalid)
	if n, _ := e.st.CountUsers(ctx); n != 3 {
		t.Errorf("CountUsers after failed creations = %d, want 3", n)
	}
	testUpdateUser(t, e, in, dan)
}

func testUpdateUser(t *testing.T, e *env, u *auth.User, other auth.User) {
	ctx := t.Context()
	created := u.CreatedAt
	read := *u
	e.clock.Advance(time.Hour)
	u.Email, u.Name, u.Role, u.Lang = "fanny.new@example.org", "Fanny N.", auth.RoleEditor, "nl"
	u.TOTPSecret, u.TOTPLastStep, u.RecoveryCodes, u.PersonID, u.Disabled = "", 0, nil, 0, true
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.UpdateUser(ctx, read, u) })
	checkTime(t, "UpdatedAt after update", u.UpdatedAt, e.now())
	checkTime(t, "CreatedAt after update", u.CreatedAt, created)
	got, err := e.st.User(ctx, u.ID)
	if err != nil {
		t.Fatalf("User: %v", err)
	}
	checkEqual(t, "updated user read back", got, *u)
	_, err = e.st.UserByEmail(ctx, "fanny@example.org")
	checkErr(t, "former e-mail", err, store.ErrNotFound)

	update := func(u auth.User) error {
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.UpdateUser(ctx, got, &u) })
	}
	taken := got
	taken.Email = other.Email
	checkErr(t, "update to a taken e-mail", update(taken), store.ErrConflict)
	invalid := got
	invalid.Name = ""
	checkErr(t, "update without a name", update(invalid), content.ErrInvalid)
	ghost := got
	ghost.ID, ghost.Email = got.ID+100, "ghost@example.org"
	err = e.st.Update(ctx, func(tx store.Tx) error { return tx.UpdateUser(ctx, ghost, &ghost) })
	checkErr(t, "update of an unknown account", err, store.ErrNotFound)
	checkErr(t, "update over another account's read", update(other), content.ErrInvalid)
	after, _ := e.st.User(ctx, u.ID)
	checkEqual(t, "user after failed updates", after, *u)
	t.Run("StaleUpdate", func(t *testing.T) { testStaleUserUpdate(t, e, mustReadUser(t, e, u.ID)) })
	t.Run("RecoveryCodeOnce", func(t *testing.T) { testRecoveryCodeOnce(t, e, mustReadUser(t, e, u.ID)) })
	t.Run("TOTPStepOnce", func(t *testing.T) { testTOTPStepOnce(t, e, mustReadUser(t, e, u.ID)) })
}

func mustReadUser(t *testing.T, e *env, id int64) auth.User {
	t.Helper()
	u, err := e.st.User(t.Context(), id)
	if err != nil {
		t.Fatalf("User(%d): %v", id, err)
	}
	return u
}

// An update decided on a stale read changes nothing: an admin disables the account
// while its owner, who read it before, changes their language. The owner's write is a
// conflict and the account stays disabled; so for every field of the read.
func testStaleUserUpdate(t *testing.T, e *env, u auth.User) {
	ctx := t.Context()
	owner := u // read by the owner's request
	admin := u // read by the admin's, at the same moment
	admin.Disabled = !u.Disabled
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.UpdateUser(ctx, u, &admin) })
	mine := owner
	mine.Lang = "en"
	err := e.st.Update(ctx, func(tx store.Tx) error { return tx.UpdateUser(ctx, owner, &mine) })
	checkErr(t, "update on a stale read", err, store.ErrConflict)
	got, _ := e.st.User(ctx, u.ID)
	checkEqual(t, "account after the stale update", got, admin)

	stale := []func(*auth.User){
		func(r *auth.User) { r.Email = "old@example.org" },
		func(r *auth.User) { r.Name = "Old" },
		func(r *auth.User) { r.Role = auth.RoleAdmin },
		func(r *auth.User) { r.Lang = "en" },
		func(r *auth.User) { r.PasswordHash += "x" },
		func(r *auth.User) { r.TOTPSecret = "OLDSECRET" },
		func(r *auth.User) { r.TOTPLastStep++ },
		func(r *auth.User) { r.RecoveryCodes = append(r.RecoveryCodes, "used") },
		func(r *auth.User) { r.PersonID = 12345 },
		func(r *auth.User) { r.Disabled = !r.Disabled },
		func(r *auth.User) { r.UpdatedAt = r.UpdatedAt.Add(-time.Hour) },
	}
	for i, change := range stale {
		read := got
		change(&read)
		next := got
		next.Name = "Changed"
		err := e.st.Update(ctx, func(tx store.Tx) error { return tx.UpdateUser(ctx, read, &next) })
		checkErr(t, fmt.Sprintf("update on a read differing in field %d", i), err, store.ErrConflict)
	}
	after, _ := e.st.User(ctx, u.ID)
	checkEqual(t, "account after stale updates", after, got)

	// Writers racing on one read: exactly one wins, whichever it is.
	wins := race(t, 5, func(i int) error {
		next := got
		next.Name = fmt.Sprintf("Writer %d", i)
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.UpdateUser(ctx, got, &next) })
	})
	checkEqual(t, "writers that won on one read", wins, 1)
}

// Five requests using one recovery code at once: the code is taken once.
func testRecoveryCodeOnce(t *testing.T, e *env, u auth.User) {
	ctx := t.Context()
	codes := []string{"c1", "c2", "c3"}
	read := u
	u.RecoveryCodes = codes
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.UpdateUser(ctx, read, &u) })
	wins := race(t, 5, func(int) error { return e.st.ReplaceRecoveryCodes(ctx, u.ID, codes, []string{"c1", "c3"}) })
	checkEqual(t, "uses of one recovery code", wins, 1)
	got, _ := e.st.User(ctx, u.ID)
	checkEqual(t, "codes left", got.RecoveryCodes, []string{"c1", "c3"})
	// Two different codes at once: the second reads the codes again and succeeds.
	checkErr(t, "a use on stale codes", e.st.ReplaceRecoveryCodes(ctx, u.ID, codes, []string{"c2", "c3"}), store.ErrConflict)
	checkErr(t, "a use on fresh codes", e.st.ReplaceRecoveryCodes(ctx, u.ID, []string{"c1", "c3"}, []string{"c3"}), nil)
	checkErr(t, "the last code", e.st.ReplaceRecoveryCodes(ctx, u.ID, []string{"c3"}, nil), nil)
	got, _ = e.st.User(ctx, u.ID)
	checkEqual(t, "no code left", got.RecoveryCodes, []string(nil))
	checkErr(t, "codes of an unknown account", e.st.ReplaceRecoveryCodes(ctx, u.ID+100, nil, nil), store.ErrNotFound)
}

// Five requests with one TOTP code at once: its step is accepted once, and never again
// after a later one.
func testTOTPStepOnce(t *testing.T, e *env, u auth.User) {
	ctx := t.Context()
	read := u
	u.TOTPSecret, u.TOTPLastStep = "JBSWY3DPEHPK3PXP", 100
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.UpdateUser(ctx, read, &u) })
	wins := race(t, 5, func(int) error { return e.st.AdvanceTOTPStep(ctx, u.ID, u.TOTPSecret, 101) })
	checkEqual(t, "uses of one TOTP step", wins, 1)
	checkErr(t, "an earlier step", e.st.AdvanceTOTPStep(ctx, u.ID, u.TOTPSecret, 100), store.ErrConflict)
	checkErr(t, "another secret", e.st.AdvanceTOTPStep(ctx, u.ID, "OTHERSECRET", 105), store.ErrConflict)
	checkErr(t, "a later step", e.st.AdvanceTOTPStep(ctx, u.ID, u.TOTPSecret, 103), nil)
	checkErr(t, "a step between", e.st.AdvanceTOTPStep(ctx, u.ID, u.TOTPSecret, 102), store.ErrConflict)
	got, _ := e.st.User(ctx, u.ID)
	checkEqual(t, "last step", got.TOTPLastStep, int64(103))
	checkErr(t, "a step of an unknown account", e.st.AdvanceTOTPStep(ctx, u.ID+100, u.TOTPSecret, 200), store.ErrNotFound)
	read = got
	got.TOTPSecret, got.TOTPLastStep = "", 0
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.UpdateUser(ctx, read, &got) })
	checkErr(t, "a step without a second factor", e.st.AdvanceTOTPStep(ctx, u.ID, "", 300), store.ErrConflict)
}

// race runs n calls of fn at once and returns how many succeeded; the others must be
// conflicts.
func race(t *testing.T, n int, fn func(i int) error) int {
	t.Helper()
	start := make(chan struct{})
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			errs[i] = fn(i)
		})
	}
	close(start)
	wg.Wait()
	wins := 0
	for i, err := range errs {
		switch {
		case err == nil:
			wins++
		case !errors.Is(err, store.ErrConflict):
			t.Errorf("call %d: %v, want a conflict", i, err)
		}
	}
	return wins
}
