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
// and records them in goose's version table.
func (db *DB) migrate(ctx context.Context, d goose.Dialect, dir string, opts ...goose.ProviderOption) error {
	p, err := newMigrationProvider(db.write, d, dir, opts...)
	if err != nil {
		return err
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

func newMigrationProvider(w *sql.DB, d goose.Dialect, dir string, opts ...goose.ProviderOption) (*goose.Provider, error) {
	sub, err := fs.Sub(migrations, dir)
	if err != nil {
		return nil, err
	}
	opts = append(opts, goose.WithDisableGlobalRegistry(true), goose.WithGoMigrations(goMigrations(d)...))
	return goose.NewProvider(d, w, sub, opts...)
}
