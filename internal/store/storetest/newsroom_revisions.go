package storetest

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func testRevisions(t *testing.T, e *env) {
	ctx := t.Context()
	ana := mustUser(t, e.st, "ana@example.org", "Ana", auth.RoleContributor)
	bob := mustUser(t, e.st, "bob@example.org", "Bob", auth.RoleEditor)
	alice, carol := mustPerson(t, e.st, "alice"), mustPerson(t, e.st, "carol")
	tag := mustTag(t, e.st, "fr", "greve")
	other := mustArticle(t, e.st, newArticle("fr", "other", e.now()))

	a := newArticle("fr", "a", time.Time{})
	a.Status, a.CreatedBy, a.UpdatedBy = content.StatusDraft, ana.ID, ana.ID
	a.AuthorIDs, a.TagIDs, a.RelatedIDs = []int64{alice.ID, alice.ID}, []int64{tag.ID}, []int64{other.ID}
	mustArticle(t, e.st, a)
	first := mustRevisions(t, e, a.ID)
	checkEqual(t, "revisions after create", len(first), 1)
	checkRevision(t, "first revision", first[0], a, ana.ID, e.now())
	checkEqual(t, "authors of the first revision (deduplicated)", first[0].Article.AuthorIDs, []int64{alice.ID})

	// An editor takes over; the article keeps who created it.
	e.clock.Advance(time.Hour)
	r := mustReadArticle(t, e.st, "fr", "a")
	checkEqual(t, "CreatedBy read back", r.CreatedBy, ana.ID)
	checkEqual(t, "UpdatedBy read back", r.UpdatedBy, ana.ID)
	r.Title, r.Status, r.UpdatedBy, r.CreatedBy = "Second", content.StatusSubmitted, bob.ID, bob.ID
	r.AuthorIDs, r.RelatedIDs = []int64{carol.ID, alice.ID}, []int64{other.ID, r.ID}
	mustUpdateArticle(t, e.st, r)
	checkEqual(t, "CreatedBy after another person's save", r.CreatedBy, ana.ID)
	e.clock.Advance(time.Hour)
	r.Title = "Third"
	mustUpdateArticle(t, e.st, r)

	got := mustReadArticle(t, e.st, "fr", "a")
	checkEqual(t, "CreatedBy", got.CreatedBy, ana.ID)
	checkEqual(t, "UpdatedBy", got.UpdatedBy, bob.ID)
	revs := mustRevisions(t, e, a.ID)
	var versions, users []int64
	for _, rev := range revs {
		versions, users = append(versions, rev.Version), append(users, rev.UserID)
	}
	checkEqual(t, "versions, newest first", versions, []int64{3, 2, 1})
	checkEqual(t, "who saved each", users, []int64{bob.ID, bob.ID, ana.ID})
	checkRevision(t, "latest revision", revs[0], got, bob.ID, e.now())
	checkEqual(t, "picks of the latest revision (itself left out)", revs[0].Article.RelatedIDs, []int64{other.ID})
	checkEqual(t, "title of the middle revision", revs[1].Article.Title, "Second")

	one, err := e.st.Revision(ctx, revs[1].ID)
	if err != nil {
		t.Fatalf("Revision: %v", err)
	}
	checkEqual(t, "Revision by ID", one, revs[1])
	_, err = e.st.Revision(ctx, revs[0].ID+1000)
	checkErr(t, "Revision(unknown)", err, store.ErrNotFound)

	// A stale save fails and leaves no revision; another article's history is its own.
	stale := *got
	stale.Version = 1
	err = e.st.Update(ctx, func(tx store.Tx) error { return tx.UpdateArticle(ctx, &stale) })
	checkErr(t, "stale save", err, store.ErrConflict)
	checkEqual(t, "revisions after a stale save", len(mustRevisions(t, e, a.ID)), 3)
	checkEqual(t, "revisions of an unknown article", len(mustRevisions(t, e, 9999)), 0)

	// An article created without an account (an import, the demo) has no revision until
	// its first change, which keeps the original state first: nothing is lost.
	checkEqual(t, "revisions of an imported article", len(mustRevisions(t, e, other.ID)), 0)
	imported := mustReadArticle(t, e.st, "fr", "other")
	originalTitle := imported.Title
	e.clock.Advance(time.Hour)
	imported.Title, imported.UpdatedBy = "Edited", bob.ID
	mustUpdateArticle(t, e.st, imported)
	revs = mustRevisions(t, e, other.ID)
	checkEqual(t, "revisions after the first change of an import", len(revs), 2)
	checkEqual(t, "the original title is kept", revs[1].Article.Title, originalTitle)
	checkEqual(t, "the original has no account", revs[1].UserID, int64(0))
	checkEqual(t, "the change is recorded", revs[0].Article.Title, "Edited")

	// Any content type keeps its history the same way, apart from articles'.
	event := store.Subject{Type: "event", ID: a.ID} // the same ID as an article's
	MustUpdate(t, e.st, func(tx store.Tx) error {
		return tx.RecordRevision(ctx, store.Revision{Subject: event, Version: 1, UserID: bob.ID,
			SavedAt: e.now(), Snapshot: []byte(`{"title":"Concert"}`)})
	})
	evRevs, err := e.st.Revisions(ctx, event)
	if err != nil || len(evRevs) != 1 {
		t.Fatalf("Revisions(event) = %+v, %v", evRevs, err)
	}
	checkEqual(t, "the event's snapshot", string(evRevs[0].Snapshot), `{"title":"Concert"}`)
	checkEqual(t, "the article's history is its own", len(mustRevisions(t, e, a.ID)), 3)
	err = e.st.Update(ctx, func(tx store.Tx) error { return tx.RecordRevision(ctx, store.Revision{Version: 1}) })
	checkErr(t, "a revision of nothing", err, content.ErrInvalid)
}

func mustRevisions(tb testing.TB, e *env, articleID int64) []store.Revision {
	tb.Helper()
	revs, err := e.st.Revisions(tb.Context(), store.ArticleSubject(articleID))
	if err != nil {
		tb.Fatalf("Revisions(%d): %v", articleID, err)
	}
	return revs
}

// checkRevision compares a revision with the article as saved; relations are compared
// as IDs, as revisions keep them.
func checkRevision(tb testing.TB, what string, rev store.Revision, saved *content.Article, user int64, at time.Time) {
	tb.Helper()
	checkEqual(tb, what+": article", rev.Subject.ID, saved.ID)
	checkEqual(tb, what+": version", rev.Version, saved.Version)
	checkEqual(tb, what+": user", rev.UserID, user)
	checkTime(tb, what+": saved at", rev.SavedAt, at)
	want := withoutRelations(*saved)
	got := withoutRelations(rev.Article)
	checkEqual(tb, what+": fields", got, want)
	checkEqual(tb, what+": tags", sorted(rev.Article.TagIDs), sorted(dedupeIDs(saved.TagIDs)))
	checkTime(tb, what+": UpdatedAt", rev.Article.UpdatedAt, saved.UpdatedAt)
}

func dedupeIDs(ids []int64) []int64 {
	seen := map[int64]bool{}
	out := []int64{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
