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

// TestArticleWorkflow follows an article from a contributor's draft to the archive: each
// step sets the status, keeps a revision by whoever saved, and records what the audit
// log says (nothing for a plain save of a draft).
func TestArticleWorkflow(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		writer := MustUser(t, st, auth.RoleContributor, "writer")
		editor := MustUser(t, st, auth.RoleEditor, "editor")

		a := MustSave(t, svc, writer, draft("La grève : un succès"), content.Keep)
		if a.Status != content.StatusDraft || a.Slug != "la-greve-un-succes" || a.Version != 1 ||
			a.CreatedBy != writer.User.ID || a.UpdatedBy != writer.User.ID || !a.PublishAt.IsZero() {
			t.Errorf("new draft: status %s, slug %q, version %d, by %d/%d, publish at %v",
				a.Status, a.Slug, a.Version, a.CreatedBy, a.UpdatedBy, a.PublishAt)
		}
		if a.Title != "La grève\u202f: un succès" {
			t.Errorf("title not typeset: %q", a.Title)
		}
		revs := MustRevisions(t, st, a.ID)
		if len(revs) != 1 || revs[0].UserID != writer.User.ID || revs[0].Version != 1 || revs[0].Article.Title != a.Title {
			t.Errorf("revisions after creating: %+v", revs)
		}
		entries := MustAudit(t, st, store.AuditQuery{})
		if len(entries) != 1 || entries[0].Action != "article.create" || entries[0].Target != target(a.ID) ||
			entries[0].UserID != writer.User.ID || entries[0].Actor != "writer@example.org" {
			t.Errorf("audit after creating: %+v", entries)
		}

		// A plain save of a draft keeps a revision and is not news.
		in := inputOf(a)
		in.Body = "Un texte plus long."
		a = MustSave(t, svc, writer, in, content.Keep)
		if a.Version != 2 || a.Body != "Un texte plus long." || len(MustRevisions(t, st, a.ID)) != 2 {
			t.Errorf("after saving the draft: version %d, body %q, %d revisions", a.Version, a.Body, len(MustRevisions(t, st, a.ID)))
		}
		if got := auditActions(t, st, target(a.ID)); !slices.Equal(got, []string{"article.create"}) {
			t.Errorf("saving a draft was audited: %v", got)
		}

		steps := []struct {
			actor  editorial.Actor
			step   content.Transition
			status content.Status
		}{
			{writer, content.Submit, content.StatusSubmitted},
			{editor, content.Publish, content.StatusPublished},
			{editor, content.Unpublish, content.StatusDraft},
			{editor, content.Archive, content.StatusArchived},
		}
		wantAudit := []string{"article.create"}
		for _, s := range steps {
			clock.Advance(time.Minute)
			before := len(MustRevisions(t, st, a.ID))
			a = MustSave(t, svc, s.actor, inputOf(a), s.step)
			if a.Status != s.status || a.UpdatedBy != s.actor.User.ID {
				t.Errorf("%s: status %s by %d, want %s by %d", s.step, a.Status, a.UpdatedBy, s.status, s.actor.User.ID)
			}
			revs := MustRevisions(t, st, a.ID)
			if len(revs) != before+1 || revs[0].UserID != s.actor.User.ID || revs[0].Article.Status != s.status {
				t.Errorf("%s: revisions %d → %d, newest %+v", s.step, before, len(revs), revs[0])
			}
			if s.step == content.Publish {
				if want := stored(clock.Now()); !a.PublishAt.Equal(want) {
					t.Errorf("published at %v, want now (%v)", a.PublishAt, want)
				}
				e := MustAudit(t, st, store.AuditQuery{Action: "article.publish"})
				if len(e) != 1 || e[0].UserID != editor.User.ID || e[0].Detail != a.Title {
					t.Errorf("publish audit: %+v", e)
				}
			}
			wantAudit = append([]string{"article." + string(s.step)}, wantAudit...)
			if got := auditActions(t, st, target(a.ID)); !slices.Equal(got, wantAudit) {
				t.Errorf("after %s, audit %v, want %v", s.step, got, wantAudit)
			}
		}
		if got := MustArticle(t, st, a.ID); got.Status != content.StatusArchived || got.Version != a.Version {
			t.Errorf("stored: %s version %d, returned version %d", got.Status, got.Version, a.Version)
		}
	})
}

