package sqlstore

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/pressly/goose/v3"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/search"
	"github.com/roneo/roneo/internal/store"
)

// TestMigrateReanalysesTheSearchIndex upgrades a database whose index an older version
// wrote: migration 11 must analyse every article and document again, across several
// batches, and say that older versions may still write.
func TestMigrateReanalysesTheSearchIndex(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		db := m.mustOpen(t, m.fresh(t))
		now := time.Now()
		const n = 2*buildBatch + 3
		base := now.Add(-n * time.Hour)
		writeArticles(t, db, n, base, func(i int) string { return fmt.Sprint("Conseil communal ", i) })
		err := db.Update(ctx, func(tx store.Tx) error {
			err := tx.CreateArticle(ctx, &content.Article{Kind: content.KindArticle, Lang: "nl", Slug: "scene",
				Title: "De culturele scène protesteert", Status: content.StatusPublished, PublishAt: now.Add(-time.Minute)})
			if err != nil {
				return err
			}
			return tx.(store.SearchIndexWriter).IndexDocument(ctx, store.SearchDocument{
				Subject: store.Subject{Type: "issue-page", ID: 7}, Part: 1, Lang: "en",
				Title: "Rôles", Body: "The rôles of the élites.", Visible: true, PublishAt: now.Add(-time.Minute)})
		})
		if err != nil {
			t.Fatal(err)
		}
		// As when the database is opened, which applies a migration that landed after
		// later-numbered ones.
		p := m.provider(t, db, goose.WithAllowOutofOrder(true))
		if _, err := p.DownTo(ctx, reanalyseSearchVersion-1); err != nil {
			t.Fatalf("down to %d: %v", reanalyseSearchVersion-1, err)
		}
		// The later migrations again, so that the store reads a schema it knows: the
		// analysis alone is missing, as on the databases that had 12 before it landed.
		for _, s := range p.ListSources() {
			if s.Version <= reanalyseSearchVersion {
				continue
			}
			if _, err := p.ApplyVersion(ctx, s.Version, true); err != nil {
				t.Fatalf("applying %d: %v", s.Version, err)
			}
		}
		// What an older analysis left: terms that no longer are.
		stale := search.Fields{Title: "stale", Body: "stale"}
		for _, c := range db.dialect.search.collections() {
			srcs, err := scanSources(db.read.QueryContext(ctx, c.readAfter, 0, 10*buildBatch))
			if err != nil {
				t.Fatal(err)
			}
			for _, src := range srcs {
				if _, err := db.write.ExecContext(ctx, c.put(1), c.entryArgs(indexEntry{id: src.id, version: src.version, fields: stale})...); err != nil {
					t.Fatal(err)
				}
			}
		}
		if res := mustSearchDB(t, db, store.SearchQuery{Text: "stale ", Now: now}); len(res.Hits) == 0 {
			t.Fatal("the stale index does not find its stale term")
		}
		if _, err := p.Up(ctx); err != nil {
			t.Fatalf("up: %v", err)
		}
		if res := mustSearchDB(t, db, store.SearchQuery{Text: "stale ", Now: now, Types: []string{store.SubjectArticle, "issue-page"}}); res.Total != 0 {
			t.Errorf("after the upgrade %d entries still hold the stale term", res.Total)
		}
		if res := mustSearchDB(t, db, store.SearchQuery{Text: "conseil communal 1999 ", Now: now}); len(res.Hits) != 1 || res.Hits[0].Slug != "a1999" {
			t.Errorf("conseil communal 1999 after the upgrade: %+v", res.Hits)
		}
		for _, text := range []string{"scène", "scene"} {
			if res := mustSearchDB(t, db, store.SearchQuery{Text: text, Now: now}); len(res.Hits) != 1 || res.Hits[0].Slug != "scene" {
				t.Errorf("%s after the upgrade: %+v", text, res.Hits)
			}
		}
		for _, text := range []string{"role elites", "rôle élite"} {
			if res := mustSearchDB(t, db, store.SearchQuery{Text: text, Now: now, Types: []string{"issue-page"}}); len(res.Hits) != 1 {
				t.Errorf("%s after the upgrade: %+v", text, res.Hits)
			}
		}
		stats, err := db.IndexStats(ctx)
		if err != nil || stats.Articles != n+1 || stats.Documents != 1 {
			t.Errorf("IndexStats after the upgrade = %+v, %v; want %d articles and a document", stats, err, n+1)
		}
		var mayWrite bool
		if err := db.write.QueryRowContext(ctx, `SELECT older_binaries_may_write FROM schema_compat WHERE version = $1`,
			reanalyseSearchVersion).Scan(&mayWrite); err != nil || !mayWrite {
			t.Errorf("schema_compat for migration %d: %v, %v; want TRUE", reanalyseSearchVersion, mayWrite, err)
		}
	})
}

// A migration that landed after a later one had run is applied when the database is
// opened: databases that migration 12 reached before migration 11 existed.
func TestOpenAppliesAMigrationThatLandedLate(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		where := m.fresh(t)
		db := m.mustOpen(t, where)
		// As the database was before migration 11 existed.
		for _, q := range []string{`DELETE FROM goose_db_version WHERE version_id = $1`, `DELETE FROM schema_compat WHERE version = $1`} {
			if _, err := db.write.ExecContext(ctx, q, reanalyseSearchVersion); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.write.ExecContext(ctx, `DROP INDEX articles_by_date`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		db = m.mustOpen(t, where)
		var applied []int64
		rows, err := db.write.QueryContext(ctx, `SELECT version_id FROM goose_db_version WHERE is_applied ORDER BY version_id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var v int64
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			applied = append(applied, v)
		}
		if !slices.Contains(applied, reanalyseSearchVersion) {
			t.Errorf("migrations applied %v: %d is missing", applied, reanalyseSearchVersion)
		}
		if s := db.SchemaStatus(); s.Current != s.Known || s.WritesRefused {
			t.Errorf("schema status %+v", s)
		}
	})
}

func mustSearchDB(t *testing.T, db *DB, q store.SearchQuery) store.SearchResult {
	t.Helper()
	res, err := db.Search(t.Context(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}
