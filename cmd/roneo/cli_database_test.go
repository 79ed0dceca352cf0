package main

import (
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/store/pgtest"
)

const secret = "s3cr3t-pw"

// malformedLocations name no database. Each once became a new, empty SQLite site in a
// directory named after it, and its password went into messages and logs.
var malformedLocations = []string{
	"postgres:/roneo:" + secret + "@db.internal/roneo",
	"roneo:" + secret + "@db.internal:5432/roneo",
	"postgres//roneo:" + secret + "@db.internal/roneo",
	"mysql://roneo:" + secret + "@db.internal/roneo",
	"postgresql://roneo:" + secret + "@db.internal:5432/roneo?sslmode=bogus",
	"db.internal:5432/roneo?password=" + secret,
}

// commandsWith are the commands that take a database location, with LOC where it goes.
var commandsWith = [][]string{
	{"serve", "--addr", "127.0.0.1:0", "--database", "LOC"},
	{"demo", "--articles", "5", "--database", "LOC"},
	{"backup", "--to", "b.tar.gz", "--database", "LOC"},
	{"restore", "--from", "b.tar.gz", "--database", "LOC"},
	{"user", "setup-link", "--database", "LOC"},
	{"user", "reset-link", "--email", "a@example.org", "--database", "LOC"},
	{"search", "stats", "--database", "LOC"},
	{"redirects", "list", "--database", "LOC"},
	{"copy", "--from", "LOC", "--to", "sqlite:dst", "--no-media"},
	{"copy", "--from", "sqlite:src", "--to", "LOC", "--no-media"},
}

func with(args []string, loc string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = strings.ReplaceAll(a, "LOC", loc)
	}
	return out
}

// A location that names no database is refused by every command, as a mistake on the
// command line, before anything is created, and the password is in no output.
func TestMalformedDatabaseRefused(t *testing.T) {
	for _, loc := range malformedLocations {
		for _, cmd := range commandsWith {
			args := with(cmd, loc)
			dir := t.TempDir()
			code, stdout, stderr := runProcessIn(t, dir, nil, args...)
			checkRefused(t, dir, strings.Join(args, " "), code, stdout, stderr)
		}
		// The same from the environment, and a URL given as the data directory.
		dir := t.TempDir()
		code, stdout, stderr := runProcessIn(t, dir, []string{"RONEO_DATABASE=" + loc}, "backup", "--to", "b.tar.gz")
		checkRefused(t, dir, "RONEO_DATABASE="+loc+" roneo backup", code, stdout, stderr)
		if strings.Contains(loc, "://") {
			dir := t.TempDir()
			code, stdout, stderr := runProcessIn(t, dir, nil, "serve", "--data", loc)
			checkRefused(t, dir, "roneo serve --data "+loc, code, stdout, stderr)
		}
	}
}

func checkRefused(t *testing.T, dir, cmd string, code int, stdout, stderr string) {
	t.Helper()
	if code != 2 || !strings.Contains(lastLine(stderr), "not a") {
		t.Errorf("%s: exit code %d, stderr %q; want 2 and a refusal", cmd, code, stderr)
	}
	if strings.Contains(stdout+stderr, secret) {
		t.Errorf("%s: the password shows:\n%s%s", cmd, stdout, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("%s created %v", cmd, entries)
	}
}

// A directory is given with --data; --database takes none.
func TestDirectoryAsDatabaseRefused(t *testing.T) {
	dir := t.TempDir()
	for _, cmd := range commandsWith {
		args := with(cmd, "./site")
		code, _, stderr := runProcessIn(t, dir, nil, args...)
		if code != 2 || !strings.Contains(lastLine(stderr), "--data") {
			t.Errorf("roneo %s: exit code %d, %q; want 2 and a word about --data", strings.Join(args, " "), code, lastLine(stderr))
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("created %v", entries)
	}
}

// A libpq keyword/value string is a PostgreSQL database: one that cannot be reached
// fails to connect, without creating a directory or showing the password; one that can
// be reached works.
func TestKeywordValueDatabase(t *testing.T) {
	unreachable := "host=127.0.0.1 port=1 user=roneo password=" + secret + " dbname=roneo connect_timeout=2"
	for _, cmd := range [][]string{commandsWith[0], commandsWith[2], commandsWith[6]} {
		args := with(cmd, unreachable)
		dir := t.TempDir()
		code, stdout, stderr := runProcessIn(t, dir, nil, args...)
		if code != 1 || !strings.Contains(stderr, "cannot be reached") {
			t.Errorf("roneo %s: exit code %d, %q; want 1, cannot be reached", args[0], code, stderr)
		}
		if strings.Contains(stdout+stderr, secret) {
			t.Errorf("roneo %s: the password shows:\n%s%s", args[0], stdout, stderr)
		}
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			t.Errorf("roneo %s created %v", args[0], entries)
		}
	}
	kv := asKeywordValue(t, pgtest.URL(t))
	mustRun(t, "demo", "--database", kv, "--articles", "10", "--pictures", "0")
	if out := mustRun(t, "search", "stats", "--database", kv); !strings.Contains(out, "10 articles") {
		t.Errorf("search stats on %s: %q", kv, out)
	}
}

// asKeywordValue writes a postgres:// URL as a keyword/value string.
func asKeywordValue(t *testing.T, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	kv := []string{"host=" + u.Hostname(), "port=" + u.Port(), "user=" + u.User.Username(), "dbname=" + strings.TrimPrefix(u.Path, "/")}
	if pw, ok := u.User.Password(); ok {
		kv = append(kv, "password="+pw)
	}
	for k, v := range u.Query() {
		kv = append(kv, fmt.Sprintf("%s=%s", k, v[0]))
	}
	return strings.Join(kv, " ")
}

func TestRedactLocation(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://roneo:pw@db/roneo", "postgres://roneo:xxxxx@db/roneo"},
		{"postgres://db/roneo?sslmode=disable&password=pw", "postgres://db/roneo?sslmode=disable&password=xxxxx"},
		{"host=db user=roneo password=pw dbname=roneo", "host=db user=roneo password=xxxxx dbname=roneo"},
		{"host=db password='p w' dbname=roneo", "host=db password=xxxxx dbname=roneo"},
		{"postgres:/roneo:pw@db/roneo", "postgres:/…@db/roneo"},
		{"roneo:p:w@db:5432/roneo", "roneo:…@db:5432/roneo"},
		{"roneo:p/w@db/roneo", "roneo:…@db/roneo"},
		{"mysql://roneo:p@w@db/roneo", "mysql://…@db/roneo"},
		{"./site", "./site"},
	} {
		if got := redactLocation(tc.in); got != tc.want {
			t.Errorf("redactLocation(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
