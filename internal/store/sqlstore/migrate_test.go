package sqlstore

import (
	"fmt"
	"testing"
	"time"

	"github.com/pressly/goose/v3"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// TestMigrateDownAndUp takes the schema down to every earlier version and back up, so that
// each Down undoes its Up and every later Up applies on top of an earlier schema.
func TestMigrateDownAndUp(t *testing.T) {
	ctx := t.Context()
	db, err := OpenSQLite(ctx, t.TempDir(), Options{})
	if err != nil {
		t.Fatalf("OpenSQLite: %v", err)
	}
	defer db.Close()
	p, err := newMigrationProvider(db.write, goose.DialectSQLite3, "migrations/sqlite")
	if err != nil {
		t.Fatalf("provider: %v", err)
	}
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
			checkNoTables(t, db)
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
}

func checkVersion(t *testing.T, p *goose.Provider, want int64) {
	t.Helper()
	got, err := p.GetDBVersion(t.Context())
	if err != nil || got != want {
		t.Fatalf("schema version %d, %v; want %d", got, err, want)
	}
}

// checkNoTables fails if version 0 left any table besides goose's own.
func checkNoTables(t *testing.T, db *DB) {
	t.Helper()
	var n int
	err := db.write.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM sqlite_master
		WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name <> 'goose_db_version'`).Scan(&n)
	if err != nil || n != 0 {
		t.Fatalf("tables left at version 0: %d, %v", n, err)
	}
}

// TestOpenTwiceAppliesNothing checks that opening a migrated directory again records no
// migration: goose writes a row for each one it applies.
func TestOpenTwiceAppliesNothing(t *testing.T) {
	dir := t.TempDir()
	applied := func() int {
		t.Helper()
		db, err := OpenSQLite(t.Context(), dir, Options{})
		if err != nil {
			t.Fatalf("OpenSQLite: %v", err)
		}
		defer db.Close()
		var n int
		if err := db.write.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM goose_db_version`).Scan(&n); err != nil {
			t.Fatalf("goose_db_version: %v", err)
		}
		return n
	}
	first, second := applied(), applied()
	if first < 2 || second != first {
		t.Errorf("goose_db_version rows: %d after the first open, %d after the second; want the same, at least 2", first, second)
	}
}
