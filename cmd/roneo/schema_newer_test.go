package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/store/sqlstore"
)

// knownSchema is the latest migration this program has.
func knownSchema(t *testing.T) int64 {
	t.Helper()
	db, err := openLocation(context.Background(), "sqlite:"+t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return db.SchemaStatus().Known
}

// writableDB opens a location with database/sql alone, to play a newer version.
func writableDB(t *testing.T, loc string) *sql.DB {
	t.Helper()
	driver, dsn := "pgx", loc
	if strings.HasPrefix(loc, "sqlite:") {
		driver, dsn = "sqlite", "file:"+filepath.Join(strings.TrimPrefix(loc, "sqlite:"), "roneo.db")+"?_pragma=busy_timeout(5000)"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// migrateAhead records migration version at loc as a newer version of Roneo would, and
// its schema_compat row when marked is not nil.
func migrateAhead(t *testing.T, loc string, version int64, marked *bool) {
	t.Helper()
	db := writableDB(t, loc)
	if _, err := db.Exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES ($1, TRUE)`, version); err != nil {
		t.Fatal(err)
	}
	if marked != nil {
		if _, err := db.Exec(`INSERT INTO schema_compat (version, older_binaries_may_write) VALUES ($1, $2)`, version, *marked); err != nil {
			t.Fatal(err)
		}
	}
}

// backends are a fresh SQLite data directory and a fresh PostgreSQL schema, with the
// flag that names each.
func backends(t *testing.T) map[string][2]string {
	return map[string][2]string{"sqlite": {"--data", t.TempDir()}, "postgres": {"--database", pgtest.URL(t)}}
}

func locationOf(b [2]string) string {
	if b[0] == "--data" {
		return "sqlite:" + b[1]
	}
	return b[1]
}

// serveWithLog starts roneo serve and returns it with what it logged.
func serveWithLog(t *testing.T, args ...string) (*Main, *syncWriter) {
	t.Helper()
	log := &syncWriter{}
	m := NewMain(io.Discard, log)
	if err := m.ParseFlags(append([]string{"--addr", "127.0.0.1:0", "--media", t.TempDir(), "--log-level", "info"}, args...)); err != nil {
		t.Fatal(err)
	}
	if err := m.Run(context.Background()); err != nil {
		m.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m, log
}

// syncWriter is a log that a test reads while the server writes it.
type syncWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

func healthzSchema(t *testing.T, m *Main) store.SchemaStatus {
	t.Helper()
	status, body := httpGet(t, m.URL()+"/healthz")
	var h struct {
		Status string             `json:"status"`
		Schema store.SchemaStatus `json:"schema"`
	}
	if err := json.Unmarshal([]byte(body), &h); err != nil || status != http.StatusOK || h.Status != "ok" {
		t.Fatalf("/healthz: %d %s (%v)", status, body, err)
	}
	return h.Schema
}

// An instance meets a database a newer version migrated: it says so at start, in its
// log and in /healthz; it serves pages; it refuses writes until the newer migration is
// marked safe for older versions, or it is told to write anyway.
func TestNewerSchemaServes(t *testing.T) {
	t.Parallel()
	known := knownSchema(t)
	for name, b := range backends(t) {
		t.Run(name, func(t *testing.T) {
			loc := locationOf(b)
			mustRun(t, "demo", b[0], b[1], "--articles", "20", "--pictures", "0")
			migrateAhead(t, loc, known+1, nil)

			m, log := serveWithLog(t, b[0], b[1])
			for _, want := range []string{"newer than this version of Roneo knows", "migration " + itoa(known+1), "(" + itoa(known) + ")", "writes=\"refused"} {
				if !strings.Contains(log.String(), want) {
					t.Errorf("the start-up log lacks %q:\n%s", want, log.String())
				}
			}
			want := store.SchemaStatus{Known: known, Current: known + 1, WritesRefused: true}
			if got := healthzSchema(t, m); got != want {
				t.Errorf("/healthz schema %+v, want %+v", got, want)
			}
			if status, _ := httpGet(t, m.URL()+"/fr/"); status != http.StatusOK {
				t.Errorf("a page of a newer database: %d", status)
			}
			var report bytes.Buffer
			err := run(context.Background(), []string{"redirects", "add", "/old", "/fr/", b[0], b[1]}, io.Discard, io.Discard)
			reportError(&report, err)
			if !errors.Is(err, sqlstore.ErrWritesRefused) || !strings.Contains(report.String(), "--allow-newer-schema") {
				t.Errorf("a write on a newer database: %v, reported %q", err, report.String())
			}
			mustRun(t, "redirects", "add", "/old", "/fr/", b[0], b[1], "--allow-newer-schema")

			allowed, _ := serveWithLog(t, b[0], b[1], "--allow-newer-schema")
			if got := healthzSchema(t, allowed); got.WritesRefused {
				t.Errorf("/healthz with --allow-newer-schema: %+v", got)
			}

			migrateAhead(t, loc, known+2, &yes)
			migrateAheadMark(t, loc, known+1, true)
			safe, _ := serveWithLog(t, b[0], b[1])
			want = store.SchemaStatus{Known: known, Current: known + 2, NewerSafe: true}
			if got := healthzSchema(t, safe); got != want {
				t.Errorf("/healthz schema once marked safe %+v, want %+v", got, want)
			}
			mustRun(t, "redirects", "add", "/older", "/fr/", b[0], b[1])
		})
	}
}

var yes = true

// migrateAheadMark marks a migration already recorded.
func migrateAheadMark(t *testing.T, loc string, version int64, may bool) {
	t.Helper()
	if _, err := writableDB(t, loc).Exec(`INSERT INTO schema_compat (version, older_binaries_may_write) VALUES ($1, $2)`, version, may); err != nil {
		t.Fatal(err)
	}
}

// readManifest reads the manifest of a backup archive.
func readArchiveManifest(t *testing.T, archive string) manifest {
	t.Helper()
	var m manifest
	rewriteArchive(t, archive, "", func(name string, data []byte) []byte {
		if name == manifestName {
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatal(err)
			}
		}
		return data
	})
	return m
}

// rewriteArchive reads every entry of archive through change, and writes the result to
// to unless to is "".
func rewriteArchive(t *testing.T, archive, to string, change func(name string, data []byte) []byte) {
	t.Helper()
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	gzOut := gzip.NewWriter(&out)
	tw := tar.NewWriter(gzOut)
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(tr)
		data = change(h.Name, data)
		h.Size = int64(len(data))
		tw.WriteHeader(h)
		tw.Write(data)
	}
	tw.Close()
	gzOut.Close()
	if to != "" {
		if err := os.WriteFile(to, out.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// A backup records its schema; a version of Roneo that does not know it refuses to
// restore it — from the manifest before writing anything, or from the database itself
// when the manifest is silent — unless told to restore what it knows.
func TestBackupSchemaVersion(t *testing.T) {
	t.Parallel()
	known := knownSchema(t)
	src := demoDir(t, "20")
	archive := filepath.Join(t.TempDir(), "site.tar.gz")
	mustRun(t, "backup", "--data", src, "--to", archive)
	if got := readArchiveManifest(t, archive).Schema; got != known {
		t.Errorf("the manifest records schema %d, want %d", got, known)
	}

	newerManifest := filepath.Join(t.TempDir(), "newer.tar.gz")
	rewriteArchive(t, archive, newerManifest, func(name string, data []byte) []byte {
		if name != manifestName {
			return data
		}
		return bytes.Replace(data, []byte(`"schema": `+itoa(known)), []byte(`"schema": `+itoa(known+1)), 1)
	})
	newerDB := filepath.Join(t.TempDir(), "newer-db.tar.gz")
	rewriteArchive(t, archive, newerDB, func(name string, data []byte) []byte {
		switch name {
		case manifestName:
			return bytes.Replace(data, []byte(`"schema": `+itoa(known)+`,`), nil, 1)
		case databaseName:
			return newerDatabase(t, data, known+1)
		}
		return data
	})
	for _, name := range []string{"sqlite", "postgres"} {
		for _, newer := range []string{newerManifest, newerDB} {
			t.Run(name+"/"+filepath.Base(newer), func(t *testing.T) {
				into := backends(t)[name]
				media := t.TempDir()
				err := run(context.Background(), []string{"restore", "--from", newer, into[0], into[1], "--media", media}, io.Discard, io.Discard)
				if err == nil || !strings.Contains(err.Error(), "newer than this version of Roneo knows") || !strings.Contains(err.Error(), "--allow-newer-schema") {
					t.Fatalf("restoring a newer backup: %v", err)
				}
				t.Log(err)
				for _, s := range checksums(t, locationOf(into)) {
					if s.Rows != 0 {
						t.Errorf("after the refusal %s holds %d rows", s.Table, s.Rows)
					}
				}
				if entries, _ := os.ReadDir(media); len(entries) > 0 {
					t.Errorf("after the refusal media remain: %v", entries)
				}
				mustRun(t, "restore", "--from", newer, into[0], into[1], "--media", media, "--allow-newer-schema")
				sameChecksums(t, "restored with --allow-newer-schema", checksums(t, "sqlite:"+src), checksums(t, locationOf(into)))
			})
		}
	}
}

// newerDatabase is a SQLite database file with migration version recorded.
func newerDatabase(t *testing.T, data []byte, version int64) []byte {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "roneo.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES ($1, TRUE)`, version)
	if cerr := db.Close(); err == nil {
		err = cerr // closing the last connection folds the write-ahead log into the file
	}
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A backup or a copy of a newer database would leave out what the newer version added:
// refused unless told.
func TestNewerSchemaBackupAndCopy(t *testing.T) {
	t.Parallel()
	known := knownSchema(t)
	for name, b := range backends(t) {
		t.Run(name, func(t *testing.T) {
			mustRun(t, "demo", b[0], b[1], "--articles", "10", "--pictures", "0")
			migrateAhead(t, locationOf(b), known+1, &yes)
			archive := filepath.Join(t.TempDir(), "b.tar.gz")
			media := []string{"--media", t.TempDir()}
			err := run(context.Background(), append([]string{"backup", b[0], b[1], "--to", archive}, media...), io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), "newer than this version") {
				t.Errorf("backup of a newer database: %v", err)
			}
			if _, err := os.Stat(archive); err == nil {
				t.Error("a refused backup wrote its archive")
			}
			mustRun(t, append([]string{"backup", b[0], b[1], "--to", archive, "--allow-newer-schema"}, media...)...)
			to := "sqlite:" + t.TempDir()
			err = run(context.Background(), []string{"copy", "--from", locationOf(b), "--to", to, "--no-media"}, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), "newer than this version") {
				t.Errorf("copy of a newer database: %v", err)
			}
			mustRun(t, "copy", "--from", locationOf(b), "--to", to, "--no-media", "--allow-newer-schema")
		})
	}
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}
