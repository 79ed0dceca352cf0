package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func testPersons(t *testing.T, e *env) {
	ctx := t.Context()
	in := content.Person{
		Slug: "marie-dupont", Name: "Marie Dupont", Role: "porte-parole",
		Bio: "Née à *Liège*.", BioHTML: "<p>Née à <em>Liège</em>.</p>",
		Email: "marie@example.org", Phone: "+32 2 555 01 23",
	}
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.CreatePerson(ctx, &in) })
	if in.ID == 0 {
		t.Fatal("CreatePerson did not set the ID")
	}
	checkTime(t, "CreatedAt", in.CreatedAt, e.now())
	got, err := e.st.Person(ctx, "marie-dupont")
	if err != nil {
		t.Fatalf("Person: %v", err)
	}
	checkEqual(t, "person read back", got, in)
	checkTime(t, "UpdatedAt", got.UpdatedAt, e.now())

	_, err = e.st.Person(ctx, "nobody")
	checkErr(t, "Person(unknown)", err, store.ErrNotFound)

	create := func(p content.Person) error {
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.CreatePerson(ctx, &p) })
	}
	checkErr(t, "duplicate slug", create(content.Person{Slug: "marie-dupont", Name: "Other"}), store.ErrConflict)
	checkErr(t, "bad slug", create(content.Person{Slug: "Marie Dupont", Name: "X"}), content.ErrInvalid)
	checkErr(t, "no name", create(content.Person{Slug: "x"}), content.ErrInvalid)
	checkErr(t, "bad e-mail", create(content.Person{Slug: "y", Name: "Y", Email: "not an address"}), content.ErrInvalid)

	// A failure inside Update takes back what the same transaction created before it.
	err = e.st.Update(ctx, func(tx store.Tx) error {
		if err := tx.CreatePerson(ctx, &content.Person{Slug: "jean", Name: "Jean"}); err != nil {
			return err
		}
		return tx.CreatePerson(ctx, &content.Person{Slug: "marie-dupont", Name: "Again"})
	})
	checkErr(t, "create then duplicate", err, store.ErrConflict)
	_, err = e.st.Person(ctx, "jean")
	checkErr(t, "person of a rolled-back Update", err, store.ErrNotFound)
	got, _ = e.st.Person(ctx, "marie-dupont")
	checkEqual(t, "first person after failed duplicate", got.Name, "Marie Dupont")
}

func testTags(t *testing.T, e *env) {
	ctx := t.Context()
	fr := content.Tag{Lang: "fr", Slug: "greve", Name: "Grève"}
	nl := content.Tag{Lang: "nl", Slug: "greve", Name: "Staking"} // same slug, other language
	MustUpdate(t, e.st, func(tx store.Tx) error {
		if err := tx.CreateTag(ctx, &fr); err != nil {
			return err
		}
		return tx.CreateTag(ctx, &nl)
	})
	if fr.ID == 0 || nl.ID == 0 || fr.ID == nl.ID {
		t.Fatalf("tag IDs %d and %d: want two distinct IDs", fr.ID, nl.ID)
	}
	for _, want := range []content.Tag{fr, nl} {
		got, err := e.st.Tag(ctx, want.Lang, want.Slug)
		if err != nil {
			t.Fatalf("Tag(%s, %s): %v", want.Lang, want.Slug, err)
		}
		checkEqual(t, "tag read back", got, want)
	}
	_, err := e.st.Tag(ctx, "en", "greve")
	checkErr(t, "Tag in a language it does not exist in", err, store.ErrNotFound)

	create := func(tag content.Tag) error {
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.CreateTag(ctx, &tag) })
	}
	checkErr(t, "duplicate slug", create(content.Tag{Lang: "fr", Slug: "greve", Name: "Autre"}), store.ErrConflict)
	checkErr(t, "bad slug", create(content.Tag{Lang: "fr", Slug: "Greve", Name: "X"}), content.ErrInvalid)
	checkErr(t, "hyphen at the end", create(content.Tag{Lang: "fr", Slug: "greve-", Name: "X"}), content.ErrInvalid)
	checkErr(t, "no language", create(content.Tag{Slug: "sans-langue", Name: "X"}), content.ErrInvalid)

	err = e.st.Update(ctx, func(tx store.Tx) error {
		if err := tx.CreateTag(ctx, &content.Tag{Lang: "fr", Slug: "climat", Name: "Climat"}); err != nil {
			return err
		}
		return tx.CreateTag(ctx, &content.Tag{Lang: "fr", Slug: "Bad", Name: "Bad"})
	})
	checkErr(t, "create then invalid", err, content.ErrInvalid)
	_, err = e.st.Tag(ctx, "fr", "climat")
	checkErr(t, "tag of a rolled-back Update", err, store.ErrNotFound)
}

