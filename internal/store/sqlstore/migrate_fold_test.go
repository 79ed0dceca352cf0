package sqlstore

import (
	"fmt"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/store"
)

// TestMigrateFoldsExistingTitles upgrades a database whose articles were written before
// the newsroom: migration 4 must fold every title, across several of its batches, so
// that the newsroom's title search finds them.
func TestMigrateFoldsExistingTitles(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		db := m.mustOpen(t, m.fresh(t))
		p := m.provider(t, db)
		if _, err := p.DownTo(ctx, 2); err != nil {
			t.Fatalf("down to 2: %v", err)
		}
		const n = 2*foldBatch + 7
		var args []any
		for i := range n {
			title := fmt.Sprintf("Article %d", i)
			if i == n-1 {
				title = "Grève à Liège, l’Œuvre"
			}
			args = append(args, i+1, "article", "fr", fmt.Sprint("a", i), title, "published", 0, 0)
		}
		for len(args) > 0 { // in statements of a few hundred rows, under both parameter limits
			k := min(len(args), 8*200)
			if _, err := db.write.ExecContext(ctx, multiInsert(`INSERT INTO articles
				(story_id, kind, lang, slug, title, status, created_at, updated_at)`, 8, k/8), args[:k]...); err != nil {
				t.Fatalf("writing articles at version 2: %v", err)
			}
			args = args[k:]
		}
		if _, err := p.Up(ctx); err != nil {
			t.Fatalf("up: %v", err)
		}
		var folded string
		if err := db.read.QueryRowContext(ctx, `SELECT title_folded FROM articles WHERE slug = $1`, fmt.Sprint("a", n-1)).Scan(&folded); err != nil {
			t.Fatal(err)
		}
		if folded != "greve a liege l oeuvre" {
			t.Errorf("title_folded = %q, want %q", folded, "greve a liege l oeuvre")
		}
		var unfolded int
		if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE title_folded = ''`).Scan(&unfolded); err != nil || unfolded != 0 {
			t.Errorf("%d articles left without a folded title (%v)", unfolded, err)
		}
		items, err := db.NewsroomArticles(ctx, store.ArticleQuery{Title: "GREVE oeuvre", Limit: 10})
		if err != nil || len(items) != 1 || items[0].Slug != fmt.Sprint("a", n-1) {
			t.Errorf("title search after the upgrade: %+v, %v", items, err)
		}
	})
}

func TestFoldText(t *testing.T) {
	for in, want := range map[string]string{
		"Grève à Liège":              "greve a liege",
		"  L’usine d’ŒUVRES — 2026 ": "l usine d oeuvres 2026",
		"Straße, Ærø, Łódź":          "strasse aero lodz",
		"Здравствуй, МИР":            "здравствуи мир", // й loses its mark too, in the query alike
		"e\u0301te\u0301":            "ete",            // decomposed accents
		"…":                          "",
	} {
		if got := foldText(in); got != want {
			t.Errorf("foldText(%q) = %q, want %q", in, got, want)
		}
	}
}

// multiInsert returns head followed by rows groups of cols parameters.
func multiInsert(head string, cols, rows int) string {
	var b strings.Builder
	b.WriteString(head + " VALUES ")
	for r := range rows {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(" + placeholders(r*cols+1, cols) + ")")
	}
	return b.String()
}
