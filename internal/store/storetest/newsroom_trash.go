package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// trashScene is a published article linked from everywhere the public site reads, and a
// scheduled one.
type trashScene struct {
	a, nl, c, s *content.Article
	sec         content.Section
	tag         content.Tag
	author      content.Person
	dossier     content.Dossier
}

func newTrashScene(t *testing.T, e *env) *trashScene {
	x := &trashScene{sec: mustSection(t, e.st, 0, 0, "social"), tag: mustTag(t, e.st, "fr", "greve"), author: mustPerson(t, e.st, "alice")}
	now := e.now()
	x.a = newArticle("fr", "a-old", now.Add(-2*time.Hour))
	x.a.SectionID, x.a.TagIDs, x.a.AuthorIDs = x.sec.ID, []int64{x.tag.ID}, []int64{x.author.ID}
	mustArticle(t, e.st, x.a)
	x.a.Slug = "a"
	mustUpdateArticle(t, e.st, x.a)
	x.nl = newArticle("nl", "a-nl", now.Add(-2*time.Hour))
	x.nl.StoryID = x.a.ID
	mustArticle(t, e.st, x.nl)
	x.c = newArticle("fr", "c", now.Add(-time.Hour))
	x.c.SectionID, x.c.TagIDs, x.c.RelatedIDs = x.sec.ID, []int64{x.tag.ID}, []int64{x.a.ID}
	mustArticle(t, e.st, x.c)
	x.dossier = mustDossier(t, e.st, content.Dossier{Lang: "fr", Slug: "d"})
	mustSetDossierArticles(t, e.st, x.dossier.ID, x.a.ID, x.c.ID)
	x.s = mustArticle(t, e.st, scheduled("s", now.Add(time.Hour)))
	return x
}

// visible lists what each public query shows of the scene: article IDs, or the slug a
// redirect leads to.
func (x *trashScene) visible(t *testing.T, e *env) map[string][]int64 {
	t.Helper()
	ctx := t.Context()
	lists := map[string][]int64{
		"Articles":                mustArticles(t, e.st, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: 10}),
		"Articles of the section": mustArticles(t, e.st, store.ListQuery{Audience: store.Readers, Lang: "fr", SectionIDs: []int64{x.sec.ID}, Limit: 10}),
		"Articles of the tag":     mustArticles(t, e.st, store.ListQuery{Audience: store.Readers, Lang: "fr", TagID: x.tag.ID, Limit: 10}),
		"Articles of the author":  mustArticles(t, e.st, store.ListQuery{Audience: store.Readers, Lang: "fr", AuthorID: x.author.ID, Limit: 10}),
	}
	add := func(name string, ts []content.Teaser, err error) {
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		lists[name] = sorted(teaserIDs(ts))
	}
	ts, err := e.st.StoryVersions(ctx, x.a.ID, store.Readers)
	add("StoryVersions", ts, err)
	ts, err = e.st.Teasers(ctx, []int64{x.a.ID, x.c.ID}, store.Readers)
	add("Teasers", ts, err)
	ts, err = e.st.DossierArticles(ctx, x.dossier.ID, store.Readers, 10, 0)
	add("DossierArticles", ts, err)
	src, err := e.st.RelatedSources(ctx, x.c, 10)
	if err != nil {
		t.Fatalf("RelatedSources: %v", err)
	}
	for name, cs := range map[string][]content.Candidate{"manual picks": src.Manual, "dossier": src.Dossier,
		"tag": src.ByTag[x.tag.ID], "section": src.Section} {
		ids := []int64{}
		for _, c := range cs {
			ids = append(ids, c.ID)
		}
		lists["RelatedSources, "+name] = ids
	}
	if slug, err := e.st.SlugRedirect(ctx, "fr", "a-old"); err == nil && slug == "a" {
		lists["SlugRedirect"] = []int64{x.a.ID}
	} else {
		lists["SlugRedirect"] = []int64{}
	}
	return lists
}

