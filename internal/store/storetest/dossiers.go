package storetest

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func testDossiers(t *testing.T, e *env) {
	ctx := t.Context()
	fr := mustDossier(t, e.st, content.Dossier{
		Lang: "fr", Slug: "salaire-minimum", Title: "Salaire minimum", Intro: "Notre *campagne*.",
		IntroHTML: "<p>Notre <em>campagne</em>.</p>", Featured: true,
		Image: content.Image{Path: "2026/03/manif.jpg", Alt: "Manifestants", Caption: "Le 1er mars", Credit: "A. Photo"},
	})
	if fr.ID == 0 || fr.StoryID != fr.ID {
		t.Fatalf("dossier ID %d, StoryID %d: want StoryID = ID for a first version", fr.ID, fr.StoryID)
	}
	checkTime(t, "CreatedAt", fr.CreatedAt, e.now())
	// A translation may keep the slug: addresses are per language.
	nl := mustDossier(t, e.st, content.Dossier{StoryID: fr.ID, Lang: "nl", Slug: "salaire-minimum", Title: "Minimumloon"})

	for _, want := range []content.Dossier{fr, nl} {
		got, err := e.st.Dossier(ctx, want.Lang, want.Slug)
		if err != nil {
			t.Fatalf("Dossier(%s, %s): %v", want.Lang, want.Slug, err)
		}
		checkEqual(t, "dossier read back", got, want)
	}
	_, err := e.st.Dossier(ctx, "en", "salaire-minimum")
	checkErr(t, "Dossier(unknown)", err, store.ErrNotFound)

	create := func(d content.Dossier) error {
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.CreateDossier(ctx, &d) })
	}
	checkErr(t, "duplicate slug", create(content.Dossier{Lang: "fr", Slug: "salaire-minimum", Title: "X"}), store.ErrConflict)
	checkErr(t, "bad slug", create(content.Dossier{Lang: "fr", Slug: "a b", Title: "X"}), content.ErrInvalid)
	checkErr(t, "no title", create(content.Dossier{Lang: "fr", Slug: "x"}), content.ErrInvalid)
	checkErr(t, "no language", create(content.Dossier{Slug: "y", Title: "Y"}), content.ErrInvalid)

	err = e.st.Update(ctx, func(tx store.Tx) error {
		if err := tx.CreateDossier(ctx, &content.Dossier{Lang: "fr", Slug: "logement", Title: "Logement"}); err != nil {
			return err
		}
		return tx.CreateDossier(ctx, &content.Dossier{Lang: "nl", Slug: "salaire-minimum", Title: "Again"})
	})
	checkErr(t, "create then duplicate", err, store.ErrConflict)
	_, err = e.st.Dossier(ctx, "fr", "logement")
	checkErr(t, "dossier of a rolled-back Update", err, store.ErrNotFound)

	versions, err := e.st.DossierVersions(ctx, fr.StoryID)
	if err != nil {
		t.Fatalf("DossierVersions: %v", err)
	}
	checkEqual(t, "DossierVersions", sorted(dossierIDs(versions...)), []int64{fr.ID, nl.ID})
}

