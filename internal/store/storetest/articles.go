package storetest

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func testArticleRoundTrip(t *testing.T, e *env) {
	alice, bob, carol := mustPerson(t, e.st, "alice"), mustPerson(t, e.st, "bob"), mustPerson(t, e.st, "carol")
	greve, climat := mustTag(t, e.st, "fr", "greve"), mustTag(t, e.st, "fr", "climat")
	section := mustSection(t, e.st, 0, 0, "social")
	related := mustArticle(t, e.st, newArticle("fr", "related", e.now().Add(-2*time.Hour)))
	// An hour before the clock, in another zone and with nanoseconds.
	publishAt := time.Date(2026, time.March, 2, 9, 15, 30, 987654321, mustLocation(t, "Europe/Brussels"))

	in := &content.Article{
		Kind: content.KindPressRelease, Lang: "fr", Slug: "greve-a-liege", Title: "Grève à Liège",
		Standfirst: "Les cheminots arrêtent le travail.", Body: "Texte *important*.",
		BodyHTML: "<p>Texte <em>important</em>.</p>", Signature: "par notre correspondant",
		SectionID: section.ID, Status: content.StatusPublished, Featured: true,
		Image:     content.Image{Path: "2026/03/gare.jpg", Alt: "La gare", Caption: "Guillemins", Credit: "B. Photo"},
		PublishAt: publishAt,
		AuthorIDs: []int64{bob.ID, alice.ID}, TagIDs: []int64{greve.ID, climat.ID, greve.ID},
		ContactIDs: []int64{carol.ID}, RelatedIDs: []int64{related.ID},
	}
	mustArticle(t, e.st, in)
	if in.ID == 0 || in.StoryID != in.ID || in.Version != 1 {
		t.Fatalf("after create: ID %d, StoryID %d, Version %d; want StoryID = ID and Version 1", in.ID, in.StoryID, in.Version)
	}
	checkTime(t, "CreatedAt set on create", in.CreatedAt, e.now())

	got := mustReadArticle(t, e.st, "fr", "greve-a-liege")
	want := *in
	want.PublishAt = publishAt.UTC().Truncate(time.Second)
	want.CreatedAt, want.UpdatedAt = e.now(), e.now()
	checkEqual(t, "article fields", withoutRelations(*got), withoutRelations(want))
	checkTime(t, "PublishAt", got.PublishAt, want.PublishAt)
	checkTime(t, "CreatedAt", got.CreatedAt, e.now())
	checkTime(t, "UpdatedAt", got.UpdatedAt, e.now())

	checkEqual(t, "AuthorIDs (in order)", got.AuthorIDs, []int64{bob.ID, alice.ID})
	checkEqual(t, "Authors (in order)", got.Authors, []content.Person{bob, alice})
	checkEqual(t, "ContactIDs", got.ContactIDs, []int64{carol.ID})
	checkEqual(t, "Contacts", got.Contacts, []content.Person{carol})
	checkEqual(t, "TagIDs (deduplicated)", sorted(got.TagIDs), sorted([]int64{greve.ID, climat.ID}))
	tags := map[int64]content.Tag{}
	for _, tag := range got.Tags {
		tags[tag.ID] = tag
	}
	checkEqual(t, "Tags", tags, map[int64]content.Tag{greve.ID: greve, climat.ID: climat})
	checkEqual(t, "RelatedIDs", got.RelatedIDs, []int64{related.ID})

	// Imported and generated articles keep their own creation and modification times.
	old := newArticle("fr", "archive-2019", time.Date(2019, 5, 1, 8, 0, 0, 0, time.UTC))
	old.CreatedAt, old.UpdatedAt = time.Date(2019, 4, 30, 17, 0, 0, 500, time.UTC), time.Date(2019, 5, 2, 8, 0, 0, 0, time.UTC)
	mustArticle(t, e.st, old)
	kept := mustReadArticle(t, e.st, "fr", "archive-2019")
	checkTime(t, "given CreatedAt", kept.CreatedAt, time.Date(2019, 4, 30, 17, 0, 0, 0, time.UTC))
	checkTime(t, "given UpdatedAt", kept.UpdatedAt, time.Date(2019, 5, 2, 8, 0, 0, 0, time.UTC))

	// Article answers whatever the status, so that callers can tell 404 from 410.
	draft := newArticle("fr", "brouillon", time.Time{})
	draft.Status = content.StatusDraft
	archived := newArticle("fr", "retire", e.now().Add(-time.Hour))
	archived.Status = content.StatusArchived
	mustArticle(t, e.st, draft)
	mustArticle(t, e.st, archived)
	gotDraft := mustReadArticle(t, e.st, "fr", "brouillon")
	checkEqual(t, "draft status", gotDraft.Status, content.StatusDraft)
	if !gotDraft.PublishAt.IsZero() {
		t.Errorf("draft PublishAt = %v, want zero", gotDraft.PublishAt)
	}
	checkEqual(t, "draft relations", len(gotDraft.AuthorIDs)+len(gotDraft.TagIDs)+len(gotDraft.RelatedIDs), 0)
	checkEqual(t, "archived status", mustReadArticle(t, e.st, "fr", "retire").Status, content.StatusArchived)
}

