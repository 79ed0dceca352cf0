package storetest

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// MustUpdate runs fn in one write transaction and fails the test if anything goes wrong.
func MustUpdate(tb testing.TB, st store.Store, fn func(store.Tx) error) {
	tb.Helper()
	if err := st.Update(tb.Context(), fn); err != nil {
		tb.Fatalf("Update: %v", err)
	}
}

func mustPerson(tb testing.TB, st store.Store, slug string) content.Person {
	tb.Helper()
	p := content.Person{Slug: slug, Name: "Person " + slug}
	MustUpdate(tb, st, func(tx store.Tx) error { return tx.CreatePerson(tb.Context(), &p) })
	return p
}

func mustTag(tb testing.TB, st store.Store, lang content.Lang, slug string) content.Tag {
	tb.Helper()
	tag := content.Tag{Lang: lang, Slug: slug, Name: "Tag " + slug}
	MustUpdate(tb, st, func(tx store.Tx) error { return tx.CreateTag(tb.Context(), &tag) })
	return tag
}

// mustSection creates a section named slug (in French) under parentID.
func mustSection(tb testing.TB, st store.Store, parentID int64, position int, slug string) content.Section {
	tb.Helper()
	s := content.Section{ParentID: parentID, Position: position, Names: map[content.Lang]content.SectionName{
		"fr": {Slug: slug, Name: "Section " + slug},
	}}
	MustUpdate(tb, st, func(tx store.Tx) error { return tx.CreateSection(tb.Context(), &s) })
	return s
}

func mustDossier(tb testing.TB, st store.Store, d content.Dossier) content.Dossier {
	tb.Helper()
	if d.Title == "" {
		d.Title = "Dossier " + d.Slug
	}
	MustUpdate(tb, st, func(tx store.Tx) error { return tx.CreateDossier(tb.Context(), &d) })
	return d
}

func mustSetDossierArticles(tb testing.TB, st store.Store, dossierID int64, ids ...int64) {
	tb.Helper()
	MustUpdate(tb, st, func(tx store.Tx) error { return tx.SetDossierArticles(tb.Context(), dossierID, ids) })
}

// newArticle returns a valid published article; tests change what they need.
func newArticle(lang content.Lang, slug string, publishAt time.Time) *content.Article {
	return &content.Article{
		Kind: content.KindArticle, Lang: lang, Slug: slug, Title: "Title of " + slug,
		Body: "Body of " + slug, Status: content.StatusPublished, PublishAt: publishAt,
	}
}

// mustArticle stores a and returns it with the ID, StoryID and Version the store set.
func mustArticle(tb testing.TB, st store.Store, a *content.Article) *content.Article {
	tb.Helper()
	MustUpdate(tb, st, func(tx store.Tx) error { return tx.CreateArticle(tb.Context(), a) })
	return a
}

func mustUpdateArticle(tb testing.TB, st store.Store, a *content.Article) {
	tb.Helper()
	MustUpdate(tb, st, func(tx store.Tx) error { return tx.UpdateArticle(tb.Context(), a) })
}

func mustReadArticle(tb testing.TB, st store.Store, lang content.Lang, slug string) *content.Article {
	tb.Helper()
	a, err := st.Article(tb.Context(), lang, slug)
	if err != nil {
		tb.Fatalf("Article(%s, %s): %v", lang, slug, err)
	}
	return a
}

func mustArticles(tb testing.TB, st store.Store, q store.ListQuery) []int64 {
	tb.Helper()
	ts, err := st.Articles(tb.Context(), q)
	if err != nil {
		tb.Fatalf("Articles(%+v): %v", q, err)
	}
	return teaserIDs(ts)
}

func teaserIDs(ts []content.Teaser) []int64 {
	ids := []int64{}
	for _, t := range ts {
		ids = append(ids, t.ID)
	}
	return ids
}

func dossierIDs(ds ...content.Dossier) []int64 {
	ids := []int64{}
	for _, d := range ds {
		ids = append(ids, d.ID)
	}
	return ids
}

func articleIDs(as ...*content.Article) []int64 {
	ids := []int64{}
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	return ids
}

// sorted returns a sorted copy of ids, never nil.
func sorted(ids []int64) []int64 {
	s := append([]int64{}, ids...)
	slices.Sort(s)
	return s
}

// checkEqual reports a difference between got and want; times must be in UTC to compare
// equal, which is the point.
func checkEqual[T any](tb testing.TB, what string, got, want T) {
	tb.Helper()
	if !reflect.DeepEqual(got, want) {
		tb.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

// checkErr reports an error that does not wrap target.
func checkErr(tb testing.TB, what string, err, target error) {
	tb.Helper()
	if !errors.Is(err, target) {
		tb.Errorf("%s: got error %v, want %v", what, err, target)
	}
}

// checkTime reports a time that is not want or not in UTC.
func checkTime(tb testing.TB, what string, got, want time.Time) {
	tb.Helper()
	if !got.Equal(want) || got.Location() != time.UTC {
		tb.Errorf("%s = %v, want %v in UTC", what, got, want)
	}
}

// mustPublishDue publishes the scheduled articles due at now, one save each, as the
// editorial core does, and returns their IDs sorted.
func mustPublishDue(tb testing.TB, st store.Store, now time.Time) []int64 {
	tb.Helper()
	ctx := tb.Context()
	var ids []int64
	MustUpdate(tb, st, func(tx store.Tx) error {
		due, err := tx.DueArticles(ctx, now)
		if err != nil {
			return err
		}
		for _, id := range due {
			a, err := tx.ArticleByID(ctx, id)
			if err != nil {
				return err
			}
			a.Status = content.StatusPublished
			if err := tx.UpdateArticle(ctx, a); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	return sorted(ids)
}