func testDossierArticles(t *testing.T, e *env) {
	ctx := t.Context()
	at := e.now().Add(-time.Hour)
	a := mustArticle(t, e.st, newArticle("fr", "a", at))
	b := mustArticle(t, e.st, newArticle("fr", "b", at.Add(time.Minute)))
	c := mustArticle(t, e.st, newArticle("fr", "c", at.Add(2*time.Minute)))
	draft := newArticle("fr", "draft", time.Time{})
	draft.Status = content.StatusDraft
	mustArticle(t, e.st, draft)
	d := mustDossier(t, e.st, content.Dossier{Lang: "fr", Slug: "d"})
	other := mustDossier(t, e.st, content.Dossier{Lang: "fr", Slug: "other", Title: "Autre"})

	// The editors' order, not the order of IDs or dates; drafts are left out.
	mustSetDossierArticles(t, e.st, d.ID, c.ID, draft.ID, a.ID, b.ID)
	mustSetDossierArticles(t, e.st, other.ID, a.ID)
	list := func(limit, offset int) []int64 {
		t.Helper()
		ts, err := e.st.DossierArticles(ctx, d.ID, store.Readers, limit, offset)
		if err != nil {
			t.Fatalf("DossierArticles: %v", err)
		}
		return teaserIDs(ts)
	}
	checkEqual(t, "DossierArticles", list(10, 0), articleIDs(c, a, b))
	checkEqual(t, "DossierArticles page 2 of 1", list(1, 1), articleIDs(a))
	// Staff see every member: a dossier's list is rebuilt from this view, and must not
	// lose its drafts.
	staff, err := e.st.DossierArticles(ctx, d.ID, store.Staff, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "DossierArticles for staff", teaserIDs(staff), []int64{c.ID, draft.ID, a.ID, b.ID})
	members, err := e.st.DossierMembers(ctx, d.ID)
	checkEqual(t, "DossierMembers", members, []int64{c.ID, draft.ID, a.ID, b.ID})
	checkEqual(t, "DossierMembers error", err, nil)
	_, err = e.st.DossierArticles(ctx, d.ID, 0, 10, 0)
	checkErr(t, "DossierArticles without an audience", err, content.ErrInvalid)
	if got, err := e.st.DossierByID(ctx, other.ID); err != nil || got != other {
		t.Errorf("DossierByID = %+v, %v; want %+v", got, err, other)
	}

	inDossiers := func(articleID int64) []int64 {
		t.Helper()
		ds, err := e.st.ArticleDossiers(ctx, articleID)
		if err != nil {
			t.Fatalf("ArticleDossiers: %v", err)
		}
		return sorted(dossierIDs(ds...))
	}
	checkEqual(t, "ArticleDossiers(a)", inDossiers(a.ID), []int64{d.ID, other.ID})

	// Replacing, not adding.
	mustSetDossierArticles(t, e.st, d.ID, b.ID)
	checkEqual(t, "DossierArticles after replacing", list(10, 0), articleIDs(b))
	checkEqual(t, "ArticleDossiers(a) after replacing", inDossiers(a.ID), []int64{other.ID})
	checkEqual(t, "ArticleDossiers(c) after replacing", inDossiers(c.ID), []int64{})

	err = e.st.Update(ctx, func(tx store.Tx) error { return tx.SetDossierArticles(ctx, d.ID, []int64{a.ID, 9999}) })
	checkErr(t, "SetDossierArticles with an unknown article", err, content.ErrInvalid)
	checkEqual(t, "DossierArticles after a failed replace", list(10, 0), articleIDs(b))

	mustSetDossierArticles(t, e.st, d.ID)
	checkEqual(t, "DossierArticles after emptying", list(10, 0), []int64{})
}

func testDossierLists(t *testing.T, e *env) {
	ctx := t.Context()
	plain := mustDossier(t, e.st, content.Dossier{Lang: "fr", Slug: "plain"})
	featured := mustDossier(t, e.st, content.Dossier{Lang: "fr", Slug: "featured", Featured: true})
	featured2 := mustDossier(t, e.st, content.Dossier{Lang: "fr", Slug: "featured-2", Featured: true})
	nl := mustDossier(t, e.st, content.Dossier{Lang: "nl", Slug: "featured", Featured: true, StoryID: featured.ID})

	list := func(lang content.Lang, featuredOnly bool, limit, offset int) []int64 {
		t.Helper()
		ds, err := e.st.Dossiers(ctx, lang, featuredOnly, limit, offset)
		if err != nil {
			t.Fatalf("Dossiers: %v", err)
		}
		return dossierIDs(ds...)
	}
	checkEqual(t, "Dossiers(fr)", sorted(list("fr", false, 10, 0)), dossierIDs(plain, featured, featured2))
	checkEqual(t, "Dossiers(fr, featured)", sorted(list("fr", true, 10, 0)), dossierIDs(featured, featured2))
	checkEqual(t, "Dossiers(nl)", list("nl", false, 10, 0), dossierIDs(nl))
	checkEqual(t, "Dossiers(en)", list("en", false, 10, 0), []int64{})

	page1, page2 := list("fr", false, 2, 0), list("fr", false, 2, 2)
	checkEqual(t, "page sizes", []int{len(page1), len(page2)}, []int{2, 1})
	checkEqual(t, "pages together", sorted(append(page1, page2...)), dossierIDs(plain, featured, featured2))

	versions, err := e.st.DossierVersions(ctx, featured.StoryID)
	if err != nil {
		t.Fatalf("DossierVersions: %v", err)
	}
	checkEqual(t, "DossierVersions", sorted(dossierIDs(versions...)), dossierIDs(featured, nl))
}
