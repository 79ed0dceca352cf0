package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base32"
	"encoding/binary"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// newsroomPassword is the password of the accounts the tests make.
const newsroomPassword = "a long and quiet morning"

var setupLinkRe = regexp.MustCompile(`http://127\.0\.0\.1:\d+(/newsroom/setup/[A-Za-z0-9_-]+)`)

// startServe runs "roneo serve" on a free port, with n demo articles unless n is "",
// and returns what it printed.
func startServe(t testing.TB, n string, extra ...string) (*Main, string) {
	t.Helper()
	var out bytes.Buffer
	m := NewMain(&out, io.Discard)
	// Demo pictures only where a test asks for them (--demo-pictures in extra): their
	// derivatives are slow work under the race detector.
	args := []string{"--addr", "127.0.0.1:0", "--data", t.TempDir(), "--log-level", "warn", "--demo-pictures", "0"}
	if n != "" {
		args = append(args, "--demo", "--demo-articles", n)
	}
	args = append(args, extra...)
	if err := m.ParseFlags(args); err != nil {
		t.Fatal(err)
	}
	if err := m.Run(context.Background()); err != nil {
		m.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m, out.String()
}

// newsroomUser makes an account straight in the store; with a TOTP secret it signs in
// with a second factor.
func newsroomUser(t testing.TB, m *Main, role auth.Role, email string, lang content.Lang, totp string) *auth.User {
	t.Helper()
	ctx := context.Background()
	h, err := auth.NewHasher(auth.Params{}, 0).Hash(ctx, newsroomPassword)
	if err != nil {
		t.Fatal(err)
	}
	u := &auth.User{Email: email, Name: strings.Split(email, "@")[0], Role: role, Lang: lang, PasswordHash: h, TOTPSecret: totp}
	if err := m.store.Update(ctx, func(tx store.Tx) error { return tx.CreateUser(ctx, u) }); err != nil {
		t.Fatal(err)
	}
	return u
}

// totpNow computes the current code of a base32 secret, as an authenticator app does.
func totpNow(secret string) string {
	key, _ := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.ToUpper(strings.ReplaceAll(secret, " ", "")))
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], uint64(time.Now().Unix()/30))
	mac := hmac.New(sha1.New, key)
	mac.Write(msg[:])
	sum := mac.Sum(nil)
	off := sum[len(sum)-1] & 0x0f
	return fmt.Sprintf("%06d", (binary.BigEndian.Uint32(sum[off:off+4])&0x7fffffff)%1_000_000)
}

// The first start prints a one-time set-up link; nothing else lets anyone in.
func TestServePrintsSetupLinkOnFirstRun(t *testing.T) {
	t.Parallel()
	m, out := startServe(t, "")
	link := setupLinkRe.FindStringSubmatch(out)
	if link == nil {
		t.Fatalf("no set-up link in %q", out)
	}
	if status, body := httpGet(t, m.URL()+link[1]); status != http.StatusOK || !strings.Contains(body, `name="password2"`) {
		t.Errorf("set-up page: %d", status)
	}
	if status, _ := httpGet(t, m.URL()+"/newsroom/setup/guessed"); status != http.StatusOK {
		t.Errorf("a guessed link shows the form too (it fails on sending): %d", status)
	}
	// The newsroom answers under /newsroom/, the site everywhere else.
	resp, err := http.Get(m.URL() + "/newsroom/articles")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/newsroom/signin" || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("/newsroom/articles ended at %s (%s)", resp.Request.URL, resp.Header.Get("Cache-Control"))
	}
	if status, _ := httpGet(t, m.URL()+"/fr/"); status != http.StatusOK {
		t.Errorf("the site: %d", status)
	}
	// Once an account exists, no link is printed.
	newsroomUser(t, m, auth.RoleAdmin, "admin@example.org", "fr", "")
	var again bytes.Buffer
	if err := printSetupLink(context.Background(), m.store, "http://x", &again); err != nil || again.Len() != 0 {
		t.Errorf("with an account: %q, %v", again.String(), err)
	}
}

func TestUserCommands(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx := context.Background()
	var out bytes.Buffer
	if err := run(ctx, []string{"user", "setup-link", "--data", dir, "--base-url", "https://news.example.org/"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "https://news.example.org/newsroom/setup/") {
		t.Errorf("setup-link printed %q", out.String())
	}
	if err := run(ctx, []string{"user", "reset-link", "--data", dir}, io.Discard, io.Discard); exitCode(err) != 2 {
		t.Errorf("reset-link without --email: %v", err)
	}
	if err := run(ctx, []string{"user", "reset-link", "--data", dir, "--email", "nobody@example.org"}, io.Discard, io.Discard); err == nil ||
		!strings.Contains(err.Error(), "no account") {
		t.Errorf("reset-link for nobody: %v", err)
	}
	s, err := openLocation(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	u := &auth.User{Email: "ada@example.org", Name: "Ada", Role: auth.RoleAdmin, Lang: "fr", PasswordHash: "x"}
	if err := s.Update(ctx, func(tx store.Tx) error { return tx.CreateUser(ctx, u) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out.Reset()
	if err := run(ctx, []string{"user", "reset-link", "--data", dir, "--email", "Ada@example.org"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "/newsroom/reset/") {
		t.Errorf("reset-link printed %q", out.String())
	}
	if err := run(ctx, []string{"user", "setup-link", "--data", dir}, io.Discard, io.Discard); err == nil {
		t.Error("a set-up link was made for a newsroom with an account")
	}
	if err := run(ctx, []string{"user"}, io.Discard, io.Discard); exitCode(err) != 2 {
		t.Errorf("roneo user: %v", err)
	}
}

func TestServeNewsroomFlags(t *testing.T) {
	for _, args := range [][]string{{"--session-idle", "10s"}, {"--session-idle", "2h", "--session-max", "1h"}, {"--smtp", "smtp://mail.example.org"}} {
		if err := NewMain(io.Discard, io.Discard).ParseFlags(args); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
	if _, err := newSMTPMailer("http://mail.example.org", "a@b"); err == nil {
		t.Error("an http:// mail server accepted")
	}
	m, err := newSMTPMailer("smtps://u:p@mail.example.org", "news@example.org")
	if err != nil || m.addr != "mail.example.org:465" || !m.implicit {
		t.Errorf("smtps: %+v %v", m, err)
	}
	msg := string(message("news@example.org", "ada@example.org", "Mot de passe — Roneo", "Bonjour,\nvoici le lien : https://x/y\n"))
	if !strings.Contains(msg, "Subject: =?utf-8?q?") || !strings.Contains(msg, "Content-Transfer-Encoding: quoted-printable") {
		t.Errorf("message:\n%s", msg)
	}
}