// TestSchedule: scheduling sets the embargo and queues its publication in the same
// transaction; a time that is not in the future is a problem, and nothing is written.
func TestSchedule(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		heard := listen(t, st)
		a := MustSave(t, svc, editor, draft("Embargo"), content.Keep)

		for _, tc := range []struct {
			name string
			at   time.Time
		}{
			{"a minute ago", clock.Now().Add(-time.Minute)},
			{"now", clock.Now()},
			{"this very second", stored(clock.Now())},
			{"none", time.Time{}},
		} {
			n := len(heard.all())
			in := inputOf(a)
			in.PublishAt = tc.at
			_, err := svc.SaveArticle(t.Context(), editor, in, content.Schedule)
			checkProblems(t, tc.name, err, map[string]string{"publish_at": "future"})
			if got := MustArticle(t, st, a.ID); got.Version != a.Version || got.Status != content.StatusDraft {
				t.Errorf("%s: stored version %d, status %s", tc.name, got.Version, got.Status)
			}
			if got := heard.since(t, st, n); len(got) != 0 {
				t.Errorf("%s: a refused schedule told %+v", tc.name, got)
			}
		}
		if revs := MustRevisions(t, st, a.ID); len(revs) != 1 {
			t.Errorf("%d revisions after refused schedules", len(revs))
		}
		if got := auditActions(t, st, target(a.ID)); !slices.Equal(got, []string{"article.create"}) {
			t.Errorf("audit after refused schedules: %v", got)
		}
		if jobs := publicationJobs(t, st, ""); len(jobs) != 0 {
			t.Errorf("refused schedules queued jobs: %+v", jobs)
		}

		in := inputOf(a)
		in.PublishAt = clock.Now().Add(2 * time.Hour)
		a = MustSave(t, svc, editor, in, content.Schedule)
		at := stored(in.PublishAt)
		if a.Status != content.StatusScheduled || !a.PublishAt.Equal(at) {
			t.Errorf("scheduled: %s at %v, want scheduled at %v", a.Status, a.PublishAt, at)
		}
		e := MustAudit(t, st, store.AuditQuery{Action: "article.schedule"})
		if len(e) != 1 || e[0].Target != target(a.ID) || e[0].Detail != at.Format("2006-01-02 15:04 UTC") {
			t.Errorf("schedule audit: %+v", e)
		}
		checkPendingAt(t, st, at)
		if jobs := publicationJobs(t, st, ""); len(jobs) != 1 {
			t.Errorf("publication jobs: %+v, want the one at %v", jobs, at)
		}
	})
}

// TestSchedulingAgainQueuesOneJob: jobs for one time are one job (NewJob.Key), so
// saving a scheduled article, scheduling two articles at the same minute, or PublishDue
// queueing the next time again, leaves one publication job for that time.
func TestSchedulingAgainQueuesOneJob(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		at := stored(clock.Now().Add(time.Hour))
		in := draft("Premier")
		in.PublishAt = at
		a := MustSave(t, svc, editor, in, content.Schedule)
		in = inputOf(a)
		in.Standfirst = "Corrigé avant l'embargo."
		MustSave(t, svc, editor, in, content.Keep)
		in = draft("Second")
		in.PublishAt = at
		MustSave(t, svc, editor, in, content.Schedule)
		// PublishDue queues the job for the next time, which is queued already.
		for range 2 {
			if _, err := svc.PublishDue(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
		checkPendingAt(t, st, at)
		if jobs := publicationJobs(t, st, ""); len(jobs) != 1 {
			t.Errorf("three saves scheduled at %v and two runs of PublishDue left %d publication jobs, want 1: %+v", at, len(jobs), jobs)
		}
	})
}

