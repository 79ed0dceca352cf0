package main

import (
	"archive/tar"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestCheckRev(t *testing.T) {
	for _, good := range []string{"HEAD~3", "main", "v1.2.0", "7dfa0cd", "origin/main", "HEAD^", "bench@{1}"} {
		if err := checkRev(good); err != nil {
			t.Errorf("checkRev(%q) = %v", good, err)
		}
	}
	for _, bad := range []string{"", "--output=/tmp/x", "-p", "main..bench", "HEAD:go.mod", "HEAD 3", "a\tb", "x\n"} {
		if err := checkRev(bad); err == nil {
			t.Errorf("checkRev(%q) gave no error", bad)
		}
	}
}

func TestParseFlagsRef(t *testing.T) {
	cfg, err := parseFlags([]string{"-ref", "HEAD~3", "-only", "demo,cached"}, io.Discard)
	if err != nil || cfg.Ref != "HEAD~3" {
		t.Errorf("-ref HEAD~3: %q, %v", cfg.Ref, err)
	}
	if cfg, err := parseFlags(nil, io.Discard); err != nil || cfg.Ref != "" {
		t.Errorf("default -ref %q, %v; want none", cfg.Ref, err)
	}
	for _, args := range [][]string{
		{"-ref", "-x"},
		{"-ref", "main..bench"},
		{"-ref", "HEAD~1", "-data", "/tmp/data"},
	} {
		if _, err := parseFlags(append(args, "-only", "cached"), io.Discard); err == nil {
			t.Errorf("%q gave no error", args)
		}
	}
}

func TestRefGitArgs(t *testing.T) {
	if got, want := resolveArgs("v1.0"), []string{"git", "rev-parse", "--verify", "--quiet", "v1.0^{commit}"}; !slices.Equal(got, want) {
		t.Errorf("resolveArgs = %q, want %q", got, want)
	}
	commit := "7dfa0cd0123456789abcdef0123456789abcdef0"
	if got := archiveArgs(commit); got[len(got)-1] != commit || !slices.Contains(got, "archive") {
		t.Errorf("archiveArgs = %q", got)
	}
}

func TestRefLabel(t *testing.T) {
	commit := "7dfa0cd0123456789abcdef0123456789abcdef0"
	for _, c := range []struct{ rev, want string }{
		{"HEAD~3", "HEAD~3 (7dfa0cd)"},
		{"7dfa0cd", "7dfa0cd"},
		{commit, "7dfa0cd"},
		{"v1.0", "v1.0 (7dfa0cd)"},
	} {
		if got := refLabel(c.rev, commit); got != c.want {
			t.Errorf("refLabel(%q) = %q, want %q", c.rev, got, c.want)
		}
	}
}

// tarOf writes entries as git archive does: a pax global header first.
func tarOf(t *testing.T, entries ...*tar.Header) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	global := &tar.Header{Typeflag: tar.TypeXGlobalHeader, Name: "pax_global_header", PAXRecords: map[string]string{"comment": "7dfa0cd"}}
	for _, h := range append([]*tar.Header{global}, entries...) {
		body := h.Linkname
		if h.Typeflag == tar.TypeReg {
			h.Size = int64(len(body))
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			tw.Write([]byte(body))
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestExtractTar(t *testing.T) {
	dir := t.TempDir()
	// A regular file's Linkname is only this test's way of giving its content.
	archive := tarOf(t,
		&tar.Header{Typeflag: tar.TypeDir, Name: "cmd/roneo/", Mode: 0o775},
		&tar.Header{Typeflag: tar.TypeReg, Name: "cmd/roneo/main.go", Mode: 0o664, Linkname: "package main\n"},
		&tar.Header{Typeflag: tar.TypeReg, Name: "scripts/run.sh", Mode: 0o775, Linkname: "#!/bin/sh\n"},
		&tar.Header{Typeflag: tar.TypeSymlink, Name: "docs/latest", Linkname: "../cmd"},
	)
	if err := extractTar(bytes.NewReader(archive), dir); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "cmd", "roneo", "main.go")); err != nil || string(b) != "package main\n" {
		t.Errorf("main.go = %q, %v", b, err)
	}
	if fi, err := os.Stat(filepath.Join(dir, "scripts", "run.sh")); err != nil || fi.Mode().Perm()&0o100 == 0 {
		t.Errorf("run.sh lost its executable bit: %v, %v", fi.Mode(), err)
	}
	if l, err := os.Readlink(filepath.Join(dir, "docs", "latest")); err != nil || l != "../cmd" {
		t.Errorf("link = %q, %v", l, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "pax_global_header")); err == nil {
		t.Error("git's global header was written as a file")
	}
}

func TestExtractTarRefusesEscapes(t *testing.T) {
	for _, name := range []string{"../outside", "/etc/passwd", "a/../../b"} {
		archive := tarOf(t, &tar.Header{Typeflag: tar.TypeReg, Name: name, Mode: 0o644, Linkname: "x"})
		err := extractTar(bytes.NewReader(archive), t.TempDir())
		if err == nil || !strings.Contains(err.Error(), "outside") {
			t.Errorf("%q: %v, want an error", name, err)
		}
	}
}

func TestDescribeCommit(t *testing.T) {
	if got := describeCommit("1a10c39\n", ""); got != "1a10c39" {
		t.Errorf("clean: %q", got)
	}
	if got := describeCommit("1a10c39\n", " M bench/main.go\n?? bench/new.go\n"); got != "1a10c39-dirty" {
		t.Errorf("changed: %q", got)
	}
}

// TestRoundOrder: with a reference, its run and the tree's swap places every other
// round, so that neither always follows nginx; nginx stays first.
func TestRoundOrder(t *testing.T) {
	tree, ref := &side{}, &side{ref: true}
	subjects := []subject{{scenario: scenarioNginx}, {scenario: scenarioCached, side: ref}, {scenario: scenarioCached, side: tree}}
	names := func(ss []subject) string {
		var n []string
		for _, s := range ss {
			n = append(n, s.name())
		}
		return strings.Join(n, ",")
	}
	if got := names(roundOrder(subjects, 1)); got != "nginx,ref-cached,cached" {
		t.Errorf("round 1: %s", got)
	}
	if got := names(roundOrder(subjects, 2)); got != "nginx,cached,ref-cached" {
		t.Errorf("round 2: %s", got)
	}
	if got := names(subjects); got != "nginx,ref-cached,cached" {
		t.Errorf("roundOrder changed its argument: %s", got)
	}
	alone := []subject{{scenario: scenarioCached1x, side: tree}, {scenario: scenarioCached2x, side: tree}}
	if got := names(roundOrder(alone, 2)); got != "cached-1x,cached-2x" {
		t.Errorf("one side's scenarios were reordered: %s", got)
	}
}
