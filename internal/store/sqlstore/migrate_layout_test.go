package sqlstore

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// TestRelayArticles upgrades a SQLite database with articles, their tags, authors,
// dossiers and search entries written in the old column order: afterwards every value,
// index and reference is as it was, and the short columns come before the long texts.
func TestRelayArticles(t *testing.T) {
	m := migrationTargets["sqlite"]
	ctx := t.Context()
	// A database as the version before this migration left it, written by the store.
	path := filepath.Join(t.TempDir(), SQLiteFile)
	write, err := sql.Open("sqlite", sqliteDSN(path, false))
	if err != nil {
		t.Fatal(err)
	}
	read, err := sql.Open("sqlite", sqliteDSN(path, true))
	if err != nil {
		t.Fatal(err)
	}
	db := newDB(read, write, sqliteDialect, Options{}.withDefaults())
	t.Cleanup(func() { db.Close() })
	p := m.provider(t, db)
	if _, err := p.UpTo(ctx, articleLayoutVersion-1); err != nil {
		t.Fatalf("up to %d: %v", articleLayoutVersion-1, err)
	}
	if got := columnsOf(t, db); got[len(got)-1] == "body_html" {
		t.Fatalf("before the migration the columns are already %v", got)
	}
	var section content.Section
	err = db.Update(ctx, func(tx store.Tx) error {
		section = content.Section{Names: map[content.Lang]content.SectionName{"fr": {Slug: "travail", Name: "Travail"}}}
		if err := tx.CreateSection(ctx, &section); err != nil {
			return err
		}
		for i := range 30 {
			a := &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: fmt.Sprint("a", i),
				Title: fmt.Sprint("Grève numéro ", i), Body: strings.Repeat("Un long texte. ", 400),
				BodyHTML: "<p>" + strings.Repeat("Un long texte. ", 400) + "</p>", Status: content.StatusPublished,
				SectionID: section.ID, PublishAt: time.Unix(int64(1_700_000_000+i*3600), 0)}
			if i%5 == 0 {
				a.Status = content.StatusDraft
			}
			if err := tx.CreateArticle(ctx, a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	before := dumpArticles(t, db)
	indexesBefore := articleIndexes(t, db)

	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("up: %v", err)
	}
	if got := dumpArticles(t, db); !slices.Equal(got, before) {
		t.Errorf("the articles changed in the migration")
	}
	if got := articleIndexes(t, db); !slices.Equal(got, indexesBefore) {
		t.Errorf("indexes after the migration: %v, before: %v", got, indexesBefore)
	}
	cols := columnsOf(t, db)
	if cols[len(cols)-1] != "body_html" || cols[len(cols)-2] != "body" || slices.Index(cols, "deleted_at") > slices.Index(cols, "title") {
		t.Errorf("columns after the migration: %v", cols)
	}
	var fk int
	if err := db.read.QueryRowContext(ctx, `SELECT foreign_keys FROM pragma_foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign keys on the read pool: %d, %v", fk, err)
	}
	if err := db.write.QueryRowContext(ctx, `SELECT foreign_keys FROM pragma_foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign keys on the write pool: %d, %v", fk, err)
	}
	// The store works on the new table: a list, a search, a write that a reference checks.
	list, err := db.Articles(ctx, store.ListQuery{Audience: store.Readers, Lang: "fr", SectionIDs: []int64{section.ID}, Limit: 5})
	if err != nil || len(list) != 5 || list[0].Slug != "a29" {
		t.Errorf("section list after the migration: %v, %v", list, err)
	}
	err = db.Update(ctx, func(tx store.Tx) error {
		return tx.CreateArticle(ctx, &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: "orphan",
			Title: "T", Status: content.StatusDraft, SectionID: 999})
	})
	if err == nil {
		t.Error("an article in a section that does not exist was written: foreign keys are off")
	}
}

func columnsOf(t *testing.T, db *DB) []string {
	return readStrings(t, db, `SELECT name FROM pragma_table_info('articles') ORDER BY cid`)
}

func articleIndexes(t *testing.T, db *DB) []string {
	return readStrings(t, db, `SELECT name || ' ' || COALESCE(sql, '') FROM sqlite_schema
		WHERE tbl_name = 'articles' AND type = 'index' ORDER BY name`)
}

// readStrings returns the one column of text query selects, in order.
func readStrings(t *testing.T, db *DB, query string) []string {
	t.Helper()
	rows, err := db.read.QueryContext(t.Context(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func dumpArticles(t *testing.T, db *DB) []string {
	t.Helper()
	rows, err := db.read.QueryContext(t.Context(), `SELECT id, story_id, kind, lang, slug, title, standfirst, body, body_html,
		signature, COALESCE(section_id, 0), status, featured, image_path, image_alt, image_caption, image_credit,
		COALESCE(publish_at, 0), created_at, updated_at, version, COALESCE(created_by, 0), COALESCE(updated_by, 0),
		COALESCE(deleted_at, 0), title_folded FROM articles ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(vals...))
	}
	return out
}
