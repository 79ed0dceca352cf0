package storetest

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func testNewsroomArticles(t *testing.T, e *env) {
	ana := mustUser(t, e.st, "ana@example.org", "Ana", auth.RoleContributor)
	bob := mustUser(t, e.st, "bob@example.org", "Bob", auth.RoleEditor)
	alice, carol := mustPerson(t, e.st, "alice"), mustPerson(t, e.st, "carol")
	secA, secB := mustSection(t, e.st, 0, 0, "a"), mustSection(t, e.st, 0, 1, "b")
	// Each article is saved an hour after the one before: the list is in reverse order.
	create := func(slug string, change func(a *content.Article)) *content.Article {
		t.Helper()
		e.clock.Advance(time.Hour)
		a := newArticle("fr", slug, e.now())
		change(a)
		return mustArticle(t, e.st, a)
	}
	draft := create("draft", func(a *content.Article) {
		a.Status, a.PublishAt, a.CreatedBy, a.UpdatedBy, a.SectionID = content.StatusDraft, time.Time{}, ana.ID, ana.ID, secA.ID
		a.AuthorIDs = []int64{alice.ID}
	})
	submitted := create("submitted", func(a *content.Article) {
		a.Status, a.PublishAt, a.CreatedBy, a.SectionID = content.StatusSubmitted, time.Time{}, ana.ID, secB.ID
		a.AuthorIDs = []int64{alice.ID, carol.ID}
	})
	release := create("release", func(a *content.Article) {
		a.Kind, a.Status, a.PublishAt, a.CreatedBy = content.KindPressRelease, content.StatusScheduled, e.now().Add(time.Hour), bob.ID
	})
	nl := create("nl", func(a *content.Article) { a.Lang, a.CreatedBy, a.AuthorIDs = "nl", bob.ID, []int64{carol.ID} })
	archived := create("archived", func(a *content.Article) { a.Status, a.SectionID = content.StatusArchived, secA.ID })
	published := create("published", func(a *content.Article) { a.SectionID = secA.ID })
	trashed := create("trashed", func(a *content.Article) { a.CreatedBy = ana.ID })
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.TrashArticle(t.Context(), trashed.ID, e.now()) })

	// Saving an article brings it to the top.
	e.clock.Advance(time.Hour)
	draft.Title, draft.UpdatedBy = "Draft, saved again", bob.ID
	mustUpdateArticle(t, e.st, draft)

	statuses := func(ss ...content.Status) []content.Status { return ss }
	tests := []struct {
		name string
		q    store.ArticleQuery
		want []*content.Article
	}{
		{"everything live, last saved first", store.ArticleQuery{}, []*content.Article{draft, published, archived, nl, release, submitted}},
		{"one status", store.ArticleQuery{Statuses: statuses(content.StatusSubmitted)}, []*content.Article{submitted}},
		{"statuses", store.ArticleQuery{Statuses: statuses(content.StatusDraft, content.StatusScheduled)}, []*content.Article{draft, release}},
		{"kind", store.ArticleQuery{Kind: content.KindPressRelease}, []*content.Article{release}},
		{"section", store.ArticleQuery{SectionID: secA.ID}, []*content.Article{draft, published, archived}},
		{"language", store.ArticleQuery{Lang: "nl"}, []*content.Article{nl}},
		{"author", store.ArticleQuery{AuthorID: carol.ID}, []*content.Article{nl, submitted}},
		{"created by", store.ArticleQuery{CreatedBy: ana.ID}, []*content.Article{draft, submitted}},
		{"combined", store.ArticleQuery{CreatedBy: ana.ID, AuthorID: alice.ID, SectionID: secB.ID,
			Statuses: statuses(content.StatusSubmitted), Lang: "fr", Kind: content.KindArticle}, []*content.Article{submitted}},
		{"nothing matches", store.ArticleQuery{CreatedBy: bob.ID, SectionID: secA.ID}, nil},
		{"the trash", store.ArticleQuery{Deleted: true}, []*content.Article{trashed}},
		{"the trash, filtered", store.ArticleQuery{Deleted: true, CreatedBy: bob.ID}, nil},
		{"a page", store.ArticleQuery{Limit: 2, Offset: 1}, []*content.Article{published, archived}},
	}
	for _, tc := range tests {
		checkEqual(t, tc.name, newsroomIDs(t, e, tc.q), articleIDs(tc.want...))
	}

	items, err := e.st.NewsroomArticles(t.Context(), store.ArticleQuery{Limit: 1})
	if err != nil || len(items) != 1 {
		t.Fatalf("NewsroomArticles: %v, %d items", err, len(items))
	}
	checkEqual(t, "item", items[0], store.NewsroomItem{Teaser: draft.Teaser(), Status: content.StatusDraft,
		CreatedBy: ana.ID, UpdatedBy: bob.ID, Version: 2})
	trash, _ := e.st.NewsroomArticles(t.Context(), store.ArticleQuery{Deleted: true, Limit: 1})
	checkTime(t, "DeletedAt of an item in the trash", trash[0].DeletedAt, e.now().Add(-time.Hour))

	_, err = e.st.NewsroomArticles(t.Context(), store.ArticleQuery{Statuses: statuses("live")})
	checkErr(t, "unknown status", err, content.ErrInvalid)
	_, err = e.st.NewsroomArticles(t.Context(), store.ArticleQuery{Limit: -1})
	checkErr(t, "negative limit", err, content.ErrInvalid)
}

func testNewsroomTitleSearch(t *testing.T, e *env) {
	ids := map[string]int64{}
	for _, x := range []struct{ slug, title string }{
		{"greve", "Grève à Liège : les cheminots arrêtent le travail"},
		{"staking", "Staking bij de NMBS"},
		{"usine", "L’usine d’Œuvres ferme"},
		{"greves", "Deux GRÈVES en mars"},
		{"cafe", "Café, crème et rentrée"},
	} {
		e.clock.Advance(time.Minute)
		a := newArticle("fr", x.slug, e.now())
		a.Title = x.title
		ids[x.slug] = mustArticle(t, e.st, a).ID
	}
	e.clock.Advance(time.Minute)
	// The title changes: the search follows the saved title, not the first one.
	renamed := mustReadArticle(t, e.st, "fr", "cafe")
	renamed.Title = "Rentrée sociale"
	mustUpdateArticle(t, e.st, renamed)

	tests := []struct {
		query string
		want  []string
	}{
		{"greve", []string{"greves", "greve"}},
		{"GRÈVE", []string{"greves", "greve"}},
		{"liege greve", []string{"greve"}},
		{"  Liège,   GRÈVE! ", []string{"greve"}},
		{"greve staking", nil},
		{"l'usine", []string{"usine"}},
		{"oeuvres", []string{"usine"}},
		{"rentree", []string{"cafe"}},
		{"creme", nil},
		{"eve", []string{"greves", "greve"}}, // words may match inside words
		{"", []string{"cafe", "greves", "usine", "staking", "greve"}},
		{"…", []string{"cafe", "greves", "usine", "staking", "greve"}}, // no word at all: no filter
	}
	for _, tc := range tests {
		var want []int64
		for _, slug := range tc.want {
			want = append(want, ids[slug])
		}
		checkEqual(t, "title search "+tc.query, newsroomIDs(t, e, store.ArticleQuery{Title: tc.query}), append([]int64{}, want...))
	}
}
