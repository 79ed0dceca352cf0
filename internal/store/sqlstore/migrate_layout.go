package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/pressly/goose/v3"
)

// articleLayoutVersion rewrites SQLite's articles table with the columns that lists and
// filters read (status, dates, section, the trash mark…) before the long texts. SQLite
// stores a row's columns in order and puts what does not fit in a page on overflow
// pages: with the body first, checking whether an article is published meant reading
// its whole body, and related reading on 100,000 articles took 0.5–1 ms instead of
// 0.2. PostgreSQL keeps long values apart by itself and has no such migration.
const articleLayoutVersion = 12

// articleLayout is the new order, each with its definition as the earlier migrations
// gave it.
var articleLayout = []struct{ name, def string }{
	{"id", "INTEGER PRIMARY KEY"},
	{"story_id", "INTEGER NOT NULL"},
	{"kind", "TEXT NOT NULL CHECK (kind IN ('article', 'press_release', 'photo_report'))"},
	{"lang", "TEXT NOT NULL"},
	{"slug", "TEXT NOT NULL"},
	{"status", "TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'scheduled', 'published', 'archived'))"},
	{"featured", "BOOLEAN NOT NULL DEFAULT FALSE"},
	{"section_id", "INTEGER REFERENCES sections (id)"},
	{"publish_at", "INTEGER"},
	{"created_at", "INTEGER NOT NULL"},
	{"updated_at", "INTEGER NOT NULL"},
	{"version", "INTEGER NOT NULL DEFAULT 1"},
	{"created_by", "INTEGER REFERENCES users (id) ON DELETE SET NULL"},
	{"updated_by", "INTEGER REFERENCES users (id) ON DELETE SET NULL"},
	{"deleted_at", "INTEGER"},
	{"title", "TEXT NOT NULL"},
	{"standfirst", "TEXT NOT NULL DEFAULT ''"},
	{"signature", "TEXT NOT NULL DEFAULT ''"},
	{"image_path", "TEXT NOT NULL DEFAULT ''"},
	{"image_alt", "TEXT NOT NULL DEFAULT ''"},
	{"image_caption", "TEXT NOT NULL DEFAULT ''"},
	{"image_credit", "TEXT NOT NULL DEFAULT ''"},
	{"title_folded", "TEXT NOT NULL DEFAULT ''"},
	{"body", "TEXT NOT NULL DEFAULT ''"},
	{"body_html", "TEXT NOT NULL DEFAULT ''"},
}

func articleLayoutMigration() *goose.Migration {
	return goose.NewGoMigration(articleLayoutVersion,
		&goose.GoFunc{RunDB: relayArticles},
		&goose.GoFunc{RunDB: forgetArticleLayout})
}

// relayArticles copies the articles into a table with the new column order, as SQLite's
// documentation describes for changes ALTER TABLE cannot make: foreign keys off (they
// cannot be switched inside a transaction), then one transaction that creates the new
// table, copies, drops the old one, renames the new one and recreates every index the old
// one had, then a check that every reference still holds.
func relayArticles(ctx context.Context, db *sql.DB) (err error) {
	conn, err := db.Conn(ctx) // the pragma holds for one connection
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return err
	}
	defer func() {
		if _, e := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`); e != nil && err == nil {
			err = e
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op once committed

	if err := checkArticleColumns(ctx, tx); err != nil {
		return err
	}
	var indexes []string
	rows, err := tx.QueryContext(ctx, `SELECT sql FROM sqlite_schema
		WHERE tbl_name = 'articles' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return err
		}
		indexes = append(indexes, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	names := make([]string, len(articleLayout))
	defs := make([]string, len(articleLayout))
	for i, c := range articleLayout {
		names[i], defs[i] = c.name, c.name+" "+c.def
	}
	list := strings.Join(names, ", ")
	statements := []string{
		`CREATE TABLE articles_relaid (` + strings.Join(defs, ", ") + `, UNIQUE (lang, slug))`,
		`INSERT INTO articles_relaid (` + list + `) SELECT ` + list + ` FROM articles`,
		`DROP TABLE articles`,
		`ALTER TABLE articles_relaid RENAME TO articles`,
	}
	for _, s := range append(statements, indexes...) {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("relaying the articles table: %w", err)
		}
	}
	var broken int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_foreign_key_check`).Scan(&broken); err != nil {
		return err
	}
	if broken > 0 {
		return fmt.Errorf("relaying the articles table: %d references would no longer hold", broken)
	}
	// The statistics went with the old table. A new database has none to restore:
	// counts of its empty table would only mislead the planner while it fills.
	var filled bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles)`).Scan(&filled); err != nil {
		return err
	}
	if filled {
		if _, err := tx.ExecContext(ctx, `ANALYZE articles`); err != nil {
			return err
		}
		if err := dropSamples(ctx, tx, sqliteDialect); err != nil {
			return err
		}
	}
	// Every query names its columns: older versions read and write the new order alike.
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_compat (version, older_binaries_may_write)
		VALUES ($1, TRUE) ON CONFLICT (version) DO NOTHING`, articleLayoutVersion); err != nil {
		return err
	}
	return tx.Commit()
}

// forgetArticleLayout is the way down: the new order holds the same data and stays,
// but the migration is no longer one the database has had.
func forgetArticleLayout(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, `DELETE FROM schema_compat WHERE version = $1`, articleLayoutVersion)
	return err
}

// checkArticleColumns makes sure the table has exactly the columns the new layout
// lists, so that nothing is lost in the copy.
func checkArticleColumns(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM pragma_table_info('articles')`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var have []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return err
		}
		have = append(have, name)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	want := make([]string, len(articleLayout))
	for i, c := range articleLayout {
		want[i] = c.name
	}
	slices.Sort(have)
	slices.Sort(want)
	if !slices.Equal(have, want) {
		return fmt.Errorf("relaying the articles table: it has the columns %v, the new layout %v", have, want)
	}
	return nil
}
