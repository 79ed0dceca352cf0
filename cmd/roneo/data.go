package main

import (
	"context"
	"flag"
	"path/filepath"

	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/sqlstore"
)

// dataFlags say where the data lives; every subcommand that touches data takes them.
type dataFlags struct {
	Dir string
}

func (d *dataFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.Dir, "data", d.Dir, "data directory: the SQLite database and media files")
}

func (d *dataFlags) open(ctx context.Context) (store.Store, error) {
	return sqlstore.OpenSQLite(ctx, d.Dir, sqlstore.Options{})
}

func (d *dataFlags) mediaDir() string { return filepath.Join(d.Dir, "media") }

func (d *dataFlags) describe() string { return "sqlite:" + filepath.Join(d.Dir, sqlstore.SQLiteFile) }
