package sqlstore

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// writeArticles writes n published French articles straight into the table, as an
// older version of Roneo or an import would have left them: the search index knows
// nothing of them. Article i is published i hours after base; every seventh is a draft.
func writeArticles(t *testing.T, db *DB, n int, base time.Time, title func(i int) string) {
	t.Helper()
	var args []any
	for i := range n {
		status := "published"
		if i%7 == 3 {
			status = "draft"
		}
		at := base.Add(time.Duration(i) * time.Hour).Unix()
		args = append(args, i+1, "article", "fr", fmt.Sprint("a", i), title(i), "Le budget de la culture.", status, at, at, at)
	}
	for len(args) > 0 { // in statements of a few hundred rows, under both parameter limits
		k := min(len(args), 10*200)
		if _, err := db.write.ExecContext(t.Context(), multiInsert(`INSERT INTO articles
			(story_id, kind, lang, slug, title, body, status, publish_at, created_at, updated_at)`, 10, k/10), args[:k]...); err != nil {
			t.Fatalf("writing articles: %v", err)
		}
		args = args[k:]
	}
}

// TestMigrateIndexesExistingArticles upgrades a database written before search:
// migration 6 must index every article, across several of its batches.
func TestMigrateIndexesExistingArticles(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		db := m.mustOpen(t, m.fresh(t))
		p := m.provider(t, db)
		if _, err := p.DownTo(ctx, foldTitlesVersion); err != nil {
			t.Fatalf("down to %d: %v", foldTitlesVersion, err)
		}
		const n = 2*indexBatch + 3
		writeArticles(t, db, n, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), func(i int) string {
			if i == n-1 {
				return "Grèves à Liège"
			}
			return fmt.Sprint("Conseil communal ", i)
		})
		if _, err := p.Up(ctx); err != nil {
			t.Fatalf("up: %v", err)
		}
		stats, err := db.IndexStats(ctx)
		if err != nil || stats.Articles != n {
			t.Errorf("IndexStats after the upgrade = %+v, %v; want %d articles", stats, err, n)
		}
		res, err := db.Search(ctx, store.SearchQuery{Text: "grève liege"})
		if err != nil || len(res.Hits) != 1 || res.Hits[0].Slug != fmt.Sprint("a", n-1) {
			t.Errorf("search after the upgrade: %+v, %v", res, err)
		}
	})
}

// TestSearchBeyondTheWindow searches a word that more articles have than the window
// ranks: every page must follow on from the one before, the ranked window first and
// the older matches after it, and the total must be close (exact on PostgreSQL).
func TestSearchBeyondTheWindow(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		db := m.mustOpen(t, m.fresh(t))
		const n = 3*rankWindow + 50
		base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		writeArticles(t, db, n, base, func(i int) string { return fmt.Sprint("Budget ", i) })
		if err := db.Reindex(ctx, nil); err != nil {
			t.Fatal(err)
		}
		published := 0
		for i := range n {
			if i%7 != 3 {
				published++
			}
		}
		now := base.Add(n * time.Hour)
		seen := map[int64]bool{}
		var pages [][]store.SearchHit
		for offset := 0; ; offset += maxSearchLimit {
			res, err := db.Search(ctx, store.SearchQuery{Text: "budget", Limit: maxSearchLimit, Offset: offset, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if want := float64(published); math.Abs(float64(res.Total)-want) > want/10 || m.dialect == "postgres" && res.Total != published {
				t.Errorf("offset %d: total %d, want about %d", offset, res.Total, published)
			}
			if len(res.Hits) == 0 {
				break
			}
			for _, h := range res.Hits {
				if seen[h.ID] || h.Status != content.StatusPublished {
					t.Fatalf("offset %d: article %d (%s) again or not published", offset, h.ID, h.Status)
				}
				seen[h.ID] = true
			}
			pages = append(pages, res.Hits)
		}
		if len(seen) != published {
			t.Errorf("the pages held %d articles, want every one of the %d published", len(seen), published)
		}
		// The window holds the newest, ranked (here: by recency, the texts being alike);
		// the older ones follow newest first, unranked.
		first, last := pages[0][0], pages[len(pages)-1][len(pages[len(pages)-1])-1]
		if first.ID != n || first.Rank <= 0 || last.ID != 1 || last.Rank != 0 {
			t.Errorf("first hit %d (rank %v), last %d (rank %v); want %d ranked, then 1 unranked", first.ID, first.Rank, last.ID, last.Rank, n)
		}
	})
}

