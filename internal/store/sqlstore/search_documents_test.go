package sqlstore

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/store"
)

// writePages indexes n French pages of issue 1 whose body is text(i), page i published
// i hours after base.
func writePages(t *testing.T, db *DB, n int, base time.Time, text func(i int) string) {
	t.Helper()
	mustWrite(t, db, func(tx store.Tx) error {
		w := tx.(store.SearchIndexWriter)
		for i := range n {
			d := store.SearchDocument{Subject: store.Subject{Type: "issue-page", ID: 1}, Part: i + 1, Lang: "fr",
				Title: fmt.Sprint("Page ", i+1), Body: text(i), Visible: true, PublishAt: base.Add(time.Duration(i) * time.Hour)}
			if err := w.IndexDocument(t.Context(), d); err != nil {
				return err
			}
		}
		return nil
	})
}

// TestMixedSearchBeyondTheWindow searches a word that more articles and more pages have
// than a window ranks: the pages of results hold every match once, the two ranked
// windows first, then the older articles, then the older pages.
func TestMixedSearchBeyondTheWindow(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		db := m.mustOpen(t, m.fresh(t))
		const articles, pages = rankWindow + 230, rankWindow + 170
		base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		writeArticles(t, db, articles, base, func(i int) string { return fmt.Sprint("Budget ", i) })
		if err := db.Reindex(ctx, nil); err != nil {
			t.Fatal(err)
		}
		writePages(t, db, pages, base, func(i int) string { return "Le budget communal." })
		published := 0
		for i := range articles {
			if i%7 != 3 {
				published++
			}
		}
		want := published + pages
		now := base.Add(articles * time.Hour)
		seen := map[store.Subject]bool{}
		var order []store.SearchHit
		for offset := 0; ; offset += 70 {
			res, err := db.Search(ctx, store.SearchQuery{Text: "budget", Types: []string{"article", "issue-page"},
				Limit: 70, Offset: offset, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(float64(res.Total-want)) > float64(want)/10 || m.dialect == "postgres" && res.Total != want {
				t.Errorf("offset %d: total %d, want about %d", offset, res.Total, want)
			}
			if len(res.Hits) == 0 {
				break
			}
			for _, h := range res.Hits {
				key := store.Subject{Type: h.Subject.Type, ID: h.Subject.ID*10000 + int64(h.Part)}
				if seen[key] {
					t.Fatalf("offset %d: %+v again", offset, h.Subject)
				}
				seen[key] = true
				order = append(order, h)
			}
		}
		if len(order) != want {
			t.Fatalf("the pages held %d hits, want every one of the %d matches", len(order), want)
		}
		ranked := 2 * rankWindow
		for i, h := range order {
			switch {
			case i < ranked && (h.Rank <= 0 || i > 0 && h.Rank > order[i-1].Rank):
				t.Fatalf("hit %d ranked %v after %v: want the two windows first, best first", i, h.Rank, order[i-1].Rank)
			case i >= ranked && h.Rank != 0:
				t.Fatalf("hit %d ranked %v: want the older matches unranked", i, h.Rank)
			case i >= ranked && i < published+rankWindow && h.Subject.Type != "article",
				i >= published+rankWindow && h.Subject.Type != "issue-page":
				t.Fatalf("hit %d is a %s: want the older articles, then the older pages", i, h.Subject.Type)
			}
		}
		if last := order[len(order)-1]; last.Part != 1 {
			t.Errorf("last hit %+v, part %d: want the oldest page last", last.Subject, last.Part)
		}
	})
}

// TestCopyCarriesDocuments: a copy carries the documents with their text, and builds
// their index at the destination.
func TestCopyCarriesDocuments(t *testing.T) {
	ctx := t.Context()
	src := migrationTargets["sqlite"].mustOpen(t, t.TempDir())
	writeArticles(t, src, 20, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), func(i int) string { return fmt.Sprint("Budget ", i) })
	writePages(t, src, 30, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), func(i int) string { return fmt.Sprint("Les grévistes, épisode ", i) })
	mustWrite(t, src, func(tx store.Tx) error {
		return tx.(store.SearchIndexWriter).UnindexDocument(ctx, store.Subject{Type: "issue-page", ID: 1})
	})
	writePages(t, src, 25, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), func(i int) string { return fmt.Sprint("Les grévistes, épisode ", i) })
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		dst := m.mustOpen(t, m.fresh(t))
		var built []int
		report, err := Copy(ctx, src, dst, func(table string, done, total int) {
			if table == searchIndexTable {
				built = append(built, done, total)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(built); n < 2 || built[n-2] != 45 || built[n-1] != 45 {
			t.Errorf("progress of the index build: %v, want it to end at 45 of 45", built)
		}
		if i := slices.IndexFunc(report, func(tc TableCopy) bool { return tc.Table == "search_documents" }); i < 0 || report[i].Rows != 25 {
			t.Errorf("copy report %+v: want 25 documents", report)
		}
		stats, err := dst.IndexStats(ctx)
		if err != nil || stats.Articles != 20 || stats.Documents != 25 {
			t.Errorf("IndexStats at the destination = %+v, %v", stats, err)
		}
		res, err := dst.Search(ctx, store.SearchQuery{Text: "gréviste épisode", Types: []string{"issue-page"}, Limit: 100})
		if err != nil || res.Total != 25 || len(res.Hits) != 25 {
			t.Errorf("search at the destination: total %d, %d hits, %v", res.Total, len(res.Hits), err)
		}
		// Documents indexed after the copy get IDs of their own.
		writePages(t, dst, 1, time.Now(), func(int) string { return "Une page de plus." })
		mustWrite(t, dst, func(tx store.Tx) error {
			return tx.(store.SearchIndexWriter).IndexDocument(ctx, store.SearchDocument{Subject: store.Subject{Type: "issue-page", ID: 2},
				Lang: "fr", Title: "Encore", Body: "Une autre page.", Visible: true, PublishAt: time.Now()})
		})
		if stats, err := dst.IndexStats(ctx); err != nil || stats.Documents != 26 {
			t.Errorf("IndexStats after writing at the destination = %+v, %v", stats, err)
		}
	})
}

