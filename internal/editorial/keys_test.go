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

// dossierRefs is what content.ArticleChange knows of the dossiers holding an article.
func dossierRefs(tb testing.TB, st store.Store, articleID int64) []content.DossierRef {
	tb.Helper()
	ds, err := st.ArticleDossiers(tb.Context(), articleID)
	if err != nil {
		tb.Fatalf("ArticleDossiers(%d): %v", articleID, err)
	}
	var refs []content.DossierRef
	for _, d := range ds {
		refs = append(refs, content.DossierRef{ID: d.ID, Lang: d.Lang})
	}
	return refs
}

// checkHeard fails unless the changes heard are exactly want.
func checkHeard(tb testing.TB, what string, got []store.Change, want ...store.Change) {
	tb.Helper()
	same := len(got) == len(want)
	for i := 0; same && i < len(got); i++ {
		same = got[i].All == want[i].All && got[i].Jobs == want[i].Jobs && slices.Equal(got[i].Keys, want[i].Keys)
	}
	if !same {
		tb.Errorf("%s: heard %+v\nwant %+v", what, got, want)
	}
}

// TestPublishTouchesItsKeys: publishing tells subscribers exactly the keys the domain's
// rule predicts: the article, its language's latest list, its section, tags, authors,
// story and dossiers.
func TestPublishTouchesItsKeys(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		section := MustSection(t, svc, "Social")
		t1, t2 := MustTag(t, svc, "fr", "Grève"), MustTag(t, svc, "fr", "Rail")
		p1, p2 := MustPerson(t, svc, "Anne Dupont"), MustPerson(t, svc, "Jan Peeters")
		original := draft("Staking")
		original.Lang = "nl"
		nl := MustSave(t, svc, editor, original, content.Publish)

		in := draft("Grève au rail")
		in.SectionID, in.TagIDs, in.AuthorIDs, in.TranslationOf = section.ID, []int64{t1.ID, t2.ID}, []int64{p1.ID, p2.ID}, nl.ID
		a := MustSave(t, svc, editor, in, content.Keep)
		d := MustDossier(t, svc, editor, "Les grèves", a.ID)
		heard := listen(t, st)
		n := len(heard.all())

		before := MustArticle(t, st, a.ID)
		refs := dossierRefs(t, st, a.ID)
		a = MustSave(t, svc, editor, inputOf(a), content.Publish)
		want := content.ArticleChange{Before: before, After: MustArticle(t, st, a.ID), DossiersBefore: refs, DossiersAfter: refs}.Keys()
		checkHeard(t, "publish", heard.since(t, st, n), store.Change{Keys: want})
		for _, k := range []content.Key{
			content.KeyArticle(a.ID), content.KeyLatest("fr"), content.KeySection(section.ID, "fr"),
			content.KeyTag(t1.ID), content.KeyTag(t2.ID), content.KeyAuthor(p1.ID, "fr"), content.KeyAuthor(p2.ID, "fr"),
			content.KeyStory(nl.ID), content.KeyDossier(d.ID),
		} {
			if !slices.Contains(want, k) {
				t.Errorf("the rule does not predict %q for a publication: %v", k, want)
			}
		}
	})
}

// TestUnseenChangesTouchNothing: a draft that stays a draft, or goes to review, touches
// no page readers see, so no cached page is thrown away for it.
func TestUnseenChangesTouchNothing(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		writer := MustUser(t, st, auth.RoleContributor, "writer")
		heard := listen(t, st)
		n := len(heard.all())
		a := MustSave(t, svc, writer, draft("Brouillon"), content.Keep)
		in := inputOf(a)
		in.Body = "Suite."
		a = MustSave(t, svc, writer, in, content.Keep)
		MustSave(t, svc, writer, inputOf(a), content.Submit)
		checkHeard(t, "creating, saving and submitting a draft", heard.since(t, st, n))
	})
}

