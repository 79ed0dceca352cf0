package storetest

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func testPickers(t *testing.T, e *env) {
	ctx := t.Context()
	fanny, emile, dan := mustNamedPerson(t, e, "fanny", "Fanny"), mustNamedPerson(t, e, "emile", "Émile"), mustNamedPerson(t, e, "dan", "dan")
	ps, err := e.st.Persons(ctx)
	if err != nil {
		t.Fatalf("Persons: %v", err)
	}
	checkEqual(t, "Persons by name, ignoring case and accents", ps, []content.Person{dan, emile, fanny})

	tags := []content.Tag{{Lang: "fr", Slug: "zebre", Name: "Zèbre"}, {Lang: "fr", Slug: "ecole", Name: "École"},
		{Lang: "nl", Slug: "school", Name: "School"}, {Lang: "fr", Slug: "greve", Name: "grève"}}
	MustUpdate(t, e.st, func(tx store.Tx) error {
		for i := range tags {
			if err := tx.CreateTag(ctx, &tags[i]); err != nil {
				return err
			}
		}
		return nil
	})
	fr, err := e.st.Tags(ctx, "fr")
	if err != nil {
		t.Fatalf("Tags: %v", err)
	}
	checkEqual(t, "French tags by name", fr, []content.Tag{tags[1], tags[3], tags[0]})
	en, err := e.st.Tags(ctx, "en")
	if err != nil || len(en) != 0 {
		t.Errorf("Tags of a language without any: %v, %v", en, err)
	}
}

func mustNamedPerson(tb testing.TB, e *env, slug, name string) content.Person {
	tb.Helper()
	p := content.Person{Slug: slug, Name: name}
	MustUpdate(tb, e.st, func(tx store.Tx) error { return tx.CreatePerson(tb.Context(), &p) })
	return p
}

func testUpdateTaxonomy(t *testing.T, e *env) {
	ctx := t.Context()
	var heard recorder
	defer e.st.Subscribe(heard.record)()
	update := func(fn func(tx store.Tx) error) error { return e.st.Update(ctx, fn) }

	p := mustPerson(t, e.st, "marie")
	mustPerson(t, e.st, "jean")
	e.clock.Advance(time.Hour)
	p.Slug, p.Name, p.Role, p.Email = "marie-dupont", "Marie Dupont", "porte-parole", "marie@example.org"
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.UpdatePerson(ctx, &p) })
	checkTime(t, "person's UpdatedAt", p.UpdatedAt, e.now())
	got, err := e.st.Person(ctx, "marie-dupont")
	if err != nil {
		t.Fatalf("Person: %v", err)
	}
	checkEqual(t, "person read back", got, p)
	checkTime(t, "person's CreatedAt kept", got.CreatedAt, e.now().Add(-time.Hour))
	taken, ghost, invalid := p, p, p
	taken.Slug, ghost.ID, invalid.Name = "jean", 9999, ""
	checkErr(t, "person to a taken slug", update(func(tx store.Tx) error { return tx.UpdatePerson(ctx, &taken) }), store.ErrConflict)
	checkErr(t, "unknown person", update(func(tx store.Tx) error { return tx.UpdatePerson(ctx, &ghost) }), store.ErrNotFound)
	checkErr(t, "person without a name", update(func(tx store.Tx) error { return tx.UpdatePerson(ctx, &invalid) }), content.ErrInvalid)

	world := content.Section{Names: map[content.Lang]content.SectionName{
		"fr": {Slug: "monde", Name: "Monde"}, "nl": {Slug: "wereld", Name: "Wereld"}}}
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.CreateSection(ctx, &world) })
	europe := mustSection(t, e.st, world.ID, 0, "europe")
	world.Position = 3
	world.Names = map[content.Lang]content.SectionName{"fr": {Slug: "international", Name: "International", Description: "D"}}
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.UpdateSection(ctx, &world) })
	secs, err := e.st.Sections(ctx)
	if err != nil {
		t.Fatalf("Sections: %v", err)
	}
	byID := map[int64]content.Section{}
	for _, s := range secs {
		byID[s.ID] = s
	}
	checkEqual(t, "section with its names replaced", byID[world.ID], world)
	loop := world
	loop.ParentID = europe.ID
	checkErr(t, "section under its own child", update(func(tx store.Tx) error { return tx.UpdateSection(ctx, &loop) }), content.ErrInvalid)
	clash := europe
	clash.Names = map[content.Lang]content.SectionName{"fr": {Slug: "international", Name: "X"}}
	checkErr(t, "section to a taken slug", update(func(tx store.Tx) error { return tx.UpdateSection(ctx, &clash) }), store.ErrConflict)
	unknown := europe
	unknown.ID = 9999
	checkErr(t, "unknown section", update(func(tx store.Tx) error { return tx.UpdateSection(ctx, &unknown) }), store.ErrNotFound)

	d := mustDossier(t, e.st, content.Dossier{Lang: "fr", Slug: "campagne"})
	e.clock.Advance(time.Hour)
	d.StoryID, d.Slug, d.Title, d.Featured = 0, "salaire", "Salaire minimum", true
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.UpdateDossier(ctx, &d) })
	checkEqual(t, "a zero StoryID keeps the dossier's", d.StoryID, d.ID)
	checkTime(t, "dossier's UpdatedAt", d.UpdatedAt, e.now())
	gotD, err := e.st.Dossier(ctx, "fr", "salaire")
	if err != nil {
		t.Fatalf("Dossier: %v", err)
	}
	checkEqual(t, "dossier read back", gotD, d)
	ghostD := d
	ghostD.ID = 9999
	checkErr(t, "unknown dossier", update(func(tx store.Tx) error { return tx.UpdateDossier(ctx, &ghostD) }), store.ErrNotFound)

	// Each of these writes named no keys: subscribers hear that everything changed.
	waitFor(t, "the changes of the person, the section and the dossier", func() bool { return len(heard.heard()) >= 3 })
	for _, c := range heard.heard() {
		if !c.All {
			t.Errorf("a write that named no keys told %+v", c)
		}
	}
}
