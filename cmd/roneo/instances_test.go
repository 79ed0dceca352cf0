package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/testkit"
)

// startInstance runs "roneo serve" on PostgreSQL with the given extra flags.
func startInstance(t *testing.T, dbURL, mediaDir string, extra ...string) *Main {
	t.Helper()
	m := NewMain(io.Discard, io.Discard)
	args := append([]string{"--addr", "127.0.0.1:0", "--database", dbURL, "--media", mediaDir, "--data", t.TempDir(), "--log-level", "error"}, extra...)
	if err := m.ParseFlags(args); err != nil {
		t.Fatal(err)
	}
	if err := m.Run(context.Background()); err != nil {
		m.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

// waitFor polls url until its body contains want, and returns when it did.
func waitFor(t *testing.T, url, want string) time.Time {
	t.Helper()
	testkit.Until(t, url+" showing "+want, func() bool {
		_, body := httpGet(t, url)
		return strings.Contains(body, want)
	})
	return time.Now()
}

// Two instances on one database: a scheduled press release goes out once, at its time,
// and both instances' cached pages show it within a second; an edit made elsewhere
// reaches both caches within a second too.
func TestTwoInstancesOnePostgres(t *testing.T) {
	ctx := context.Background()
	pg, mediaDir := pgtest.URL(t), t.TempDir()
	mustRun(t, "demo", "--database", pg, "--articles", "40", "--pictures", "0")
	db, err := openLocation(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a, b := startInstance(t, pg, mediaDir), startInstance(t, pg, mediaDir)
	// Scheduled once both run, however long they took to start: as another instance's
	// newsroom would, or one of these at start-up, the release is written and its
	// publication queued, and both hear of the queue.
	due := time.Now().Add(3 * time.Second).Truncate(time.Second)
	release := &content.Article{Kind: content.KindPressRelease, Lang: "fr", Slug: "embargo-ambassade",
		Title: "Communiqué sous embargo", Body: "Texte.", BodyHTML: "<p>Texte.</p>",
		Status: content.StatusScheduled, PublishAt: due, Featured: true}
	if err := db.Update(ctx, func(tx store.Tx) error { return tx.CreateArticle(ctx, release) }); err != nil {
		t.Fatal(err)
	}
	if err := editorial.New(db, editorial.Config{Clock: time.Now}).QueueSchedule(ctx); err != nil {
		t.Fatal(err)
	}
	for _, m := range []*Main{a, b} {
		// Only an answer that came back before the time can show the release too early.
		if _, body := httpGet(t, m.URL()+"/fr/"); strings.Contains(body, release.Title) && time.Now().Before(due) {
			t.Fatal("the press release shows before its time")
		}
	}
	for _, m := range []*Main{a, b} {
		seen := waitFor(t, m.URL()+"/fr/", release.Title)
		if late := seen.Sub(due); late > 1500*time.Millisecond {
			t.Errorf("%s showed the release %s after its time", m.URL(), late)
		}
	}
	got, err := db.Article(ctx, "fr", release.Slug)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != content.StatusPublished || got.Version != 2 {
		t.Errorf("after publication: status %s, version %d (want published once: version 2)", got.Status, got.Version)
	}
	// An edit through another connection, as another instance's newsroom would make it.
	got.Title = "Communiqué : rassemblement à midi"
	edited := time.Now()
	if err := db.Update(ctx, func(tx store.Tx) error { return tx.UpdateArticle(ctx, got) }); err != nil {
		t.Fatal(err)
	}
	for _, m := range []*Main{a, b} {
		if seen := waitFor(t, m.URL()+"/fr/article/embargo-ambassade", "rassemblement à midi"); seen.Sub(edited) > time.Second {
			t.Errorf("%s showed the edit after %s", m.URL(), seen.Sub(edited))
		}
	}
}

// While the database is unreachable, pages that need it answer 503 and /healthz says
// so; when it is back, the instance serves again without a restart, and /healthz says
// so once it hears the other instances' changes again.
func TestDatabaseOutage(t *testing.T) {
	pg := pgtest.URL(t)
	mustRun(t, "demo", "--database", pg, "--articles", "20", "--pictures", "0")
	proxy, viaProxy := pgtest.NewProxy(t, pg)
	m := startInstance(t, viaProxy, t.TempDir(), "--page-cache", "0")
	if status, _ := httpGet(t, m.URL()+"/fr/"); status != http.StatusOK {
		t.Fatalf("before the outage: %d", status)
	}
	proxy.Break()
	for _, path := range []string{"/fr/", "/healthz"} {
		status, body := httpGet(t, m.URL()+path)
		if status != http.StatusServiceUnavailable {
			t.Errorf("%s during the outage: %d, want 503", path, status)
		}
		if path == "/fr/" && !strings.Contains(body, "Momentanément indisponible") {
			t.Errorf("the 503 page is not the localized one:\n%.300s", body)
		}
	}
	proxy.Restore()
	// Pages come back first, served uncached; /healthz once the instance hears other
	// instances' changes again.
	for _, path := range []string{"/fr/", "/healthz"} {
		testkit.Until(t, path+" answering 200 after the database came back", func() bool {
			status, _ := httpGet(t, m.URL()+path)
			return status == http.StatusOK
		})
	}
}

// A wrong database URL stops start-up with a message that names the problem and never
// shows the password.
func TestWrongDatabaseURL(t *testing.T) {
	for _, url := range []string{
		"postgres://roneo:s3cr3t-pw@127.0.0.1:1/roneo?connect_timeout=2",
		"postgres://roneo:s3cr3t-pw@127.0.0.1:5432/no_such_database_here?sslmode=disable",
		"mysql://roneo:s3cr3t-pw@localhost/roneo",
	} {
		m := NewMain(io.Discard, io.Discard)
		if err := m.ParseFlags([]string{"--addr", "127.0.0.1:0", "--database", url}); err != nil {
			t.Fatal(err)
		}
		err := m.Run(context.Background())
		m.Close()
		if err == nil {
			t.Fatalf("%s: started", url)
		}
		if strings.Contains(err.Error(), "s3cr3t-pw") {
			t.Errorf("the password leaks: %v", err)
		}
		t.Logf("%s → %v", url, err)
	}
}
