package main

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/hosts"
)

// --hosts and RONEO_HOSTS give the other addresses, read as written by hand and kept as
// the site writes them; the flag wins over the environment, and none given leaves the
// list to the newsroom's settings.
func TestServeHostsFlag(t *testing.T) {
	parse := func(args ...string) (*Main, error) {
		m := NewMain(io.Discard, io.Discard)
		return m, m.ParseFlags(args)
	}
	m, err := parse("--base-url", "https://news.example.org", "--hosts", "https://Mirror.example.net/, http://xyz.onion\nhttps://mirror.example.net")
	if err != nil {
		t.Fatal(err)
	}
	if got := hosts.FormatList(m.Config.hosts); got != "https://mirror.example.net\nhttp://xyz.onion" {
		t.Errorf("--hosts read as %q", got)
	}
	for _, args := range [][]string{nil, {"--hosts", ""}, {"--hosts", " , "}} {
		if m, err := parse(args...); err != nil || m.Config.hosts != nil {
			t.Errorf("%q: hosts %v, %v; want none, so that the newsroom's list applies", args, m.Config.hosts, err)
		}
	}

	t.Setenv("RONEO_HOSTS", "http://xyz.onion")
	if m, err := parse(); err != nil || hosts.FormatList(m.Config.hosts) != "http://xyz.onion" {
		t.Errorf("RONEO_HOSTS: %v, %v", m.Config.hosts, err)
	}
	if m, err := parse("--hosts", "https://mirror.example.net"); err != nil || hosts.FormatList(m.Config.hosts) != "https://mirror.example.net" {
		t.Errorf("--hosts and RONEO_HOSTS: %v, %v; the flag wins", m.Config.hosts, err)
	}
	t.Setenv("RONEO_HOSTS", "https://mirror.example.net xyz.onion")
	if _, err := parse(); !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "--hosts") || !strings.Contains(err.Error(), `"xyz.onion"`) {
		t.Errorf("a bad RONEO_HOSTS: %v, want a usage error naming --hosts and the entry", err)
	}
}

func TestServeHostsFlagMistakes(t *testing.T) {
	many := ""
	for i := range 21 {
		many += "https://m" + idString(int64(i)) + ".example.net,"
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--hosts", "https://mirror.example.net,ftp://mirror.example.org"}, `"ftp://mirror.example.org"`},
		{[]string{"--hosts", "https://mirror.example.net/fr/"}, `"https://mirror.example.net/fr/"`},
		{[]string{"--hosts", "mirror.example.net"}, `"mirror.example.net"`},
		{[]string{"--hosts", many}, "20 at most"},
		{[]string{"--base-url", "https://news.example.org/", "--hosts", "http://xyz.onion,https://NEWS.example.org/"}, "https://news.example.org is the main address"},
		{[]string{"--base-url", "https://news.example.org", "--hosts", "http://news.example.org"}, "is the main address"},
	} {
		err := NewMain(io.Discard, io.Discard).ParseFlags(tc.args)
		if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "--hosts") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want a usage error naming --hosts and saying %s", tc.args, err, tc.want)
		}
	}
	// Another port of the main domain's host is another address.
	if err := NewMain(io.Discard, io.Discard).ParseFlags([]string{"--base-url", "https://news.example.org", "--hosts", "https://news.example.org:8443"}); err != nil {
		t.Errorf("another port refused: %v", err)
	}
}

// The newsroom shows the list --hosts gives, which it cannot change.
func TestServeHostsReachNewsroom(t *testing.T) {
	t.Parallel()
	m, _ := startServe(t, "", "--hosts", "https://mirror.example.net,http://xyz.onion")
	newsroomUser(t, m, auth.RoleAdmin, "admin@example.org", "en", "")
	status, body := fetch(t, newsroomClient(t, m.URL(), "admin@example.org"), m.URL()+"/newsroom/settings")
	if status != http.StatusOK || !strings.Contains(body, "https://mirror.example.net\nhttp://xyz.onion</textarea>") ||
		!strings.Contains(body, "Set by the server’s --hosts option") {
		t.Errorf("settings page: %d\n%s", status, body)
	}
}