// TestArticleProblemsAtOnce: every problem of a save comes back together, with those
// the caller could not read, and nothing is written.
func TestArticleProblemsAtOnce(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		heard := listen(t, st)
		nlTag := MustTag(t, svc, "nl", "Staking")
		frTag := MustTag(t, svc, "fr", "Grève")
		other := MustSave(t, svc, editor, draft("Un autre article"), content.Keep)
		gone := MustSection(t, svc, "Monde")
		a := MustSave(t, svc, editor, draft("Le sujet"), content.Keep)

		tooMany := make([]int64, editorial.MaxRelated+1)
		for i := range tooMany {
			tooMany[i] = other.ID
		}
		in := inputOf(a)
		in.Title = "Un nouveau titre"
		in.SectionID = gone.ID + 1000
		in.TagIDs = []int64{frTag.ID, nlTag.ID}
		in.RelatedIDs = tooMany
		in.TranslationOf = other.ID
		in.Unreadable = map[string]string{"publish_at": "date"}
		n := len(heard.all())
		_, err := svc.SaveArticle(t.Context(), editor, in, content.Publish)
		checkProblems(t, "a save with five problems", err, map[string]string{
			"section":        "gone",
			"tags":           "other language tags",
			"related":        "too many",
			"translation_of": "same language",
			"publish_at":     "date",
		})
		if got := MustArticle(t, st, a.ID); got.Version != a.Version || got.Title != a.Title || got.Status != content.StatusDraft {
			t.Errorf("after problems: version %d, title %q, status %s", got.Version, got.Title, got.Status)
		}
		if revs := MustRevisions(t, st, a.ID); len(revs) != 1 {
			t.Errorf("%d revisions after a refused save", len(revs))
		}
		if got := auditActions(t, st, target(a.ID)); !slices.Equal(got, []string{"article.create"}) {
			t.Errorf("audit after a refused save: %v", got)
		}
		if got := heard.since(t, st, n); len(got) != 0 {
			t.Errorf("a refused save told %+v", got)
		}

		// Each problem on its own, on a new article: nothing is created.
		for _, tc := range []struct {
			name string
			edit func(in *editorial.ArticleInput)
			want map[string]string
		}{
			{"a section that is gone", func(in *editorial.ArticleInput) { in.SectionID = gone.ID + 1000 }, map[string]string{"section": "gone"}},
			{"a tag of another language", func(in *editorial.ArticleInput) { in.TagIDs = []int64{nlTag.ID} }, map[string]string{"tags": "other language tags"}},
			{"too many related", func(in *editorial.ArticleInput) { in.RelatedIDs = tooMany }, map[string]string{"related": "too many"}},
			{"a related article that is gone", func(in *editorial.ArticleInput) { in.RelatedIDs = []int64{other.ID + 1000} }, map[string]string{"related": "gone"}},
			{"a translation in the same language", func(in *editorial.ArticleInput) { in.TranslationOf = other.ID }, map[string]string{"translation_of": "same language"}},
			{"an author who is gone", func(in *editorial.ArticleInput) { in.AuthorIDs = []int64{424242} }, map[string]string{"authors": "gone"}},
			{"no title", func(in *editorial.ArticleInput) { in.Title = "  " }, map[string]string{"title": "required"}},
			{"an unreadable field", func(in *editorial.ArticleInput) { in.Unreadable = map[string]string{"publish_at": "date"} }, map[string]string{"publish_at": "date"}},
		} {
			in := draft("Refusé")
			tc.edit(&in)
			_, err := svc.SaveArticle(t.Context(), editor, in, content.Keep)
			checkProblems(t, tc.name, err, tc.want)
		}
		items, err := st.NewsroomArticles(t.Context(), store.ArticleQuery{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 2 {
			t.Errorf("refused saves created articles: %d articles", len(items))
		}
	})
}

