package storetest

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func testArticlesList(t *testing.T, e *env) {
	secA := mustSection(t, e.st, 0, 0, "a")
	secB := mustSection(t, e.st, 0, 1, "b")
	secC := mustSection(t, e.st, secA.ID, 0, "c") // under A
	x, y := mustTag(t, e.st, "fr", "x"), mustTag(t, e.st, "fr", "y")
	alice, bob := mustPerson(t, e.st, "alice"), mustPerson(t, e.st, "bob")
	t0 := e.now().Add(-10 * time.Hour)
	create := func(lang content.Lang, slug string, at time.Time, change func(a *content.Article)) *content.Article {
		t.Helper()
		a := newArticle(lang, slug, at)
		change(a)
		return mustArticle(t, e.st, a)
	}

	a1 := create("fr", "a1", t0.Add(1*time.Hour), func(a *content.Article) {
		a.SectionID, a.TagIDs, a.AuthorIDs = secA.ID, []int64{x.ID}, []int64{alice.ID}
	})
	a2 := create("fr", "a2", t0.Add(2*time.Hour), func(a *content.Article) {
		a.SectionID, a.TagIDs, a.AuthorIDs = secB.ID, []int64{y.ID}, []int64{bob.ID}
		a.Kind, a.Featured = content.KindPressRelease, true
	})
	a3 := create("fr", "a3", t0.Add(3*time.Hour), func(a *content.Article) {
		a.SectionID, a.TagIDs, a.AuthorIDs = secA.ID, []int64{x.ID, y.ID}, []int64{alice.ID, bob.ID}
		a.Kind = content.KindPhotoReport
	})
	a4 := create("fr", "a4", t0.Add(3*time.Hour), func(*content.Article) {}) // same time as a3
	hidden := func(status content.Status, at time.Time) func(a *content.Article) {
		return func(a *content.Article) {
			a.SectionID, a.TagIDs, a.AuthorIDs = secA.ID, []int64{x.ID}, []int64{alice.ID}
			a.Status, a.Featured, a.PublishAt = status, true, at
		}
	}
	create("fr", "draft", time.Time{}, hidden(content.StatusDraft, time.Time{}))
	create("fr", "scheduled", time.Time{}, hidden(content.StatusPublished, e.now().Add(time.Hour)))
	create("fr", "archived", time.Time{}, hidden(content.StatusArchived, t0.Add(6*time.Hour)))
	a8 := create("nl", "a8", t0.Add(4*time.Hour), func(a *content.Article) {
		a.SectionID, a.AuthorIDs = secA.ID, []int64{alice.ID}
	})
	a9 := create("fr", "a9", t0.Add(5*time.Hour), func(a *content.Article) {
		a.SectionID, a.Featured = secC.ID, true
	})

	tests := []struct {
		name string
		q    store.ListQuery
		want []*content.Article
	}{
		{"all, newest first, ties by ID", store.ListQuery{Audience: store.Readers, Lang: "fr"}, []*content.Article{a9, a4, a3, a2, a1}},
		{"other language", store.ListQuery{Audience: store.Readers, Lang: "nl"}, []*content.Article{a8}},
		{"language without articles", store.ListQuery{Audience: store.Readers, Lang: "en"}, nil},
		{"one section", store.ListQuery{Audience: store.Readers, Lang: "fr", SectionIDs: []int64{secA.ID}}, []*content.Article{a3, a1}},
		{"section and subsection", store.ListQuery{Audience: store.Readers, Lang: "fr", SectionIDs: []int64{secA.ID, secC.ID}}, []*content.Article{a9, a3, a1}},
		{"tag x", store.ListQuery{Audience: store.Readers, Lang: "fr", TagID: x.ID}, []*content.Article{a3, a1}},
		{"tag y", store.ListQuery{Audience: store.Readers, Lang: "fr", TagID: y.ID}, []*content.Article{a3, a2}},
		{"author", store.ListQuery{Audience: store.Readers, Lang: "fr", AuthorID: alice.ID}, []*content.Article{a3, a1}},
		{"author in another language", store.ListQuery{Audience: store.Readers, Lang: "nl", AuthorID: alice.ID}, []*content.Article{a8}},
		{"kind", store.ListQuery{Audience: store.Readers, Lang: "fr", Kind: content.KindPressRelease}, []*content.Article{a2}},
		{"another kind", store.ListQuery{Audience: store.Readers, Lang: "fr", Kind: content.KindPhotoReport}, []*content.Article{a3}},
		{"featured", store.ListQuery{Audience: store.Readers, Lang: "fr", FeaturedOnly: true}, []*content.Article{a9, a2}},
		{"exclude", store.ListQuery{Audience: store.Readers, Lang: "fr", ExcludeID: a3.ID}, []*content.Article{a9, a4, a2, a1}},
		{"section and tag", store.ListQuery{Audience: store.Readers, Lang: "fr", SectionIDs: []int64{secA.ID}, TagID: y.ID}, []*content.Article{a3}},
		{"author and kind", store.ListQuery{Audience: store.Readers, Lang: "fr", AuthorID: bob.ID, Kind: content.KindArticle}, nil},
	}
	for _, tc := range tests {
		tc.q.Limit = 100
		checkEqual(t, tc.name, mustArticles(t, e.st, tc.q), articleIDs(tc.want...))
	}

	ts, err := e.st.Articles(t.Context(), store.ListQuery{Audience: store.Readers, Lang: "fr", TagID: x.ID, Limit: 1})
	if err != nil || len(ts) != 1 {
		t.Fatalf("Articles: %v, %d teasers", err, len(ts))
	}
	checkEqual(t, "teaser", ts[0], a3.Teaser())
}

