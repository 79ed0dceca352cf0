package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/roneo/roneo/internal/store/sqlstore"
)

// dataFlags say where the data lives; every subcommand that touches data takes them.
type dataFlags struct {
	Dir      string // the data directory: SQLite database, and media unless Media says otherwise
	Database string // a database location (see checkLocation); empty means SQLite in Dir
	Media    string // a directory or s3://host/bucket; empty means Dir/media
	// AllowNewerSchema uses a database whose schema is newer than this program's even
	// where that is not marked safe (see sqlstore/schema.go).
	AllowNewerSchema bool
}

func (d *dataFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.Dir, "data", d.Dir, "data directory: the SQLite database, and media files unless --media says otherwise")
	fs.StringVar(&d.Database, "database", d.Database, `PostgreSQL database, postgres://user@host/db or "host=… dbname=…" (or sqlite:DIR); without it, SQLite in --data`)
	fs.StringVar(&d.Media, "media", d.Media, "where media files live: a directory, or s3://host[:port]/bucket[/prefix] with RONEO_S3_ACCESS_KEY and RONEO_S3_SECRET_KEY (default: <data>/media)")
	fs.BoolVar(&d.AllowNewerSchema, "allow-newer-schema", d.AllowNewerSchema, allowNewerSchemaUsage)
}

// check refuses a database location that names no database, before anything is
// opened or created.
func (d *dataFlags) check() error {
	if d.Database != "" {
		return checkLocation("--database", d.Database)
	}
	if d.Dir == "" || strings.Contains(d.Dir, "://") || looksLikeKeywordValue(d.Dir) {
		return fmt.Errorf("%w: --data %q is not a directory: a PostgreSQL database goes in --database", errUsage, redactLocation(d.Dir))
	}
	return nil
}

// location is the database part of the flags, as copy, backup and restore name it:
// "sqlite:DIR" or a PostgreSQL location.
func (d *dataFlags) location() string {
	if d.Database != "" {
		return d.Database
	}
	return "sqlite:" + d.Dir
}

func (d *dataFlags) open(ctx context.Context) (*sqlstore.DB, error) {
	return d.openWith(ctx, sqlstore.Options{})
}

// openLogged is open for long-running commands, whose store reports lost connections.
func (d *dataFlags) openLogged(ctx context.Context, log *slog.Logger) (*sqlstore.DB, error) {
	return d.openWith(ctx, sqlstore.Options{Log: log})
}

func (d *dataFlags) openWith(ctx context.Context, opts sqlstore.Options) (*sqlstore.DB, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	opts.AllowNewerSchema = d.AllowNewerSchema
	return openLocationWith(ctx, d.location(), opts)
}

// mediaLocation is --media, or the media directory beside a SQLite database, or in the
// data directory.
func (d *dataFlags) mediaLocation() string {
	if d.Media != "" {
		return d.Media
	}
	if m := defaultMediaFor(d.location()); m != "" {
		return m
	}
	return filepath.Join(d.Dir, "media")
}

func (d *dataFlags) describe() string { return describeLocation(d.location()) }

// sqliteDir is the directory of the SQLite database, or "" for PostgreSQL.
func (d *dataFlags) sqliteDir() string {
	loc := d.location()
	if isPostgresURL(loc) || looksLikeKeywordValue(loc) {
		return ""
	}
	return strings.TrimPrefix(loc, "sqlite:")
}

// checkLocation refuses, as a mistake of flag, a location that names no database. A
// database is "sqlite:DIR", a PostgreSQL URL (postgres://, postgresql://) or a libpq
// keyword/value string ("host=db dbname=roneo"); a directory alone is --data's. Anything
// else is refused rather than taken for a directory: a mistyped URL would otherwise
// become a new, empty site in a directory named after it, password included.
func checkLocation(flag, loc string) error {
	switch {
	case strings.HasPrefix(loc, "sqlite:"):
		if strings.TrimPrefix(loc, "sqlite:") == "" {
			return fmt.Errorf("%w: %s sqlite: needs a directory, as in sqlite:./roneo-data", errUsage, flag)
		}
		return nil
	case isPostgresURL(loc), looksLikeKeywordValue(loc):
		if _, err := pgx.ParseConfig(loc); err != nil {
			return fmt.Errorf("%w: %s %q is not a PostgreSQL location pgx can read: check its form (postgres://user:password@host:5432/db or \"host=… dbname=…\")",
				errUsage, flag, redactLocation(loc))
		}
		return nil
	}
	return fmt.Errorf("%w: %s %q is not a database: use postgres://user:password@host:5432/db, \"host=… user=… dbname=…\" or sqlite:DIR (a directory alone goes in --data)",
		errUsage, flag, redactLocation(loc))
}

