package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/store/sqlstore"
)

// demoDir makes a SQLite data directory with n demo articles and two media files.
func demoDir(t *testing.T, n string) string {
	t.Helper()
	dir := t.TempDir()
	mustRun(t, "demo", "--data", dir, "--articles", n, "--pictures", "0")
	m, err := media.NewDir(filepath.Join(dir, "media"))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	for name, body := range map[string]string{"albums/2026/rassemblement/0001.webp": "RIFF-photo", "issues/2026-11.pdf": "%PDF-1.7 issue"} {
		if err := m.Put(context.Background(), name, strings.NewReader(body), int64(len(body))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	var out, errs bytes.Buffer
	if err := run(context.Background(), args, &out, &errs); err != nil {
		t.Fatalf("roneo %s: %v\n%s", strings.Join(args, " "), err, errs.String())
	}
	return out.String()
}

// checksums reads a location's per-table checksums.
func checksums(t *testing.T, loc string) []sqlstore.TableCopy {
	t.Helper()
	db, err := openLocation(context.Background(), loc)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sums, err := sqlstore.Checksums(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

func sameChecksums(t *testing.T, what string, a, b []sqlstore.TableCopy) {
	t.Helper()
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("%s: %s differs: %+v vs %+v", what, a[i].Table, a[i], b[i])
		}
	}
}

// A whole site goes from SQLite to PostgreSQL and back, identical to the row.
func TestCopyRoundTrip(t *testing.T) {
	t.Parallel()
	pg := pgtest.URL(t)
	src := demoDir(t, "80")
	pgMedia, back := t.TempDir(), t.TempDir()
	out := mustRun(t, "copy", "--from", "sqlite:"+src, "--to", pg, "--to-media", pgMedia)
	for _, want := range []string{"articles    80", "media: 2 files", "verified"} {
		if !strings.Contains(out, want) {
			t.Errorf("copy output lacks %q:\n%s", want, out)
		}
	}
	mustRun(t, "copy", "--from", pg, "--from-media", pgMedia, "--to", "sqlite:"+back)
	sameChecksums(t, "SQLite → PostgreSQL", checksums(t, src), checksums(t, pg))
	sameChecksums(t, "SQLite → PostgreSQL → SQLite", checksums(t, src), checksums(t, "sqlite:"+back))
	got, err := os.ReadFile(filepath.Join(back, "media", "albums/2026/rassemblement/0001.webp"))
	if err != nil || string(got) != "RIFF-photo" {
		t.Errorf("media after the round trip: %q, %v", got, err)
	}
	// The destination now holds data: a second copy is refused.
	err = run(context.Background(), []string{"copy", "--from", "sqlite:" + src, "--to", pg, "--to-media", pgMedia}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("copy into a full database: %v", err)
	}
}

func TestCopyNeedsMediaForPostgres(t *testing.T) {
	pg := pgtest.URL(t)
	err := run(context.Background(), []string{"copy", "--from", "sqlite:" + t.TempDir(), "--to", pg}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "--to-media") {
		t.Errorf("copy to PostgreSQL without media: %v", err)
	}
}

func TestBackupAndRestore(t *testing.T) {
	t.Parallel()
	src := demoDir(t, "60")
	archive := filepath.Join(t.TempDir(), "site.tar.gz")
	out := mustRun(t, "backup", "--data", src, "--to", archive)
	if !strings.Contains(out, "media: 2 files") || !strings.Contains(out, "articles    60") {
		t.Errorf("backup output:\n%s", out)
	}
	into := t.TempDir()
	mustRun(t, "restore", "--from", archive, "--data", into)
	sameChecksums(t, "restored SQLite", checksums(t, src), checksums(t, "sqlite:"+into))
	if got, err := os.ReadFile(filepath.Join(into, "media", "issues/2026-11.pdf")); err != nil || string(got) != "%PDF-1.7 issue" {
		t.Errorf("restored media: %q, %v", got, err)
	}
	// Into PostgreSQL as well.
	pg, pgMedia := pgtest.URL(t), t.TempDir()
	mustRun(t, "restore", "--from", archive, "--database", pg, "--media", pgMedia)
	sameChecksums(t, "restored PostgreSQL", checksums(t, src), checksums(t, pg))
	// A backup of PostgreSQL restores into SQLite.
	archive2 := filepath.Join(t.TempDir(), "pg.tar.gz")
	mustRun(t, "backup", "--database", pg, "--media", pgMedia, "--to", archive2)
	again := t.TempDir()
	mustRun(t, "restore", "--from", archive2, "--data", again)
	sameChecksums(t, "PostgreSQL backup restored into SQLite", checksums(t, src), checksums(t, "sqlite:"+again))
}

func TestRestoreRefusesAndLeavesNothing(t *testing.T) {
	t.Parallel()
	src := demoDir(t, "30")
	archive := filepath.Join(t.TempDir(), "site.tar.gz")
	mustRun(t, "backup", "--data", src, "--to", archive)
	// Into a site that has content: refused before anything is written.
	err := run(context.Background(), []string{"restore", "--from", archive, "--data", src}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("restore over a site: %v", err)
	}
	// A damaged archive: nothing is left behind, neither rows nor media.
	data, _ := os.ReadFile(archive)
	broken := filepath.Join(t.TempDir(), "broken.tar.gz")
	// Cut in the last media file: the first one has been written when the damage shows.
	os.WriteFile(broken, data[:len(data)-40], 0o600)
	into := t.TempDir()
	err = run(context.Background(), []string{"restore", "--from", broken, "--data", into}, io.Discard, io.Discard)
	if err == nil {
		t.Fatal("a truncated archive was restored")
	}
	for _, s := range checksums(t, "sqlite:"+into) {
		if s.Rows != 0 {
			t.Errorf("after a failed restore %s holds %d rows", s.Table, s.Rows)
		}
	}
	var left []string
	filepath.WalkDir(filepath.Join(into, "media"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			left = append(left, p)
		}
		return nil
	})
	if len(left) != 0 {
		t.Errorf("after a failed restore media remain: %v", left)
	}
	// The backup refuses to overwrite an existing file.
	if err := run(context.Background(), []string{"backup", "--data", src, "--to", archive}, io.Discard, io.Discard); err == nil {
		t.Error("backup overwrote an existing archive")
	}
}