func testArticlesPagination(t *testing.T, e *env) {
	base := e.now().Add(-24 * time.Hour)
	var all []*content.Article
	// Three share a publication time, so that pages must break ties the same way each time.
	for i, offset := range []time.Duration{1, 2, 2, 2, 3, 4, 5} {
		a := newArticle("fr", "p"+string(rune('a'+i)), base.Add(offset*time.Hour))
		all = append(all, mustArticle(t, e.st, a))
	}
	want := articleIDs(all[6], all[5], all[4], all[3], all[2], all[1], all[0])
	checkEqual(t, "whole list", mustArticles(t, e.st, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: 100}), want)

	var pages []int64
	for offset := 0; offset < len(want); offset += 3 {
		page := mustArticles(t, e.st, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: 3, Offset: offset})
		if wantLen := min(3, len(want)-offset); len(page) != wantLen {
			t.Errorf("page at offset %d has %d articles, want %d", offset, len(page), wantLen)
		}
		pages = append(pages, page...)
	}
	checkEqual(t, "pages one after another", pages, want)
	checkEqual(t, "past the end", mustArticles(t, e.st, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: 3, Offset: 9}), []int64{})

	// SQLite would read a negative limit as none and PostgreSQL refuse it: both refuse.
	ctx := t.Context()
	_, err := e.st.Articles(ctx, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: -1})
	checkErr(t, "Articles with a negative limit", err, content.ErrInvalid)
	_, err = e.st.Articles(ctx, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: 3, Offset: -3})
	checkErr(t, "Articles with a negative offset", err, content.ErrInvalid)
	_, err = e.st.Dossiers(ctx, "fr", false, -1, 0)
	checkErr(t, "Dossiers with a negative limit", err, content.ErrInvalid)
	_, err = e.st.DossierArticles(ctx, 1, store.Readers, 10, -10)
	checkErr(t, "DossierArticles with a negative offset", err, content.ErrInvalid)
	_, err = e.st.RelatedSources(ctx, all[0], -1)
	checkErr(t, "RelatedSources with a negative limit", err, content.ErrInvalid)
}