// TestArticlePermissions: what a contributor may not do is refused, and what their role
// may not change stays as it was.
func TestArticlePermissions(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		writer := MustUser(t, st, auth.RoleContributor, "writer")
		colleague := MustUser(t, st, auth.RoleContributor, "colleague")
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		mine := MustSave(t, svc, writer, draft("Mon brouillon"), content.Keep)
		theirs := MustSave(t, svc, colleague, draft("Son brouillon"), content.Keep)
		published := MustSave(t, svc, editor, inputOf(MustSave(t, svc, writer, draft("Publié"), content.Keep)), content.Publish)

		future := clock.Now().Add(time.Hour)
		for _, tc := range []struct {
			name string
			a    *content.Article
			edit func(in *editorial.ArticleInput)
			step content.Transition
		}{
			{"publishing", mine, nil, content.Publish},
			{"scheduling", mine, func(in *editorial.ArticleInput) { in.PublishAt = future }, content.Schedule},
			{"archiving", mine, nil, content.Archive},
			{"unpublishing", mine, nil, content.Unpublish},
			{"saving someone else's draft", theirs, nil, content.Keep},
			{"submitting someone else's draft", theirs, nil, content.Submit},
			{"saving one's own published article", published, nil, content.Keep},
			{"creating tags", mine, func(in *editorial.ArticleInput) { in.NewTags = []string{"Nouveau"} }, content.Keep},
			{"an unknown step", mine, nil, content.Transition("delete")},
		} {
			in := inputOf(tc.a)
			in.Body = "Changé"
			if tc.edit != nil {
				tc.edit(&in)
			}
			_, err := svc.SaveArticle(t.Context(), writer, in, tc.step)
			if tc.step.Valid() && !errors.Is(err, editorial.ErrForbidden) {
				t.Errorf("%s: error %v, want ErrForbidden", tc.name, err)
			}
			if !tc.step.Valid() && err == nil {
				t.Errorf("%s: no error", tc.name)
			}
			if got := MustArticle(t, st, tc.a.ID); got.Version != tc.a.Version || got.Status != tc.a.Status {
				t.Errorf("%s changed the article: version %d → %d, status %s → %s", tc.name, tc.a.Version, got.Version, tc.a.Status, got.Status)
			}
		}
		if tags, _ := st.Tags(t.Context(), "fr"); len(tags) != 0 {
			t.Errorf("a contributor created tags: %+v", tags)
		}
		if _, err := svc.CreateTag(t.Context(), writer, "fr", "Nouveau"); !errors.Is(err, editorial.ErrForbidden) {
			t.Errorf("CreateTag by a contributor: %v", err)
		}
		if _, err := svc.TrashArticle(t.Context(), writer, mine.ID); !errors.Is(err, editorial.ErrForbidden) {
			t.Errorf("TrashArticle by a contributor: %v", err)
		}

		// An editor features the draft and files it in a dossier; the contributor's form
		// has neither, and saving it changes neither.
		d := MustDossier(t, svc, editor, "Grèves")
		in := inputOf(mine)
		in.Featured, in.DossierIDs = true, []int64{d.ID}
		mine = MustSave(t, svc, editor, in, content.Keep)
		in = inputOf(mine)
		in.Featured, in.DossierIDs, in.Body = false, []int64{}, "Ma version."
		mine = MustSave(t, svc, writer, in, content.Submit)
		if got := MustArticle(t, st, mine.ID); !got.Featured || got.Body != "Ma version." || got.Status != content.StatusSubmitted {
			t.Errorf("after the contributor's save: featured %v, body %q, status %s", got.Featured, got.Body, got.Status)
		}
		if got := MustMembers(t, st, d.ID); !slices.Equal(got, []int64{mine.ID}) {
			t.Errorf("the contributor's save changed the dossier: %v", got)
		}
		// Nor can a contributor's new article be featured or filed.
		in = draft("Mis en avant")
		in.Featured, in.DossierIDs = true, []int64{d.ID}
		a := MustSave(t, svc, writer, in, content.Keep)
		if a.Featured || MustArticle(t, st, a.ID).Featured {
			t.Error("a contributor featured a new article")
		}
		if got := MustMembers(t, st, d.ID); !slices.Equal(got, []int64{mine.ID}) {
			t.Errorf("a contributor filed a new article: %v", got)
		}
	})
}