func isPostgresURL(loc string) bool {
	return strings.HasPrefix(loc, "postgres://") || strings.HasPrefix(loc, "postgresql://")
}

// keywordValue is the start of a libpq keyword/value string that names a server or a
// database; a lone "a=b" is more likely a mistake than a connection to the defaults.
var keywordValue = regexp.MustCompile(`(^|\s)(host|hostaddr|dbname|service)\s*=`)

func looksLikeKeywordValue(loc string) bool {
	return !strings.Contains(loc, "://") && keywordValue.MatchString(loc)
}

// openLocation opens "sqlite:DIR", a bare directory (a --data), or a PostgreSQL
// location.
func openLocation(ctx context.Context, loc string) (*sqlstore.DB, error) {
	return openLocationWith(ctx, loc, sqlstore.Options{})
}

func openLocationWith(ctx context.Context, loc string, opts sqlstore.Options) (*sqlstore.DB, error) {
	switch {
	case isPostgresURL(loc), looksLikeKeywordValue(loc):
		db, err := sqlstore.OpenPostgres(ctx, loc, opts)
		if err != nil {
			return nil, fmt.Errorf("database %s: %w", describeLocation(loc), err)
		}
		return db, nil
	case strings.Contains(loc, "://"):
		return nil, checkLocation("database", loc)
	}
	dir := strings.TrimPrefix(loc, "sqlite:")
	if dir == "" {
		return nil, fmt.Errorf("%w: sqlite: needs a directory, as in sqlite:./roneo-data", errUsage)
	}
	return sqlstore.OpenSQLite(ctx, dir, opts)
}

// describeLocation names a database for messages and logs, without its password.
func describeLocation(loc string) string {
	switch {
	case isPostgresURL(loc), looksLikeKeywordValue(loc), strings.Contains(loc, "://"):
		return redactLocation(loc)
	}
	return "sqlite:" + filepath.Join(strings.TrimPrefix(loc, "sqlite:"), sqlstore.SQLiteFile)
}

var (
	// passwordParam is a password in a keyword/value string or a URL's query, quoted
	// or not.
	passwordParam = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]*)`)
	// schemeLike is what may stay visible before the credentials of something that
	// looks like a URL: a scheme or a user name, and the colon after it. The password,
	// if any, comes after that colon.
	schemeLike = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:/*`)
)

// redactLocation masks every password a location may hold, whatever its form, well
// formed or not: a URL's user information, a password= keyword or query parameter. In
// a string that does not parse as a URL, everything between its scheme (or user name)
// and the last @ is masked, since nobody can tell where the password ends.
func redactLocation(loc string) string {
	loc = passwordParam.ReplaceAllString(loc, "${1}xxxxx")
	if isPostgresURL(loc) {
		if u, err := url.Parse(loc); err == nil {
			return u.Redacted()
		}
	}
	at := strings.LastIndex(loc, "@")
	if at < 0 || looksLikeKeywordValue(loc) {
		return loc
	}
	return schemeLike.FindString(loc[:at]) + "…" + loc[at:]
}

// defaultMediaFor is where a location's media live when nobody says: next to a SQLite
// database; nowhere known for PostgreSQL.
func defaultMediaFor(loc string) string {
	if isPostgresURL(loc) || looksLikeKeywordValue(loc) || strings.Contains(loc, "://") {
		return ""
	}
	return filepath.Join(strings.TrimPrefix(loc, "sqlite:"), "media")
}
