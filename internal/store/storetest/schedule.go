package storetest

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func scheduled(slug string, at time.Time) *content.Article {
	a := newArticle("fr", slug, at)
	a.Status = content.StatusScheduled
	return a
}

func mustNextScheduled(tb testing.TB, st store.Store) time.Time {
	tb.Helper()
	at, err := st.NextScheduled(tb.Context())
	if err != nil {
		tb.Fatalf("NextScheduled: %v", err)
	}
	return at
}

func testNextScheduled(t *testing.T, e *env) {
	now := e.now()
	_, err := e.st.NextScheduled(t.Context())
	checkErr(t, "NextScheduled on an empty store", err, store.ErrNotFound)

	mustArticle(t, e.st, newArticle("fr", "published", now.Add(-time.Hour)))
	draft := newArticle("fr", "draft", now.Add(30*time.Minute))
	draft.Status = content.StatusDraft
	mustArticle(t, e.st, draft)
	archived := newArticle("fr", "archived", now.Add(30*time.Minute))
	archived.Status = content.StatusArchived
	mustArticle(t, e.st, archived)
	_, err = e.st.NextScheduled(t.Context())
	checkErr(t, "NextScheduled with nothing scheduled", err, store.ErrNotFound)

	mustArticle(t, e.st, scheduled("later", now.Add(2*time.Hour)))
	mustArticle(t, e.st, newArticle("fr", "sooner", now.Add(time.Hour))) // published in the future
	checkTime(t, "NextScheduled", mustNextScheduled(t, e.st), now.Add(time.Hour))
}

// testDueArticles: the scheduled articles whose time has come, earliest first, and
// nothing else.
func testDueArticles(t *testing.T, e *env) {
	t0 := e.now()
	s1 := mustArticle(t, e.st, scheduled("s1", t0.Add(1*time.Hour)))
	s2 := mustArticle(t, e.st, scheduled("s2", t0.Add(2*time.Hour)))
	mustArticle(t, e.st, scheduled("s3", t0.Add(3*time.Hour)))
	trashed := mustArticle(t, e.st, scheduled("trashed", t0.Add(time.Hour)))
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.TrashArticle(t.Context(), trashed.ID, t0) })
	draft := newArticle("fr", "draft", t0.Add(30*time.Minute))
	draft.Status = content.StatusDraft
	mustArticle(t, e.st, draft)

	due := func(at time.Time) []int64 {
		ids, err := e.st.DueArticles(t.Context(), at)
		if err != nil {
			t.Fatalf("DueArticles: %v", err)
		}
		return ids
	}
	checkEqual(t, "due before anything", due(t0), []int64(nil))
	checkEqual(t, "due at 2 h, the edge included", due(t0.Add(2*time.Hour)), articleIDs(s1, s2))
}