// TestContributorLinksOnlyWhatTheyMayOpen: a contributor who posts the ID of someone
// else's draft or embargoed release, as related reading or as the original of a
// translation, hears "gone", as for an ID that does not exist; links an editor made stay.
func TestContributorLinksOnlyWhatTheyMayOpen(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		writer := MustUser(t, st, auth.RoleContributor, "writer")
		colleague := MustUser(t, st, auth.RoleContributor, "colleague")
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		theirs := MustSave(t, svc, colleague, draft("Son brouillon"), content.Keep)
		in := draft("Sous embargo")
		in.Kind, in.PublishAt = content.KindPressRelease, clock.Now().Add(time.Hour)
		embargoed := MustSave(t, svc, editor, in, content.Schedule)
		published := MustSave(t, svc, editor, draft("Publié"), content.Publish)
		mine := MustSave(t, svc, writer, draft("Mon brouillon"), content.Keep)

		for _, hidden := range []*content.Article{theirs, embargoed} {
			in := inputOf(mine)
			in.RelatedIDs = []int64{published.ID, hidden.ID}
			_, err := svc.SaveArticle(t.Context(), writer, in, content.Keep)
			checkProblems(t, "related "+hidden.Title, err, map[string]string{"related": "gone"})

			in = draft("Vertaling")
			in.Lang, in.TranslationOf = "nl", hidden.ID
			_, err = svc.SaveArticle(t.Context(), writer, in, content.Keep)
			checkProblems(t, "translation of "+hidden.Title, err, map[string]string{"translation_of": "gone"})
		}
		// What they may open, they link.
		in = inputOf(mine)
		in.RelatedIDs = []int64{published.ID}
		mine = MustSave(t, svc, writer, in, content.Keep)

		// An editor links the draft to the embargoed release; the contributor's next
		// save keeps both links.
		in = inputOf(mine)
		in.RelatedIDs, in.Lang, in.TranslationOf = []int64{published.ID, embargoed.ID}, "nl", embargoed.ID
		mine = MustSave(t, svc, editor, in, content.Keep)
		in = inputOf(mine)
		in.Body = "Ma version."
		mine = MustSave(t, svc, writer, in, content.Keep)
		if !slices.Equal(mine.RelatedIDs, []int64{published.ID, embargoed.ID}) || mine.StoryID != embargoed.StoryID {
			t.Errorf("the contributor's save dropped an editor's links: related %v, story %d", mine.RelatedIDs, mine.StoryID)
		}
	})
}

// TestTrashedArticleIsNotSaved: an article in the trash is restored, not saved.
func TestTrashedArticleIsNotSaved(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		a := MustSave(t, svc, editor, draft("À jeter"), content.Publish)
		trashed, err := svc.TrashArticle(t.Context(), editor, a.ID)
		if err != nil || trashed.DeletedAt.IsZero() {
			t.Fatalf("TrashArticle: %+v, %v", trashed, err)
		}
		for _, step := range []content.Transition{content.Keep, content.Publish, content.Archive} {
			if _, err := svc.SaveArticle(t.Context(), editor, inputOf(trashed), step); !errors.Is(err, editorial.ErrTrashed) {
				t.Errorf("%q on a trashed article: %v, want ErrTrashed", step, err)
			}
		}
		// Trashing again changes nothing, and is not audited twice.
		if _, err := svc.TrashArticle(t.Context(), editor, a.ID); err != nil {
			t.Fatal(err)
		}
		if got := auditActions(t, st, target(a.ID)); !slices.Equal(got, []string{"article.delete", "article.publish"}) {
			t.Errorf("audit: %v", got)
		}
		restored, err := svc.RestoreArticle(t.Context(), editor, a.ID)
		if err != nil || !restored.DeletedAt.IsZero() || restored.Status != content.StatusPublished {
			t.Fatalf("RestoreArticle: %+v, %v", restored, err)
		}
		MustSave(t, svc, editor, inputOf(restored), content.Keep)
	})
}

