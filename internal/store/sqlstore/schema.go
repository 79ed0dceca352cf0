package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pressly/goose/v3"

	"github.com/roneo/roneo/internal/store"
)

// A database's schema may be newer than this program: a newer version of Roneo
// migrated it (a rolling upgrade under way, or a version put back after an upgrade).
// This program then applies nothing, reads as usual, and writes only where every
// migration it does not know says in schema_compat that older versions may (migration
// 10 creates the table; each later migration adds its row). Otherwise the store
// refuses every write, unless Options.AllowNewerSchema: the write pool itself is
// opened read-only, so that no write path can forget to ask.

// schemaCompatVersion is the migration that creates schema_compat: it and every later
// one add their row (TestEveryMigrationSaysWhetherOlderVersionsMayWrite).
const schemaCompatVersion = 10

// ErrWritesRefused is what every write answers when the schema is newer than this
// program and not marked safe for it. It is an ErrUnavailable: an instance of the
// newer version can take the write, and the reader gets a 503, not a 500.
var ErrWritesRefused = fmt.Errorf("%w: this version of Roneo does not write to a database whose schema is newer than it knows", store.ErrUnavailable)

// SchemaStatus says how the database's schema compares with this program's, as found
// when the database was opened.
func (db *DB) SchemaStatus() store.SchemaStatus { return db.schema }

// writesRefused is the error of a write while the schema forbids them, with both
// versions.
func (db *DB) writesRefused() error {
	return fmt.Errorf("%w (the database is at migration %d, this version knows migrations up to %d, and the newer ones are not marked safe for older versions)",
		ErrWritesRefused, db.schema.Current, db.schema.Known)
}

// latestMigration is the last migration this program has.
func latestMigration(p *goose.Provider) int64 {
	sources := p.ListSources()
	if len(sources) == 0 {
		return 0
	}
	return sources[len(sources)-1].Version
}

// readSchemaVersion is the latest migration applied to the database, 0 for a database
// no migration has touched.
func readSchemaVersion(ctx context.Context, c *sql.DB, d *dialect) (int64, error) {
	exists, err := tableExists(ctx, c, d, "goose_db_version")
	if err != nil || !exists {
		return 0, err
	}
	var v int64
	err = c.QueryRowContext(ctx, `SELECT COALESCE(MAX(version_id), 0) FROM goose_db_version`).Scan(&v)
	return v, d.translate(err)
}

// readSchemaStatus compares the database's schema with known, the latest migration
// this program has: a newer schema is safe when each of its migrations this program
// does not know has a row in schema_compat allowing older versions to write.
func readSchemaStatus(ctx context.Context, c *sql.DB, d *dialect, known int64) (store.SchemaStatus, error) {
	current, err := readSchemaVersion(ctx, c, d)
	if err != nil {
		return store.SchemaStatus{}, fmt.Errorf("schema version: %w", err)
	}
	s := store.SchemaStatus{Known: known, Current: current}
	if !s.Newer() {
		return s, nil
	}
	if marked, err := tableExists(ctx, c, d, "schema_compat"); err != nil || !marked {
		return s, err
	}
	var unsafe int
	err = c.QueryRowContext(ctx, `SELECT COUNT(*) FROM goose_db_version g WHERE g.version_id > $1
		AND NOT EXISTS (SELECT 1 FROM schema_compat c WHERE c.version = g.version_id AND c.older_binaries_may_write)`,
		known).Scan(&unsafe)
	if err != nil {
		return s, fmt.Errorf("schema compatibility: %w", d.translate(err))
	}
	s.NewerSafe = unsafe == 0
	return s, nil
}

// tableExists answers whether table exists, through a pool or in a transaction.
func tableExists(ctx context.Context, c rowQuerier, d *dialect, table string) (bool, error) {
	var exists bool
	err := c.QueryRowContext(ctx, d.tableExists, table).Scan(&exists)
	return exists, d.translate(err)
}
