package sqlstore

import (
	"errors"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// openWithOptions opens where with opts, on the dialect named.
func openWithOptions(t *testing.T, dialect, where string, opts Options) *DB {
	t.Helper()
	var db *DB
	var err error
	if dialect == "sqlite" {
		db, err = OpenSQLite(t.Context(), where, opts)
	} else {
		db, err = OpenPostgres(t.Context(), where, opts)
	}
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// eachDialectNamed is eachDialect with the dialect's name.
func eachDialectNamed(t *testing.T, test func(t *testing.T, name string, m migrationTarget)) {
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) { test(t, name, migrationTargets[name]) })
	}
}

// pretendNewer records migrations beyond this program's, as a newer version would
// have applied them: each with its schema_compat row when marked is not nil.
func pretendNewer(t *testing.T, db *DB, migrations ...newerMigration) {
	t.Helper()
	for _, m := range migrations {
		if _, err := db.write.ExecContext(t.Context(), `INSERT INTO goose_db_version (version_id, is_applied) VALUES ($1, TRUE)`, m.version); err != nil {
			t.Fatal(err)
		}
		if m.marked != nil {
			if _, err := db.write.ExecContext(t.Context(), `INSERT INTO schema_compat (version, older_binaries_may_write) VALUES ($1, $2)`, m.version, *m.marked); err != nil {
				t.Fatal(err)
			}
		}
	}
}

type newerMigration struct {
	version int64
	marked  *bool // nil: no schema_compat row
}

var yes, no = true, false

func TestSchemaStatusCurrent(t *testing.T) {
	eachDialectNamed(t, func(t *testing.T, name string, m migrationTarget) {
		db := m.mustOpen(t, m.fresh(t))
		latest := latestMigration(m.provider(t, db))
		want := store.SchemaStatus{Known: latest, Current: latest}
		if got := db.SchemaStatus(); got != want || got.Newer() {
			t.Errorf("a database this program migrated: %+v, want %+v", got, want)
		}
	})
}

// A database whose schema is newer than this program is read as usual; it is written
// only when every newer migration says older versions may, or when the program is told
// to anyway. Refused writes fail on every path — a transaction, or a statement on the
// write pool — with ErrWritesRefused, an ErrUnavailable.
func TestNewerSchema(t *testing.T) {
	eachDialectNamed(t, func(t *testing.T, name string, m migrationTarget) {
		for _, tc := range []struct {
			name          string
			newer         func(known int64) []newerMigration
			allow         bool
			safe, refused bool
		}{
			{"unmarked", func(k int64) []newerMigration { return []newerMigration{{k + 1, nil}} }, false, false, true},
			{"marked unsafe", func(k int64) []newerMigration { return []newerMigration{{k + 1, &no}} }, false, false, true},
			{"marked safe", func(k int64) []newerMigration { return []newerMigration{{k + 1, &yes}} }, false, true, false},
			{"safe then unsafe", func(k int64) []newerMigration { return []newerMigration{{k + 1, &yes}, {k + 2, &no}} }, false, false, true},
			{"safe twice", func(k int64) []newerMigration { return []newerMigration{{k + 1, &yes}, {k + 2, &yes}} }, false, true, false},
			{"unmarked, allowed", func(k int64) []newerMigration { return []newerMigration{{k + 1, nil}} }, true, false, false},
		} {
			t.Run(tc.name, func(t *testing.T) {
				where := m.fresh(t)
				first := m.mustOpen(t, where)
				known := first.SchemaStatus().Known
				newer := tc.newer(known)
				pretendNewer(t, first, newer...)
				first.Close()

				db := openWithOptions(t, name, where, Options{AllowNewerSchema: tc.allow})
				want := store.SchemaStatus{Known: known, Current: newer[len(newer)-1].version, NewerSafe: tc.safe, WritesRefused: tc.refused}
				if got := db.SchemaStatus(); got != want {
					t.Errorf("status %+v, want %+v", got, want)
				}
				checkReads(t, db)
				checkWrites(t, db, tc.refused)
				// Opening again applies nothing and finds the same.
				if got := openWithOptions(t, name, where, Options{AllowNewerSchema: tc.allow}).SchemaStatus(); got != want {
					t.Errorf("status when opened again %+v, want %+v", got, want)
				}
			})
		}
	})
}

func checkReads(t *testing.T, db *DB) {
	t.Helper()
	ctx := t.Context()
	if _, err := db.Stats(ctx); err != nil {
		t.Errorf("Stats: %v", err)
	}
	if _, err := db.Articles(ctx, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: 10}); err != nil {
		t.Errorf("Articles: %v", err)
	}
	if _, err := db.Article(ctx, "fr", "nothing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article: %v, want ErrNotFound", err)
	}
}

func checkWrites(t *testing.T, db *DB, refused bool) {
	t.Helper()
	ctx := t.Context()
	writes := map[string]error{
		"Update": db.Update(ctx, func(tx store.Tx) error {
			return tx.CreateArticle(ctx, &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: "newer",
				Title: "T", Status: content.StatusDraft})
		}),
		"AppendAudit": db.AppendAudit(ctx, store.AuditEntry{Actor: "test", Action: "test"}),
	}
	_, writes["Hit"] = db.Hit(ctx, "test", time.Minute, time.Now())
	_, writes["EnqueueJob"] = db.EnqueueJob(ctx, store.NewJob{Kind: "test"})
	for name, err := range writes {
		switch {
		case refused && (!errors.Is(err, ErrWritesRefused) || !errors.Is(err, store.ErrUnavailable)):
			t.Errorf("%s: %v, want ErrWritesRefused", name, err)
		case !refused && err != nil:
			t.Errorf("%s: %v", name, err)
		}
	}
	if refused {
		t.Logf("refused writes: %v; %v", writes["Update"], writes["Hit"])
	}
}

// Goose takes a migration this program knows but the database lacks, below its latest,
// for one to apply out of order, and refuses. A newer version that folded or
// renumbered migrations leaves such a database: it opens, and is newer.
func TestNewerSchemaWithoutAKnownMigration(t *testing.T) {
	eachDialectNamed(t, func(t *testing.T, name string, m migrationTarget) {
		where := m.fresh(t)
		first := m.mustOpen(t, where)
		known := first.SchemaStatus().Known
		pretendNewer(t, first, newerMigration{known + 1, nil})
		if _, err := first.write.ExecContext(t.Context(), `DELETE FROM goose_db_version WHERE version_id = $1`, known); err != nil {
			t.Fatal(err)
		}
		if _, err := m.provider(t, first).Up(t.Context()); err == nil {
			t.Fatal("goose applied an out-of-order migration: this test no longer shows the path it guards")
		}
		first.Close()
		db := openWithOptions(t, name, where, Options{})
		if got := db.SchemaStatus(); got.Current != known+1 || !got.WritesRefused {
			t.Errorf("status %+v, want newer and read-only", got)
		}
		checkReads(t, db)
	})
}

// Every migration from schema_compat's own says whether older versions may write under
// it, so that no release forgets to decide.
func TestEveryMigrationSaysWhetherOlderVersionsMayWrite(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		db := m.mustOpen(t, m.fresh(t))
		for _, s := range m.provider(t, db).ListSources() {
			if s.Version < schemaCompatVersion {
				continue
			}
			var n int
			err := db.write.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM schema_compat WHERE version = $1`, s.Version).Scan(&n)
			if err != nil || n != 1 {
				t.Errorf("migration %d (%s) has %d rows in schema_compat (%v): add one saying whether older versions may write",
					s.Version, s.Path, n, err)
			}
		}
	})
}