// TestPhraseBeyondTheWindow searches a phrase that more articles hold than the window
// ranks, among more that hold its words in another order: the pages hold every article
// with the phrase and none without it, and the total is close.
func TestPhraseBeyondTheWindow(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		db := m.mustOpen(t, m.fresh(t))
		const n = 6 * rankWindow
		base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		writeArticles(t, db, n, base, func(i int) string {
			if i%3 == 0 {
				return fmt.Sprint("Le droit de grève menacé ", i)
			}
			return fmt.Sprint("Grève: le droit du travail ", i) // the words, not the phrase
		})
		if err := db.Reindex(ctx, nil); err != nil {
			t.Fatal(err)
		}
		want := 0
		for i := range n {
			if i%3 == 0 && i%7 != 3 {
				want++
			}
		}
		now := base.Add(n * time.Hour)
		seen := map[int64]bool{}
		for offset := 0; ; offset += maxSearchLimit {
			res, err := db.Search(ctx, store.SearchQuery{Text: `"droit de grève"`, Limit: maxSearchLimit, Offset: offset, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(float64(res.Total-want)) > float64(want)/10 {
				t.Errorf("offset %d: total %d, want about %d", offset, res.Total, want)
			}
			if len(res.Hits) == 0 {
				break
			}
			for _, h := range res.Hits {
				if i := h.ID - 1; seen[h.ID] || i%3 != 0 || h.Status != content.StatusPublished {
					t.Fatalf("offset %d: article %d (%q) again, without the phrase or not published", offset, h.ID, h.Title)
				}
				seen[h.ID] = true
			}
		}
		if len(seen) != want {
			t.Errorf("the pages held %d articles, want the %d with the phrase", len(seen), want)
		}
	})
}

// TestReindexKeepsNewerSaves: an entry analysed before a save must not replace the one
// the save wrote.
func TestReindexKeepsNewerSaves(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		db := m.mustOpen(t, m.fresh(t))
		a := &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: "a", Title: "Ancien titre",
			Status: content.StatusPublished, PublishAt: time.Now()}
		mustWrite(t, db, func(tx store.Tx) error { return tx.CreateArticle(ctx, a) })
		c := db.dialect.search.articles
		b := newIndexBuilder(c)
		srcs, err := b.read(ctx, db.read, 0)
		if err != nil {
			t.Fatal(err)
		}
		stale := b.analyse(srcs)
		if m.dialect == "postgres" {
			a.Title = "Nouveau titre" // saved between the batch's reading and its writing
			mustWrite(t, db, func(tx store.Tx) error { return tx.UpdateArticle(ctx, a) })
			err = db.inTx(ctx, func(q querier) error { return putCurrent(ctx, q, c, stale) })
		} else {
			err = db.inTx(ctx, func(q querier) error { return createSearchTable(ctx, q, rebuildTable(c)) })
			if err == nil {
				err = db.inTx(ctx, func(q querier) error { return insertEntries(ctx, q, rebuildTable(c), stale) })
			}
			a.Title = "Nouveau titre" // saved between the batch's writing and the swap
			mustWrite(t, db, func(tx store.Tx) error { return tx.UpdateArticle(ctx, a) })
			if err == nil {
				err = db.inTx(ctx, func(q querier) error { return swapSearchTable(ctx, q, b, map[int64]int64{a.ID: 1}) })
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		for text, want := range map[string]int{"nouveau": 1, "ancien": 0} {
			res, err := db.Search(ctx, store.SearchQuery{Text: text})
			if err != nil || len(res.Hits) != want {
				t.Errorf("search %q: %d hits (%v), want %d", text, len(res.Hits), err, want)
			}
		}
	})
}

