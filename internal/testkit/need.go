package testkit

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// SkippedEnv names the file where Missing records the tests it skipped; `make test`
// sets it and prints the file at the end, so that no skip goes unseen.
const SkippedEnv = "RONEO_SKIPPED"

// InCI reports whether the tests run in CI (CI=true), where everything they need is
// installed and a missing tool is a failure.
func InCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v != "" && v != "false" && v != "0"
}

// Missing stops a test that cannot run here because what it needs is missing: a
// validator, the browser, PostgreSQL, the S3 server, the right to mount a file system.
// In CI it fails the test with the reason; elsewhere it skips it and records the
// reason in $RONEO_SKIPPED for `make test` to print at the end.
func Missing(tb testing.TB, format string, args ...any) {
	tb.Helper()
	reason := fmt.Sprintf(format, args...)
	if InCI() {
		tb.Fatalf("%s (CI=true: a test that cannot run fails instead of skipping)", reason)
	}
	record(tb.Name(), reason)
	tb.Skip(reason)
}

// record appends "package Test: reason" to $RONEO_SKIPPED, one line per skip. Tests of
// several packages run at once: each line is one write to a file opened for
// appending, which the system does not interleave.
func record(test, reason string) {
	file := os.Getenv(SkippedEnv)
	if file == "" {
		return
	}
	pkg, _ := os.Getwd() // go test runs each package's tests in its directory
	// The file is in the repository's .cache: packages are named from the repository.
	if rel, err := filepath.Rel(filepath.Dir(filepath.Dir(file)), pkg); err == nil && !strings.HasPrefix(rel, "..") {
		pkg = rel
	}
	f, err := os.OpenFile(file, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "%s %s: %s\n", pkg, test, strings.ReplaceAll(reason, "\n", " "))
}

// Optional skips a test that needs a tool `make test` does not install, such as the
// benchmark's nginx: the skip is recorded and printed as Missing's are, but it does not
// fail in CI.
func Optional(tb testing.TB, format string, args ...any) {
	tb.Helper()
	reason := fmt.Sprintf(format, args...)
	record(tb.Name(), reason+" (optional)")
	tb.Skip(reason)
}