// TestConflict: saving over a version someone else saved meanwhile is a conflict that
// carries the stored article, and writes nothing.
func TestConflict(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		alice := MustUser(t, st, auth.RoleEditor, "alice")
		bob := MustUser(t, st, auth.RoleEditor, "bob")
		read := MustSave(t, svc, alice, draft("Version commune"), content.Keep)

		in := inputOf(read)
		in.Title = "La version d'Alice"
		saved := MustSave(t, svc, alice, in, content.Keep)
		in = inputOf(read)
		in.Title = "La version de Bob"
		_, err := svc.SaveArticle(t.Context(), bob, in, content.Publish)
		var conflict *editorial.ConflictError
		if !errors.As(err, &conflict) || !errors.Is(err, store.ErrConflict) {
			t.Fatalf("saving an old version: %v, want a *ConflictError", err)
		}
		if c := conflict.Current; c == nil || c.Version != saved.Version || c.Title != saved.Title {
			t.Errorf("Current = %+v, want Alice's version %d", c, saved.Version)
		}
		got := MustArticle(t, st, read.ID)
		if got.Title != saved.Title || got.Version != saved.Version || got.Status != content.StatusDraft {
			t.Errorf("after the conflict: %q version %d %s", got.Title, got.Version, got.Status)
		}
		if revs := MustRevisions(t, st, read.ID); len(revs) != 2 || revs[0].UserID != alice.User.ID {
			t.Errorf("revisions after the conflict: %d, newest by %d", len(revs), revs[0].UserID)
		}
	})
}

// TestSlugs: a slug comes from the title, unique in its language and never a word of
// the address scheme, and follows the title until the article is first published.
func TestSlugs(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		for _, tc := range []struct {
			lang  content.Lang
			title string
			want  string
		}{
			{"fr", "Grève", "greve"},
			{"fr", "Grève !", "greve-2"},
			{"fr", "grève", "greve-3"},
			{"nl", "Grève", "greve"},
			{"fr", "Recherche", "recherche-2"}, // /fr/recherche is the search page
			{"nl", "Recherche", "recherche"},
			{"nl", "Zoeken", "zoeken-2"},
			{"fr", "Dossiers", "dossiers-2"},
			{"en", "Tag", "tag-2"},
			{"nl", "!!!", "article"}, // no slug in the title: the kind's
			{"fr", "!!!", "article-2"},
		} {
			in := draft(tc.title)
			in.Lang = tc.lang
			if a := MustSave(t, svc, editor, in, content.Keep); a.Slug != tc.want {
				t.Errorf("%s %q: slug %q, want %q", tc.lang, tc.title, a.Slug, tc.want)
			}
		}

		a := MustSave(t, svc, editor, draft("Premier titre"), content.Keep)
		retitle := func(a *content.Article, title string, step content.Transition) *content.Article {
			t.Helper()
			in := inputOf(a)
			in.Title = title
			return MustSave(t, svc, editor, in, step)
		}
		if a = retitle(a, "Deuxième titre", content.Keep); a.Slug != "deuxieme-titre" {
			t.Errorf("a draft's slug does not follow its title: %q", a.Slug)
		}
		if a = retitle(a, "Grève", content.Submit); a.Slug != "greve-4" {
			t.Errorf("a draft retitled as a taken slug: %q", a.Slug)
		}
		if a = retitle(a, "Titre publié", content.Publish); a.Slug != "titre-publie" {
			t.Errorf("the slug at publication: %q", a.Slug)
		}
		for _, step := range []content.Transition{content.Keep, content.Unpublish, content.Keep, content.Publish} {
			if a = retitle(a, "Encore un autre titre", step); a.Slug != "titre-publie" {
				t.Errorf("after %q once published, slug %q, want it kept", step, a.Slug)
			}
		}
		if got := MustArticle(t, st, a.ID); got.Slug != "titre-publie" || got.Title != "Encore un autre titre" {
			t.Errorf("stored: %q %q", got.Slug, got.Title)
		}
	})
}