// TestTrashAndRestoreTouchTheirKeys: taking a published article out of every list and
// putting it back touch what the rule predicts, each way.
func TestTrashAndRestoreTouchTheirKeys(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		tag := MustTag(t, svc, "fr", "Grève")
		in := draft("Publié puis jeté")
		in.TagIDs = []int64{tag.ID}
		a := MustSave(t, svc, editor, in, content.Publish)
		d := MustDossier(t, svc, editor, "Les jetés", a.ID)
		refs := dossierRefs(t, st, a.ID)
		heard := listen(t, st)

		for _, step := range []struct {
			name string
			do   func() (*content.Article, error)
		}{
			{"trash", func() (*content.Article, error) { return svc.TrashArticle(t.Context(), editor, a.ID) }},
			{"restore", func() (*content.Article, error) { return svc.RestoreArticle(t.Context(), editor, a.ID) }},
		} {
			n := len(heard.all())
			before := MustArticle(t, st, a.ID)
			if _, err := step.do(); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			after := MustArticle(t, st, a.ID)
			want := content.ArticleChange{Before: before, After: after, DossiersBefore: refs, DossiersAfter: refs}.Keys()
			checkHeard(t, step.name, heard.since(t, st, n), store.Change{Keys: want})
			for _, k := range []content.Key{content.KeyArticle(a.ID), content.KeyLatest("fr"), content.KeyTag(tag.ID), content.KeyDossier(d.ID)} {
				if !slices.Contains(want, k) {
					t.Errorf("%s: the rule does not predict %q: %v", step.name, k, want)
				}
			}
		}
		if got := auditActions(t, st, target(a.ID)); !slices.Equal(got, []string{"article.restore", "article.delete", "article.publish"}) {
			t.Errorf("audit: %v", got)
		}
	})
}

// TestSiteWideChangesTouchEverything: settings and sections are on every page.
func TestSiteWideChangesTouchEverything(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		admin := MustUser(t, st, auth.RoleAdmin, "admin")
		heard := listen(t, st)

		n := len(heard.all())
		site, err := st.Site(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		site.Name = "Le Journal"
		site.Taglines = map[content.Lang]string{"fr": "Les nouvelles"}
		if err := svc.SaveSettings(t.Context(), admin, site); err != nil {
			t.Fatal(err)
		}
		checkHeard(t, "SaveSettings", heard.since(t, st, n), store.Change{All: true})
		if got, _ := st.Site(t.Context()); got.Name != "Le Journal" {
			t.Errorf("settings not saved: %+v", got)
		}

		n = len(heard.all())
		sec := &content.Section{Names: map[content.Lang]content.SectionName{"fr": {Name: "Monde"}}}
		if err := svc.SaveSection(t.Context(), admin, sec); err != nil {
			t.Fatal(err)
		}
		sec.Names["fr"] = content.SectionName{Name: "Le monde", Slug: "monde"}
		if err := svc.SaveSection(t.Context(), admin, sec); err != nil {
			t.Fatal(err)
		}
		checkHeard(t, "SaveSection, created then changed", heard.since(t, st, n), store.Change{All: true}, store.Change{All: true})

		entries := MustAudit(t, st, store.AuditQuery{})
		var actions []string
		for _, e := range entries {
			actions = append(actions, e.Action)
		}
		if !slices.Equal(actions, []string{"taxonomy.section.update", "taxonomy.section.create", "settings"}) {
			t.Errorf("audit: %v", actions)
		}
		// A section named after a word of the address scheme is refused.
		err = svc.SaveSection(t.Context(), admin, &content.Section{Names: map[content.Lang]content.SectionName{"fr": {Name: "Recherche"}}})
		checkProblems(t, "a section named Recherche", err, map[string]string{"slug.fr": "reserved"})
		clock.Advance(time.Second)
		if err := svc.SaveSettings(t.Context(), editorial.Person(&auth.User{ID: admin.User.ID, Role: auth.RoleEditor}), site); !errors.Is(err, editorial.ErrForbidden) {
			t.Errorf("an editor changed the settings: %v", err)
		}
	})
}
