package sqlstore

import (
	"errors"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/store"
)

const testPassword = "Sw0rdf1sh-s3cret"

// TestPostgresWrongURL opens stores with every kind of wrong URL: each error must say
// what is wrong, and none may show the password.
func TestPostgresWrongURL(t *testing.T) {
	good, err := url.Parse(testPostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	with := func(change func(u *url.URL)) string {
		u := *good
		u.User = url.UserPassword(good.User.Username(), testPassword)
		change(&u)
		return u.String()
	}
	tests := []struct {
		name, url, want string
		unavailable     bool
	}{
		{"bad port", "postgres://roneo:" + testPassword + "@127.0.0.1:notaport/test", "cannot be parsed", false},
		// url.Parse quotes the whole URL in its error, and pgx passes it on.
		{"bad escape in the password", "postgres://roneo:" + testPassword + "%zz@127.0.0.1/test", "cannot be parsed", false},
		{"colon in the password", "postgres://roneo:" + testPassword + ":x@127.0.0.1:5432:99/test", "cannot be parsed", false},
		{"keyword/value", "host=127.0.0.1 port=none user=roneo password=" + testPassword, "cannot be parsed", false},
		{"quoted keyword/value", "host=127.0.0.1 port=none password='" + testPassword + "'", "cannot be parsed", false},
		{"nothing listens", with(func(u *url.URL) { u.Host = closedPort(t) }), "cannot be reached", true},
		{"unknown host", with(func(u *url.URL) { u.Host = "roneo-no-such-host.invalid" }), "cannot be resolved", true},
		{"no such database", with(func(u *url.URL) { u.Path = "/roneo_no_such_db" }), `database "roneo_no_such_db" does not exist`, false},
		{"no such user", with(func(u *url.URL) { u.User = url.UserPassword("roneo_no_such_user", testPassword) }),
			`authentication failed for user "roneo_no_such_user"`, false},
		{"no such schema", with(func(u *url.URL) { u.RawQuery = "sslmode=disable&search_path=roneo_no_such_schema" }),
			`no schema of search_path "roneo_no_such_schema" exists`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			db, err := OpenPostgres(t.Context(), tc.url, Options{})
			if err == nil {
				db.Close()
				t.Fatal("OpenPostgres succeeded")
			}
			msg := err.Error()
			t.Logf("%v (%v)", msg, time.Since(start).Round(time.Millisecond))
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error %q does not say %q", msg, tc.want)
			}
			if strings.Contains(msg, testPassword) || strings.Contains(msg, url.QueryEscape(testPassword)) {
				t.Errorf("error %q shows the password", msg)
			}
			if got := errors.Is(err, store.ErrUnavailable); got != tc.unavailable {
				t.Errorf("errors.Is(ErrUnavailable) = %v, want %v", got, tc.unavailable)
			}
		})
	}
}

// closedPort returns an address on which nothing listens.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestScrubPasswordForms(t *testing.T) {
	for _, raw := range []string{
		"postgres://u:" + testPassword + "@h/db",
		"postgres://u:" + url.QueryEscape("p@ss/w:rd") + "@h/db",
		"postgres://u:p@ss/w:rd@h/db",
		"user=u password=" + testPassword + " host=h",
		"user=u password = '" + testPassword + "' host=h",
	} {
		err := scrub(errors.New("failed: "+raw), raw, nil)
		for _, secret := range []string{testPassword, "p@ss/w:rd", url.QueryEscape("p@ss/w:rd")} {
			if strings.Contains(raw, secret) && strings.Contains(err.Error(), secret) {
				t.Errorf("scrub(%q) = %q", raw, err)
			}
		}
	}
}
