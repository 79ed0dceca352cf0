package storetest

import (
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
	e.clock.Advance(time.Hour)
	u.Email, u.Name, u.Role, u.Lang = "fanny.new@example.org", "Fanny N.", auth.RoleEditor, "nl"
	u.TOTPSecret, u.TOTPLastStep, u.RecoveryCodes, u.PersonID, u.Disabled = "", 0, nil, 0, true
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.UpdateUser(ctx, u) })
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
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.UpdateUser(ctx, &u) })
	}
	taken := got
	taken.Email = other.Email
	checkErr(t, "update to a taken e-mail", update(taken), store.ErrConflict)
	invalid := got
	invalid.Name = ""
	checkErr(t, "update without a name", update(invalid), content.ErrInvalid)
	ghost := got
	ghost.ID, ghost.Email = got.ID+100, "ghost@example.org"
	checkErr(t, "update of an unknown account", update(ghost), store.ErrNotFound)
	after, _ := e.st.User(ctx, u.ID)
	checkEqual(t, "user after failed updates", after, *u)
}