func testTrash(t *testing.T, e *env) {
	ctx := t.Context()
	x := newTrashScene(t, e)
	var heard recorder
	defer e.st.Subscribe(heard.record)()
	before := x.visible(t, e)
	for name, ids := range before {
		if !slices.Contains(ids, x.a.ID) {
			t.Fatalf("%s does not show the article before it is trashed: %v", name, ids)
		}
	}
	trashedAt := e.now()
	MustUpdate(t, e.st, func(tx store.Tx) error {
		if err := tx.TrashArticle(ctx, x.a.ID, trashedAt); err != nil {
			return err
		}
		return tx.TrashArticle(ctx, x.s.ID, trashedAt)
	})
	waitFor(t, "the trash's change", func() bool { return heard.has(all) })
	for name, ids := range x.visible(t, e) {
		if slices.Contains(ids, x.a.ID) {
			t.Errorf("%s shows an article in the trash: %v", name, ids)
		}
	}
	got := mustReadArticle(t, e.st, "fr", "a") // the site answers 410
	checkTime(t, "DeletedAt", got.DeletedAt, trashedAt)
	checkEqual(t, "Gone", got.Gone(), true)
	checkEqual(t, "PublishDue skips the trash", mustPublishDue(t, e.st, trashedAt.Add(2*time.Hour)), []int64{})
	_, err := e.st.NextScheduled(ctx)
	checkErr(t, "NextScheduled with the only scheduled article in the trash", err, store.ErrNotFound)
	checkEqual(t, "live list", newsroomIDs(t, e, store.ArticleQuery{}), articleIDs(x.c, x.nl))
	checkEqual(t, "trash", sorted(newsroomIDs(t, e, store.ArticleQuery{Deleted: true})), sorted(articleIDs(x.a, x.s)))

	// Trashing again keeps the first time; unknown articles are not found.
	e.clock.Advance(time.Hour)
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.TrashArticle(ctx, x.a.ID, e.now()) })
	byID, err := e.st.ArticleByID(ctx, x.a.ID)
	if err != nil {
		t.Fatalf("ArticleByID: %v", err)
	}
	checkTime(t, "DeletedAt after trashing twice", byID.DeletedAt, trashedAt)
	err = e.st.Update(ctx, func(tx store.Tx) error { return tx.TrashArticle(ctx, 9999, e.now()) })
	checkErr(t, "TrashArticle(unknown)", err, store.ErrNotFound)
	err = e.st.Update(ctx, func(tx store.Tx) error { return tx.RestoreArticle(ctx, 9999) })
	checkErr(t, "RestoreArticle(unknown)", err, store.ErrNotFound)

	MustUpdate(t, e.st, func(tx store.Tx) error {
		if err := tx.RestoreArticle(ctx, x.a.ID); err != nil {
			return err
		}
		return tx.RestoreArticle(ctx, x.s.ID)
	})
	checkEqual(t, "public queries after restoring", x.visible(t, e), before)
	if a := mustReadArticle(t, e.st, "fr", "a"); !a.DeletedAt.IsZero() || a.Gone() {
		t.Errorf("restored article: DeletedAt %v, Gone %v", a.DeletedAt, a.Gone())
	}
	checkEqual(t, "trash after restoring", newsroomIDs(t, e, store.ArticleQuery{Deleted: true}), []int64{})
	checkEqual(t, "PublishDue after restoring", mustPublishDue(t, e.st, e.now().Add(2*time.Hour)), articleIDs(x.s))
}

func newsroomIDs(tb testing.TB, e *env, q store.ArticleQuery) []int64 {
	tb.Helper()
	if q.Limit == 0 {
		q.Limit = 100
	}
	items, err := e.st.NewsroomArticles(tb.Context(), q)
	if err != nil {
		tb.Fatalf("NewsroomArticles(%+v): %v", q, err)
	}
	ids := []int64{}
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}