// TestRebuiltIndexIsTheMigrations: SQLite's rebuild makes the FTS5 tables anew, as
// migrations 5 and 9 do; they must agree.
func TestRebuiltIndexIsTheMigrations(t *testing.T) {
	db := migrationTargets["sqlite"].mustOpen(t, t.TempDir())
	schema := func(table string) (string, string) {
		var sql, automerge string
		if err := db.read.QueryRow(`SELECT sql FROM sqlite_master WHERE name = $1`, table).Scan(&sql); err != nil {
			t.Fatal(err)
		}
		if err := db.read.QueryRow(`SELECT v FROM ` + table + `_config WHERE k = 'automerge'`).Scan(&automerge); err != nil {
			t.Fatal(err)
		}
		// The same but for spaces, and the quotes a rename puts around the name.
		return strings.Join(strings.Fields(strings.ReplaceAll(sql, `"`, "")), ""), automerge
	}
	tables := []string{"article_search", "document_search"}
	var migrated, merge []string
	for _, table := range tables {
		s, m := schema(table)
		migrated, merge = append(migrated, s), append(merge, m)
	}
	if err := db.Reindex(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	for i, table := range tables {
		if rebuilt, rmerge := schema(table); rebuilt != migrated[i] || rmerge != merge[i] {
			t.Errorf("after a rebuild, %s is\n%s (automerge %s)\nwhere the migration made\n%s (automerge %s)",
				table, rebuilt, rmerge, migrated[i], merge[i])
		}
	}
}

// TestSearchFollowsAnyWrite changes an article with SQL of its own, as code written
// after search might: readers' results must follow at once.
func TestSearchFollowsAnyWrite(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		db := m.mustOpen(t, m.fresh(t))
		a := &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: "a", Title: "Grève à Liège",
			Status: content.StatusPublished, PublishAt: time.Now().Add(-time.Hour)}
		mustWrite(t, db, func(tx store.Tx) error { return tx.CreateArticle(ctx, a) })
		for _, c := range []struct {
			sql  string
			q    store.SearchQuery
			want int
		}{
			{`UPDATE articles SET status = 'archived'`, store.SearchQuery{Text: "grève"}, 0},
			{`UPDATE articles SET status = 'published'`, store.SearchQuery{Text: "grève"}, 1},
			{`UPDATE articles SET lang = 'nl'`, store.SearchQuery{Text: "grève", Lang: "fr"}, 0},
			{`UPDATE articles SET kind = 'press_release'`, store.SearchQuery{Text: "grève", Lang: "nl", Kind: content.KindPressRelease}, 1},
			{`UPDATE articles SET publish_at = publish_at + 7200`, store.SearchQuery{Text: "grève"}, 0},
			{`UPDATE articles SET deleted_at = 1`, store.SearchQuery{Text: "grève", Staff: true}, 0},
		} {
			if _, err := db.write.ExecContext(ctx, c.sql); err != nil {
				t.Fatalf("%s: %v", c.sql, err)
			}
			res, err := db.Search(ctx, c.q)
			if err != nil || len(res.Hits) != c.want {
				t.Errorf("after %s: %d hits (%v), want %d", c.sql, len(res.Hits), err, c.want)
			}
		}
	})
}

// TestCopyRebuildsSearchIndex: a copy carries no index, it builds one at the
// destination, so that the copied site is searchable at once.
func TestCopyRebuildsSearchIndex(t *testing.T) {
	ctx := context.Background()
	src := migrationTargets["sqlite"].mustOpen(t, t.TempDir())
	writeArticles(t, src, 300, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), func(i int) string { return fmt.Sprint("Budget ", i) })
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		dst := m.mustOpen(t, m.fresh(t))
		var built []int
		_, err := Copy(ctx, src, dst, func(table string, done, total int) {
			if table == searchIndexTable {
				built = append(built, done, total)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(built) < 2 || built[len(built)-2] != 300 || built[len(built)-1] != 300 {
			t.Errorf("progress of the index build: %v", built)
		}
		stats, err := dst.IndexStats(ctx)
		if err != nil || stats.Articles != 300 {
			t.Errorf("IndexStats at the destination = %+v, %v", stats, err)
		}
		res, err := dst.Search(ctx, store.SearchQuery{Text: "budget", Staff: true, Now: time.Now()})
		if err != nil || res.Total != 300 {
			t.Errorf("search at the destination: total %d, %v", res.Total, err)
		}
	})
}

func mustWrite(t *testing.T, db *DB, fn func(store.Tx) error) {
	t.Helper()
	if err := db.Update(t.Context(), fn); err != nil {
		t.Fatal(err)
	}
}

// TestPostgresRebuildWaitsForSaves: on PostgreSQL a rebuild's batch may be written while
// a transaction that saves one of its articles has not committed; the batch must wait
// for it and then leave the save's entry alone.
func TestPostgresRebuildWaitsForSaves(t *testing.T) {
	ctx := t.Context()
	db := migrationTargets["postgres"].mustOpen(t, newTestSchema(t))
	a := &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: "a", Title: "Ancien titre",
		Status: content.StatusPublished, PublishAt: time.Now()}
	mustWrite(t, db, func(tx store.Tx) error { return tx.CreateArticle(ctx, a) })
	c := db.dialect.search.articles
	b := newIndexBuilder(c)
	srcs, err := b.read(ctx, db.read, 0)
	if err != nil {
		t.Fatal(err)
	}
	stale := b.analyse(srcs)
	batch := make(chan error, 1)
	mustWrite(t, db, func(tx store.Tx) error {
		a.Title = "Nouveau titre"
		if err := tx.UpdateArticle(ctx, a); err != nil {
			return err
		}
		go func() { batch <- db.inTx(ctx, func(q querier) error { return putCurrent(ctx, q, c, stale) }) }()
		time.Sleep(200 * time.Millisecond) // the batch waits for this transaction
		return nil
	})
	if err := <-batch; err != nil {
		t.Fatalf("the rebuild's batch: %v", err)
	}
	for text, want := range map[string]int{"nouveau": 1, "ancien": 0} {
		res, err := db.Search(ctx, store.SearchQuery{Text: text})
		if err != nil || len(res.Hits) != want {
			t.Errorf("search %q: %d hits (%v), want %d", text, len(res.Hits), err, want)
		}
	}
}
