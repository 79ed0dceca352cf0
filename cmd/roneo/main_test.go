package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
)

// startDemo runs "roneo serve --demo" on a free port with n articles and stops it when
// the test ends.
func startDemo(t testing.TB, n string, extra ...string) *Main {
	t.Helper()
	var out bytes.Buffer
	m := NewMain(&out, io.Discard)
	args := append([]string{"--addr", "127.0.0.1:0", "--data", t.TempDir(), "--demo", "--demo-articles", n, "--demo-pictures", "0", "--log-level", "warn"}, extra...)
	if err := m.ParseFlags(args); err != nil {
		t.Fatal(err)
	}
	if err := m.Run(context.Background()); err != nil {
		m.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := m.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	if !strings.Contains(out.String(), "Roneo is running at "+m.URL()+"/") {
		t.Errorf("start-up message: %q", out.String())
	}
	return m
}

func httpGet(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServeDemo(t *testing.T) {
	t.Parallel()
	m := startDemo(t, "60")
	status, body := httpGet(t, m.URL()+"/")
	if status != http.StatusOK || !strings.Contains(body, `<html lang="fr"`) {
		t.Fatalf("/ → %d, %.200s", status, body)
	}
	for _, path := range []string{"/nl/", "/en/", "/fr/dossiers/", "/healthz"} {
		if status, _ := httpGet(t, m.URL()+path); status != http.StatusOK {
			t.Errorf("%s → %d", path, status)
		}
	}
	i := strings.Index(body, `href="/fr/article/`)
	if i < 0 {
		t.Fatal("no article link on the home page")
	}
	link := body[i+6:]
	link = link[:strings.IndexByte(link, '"')]
	if status, page := httpGet(t, m.URL()+link); status != http.StatusOK || !strings.Contains(page, "<h1>") {
		t.Errorf("%s → %d", link, status)
	}
}

func TestServeFlagsAndEnvironment(t *testing.T) {
	t.Setenv("RONEO_BASE_URL", "https://news.example.org/")
	t.Setenv("RONEO_PAGE_CACHE", "16")
	m := NewMain(io.Discard, io.Discard)
	if err := m.ParseFlags([]string{"--page-cache", "32"}); err != nil {
		t.Fatal(err)
	}
	if m.Config.BaseURL != "https://news.example.org/" || m.Config.PageCacheMB != 32 {
		t.Errorf("config = %+v: the environment fills what flags do not set, flags win", m.Config)
	}
	for _, args := range [][]string{{"--page-cache", "-1"}, {"--nope"}, {"stray"}, {"--page-cache", "many"}} {
		if err := NewMain(io.Discard, io.Discard).ParseFlags(args); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
	t.Setenv("RONEO_PAGE_CACHE", "lots")
	if err := NewMain(io.Discard, io.Discard).ParseFlags(nil); err == nil || !strings.Contains(err.Error(), "RONEO_PAGE_CACHE") {
		t.Errorf("bad environment value: %v", err)
	}
}

func TestTrustedProxiesFlag(t *testing.T) {
	m := NewMain(io.Discard, io.Discard)
	if err := m.ParseFlags([]string{"--trusted-proxies", "127.0.0.1, 10.0.0.0/8,::1"}); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(m.Config.Newsroom.proxies)
	if got != "[127.0.0.1/32 10.0.0.0/8 ::1/128]" {
		t.Errorf("trusted proxies %s", got)
	}
	err := NewMain(io.Discard, io.Discard).ParseFlags([]string{"--trusted-proxies", "proxy.example.org"})
	if err == nil || !strings.Contains(err.Error(), "proxy.example.org") {
		t.Errorf("a host name accepted: %v", err)
	}
}

func TestServeRefusesBadBaseURL(t *testing.T) {
	dir := t.TempDir()
	err := NewMain(io.Discard, io.Discard).ParseFlags([]string{"--addr", "127.0.0.1:0", "--data", dir, "--base-url", "ftp://example.org"})
	if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "--base-url") {
		t.Errorf("ParseFlags = %v, want a --base-url usage error", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("the data directory was touched: %v", entries)
	}
}

func TestDemoCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"demo", "--data", dir, "--articles", "40", "--pictures", "0"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Generated 40 articles") {
		t.Errorf("output: %q", out.String())
	}
	err := run(context.Background(), []string{"demo", "--data", dir, "--articles", "40", "--pictures", "0"}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "already holds content") {
		t.Errorf("second demo into the same directory: %v", err)
	}
}

func TestUnknownCommand(t *testing.T) {
	var stderr bytes.Buffer
	if err := run(context.Background(), []string{"frobnicate"}, io.Discard, &stderr); err == nil || exitCode(err) != 2 {
		t.Errorf("err = %v", err)
	}
	if !strings.Contains(stderr.String(), "unknown command") {
		t.Errorf("stderr = %q", stderr.String())
	}
}

func TestReportErrorUsage(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{errUsage, ""}, // the usage has been printed; nothing more to say
		{fmt.Errorf("%w: --from is required", errUsage), "roneo: --from is required\n"},
		{fmt.Errorf("open: %w", io.ErrUnexpectedEOF), "roneo: open: unexpected EOF\n"},
	} {
		var w bytes.Buffer
		reportError(&w, tc.err)
		if w.String() != tc.want {
			t.Errorf("reportError(%v) wrote %q, want %q", tc.err, w.String(), tc.want)
		}
	}
}
