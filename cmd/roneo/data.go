package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/roneo/roneo/internal/store/sqlstore"
)

// dataFlags say where the data lives; every subcommand that touches data takes them.
type dataFlags struct {
	Dir      string // the data directory: SQLite database, and media unless Media says otherwise
	Database string // a postgres:// URL; empty means SQLite in Dir
	Media    string // a directory or s3://host/bucket; empty means Dir/media
}

func (d *dataFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.Dir, "data", d.Dir, "data directory: the SQLite database, and media files unless --media says otherwise")
	fs.StringVar(&d.Database, "database", d.Database, "PostgreSQL URL (postgres://user@host/db); without it, SQLite in --data")
	fs.StringVar(&d.Media, "media", d.Media, "where media files live: a directory, or s3://host[:port]/bucket[/prefix] with RONEO_S3_ACCESS_KEY and RONEO_S3_SECRET_KEY (default: <data>/media)")
}

// location is the database part of the flags, as copy, backup and restore name it:
// "sqlite:DIR" or a postgres:// URL.
func (d *dataFlags) location() string {
	if d.Database != "" {
		return d.Database
	}
	return "sqlite:" + d.Dir
}

func (d *dataFlags) open(ctx context.Context) (*sqlstore.DB, error) {
	return openLocation(ctx, d.location())
}

// openLogged is open for long-running commands, whose store reports lost connections.
func (d *dataFlags) openLogged(ctx context.Context, log *slog.Logger) (*sqlstore.DB, error) {
	return openLocationWith(ctx, d.location(), sqlstore.Options{Log: log})
}

func (d *dataFlags) mediaLocation() string {
	if d.Media != "" {
		return d.Media
	}
	return filepath.Join(d.Dir, "media")
}

func (d *dataFlags) describe() string { return describeLocation(d.location()) }

// openLocation opens "sqlite:DIR", a bare directory, or a postgres:// URL.
func openLocation(ctx context.Context, loc string) (*sqlstore.DB, error) {
	return openLocationWith(ctx, loc, sqlstore.Options{})
}

func openLocationWith(ctx context.Context, loc string, opts sqlstore.Options) (*sqlstore.DB, error) {
	switch {
	case strings.HasPrefix(loc, "postgres://"), strings.HasPrefix(loc, "postgresql://"):
		db, err := sqlstore.OpenPostgres(ctx, loc, opts)
		if err != nil {
			return nil, fmt.Errorf("database %s: %w", describeLocation(loc), err)
		}
		return db, nil
	case strings.Contains(loc, "://"):
		return nil, fmt.Errorf("%w: %q is not a database: use sqlite:DIR or postgres://…", errUsage, describeLocation(loc))
	}
	dir := strings.TrimPrefix(loc, "sqlite:")
	if dir == "" {
		return nil, fmt.Errorf("%w: sqlite: needs a directory, as in sqlite:./roneo-data", errUsage)
	}
	return sqlstore.OpenSQLite(ctx, dir, opts)
}

// describeLocation names a database for messages and logs, without its password.
func describeLocation(loc string) string {
	if strings.Contains(loc, "://") {
		if u, err := url.Parse(loc); err == nil {
			return u.Redacted()
		}
		return "(an unparsable URL)"
	}
	return "sqlite:" + filepath.Join(strings.TrimPrefix(loc, "sqlite:"), sqlstore.SQLiteFile)
}

// defaultMediaFor is where a location's media live when nobody says: next to a SQLite
// database; nowhere known for PostgreSQL.
func defaultMediaFor(loc string) string {
	if strings.Contains(loc, "://") {
		return ""
	}
	return filepath.Join(strings.TrimPrefix(loc, "sqlite:"), "media")
}
