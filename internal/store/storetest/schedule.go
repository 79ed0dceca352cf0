package storetest

import (
	"fmt"
	"sync"
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

func mustPublishDue(tb testing.TB, st store.Store, now time.Time) []int64 {
	tb.Helper()
	var ids []int64
	MustUpdate(tb, st, func(tx store.Tx) (err error) {
		ids, err = tx.PublishDue(tb.Context(), now)
		return err
	})
	return sorted(ids)
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

func testPublishDue(t *testing.T, e *env) {
	t0 := e.now()
	s1 := mustArticle(t, e.st, scheduled("s1", t0.Add(1*time.Hour)))
	s2 := mustArticle(t, e.st, scheduled("s2", t0.Add(2*time.Hour)))
	s3 := mustArticle(t, e.st, scheduled("s3", t0.Add(3*time.Hour)))
	draft := newArticle("fr", "draft", t0.Add(30*time.Minute))
	draft.Status = content.StatusDraft
	mustArticle(t, e.st, draft)

	checkEqual(t, "PublishDue before anything is due", mustPublishDue(t, e.st, e.clock.Now()), []int64{})

	e.clock.Advance(150 * time.Minute)
	checkEqual(t, "PublishDue", mustPublishDue(t, e.st, e.clock.Now()), articleIDs(s1, s2))
	got := mustReadArticle(t, e.st, "fr", "s1")
	checkEqual(t, "status once due", got.Status, content.StatusPublished)
	checkTime(t, "PublishAt stays the planned time", got.PublishAt, t0.Add(time.Hour))
	checkEqual(t, "Version after publishing", got.Version, int64(2))
	checkTime(t, "UpdatedAt after publishing", got.UpdatedAt, e.now())
	checkEqual(t, "Articles after publishing", mustArticles(t, e.st, store.ListQuery{Lang: "fr", Limit: 10}), articleIDs(s2, s1))

	checkEqual(t, "PublishDue again", mustPublishDue(t, e.st, e.clock.Now()), []int64{})
	checkTime(t, "NextScheduled", mustNextScheduled(t, e.st), t0.Add(3*time.Hour))

	// Due exactly now counts as due.
	e.clock.Advance(time.Hour)
	edge := mustArticle(t, e.st, scheduled("edge", e.now()))
	checkEqual(t, "PublishDue at the edge", mustPublishDue(t, e.st, e.now()), articleIDs(s3, edge))
	_, err := e.st.NextScheduled(t.Context())
	checkErr(t, "NextScheduled once all are out", err, store.ErrNotFound)
	checkEqual(t, "draft untouched", mustReadArticle(t, e.st, "fr", "draft").Status, content.StatusDraft)
}

// testPublishDueConcurrent runs the publisher from several goroutines at once, as several
// instances of the program would: every due article goes out exactly once.
func testPublishDueConcurrent(t *testing.T, e *env) {
	const due, notDue, workers, rounds = 20, 5, 8, 3
	var want []int64
	MustUpdate(t, e.st, func(tx store.Tx) error {
		for i := range due + notDue {
			at := e.now().Add(time.Duration(i+1) * time.Minute)
			if i >= due {
				at = at.Add(24 * time.Hour)
			}
			a := scheduled(fmt.Sprintf("s%d", i), at)
			if err := tx.CreateArticle(t.Context(), a); err != nil {
				return err
			}
			if i < due {
				want = append(want, a.ID)
			}
		}
		return nil
	})
	e.clock.Advance(time.Hour)

	var mu sync.Mutex
	var published []int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for range rounds {
				var ids []int64
				err := e.st.Update(t.Context(), func(tx store.Tx) (err error) {
					ids, err = tx.PublishDue(t.Context(), e.clock.Now())
					return err
				})
				if err != nil {
					t.Errorf("PublishDue: %v", err)
					return
				}
				mu.Lock()
				published = append(published, ids...)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	checkEqual(t, "articles published, each once", sorted(published), sorted(want))
	checkEqual(t, "published count", len(published), due)
}
