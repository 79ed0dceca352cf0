package editorial_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/storetest"
)

// TestDossierKeepsEveryMember is the regression test of a dossier that lost its drafts
// and scheduled articles whenever it, or one of its articles, was saved: its list was
// rebuilt from what readers see. Whatever their state, the trash included, members stay,
// in order, until someone takes them out.
func TestDossierKeepsEveryMember(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		published := MustSave(t, svc, editor, draft("Publié"), content.Publish)
		drafted := MustSave(t, svc, editor, draft("Brouillon"), content.Keep)
		in := draft("Programmé")
		in.PublishAt = clock.Now().Add(24 * time.Hour)
		scheduled := MustSave(t, svc, editor, in, content.Schedule)
		trashed := MustSave(t, svc, editor, draft("Jeté"), content.Publish)
		order := []int64{scheduled.ID, published.ID, trashed.ID, drafted.ID}
		d := MustDossier(t, svc, editor, "La campagne", order...)
		if _, err := svc.TrashArticle(t.Context(), editor, trashed.ID); err != nil {
			t.Fatal(err)
		}
		second := MustDossier(t, svc, editor, "Une autre campagne", published.ID)
		check := func(what string, dossierID int64, want ...int64) {
			t.Helper()
			if got := MustMembers(t, st, dossierID); !slices.Equal(got, want) {
				t.Errorf("%s: dossier %d holds %v, want %v", what, dossierID, got, want)
			}
		}
		check("at first", d.ID, order...)
		readers, err := st.DossierArticles(t.Context(), d.ID, store.Readers, 10, 0)
		if err != nil || len(readers) != 1 || readers[0].ID != published.ID {
			t.Errorf("readers see %+v, %v; want the published article only", readers, err)
		}

		// The dossier's form shows every member and sends them all back.
		saved, err := svc.SaveDossier(t.Context(), editor, editorial.DossierInput{ID: d.ID, Lang: "fr",
			Title: "La campagne de l'hiver", Slug: d.Slug, Intro: "Tout sur la *campagne*.", Members: MustMembers(t, st, d.ID)})
		if err != nil {
			t.Fatal(err)
		}
		if saved.Title != "La campagne de l’hiver" || saved.Slug != d.Slug {
			t.Errorf("saved dossier: %q %q", saved.Title, saved.Slug)
		}
		check("after saving the dossier's form", d.ID, order...)
		// Saving the fields alone leaves the list as it is.
		if _, err := svc.SaveDossier(t.Context(), editor, editorial.DossierInput{ID: d.ID, Lang: "fr", Title: "La campagne", Slug: d.Slug}); err != nil {
			t.Fatal(err)
		}
		check("after saving the dossier's fields", d.ID, order...)

		// An article's checkboxes add it to a second dossier: the first keeps it and all
		// the others; the second gets it last.
		for _, a := range []*content.Article{drafted, scheduled} {
			in := inputOf(MustArticle(t, st, a.ID))
			in.DossierIDs = []int64{d.ID, second.ID}
			MustSave(t, svc, editor, in, content.Keep)
		}
		check("after filing two members in a second dossier", d.ID, order...)
		check("the second dossier", second.ID, published.ID, drafted.ID, scheduled.ID)
		// Saving an article with its checkboxes as they are changes no list.
		in = inputOf(MustArticle(t, st, published.ID))
		in.DossierIDs = []int64{d.ID, second.ID}
		MustSave(t, svc, editor, in, content.Keep)
		check("after saving a member as it is", d.ID, order...)
		check("the second dossier after saving a member as it is", second.ID, published.ID, drafted.ID, scheduled.ID)

		// Unticking one dossier takes the article out of that one only.
		in = inputOf(MustArticle(t, st, scheduled.ID))
		in.DossierIDs = []int64{second.ID}
		MustSave(t, svc, editor, in, content.Keep)
		check("after taking the scheduled article out", d.ID, published.ID, trashed.ID, drafted.ID)
		check("the second dossier keeps it", second.ID, published.ID, drafted.ID, scheduled.ID)

		// The form without one member removes that one, and keeps the rest in the new order.
		if err := svc.SetDossierMembers(t.Context(), editor, d.ID, []int64{drafted.ID, trashed.ID}); err != nil {
			t.Fatal(err)
		}
		check("after removing the published article", d.ID, drafted.ID, trashed.ID)
		// An article that does not exist is refused, and changes nothing.
		_, err = svc.SaveDossier(t.Context(), editor, editorial.DossierInput{ID: d.ID, Lang: "fr", Title: "La campagne",
			Slug: d.Slug, Members: []int64{drafted.ID, missingDossier}})
		checkProblems(t, "a member that does not exist", err, map[string]string{"articles": "gone"})
		check("after a refused list", d.ID, drafted.ID, trashed.ID)

		// Restored, the trashed article is still where it was.
		if _, err := svc.RestoreArticle(t.Context(), editor, trashed.ID); err != nil {
			t.Fatal(err)
		}
		check("after restoring", d.ID, drafted.ID, trashed.ID)

		writer := MustUser(t, st, auth.RoleContributor, "writer")
		if err := svc.SetDossierMembers(t.Context(), writer, d.ID, nil); !errors.Is(err, editorial.ErrForbidden) {
			t.Errorf("a contributor set a dossier's members: %v", err)
		}
		check("after a contributor's attempt", d.ID, drafted.ID, trashed.ID)
	})
}
