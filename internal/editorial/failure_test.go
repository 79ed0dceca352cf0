package editorial_test

import (
	"errors"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/storetest"
)

// missingDossier is the ID of a dossier that does not exist: a use case learns it only
// after it has written the article, when it files the article in its dossiers.
const missingDossier = 987654

// TestFailedSaveWritesNothing: a save that fails after writing the article (its
// dossiers are checked once the article row is written) leaves no trace: no article or
// change of it, no revision, no audit entry, no job, no relation, and no subscriber
// hears of it.
func TestFailedSaveWritesNothing(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		tag := MustTag(t, svc, "fr", "Grève")
		kept := MustDossier(t, svc, editor, "Un dossier")
		heard := listen(t, st)
		auditBefore := len(MustAudit(t, st, store.AuditQuery{}))
		later := clock.Now().Add(time.Hour)

		// A new article, scheduled: the article, its tag, its revision and its publication
		// job are written before the dossiers fail.
		n := len(heard.all())
		in := draft("Jamais écrit")
		in.TagIDs, in.NewTags, in.PublishAt = []int64{tag.ID}, []string{"Nouvelle étiquette"}, later
		in.DossierIDs = []int64{kept.ID, missingDossier}
		_, err := svc.SaveArticle(t.Context(), editor, in, content.Schedule)
		checkProblems(t, "a new article in a dossier that does not exist", err, map[string]string{"dossiers": "gone"})
		if _, err := st.Article(t.Context(), "fr", "jamais-ecrit"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the failed article can be read: %v", err)
		}
		items, err := st.NewsroomArticles(t.Context(), store.ArticleQuery{Limit: 10})
		if err != nil || len(items) != 0 {
			t.Errorf("articles after the failed save: %+v, %v", items, err)
		}
		if tags, _ := st.Tags(t.Context(), "fr"); len(tags) != 1 {
			t.Errorf("the failed save's new tag was kept: %+v", tags)
		}
		if got := MustMembers(t, st, kept.ID); len(got) != 0 {
			t.Errorf("the dossier that exists holds %v after the failed save", got)
		}
		if got := heard.since(t, st, n); len(got) != 0 {
			t.Errorf("a failed save told %+v", got)
		}

		// An existing draft, published and scheduled: the update, its revision and the
		// job come before the dossiers fail.
		a := MustSave(t, svc, editor, draft("Écrit"), content.Keep)
		for id := int64(1); id < a.ID; id++ {
			if revs := MustRevisions(t, st, id); len(revs) != 0 {
				t.Errorf("the failed article %d kept %d revisions", id, len(revs))
			}
		}
		if revs := MustRevisions(t, st, a.ID); len(revs) != 1 {
			t.Errorf("a new article has %d revisions", len(revs))
		}
		auditBefore++
		for _, step := range []content.Transition{content.Keep, content.Publish, content.Schedule} {
			n := len(heard.all())
			in := inputOf(a)
			in.Title, in.Featured, in.TagIDs, in.PublishAt = "Changé", true, []int64{tag.ID}, later
			in.DossierIDs = []int64{kept.ID, missingDossier}
			_, err := svc.SaveArticle(t.Context(), editor, in, step)
			checkProblems(t, string(step)+" into a dossier that does not exist", err, map[string]string{"dossiers": "gone"})
			got := MustArticle(t, st, a.ID)
			if got.Version != a.Version || got.Title != a.Title || got.Status != content.StatusDraft || got.Featured || len(got.TagIDs) != 0 || !got.PublishAt.IsZero() {
				t.Errorf("%q: the failed save changed the article: %+v", step, got)
			}
			if revs := MustRevisions(t, st, a.ID); len(revs) != 1 {
				t.Errorf("%q: %d revisions after the failed save", step, len(revs))
			}
			if ds := dossierRefs(t, st, a.ID); len(ds) != 0 {
				t.Errorf("%q: the article is in %v after the failed save", step, ds)
			}
			if got := heard.since(t, st, n); len(got) != 0 {
				t.Errorf("%q: a failed save told %+v", step, got)
			}
		}
		if got := MustAudit(t, st, store.AuditQuery{}); len(got) != auditBefore {
			t.Errorf("audit entries: %d, want %d: %+v", len(got), auditBefore, got)
		}
		if jobs := publicationJobs(t, st, ""); len(jobs) != 0 {
			t.Errorf("failed saves queued publication jobs: %+v", jobs)
		}
		if got := MustMembers(t, st, kept.ID); len(got) != 0 {
			t.Errorf("the dossier holds %v", got)
		}
	})
}