func testSections(t *testing.T, e *env) {
	ctx := t.Context()
	world := content.Section{Position: 1, Names: map[content.Lang]content.SectionName{
		"fr": {Slug: "international", Name: "International", Description: "Le monde"},
		"nl": {Slug: "internationaal", Name: "Internationaal"},
	}}
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.CreateSection(ctx, &world) })
	europe := content.Section{ParentID: world.ID, Names: map[content.Lang]content.SectionName{
		"fr": {Slug: "europe", Name: "Europe"},
		"nl": {Slug: "europa", Name: "Europa"},
	}}
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.CreateSection(ctx, &europe) })
	// The same slug in another language is another address, not a conflict.
	frSlug := mustSection(t, e.st, 0, 0, "internationaal")

	got, err := e.st.Sections(ctx)
	if err != nil {
		t.Fatalf("Sections: %v", err)
	}
	byID := map[int64]content.Section{}
	for _, s := range got {
		byID[s.ID] = s
	}
	checkEqual(t, "number of sections", len(got), 3)
	checkEqual(t, "top-level section", byID[world.ID], world)
	checkEqual(t, "subsection", byID[europe.ID], europe)
	checkEqual(t, "subsection's parent", byID[europe.ID].ParentID, world.ID)
	checkEqual(t, "section with another language's slug", byID[frSlug.ID], frSlug)

	create := func(s content.Section) error {
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.CreateSection(ctx, &s) })
	}
	names := func(lang content.Lang, slug string) map[content.Lang]content.SectionName {
		return map[content.Lang]content.SectionName{lang: {Slug: slug, Name: "N"}}
	}
	checkErr(t, "duplicate slug in a language", create(content.Section{Names: names("nl", "europa")}), store.ErrConflict)
	checkErr(t, "bad slug", create(content.Section{Names: names("fr", "Sport")}), content.ErrInvalid)
	checkErr(t, "no names", create(content.Section{}), content.ErrInvalid)
	checkErr(t, "bad language", create(content.Section{Names: names("", "sport")}), content.ErrInvalid)
	checkErr(t, "unknown parent", create(content.Section{ParentID: 9999, Names: names("fr", "sport")}), content.ErrInvalid)

	err = e.st.Update(ctx, func(tx store.Tx) error {
		if err := tx.CreateSection(ctx, &content.Section{Names: names("fr", "culture")}); err != nil {
			return err
		}
		return tx.CreateSection(ctx, &content.Section{Names: names("fr", "europe")})
	})
	checkErr(t, "create then duplicate", err, store.ErrConflict)
	got, _ = e.st.Sections(ctx)
	checkEqual(t, "sections after a rolled-back Update", len(got), 3)
}

// testFailedUpdateRollsBack checks that an error returned by fn itself, after several
// creations, undoes them all, and that the store takes writes again afterwards.
func testFailedUpdateRollsBack(t *testing.T, e *env) {
	ctx := t.Context()
	boom := errors.New("boom")
	err := e.st.Update(ctx, func(tx store.Tx) error {
		steps := []error{
			tx.CreatePerson(ctx, &content.Person{Slug: "p", Name: "P"}),
			tx.CreateTag(ctx, &content.Tag{Lang: "fr", Slug: "t", Name: "T"}),
			tx.CreateDossier(ctx, &content.Dossier{Lang: "fr", Slug: "d", Title: "D"}),
			tx.CreateArticle(ctx, newArticle("fr", "a", e.now())),
			tx.PutSite(ctx, content.Site{Name: "Gone", Langs: []content.Lang{"fr"}, Location: time.UTC}),
		}
		if err := errors.Join(steps...); err != nil {
			t.Errorf("creating inside Update: %v", err)
		}
		return boom
	})
	checkErr(t, "Update returning fn's error", err, boom)
	_, err = e.st.Person(ctx, "p")
	checkErr(t, "person", err, store.ErrNotFound)
	_, err = e.st.Tag(ctx, "fr", "t")
	checkErr(t, "tag", err, store.ErrNotFound)
	_, err = e.st.Dossier(ctx, "fr", "d")
	checkErr(t, "dossier", err, store.ErrNotFound)
	_, err = e.st.Article(ctx, "fr", "a")
	checkErr(t, "article", err, store.ErrNotFound)
	checkEqual(t, "site name", mustSite(t, e.st).Name, content.DefaultSite().Name)

	mustPerson(t, e.st, "p") // the writer was released
}