// withoutRelations blanks what a store fills from other tables.
func withoutRelations(a content.Article) content.Article {
	a.AuthorIDs, a.TagIDs, a.ContactIDs, a.RelatedIDs = nil, nil, nil, nil
	a.Authors, a.Tags, a.Contacts = nil, nil, nil
	return a
}

func testArticleErrors(t *testing.T, e *env) {
	ctx := t.Context()
	now := e.now()
	mustArticle(t, e.st, newArticle("fr", "taken", now))
	mustArticle(t, e.st, newArticle("nl", "taken", now)) // the same slug in another language

	_, err := e.st.Article(ctx, "fr", "missing")
	checkErr(t, "Article(unknown slug)", err, store.ErrNotFound)
	_, err = e.st.Article(ctx, "en", "taken")
	checkErr(t, "Article(slug of another language)", err, store.ErrNotFound)

	create := func(change func(a *content.Article)) error {
		a := newArticle("fr", "new", now)
		change(a)
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.CreateArticle(ctx, a) })
	}
	checkErr(t, "duplicate slug", create(func(a *content.Article) { a.Slug = "taken" }), store.ErrConflict)
	invalid := map[string]func(a *content.Article){
		"bad slug":                   func(a *content.Article) { a.Slug = "Grève" },
		"no title":                   func(a *content.Article) { a.Title = " " },
		"unknown kind":               func(a *content.Article) { a.Kind = "essay" },
		"unknown status":             func(a *content.Article) { a.Status = "live" },
		"no language":                func(a *content.Article) { a.Lang = "" },
		"scheduled without time":     func(a *content.Article) { a.Status, a.PublishAt = content.StatusScheduled, time.Time{} },
		"contacts outside a release": func(a *content.Article) { a.ContactIDs = []int64{1} },
		"unknown author":             func(a *content.Article) { a.AuthorIDs = []int64{9999} },
		"unknown tag":                func(a *content.Article) { a.TagIDs = []int64{9999} },
		"unknown section":            func(a *content.Article) { a.SectionID = 9999 },
	}
	for name, change := range invalid {
		checkErr(t, name, create(change), content.ErrInvalid)
		// The article row went in before the relation failed; it must be gone with it.
		_, err := e.st.Article(ctx, "fr", "new")
		checkErr(t, name+": article after the failed create", err, store.ErrNotFound)
	}

	err = e.st.Update(ctx, func(tx store.Tx) error {
		if err := tx.CreateArticle(ctx, newArticle("fr", "first", now)); err != nil {
			return err
		}
		return tx.CreateArticle(ctx, newArticle("fr", "taken", now))
	})
	checkErr(t, "create then duplicate", err, store.ErrConflict)
	_, err = e.st.Article(ctx, "fr", "first")
	checkErr(t, "article of a rolled-back Update", err, store.ErrNotFound)
}

func testArticleTranslations(t *testing.T, e *env) {
	ctx := t.Context()
	now := e.now()
	fr := mustArticle(t, e.st, newArticle("fr", "greve", now))
	nl := newArticle("nl", "staking", now)
	nl.StoryID = fr.ID
	mustArticle(t, e.st, nl)
	en := newArticle("en", "strike", time.Time{})
	en.StoryID, en.Status = fr.ID, content.StatusDraft
	mustArticle(t, e.st, en)
	other := mustArticle(t, e.st, newArticle("fr", "autre", now))

	checkEqual(t, "translation's StoryID", mustReadArticle(t, e.st, "nl", "staking").StoryID, fr.ID)
	checkEqual(t, "other story's StoryID", mustReadArticle(t, e.st, "fr", "autre").StoryID, other.ID)
	versions := func() []int64 {
		t.Helper()
		ts, err := e.st.StoryVersions(ctx, fr.ID, store.Readers)
		if err != nil {
			t.Fatalf("StoryVersions: %v", err)
		}
		return sorted(teaserIDs(ts))
	}
	checkEqual(t, "StoryVersions (published only)", versions(), articleIDs(fr, nl))

	en.Status = content.StatusPublished
	mustUpdateArticle(t, e.st, en)
	checkEqual(t, "StoryVersions after publishing en", versions(), articleIDs(fr, nl, en))
	checkEqual(t, "published translation keeps its story", mustReadArticle(t, e.st, "en", "strike").StoryID, fr.ID)
}
