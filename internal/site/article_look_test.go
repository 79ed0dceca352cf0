package site_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// Beside the text, the article page has a box for its dossier listing the dossier's
// other articles, and related reading that does not repeat them.
func TestArticleSideColumn(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/fr/article/greve-generale").wantStatus(t, http.StatusOK)
	p.count(t, ".article-layout > .article + .article-side", 1)
	p.count(t, ".article-side .dossier-box", 1)
	if got := p.text(t, ".article-side .dossier-box h2"); got != "Dans le dossier\u202f: Solidarité avec les grévistes" {
		t.Errorf("dossier box heading = %q", got)
	}
	if got := p.attr(t, ".dossier-box h2 a", "href"); got != "/fr/dossier/solidarite" {
		t.Errorf("dossier box links to %q", got)
	}
	if got := hrefs(t, p, ".dossier-box li a"); !slices.Equal(got, []string{"/fr/article/communique-ambassade"}) {
		t.Errorf("dossier box lists %q, want the dossier's other article only", got)
	}
	if got := p.attr(t, ".dossier-box .more a", "href"); got != "/fr/dossier/solidarite" {
		t.Errorf("link to the whole dossier = %q", got)
	}
	p.count(t, ".article-side .related .teasers > li", 5)
	if slices.Contains(hrefs(t, p, ".related .teaser-title a"), "/fr/article/communique-ambassade") {
		t.Error("related reading repeats the dossier box")
	}

	// An editors' pick stays in related reading even when the dossier box lists it.
	p = f.get(t, "/fr/article/communique-ambassade").wantStatus(t, http.StatusOK)
	if got := hrefs(t, p, ".dossier-box li a"); !slices.Equal(got, []string{"/fr/article/greve-generale"}) {
		t.Errorf("press release's dossier box lists %q", got)
	}
	if got := p.attr(t, ".related .teaser-title a", "href"); got != "/fr/article/greve-generale" {
		t.Errorf("first related = %q, want the editors' pick", got)
	}
}

// The box keeps the dossier's order, shows a few articles, and at most two dossiers
// have a box; a dossier with no other article has none.
func TestArticleDossierBoxes(t *testing.T) {
	f := newFixture(t, 0)
	ctx := context.Background()
	brief := func(i int) int64 {
		ts, err := f.store.Articles(ctx, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range ts {
			if a.Slug == fmt.Sprintf("breve-%d", i) {
				return a.ID
			}
		}
		t.Fatalf("no breve-%d", i)
		return 0
	}
	order := []int{7, 1, 5, 3, 2, 6} // the editors' order, not the dates'
	var members []int64
	for _, i := range order {
		members = append(members, brief(i))
	}
	f.update(t, func(tx store.Tx) error {
		for i, d := range []*content.Dossier{
			{Lang: "fr", Slug: "seul", Title: "Aussi seul"}, // first by title, no other article
			{Lang: "fr", Slug: "brefs", Title: "Les brèves"},
			{Lang: "fr", Slug: "second", Title: "Second dossier"},
			{Lang: "fr", Slug: "troisieme", Title: "Troisième dossier"},
		} {
			if err := tx.CreateDossier(ctx, d); err != nil {
				return err
			}
			list := members
			if i == 0 {
				list = members[1:2]
			}
			if err := tx.SetDossierArticles(ctx, d.ID, list); err != nil {
				return err
			}
		}
		return nil
	})
	p := f.get(t, "/fr/article/breve-1").wantStatus(t, http.StatusOK)
	p.count(t, ".article-side .dossier-box", 2)
	if got := p.text(t, ".dossier-box:first-child h2 a"); got != "Les brèves" {
		t.Errorf("first box is %q", got)
	}
	want := []string{"/fr/article/breve-7", "/fr/article/breve-5", "/fr/article/breve-3", "/fr/article/breve-2"}
	if got := hrefs(t, p, ".dossier-box:first-child li a"); !slices.Equal(got, want) {
		t.Errorf("dossier box lists %q, want %q", got, want)
	}
	// Every dossier is still named in the article's footer.
	p.count(t, ".in-dossier a", 4)
}

// French times have no leading zero on the hour.
func TestArticleTimeInFrench(t *testing.T) {
	f := newFixture(t, 0)
	at := time.Date(2026, 11, 20, 6, 37, 0, 0, time.UTC) // 7:37 in Brussels
	f.update(t, func(tx store.Tx) error {
		return tx.CreateArticle(context.Background(), f.article("fr", content.KindArticle, "tot-le-matin", "Tôt le matin", "Texte.", at))
	})
	p := f.get(t, "/fr/article/tot-le-matin").wantStatus(t, http.StatusOK)
	if got := p.text(t, ".byline time"); got != "20 novembre 2026 à 7\u00a0h\u00a037" {
		t.Errorf("byline time = %q", got)
	}
}

func hrefs(t *testing.T, p *page, selector string) []string {
	var out []string
	for _, n := range p.all(t, selector) {
		for _, a := range n.Attr {
			if a.Key == "href" {
				out = append(out, a.Val)
			}
		}
	}
	return out
}
