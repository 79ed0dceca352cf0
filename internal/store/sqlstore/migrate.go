package sqlstore

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
)

//go:embed migrations
var migrations embed.FS

// migrate applies pending migrations from the dialect's folder, each in a transaction,
// and records them in goose's version table. Then it compares the schema with this
// program's (see schema.go) and says whether writes are refused.
//
// A database a newer version has migrated is left as it is: this program has nothing
// to add, and goose would refuse it anyway if that version had renumbered or folded
// migrations this program knows (goose takes a known migration missing below the
// latest one for one applied out of order).
//
// A database this program knows every migration of may lack one below its latest all
// the same: migrations are numbered when they are written and land in another order
// (12 reached databases before 11, the search's re-analysis, had landed). Such a migration
// is applied then, as goose's out-of-order option does: each one stands on its own.
func (db *DB) migrate(ctx context.Context, d goose.Dialect, dir string, opts ...goose.ProviderOption) error {
	opts = append(opts, goose.WithAllowOutofOrder(true))
	p, err := newMigrationProvider(db.write, d, dir, opts...)
	if err != nil {
		return err
	}
	known := latestMigration(p)
	current, err := readSchemaVersion(ctx, db.write, db.dialect)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if current <= known {
		if _, err := p.Up(ctx); err != nil && !db.migratedByNewer(ctx, known) {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	status, err := readSchemaStatus(ctx, db.write, db.dialect, known)
	if err != nil {
		return err
	}
	status.WritesRefused = status.Newer() && !status.NewerSafe && !db.allowNewerSchema
	db.schema = status
	return nil
}

// migratedByNewer reports whether a newer version migrated the database while this one
// was about to: its migrations are not this program's to check.
func (db *DB) migratedByNewer(ctx context.Context, known int64) bool {
	v, err := readSchemaVersion(ctx, db.write, db.dialect)
	return err == nil && v > known
}

// goMigrations are the migrations written in Go, beside the SQL files of dir: each
// is in the file of what it migrates. SQLite alone relays its articles table; PostgreSQL
// takes that version with an SQL file that changes nothing.
func goMigrations(d goose.Dialect) []*goose.Migration {
	ms := []*goose.Migration{foldTitlesMigration(), searchMigration(d), reanalyseSearchMigration(d)}
	if d == goose.DialectSQLite3 {
		ms = append(ms, articleLayoutMigration())
	}
	return ms
}

func newMigrationProvider(w *sql.DB, d goose.Dialect, dir string, opts ...goose.ProviderOption) (*goose.Provider, error) {
	sub, err := fs.Sub(migrations, dir)
	if err != nil {
		return nil, err
	}
	opts = append(opts, goose.WithDisableGlobalRegistry(true), goose.WithGoMigrations(goMigrations(d)...))
	return goose.NewProvider(d, w, sub, opts...)
}
