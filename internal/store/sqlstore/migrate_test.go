package sqlstore

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/pressly/goose/v3"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// migrationTarget is one dialect's database, as the migration tests need it.
type migrationTarget struct {
	dialect goose.Dialect
	dir     string
	// fresh returns where a new, empty database lives; open opens (and migrates) it.
	fresh func(t *testing.T) string
	open  func(t *testing.T, where string) (*DB, error)
	// tables counts the tables besides goose's own.
	tables string
}

var migrationTargets = map[string]migrationTarget{
	"sqlite": {
		dialect: goose.DialectSQLite3, dir: "migrations/sqlite",
		fresh: func(t *testing.T) string { return t.TempDir() },
		open:  func(t *testing.T, dir string) (*DB, error) { return OpenSQLite(t.Context(), dir, Options{}) },
		tables: `SELECT COUNT(*) FROM sqlite_master
			WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name <> 'goose_db_version'`,
	},
	"postgres": {
		dialect: goose.DialectPostgres, dir: "migrations/postgres",
		fresh: func(t *testing.T) string { return newTestSchema(t) },
		open:  func(t *testing.T, url string) (*DB, error) { return OpenPostgres(t.Context(), url, Options{}) },
		tables: `SELECT COUNT(*) FROM information_schema.tables
			WHERE table_schema = current_schema() AND table_name <> 'goose_db_version'`,
	},
}

func (m migrationTarget) mustOpen(t *testing.T, where string) *DB {
	t.Helper()
	db, err := m.open(t, where)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func (m migrationTarget) provider(t *testing.T, db *DB, opts ...goose.ProviderOption) *goose.Provider {
	t.Helper()
	// As when opening: the migrator keeps one connection while a migration that
	// manages its own transactions takes another.
	db.write.SetMaxOpenConns(max(2, db.write.Stats().MaxOpenConnections))
	p, err := newMigrationProvider(db.write, m.dialect, m.dir, opts...)
	if err != nil {
		t.Fatalf("provider: %v", err)
	}
	return p
}

// eachDialect runs test once per dialect, as a subtest named after it.
func eachDialect(t *testing.T, test func(t *testing.T, m migrationTarget)) {
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) { test(t, migrationTargets[name]) })
	}
}

// TestMigrateDownAndUp takes the schema down to every earlier version and back up, so that
// each Down undoes its Up and every later Up applies on top of an earlier schema.
func TestMigrateDownAndUp(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		db := m.mustOpen(t, m.fresh(t))
		p := m.provider(t, db)
		sources := p.ListSources()
		latest := sources[len(sources)-1].Version
		checkVersion(t, p, latest)

		versions := []int64{0}
		for _, s := range sources[:len(sources)-1] {
			versions = append(versions, s.Version)
		}
		for i, v := range versions {
			if _, err := p.DownTo(ctx, v); err != nil {
				t.Fatalf("down to %d: %v", v, err)
			}
			checkVersion(t, p, v)
			if v == 0 {
				checkNoTables(t, db, m.tables)
			}
			if _, err := p.Up(ctx); err != nil {
				t.Fatalf("up from %d: %v", v, err)
			}
			checkVersion(t, p, latest)
			slug := fmt.Sprintf("after-%d", i)
			err := db.Update(ctx, func(tx store.Tx) error {
				return tx.CreateArticle(ctx, &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: slug,
					Title: "T", Status: content.StatusPublished, PublishAt: time.Now()})
			})
			if err != nil {
				t.Fatalf("writing after up from %d: %v", v, err)
			}
			if _, err := db.Article(ctx, "fr", slug); err != nil {
				t.Fatalf("reading after up from %d: %v", v, err)
			}
		}
	})
}

func checkVersion(t *testing.T, p *goose.Provider, want int64) {
	t.Helper()
	got, err := p.GetDBVersion(t.Context())
	if err != nil || got != want {
		t.Fatalf("schema version %d, %v; want %d", got, err, want)
	}
}

// checkNoTables fails if version 0 left any table besides goose's own.
func checkNoTables(t *testing.T, db *DB, query string) {
	t.Helper()
	var n int
	if err := db.write.QueryRowContext(t.Context(), query).Scan(&n); err != nil || n != 0 {
		t.Fatalf("tables left at version 0: %d, %v", n, err)
	}
}

// TestOpenTwiceAppliesNothing checks that opening a migrated database again records no
// migration: goose writes a row for each one it applies.
func TestOpenTwiceAppliesNothing(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		where := m.fresh(t)
		first := versionRows(t, m.mustOpen(t, where))
		second := versionRows(t, m.mustOpen(t, where))
		if first < 2 || second != first {
			t.Errorf("goose_db_version rows: %d after the first open, %d after the second; want the same, at least 2", first, second)
		}
	})
}

// TestOpenConcurrently starts several instances on one database at the same moment, as
// a deployment does: each must open, and each migration must be applied once. On a new
// database goose's retries around creating its version table hide a missing lock, so
// the database is also taken back to version 0 with that table in place, as after an
// upgrade that brings every migration at once.
func TestOpenConcurrently(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		where := m.fresh(t)
		openAtOnce(t, m, where)
		db := m.mustOpen(t, where)
		p := m.provider(t, db)
		if _, err := p.DownTo(t.Context(), 0); err != nil {
			t.Fatalf("down to 0: %v", err)
		}
		db.Close()
		openAtOnce(t, m, where)
	})
}

// openAtOnce opens where from several goroutines at once and checks that goose's table
// then holds one row per migration.
func openAtOnce(t *testing.T, m migrationTarget, where string) {
	t.Helper()
	const instances = 4
	dbs := make([]*DB, instances)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range dbs {
		wg.Go(func() {
			<-start
			db, err := m.open(t, where)
			if err != nil {
				t.Errorf("instance %d: %v", i, err)
				return
			}
			dbs[i] = db
		})
	}
	close(start)
	wg.Wait()
	defer func() {
		for _, db := range dbs {
			if db != nil {
				db.Close()
			}
		}
	}()
	if t.Failed() {
		t.FailNow()
	}
	sources := len(m.provider(t, dbs[0]).ListSources())
	var n int
	err := dbs[0].write.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM goose_db_version WHERE is_applied`).Scan(&n)
	// One row per migration, plus goose's row for version 0.
	if err != nil || n != sources+1 {
		t.Errorf("goose_db_version holds %d applied rows (%v) for %d migrations; want each applied once", n, err, sources)
	}
}

func versionRows(t *testing.T, db *DB) int {
	t.Helper()
	var n int
	if err := db.write.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM goose_db_version`).Scan(&n); err != nil {
		t.Fatalf("goose_db_version: %v", err)
	}
	return n
}
