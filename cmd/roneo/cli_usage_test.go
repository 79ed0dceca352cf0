package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/testkit"
)

// usageMistakes are command lines with one mistake each, and the flag the message must
// name.
func usageMistakes(dir string) []struct {
	args []string
	flag string
} {
	data := filepath.Join(dir, "data")
	return []struct {
		args []string
		flag string
	}{
		{[]string{"serve", "--data", data, "--base-url", "ftp://x"}, "--base-url"},
		{[]string{"serve", "--data", data, "--page-cache", "-1"}, "--page-cache"},
		{[]string{"serve", "--data", data, "--log-level", "bogus"}, "--log-level"},
		{[]string{"serve", "--data", data, "--log-format", "xml"}, "--log-format"},
		{[]string{"serve", "--data", data, "--demo-articles", "0"}, "--demo-articles"},
		{[]string{"serve", "--data", data, "--smtp", "http://mail.example.org", "--mail-from", "a@example.org"}, "--smtp"},
		{[]string{"serve", "--data", data, "--nope"}, "-nope"},
		{[]string{"serve", "--data", data, "--db-timeout", "0"}, "--db-timeout"},
		{[]string{"demo", "--data", data, "--articles", "0"}, "--articles"},
		{[]string{"serve", "--data", data, "--media", "ftp://x/y"}, "media"},
		{[]string{"backup", "--data", data, "--media", "ftp://x/y"}, "media"},
		{[]string{"restore", "--data", data, "--from", "b.tar.gz", "--media", "ftp://x/y"}, "media"},
		{[]string{"restore", "--data", data}, "--from"},
		{[]string{"copy"}, "--from"},
		{[]string{"copy", "--from", "sqlite:" + data}, "--to"},
		{[]string{"copy", "--from", "sqlite:" + data, "--to", "postgres://roneo@127.0.0.1:1/roneo"}, "--to-media"},
		{[]string{"copy", "--from", "postgres://roneo@127.0.0.1:1/roneo", "--to", "sqlite:" + data}, "--from-media"},
		{[]string{"user", "reset-link", "--data", data}, "--email"},
		{[]string{"search", "query", "--data", data}, "--q"},
		{[]string{"serve", "--data", data, "--hosts", "https://mirror.example.net,mirror.example.org"}, "--hosts"},
		{[]string{"serve", "--data", data, "--base-url", "https://news.example.org", "--hosts", "https://news.example.org:443"}, "--hosts"},
	}
}

// Every mistake on the command line is a usage error (exit code 2) reported in one line
// that names the flag, found before anything is opened or created.
func TestUsageMistakes(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range usageMistakes(dir) {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), tc.args, &stdout, &stderr)
		if !errors.Is(err, errUsage) || exitCode(err) != 2 {
			t.Errorf("roneo %s: %v, want a usage error", strings.Join(tc.args, " "), err)
			continue
		}
		var report bytes.Buffer
		reportError(&report, err)
		line := report.String()
		if strings.Count(line, "\n") != 1 || !strings.HasPrefix(line, "roneo: ") || !strings.Contains(line, tc.flag) {
			t.Errorf("roneo %s reports %q, want one line naming %s", strings.Join(tc.args, " "), line, tc.flag)
		}
		if stdout.Len() > 0 {
			t.Errorf("roneo %s wrote %q on standard output", strings.Join(tc.args, " "), stdout.String())
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("a usage mistake created %v", entries)
	}
}

// helpRequests are the ways of asking each command for its usage.
var helpRequests = [][]string{
	{"-h"}, {"--help"}, {"help"},
	{"serve", "-h"}, {"serve", "--data", "x", "--help"}, {"demo", "-h"}, {"copy", "-help"},
	{"backup", "-h"}, {"restore", "--help"}, {"version", "-h"},
	{"user", "-h"}, {"user", "--help"}, {"user", "setup-link", "-h"}, {"user", "reset-link", "--help"},
	{"search", "-h"}, {"search", "reindex", "-h"}, {"search", "stats", "--help"}, {"search", "query", "-h"},
	{"redirects", "--help"}, {"redirects", "add", "-h"}, {"redirects", "gone", "-h"},
	{"redirects", "remove", "-h"}, {"redirects", "import", "-h"}, {"redirects", "list", "--help"},
}

// Asking for help is not a mistake: every command prints its usage and succeeds.
func TestHelpSucceeds(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, args := range helpRequests {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), args, &stdout, &stderr); err != nil {
			t.Errorf("roneo %s: %v, want success", strings.Join(args, " "), err)
		}
		if out := stdout.String() + stderr.String(); !strings.Contains(out, "Usage:") {
			t.Errorf("roneo %s printed no usage: %q", strings.Join(args, " "), out)
		}
	}
	if entries, _ := os.ReadDir("."); len(entries) > 0 {
		t.Errorf("asking for help created %v", entries)
	}
}

// The exit codes as a shell sees them, from the real program: 2 and one line for a
// mistake, 0 for help.
func TestExitCodes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tc := range usageMistakes(dir)[:9] {
		code, stdout, stderr := runProcess(t, tc.args...)
		if code != 2 {
			t.Errorf("roneo %s: exit code %d, want 2\n%s", strings.Join(tc.args, " "), code, stderr)
		}
		last := lastLine(stderr)
		if !strings.HasPrefix(last, "roneo: ") || !strings.Contains(last, tc.flag) || stdout != "" {
			t.Errorf("roneo %s: stderr ends with %q, stdout %q; want one line naming %s", strings.Join(tc.args, " "), last, stdout, tc.flag)
		}
	}
	for _, args := range [][]string{{"serve", "-h"}, {"backup", "--help"}, {"user", "-h"}, {"redirects", "add", "-h"}, {"help"}} {
		if code, _, stderr := runProcess(t, args...); code != 0 {
			t.Errorf("roneo %s: exit code %d, want 0\n%s", strings.Join(args, " "), code, stderr)
		}
	}
	if code, _, _ := runProcess(t, "frobnicate"); code != 2 {
		t.Errorf("an unknown command: exit code %d, want 2", code)
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("a usage mistake created %v", entries)
	}
}

// runProcess runs this test binary as roneo (see TestMain) and returns its exit code and
// output.
func runProcess(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runProcessIn(t, t.TempDir(), nil, args...)
}

// runProcessIn runs roneo in the working directory dir with env added to the
// environment.
func runProcessIn(t *testing.T, dir string, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "RONEO_TEST_AS_RONEO=1"), env...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &out, &errs
	err := testkit.Start(t, cmd).Wait()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("roneo %s: %v", strings.Join(args, " "), err)
	}
	return code, out.String(), errs.String()
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}