// TestReindexKeepsNewerDocumentSaves: an entry analysed before a document was saved
// again, or removed, must not replace the save's entry, nor bring the removed one back.
func TestReindexKeepsNewerDocumentSaves(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		db := m.mustOpen(t, m.fresh(t))
		page := func(n int64, text string) store.SearchDocument {
			return store.SearchDocument{Subject: store.Subject{Type: "issue-page", ID: n}, Part: 1, Lang: "fr",
				Title: "Page", Body: text, Visible: true, PublishAt: time.Now().Add(-time.Hour)}
		}
		index := func(d store.SearchDocument) {
			mustWrite(t, db, func(tx store.Tx) error { return tx.(store.SearchIndexWriter).IndexDocument(ctx, d) })
		}
		index(page(1, "Ancien texte"))
		index(page(2, "Texte retiré"))
		c := db.dialect.search.documents
		b := newIndexBuilder(c)
		srcs, err := b.read(ctx, db.read, 0)
		if err != nil {
			t.Fatal(err)
		}
		stale := b.analyse(srcs)
		changeMeanwhile := func() {
			index(page(1, "Nouveau texte"))
			mustWrite(t, db, func(tx store.Tx) error {
				return tx.(store.SearchIndexWriter).UnindexDocument(ctx, store.Subject{Type: "issue-page", ID: 2})
			})
		}
		if m.dialect == "postgres" {
			changeMeanwhile() // between the batch's reading and its writing
			err = db.inTx(ctx, func(q querier) error { return putCurrent(ctx, q, c, stale) })
		} else {
			next := rebuildTable(c)
			err = db.inTx(ctx, func(q querier) error { return createSearchTable(ctx, q, next) })
			if err == nil {
				err = db.inTx(ctx, func(q querier) error { return insertEntries(ctx, q, next, stale) })
			}
			changeMeanwhile() // between the batch's writing and the swap
			written := map[int64]int64{}
			for _, e := range stale {
				written[e.id] = e.version
			}
			if err == nil {
				err = db.inTx(ctx, func(q querier) error { return swapSearchTable(ctx, q, b, written) })
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		for text, want := range map[string]int{"nouveau": 1, "ancien": 0, "retiré": 0, "texte": 1} {
			res, err := db.Search(ctx, store.SearchQuery{Text: text, Types: []string{"issue-page"}, Staff: true})
			if err != nil || len(res.Hits) != want {
				t.Errorf("search %q: %d hits (%v), want %d", text, len(res.Hits), err, want)
			}
		}
		if stats, err := db.IndexStats(ctx); err != nil || stats.Documents != 1 {
			t.Errorf("IndexStats = %+v, %v; want 1 document", stats, err)
		}
	})
}

// TestPostgresRebuildWaitsForDocumentSaves: on PostgreSQL a rebuild's batch may be
// written while a transaction that saves or removes one of its documents has not
// committed; the batch must wait for it and then leave its entry alone.
func TestPostgresRebuildWaitsForDocumentSaves(t *testing.T) {
	ctx := t.Context()
	db := migrationTargets["postgres"].mustOpen(t, newTestSchema(t))
	page := func(n int64, text string) store.SearchDocument {
		return store.SearchDocument{Subject: store.Subject{Type: "issue-page", ID: n}, Part: 1, Lang: "fr",
			Title: "Page", Body: text, Visible: true, PublishAt: time.Now().Add(-time.Hour)}
	}
	mustWrite(t, db, func(tx store.Tx) error {
		w := tx.(store.SearchIndexWriter)
		return errors.Join(w.IndexDocument(ctx, page(1, "Ancien texte")), w.IndexDocument(ctx, page(2, "Texte retiré")))
	})
	c := db.dialect.search.documents
	b := newIndexBuilder(c)
	srcs, err := b.read(ctx, db.read, 0)
	if err != nil {
		t.Fatal(err)
	}
	stale := b.analyse(srcs)
	batch := make(chan error, 1)
	mustWrite(t, db, func(tx store.Tx) error {
		w := tx.(store.SearchIndexWriter)
		if err := w.IndexDocument(ctx, page(1, "Nouveau texte")); err != nil {
			return err
		}
		if err := w.UnindexDocument(ctx, store.Subject{Type: "issue-page", ID: 2}); err != nil {
			return err
		}
		go func() { batch <- db.inTx(ctx, func(q querier) error { return putCurrent(ctx, q, c, stale) }) }()
		time.Sleep(200 * time.Millisecond) // the batch waits for this transaction
		return nil
	})
	if err := <-batch; err != nil {
		t.Fatalf("the rebuild's batch: %v", err)
	}
	for text, want := range map[string]int{"nouveau": 1, "ancien": 0, "retiré": 0} {
		res, err := db.Search(ctx, store.SearchQuery{Text: text, Types: []string{"issue-page"}, Staff: true})
		if err != nil || len(res.Hits) != want {
			t.Errorf("search %q: %d hits (%v), want %d", text, len(res.Hits), err, want)
		}
	}
}
