package editorial_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/jobs"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/storetest"
	"github.com/roneo/roneo/internal/testkit"
)

// schedule saves a new article scheduled d from now.
func schedule(tb testing.TB, svc *editorial.Service, actor editorial.Actor, clock *storetest.Clock, title string, d time.Duration) *content.Article {
	tb.Helper()
	in := draft(title)
	in.PublishAt = clock.Now().Add(d)
	return MustSave(tb, svc, actor, in, content.Schedule)
}

// publications counts the "article.publish" audit entries per article, and fails on
// one that is not the scheduler's.
func publications(tb testing.TB, st store.Store) map[string]int {
	tb.Helper()
	out := map[string]int{}
	for _, e := range MustAudit(tb, st, store.AuditQuery{Action: "article.publish"}) {
		out[e.Target]++
		if e.Actor != "scheduler" || e.UserID != 0 {
			tb.Errorf("a publication by %q (user %d), want the scheduler: %+v", e.Actor, e.UserID, e)
		}
	}
	return out
}

// checkPublishedByScheduler fails unless a is published at its scheduled time, with one
// revision by nobody saying so.
func checkPublishedByScheduler(tb testing.TB, st store.Store, a *content.Article) {
	tb.Helper()
	got := MustArticle(tb, st, a.ID)
	if got.Status != content.StatusPublished || !got.PublishAt.Equal(a.PublishAt) || got.UpdatedBy != 0 {
		tb.Errorf("article %d: %s at %v by %d, want published at %v by the scheduler", a.ID, got.Status, got.PublishAt, got.UpdatedBy, a.PublishAt)
	}
	var published int
	for _, r := range MustRevisions(tb, st, a.ID) {
		if r.Article.Status == content.StatusPublished {
			published++
			if r.UserID != 0 {
				tb.Errorf("article %d: published revision by user %d", a.ID, r.UserID)
			}
		}
	}
	if published != 1 {
		tb.Errorf("article %d: %d published revisions, want 1", a.ID, published)
	}
}

func ids(as ...*content.Article) []int64 {
	var out []int64
	for _, a := range as {
		out = append(out, a.ID)
	}
	slices.Sort(out)
	return out
}

// TestPublishDue publishes the scheduled articles whose time has come, once, and queues
// the job for the next one, even one scheduled before there were jobs.
func TestPublishDue(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		first := schedule(t, svc, editor, clock, "Dans une minute", time.Minute)
		second := schedule(t, svc, editor, clock, "Dans deux minutes", 2*time.Minute)
		later := schedule(t, svc, editor, clock, "Dans une heure", time.Hour)
		trashed := schedule(t, svc, editor, clock, "Jeté", time.Minute)
		if _, err := svc.TrashArticle(t.Context(), editor, trashed.ID); err != nil {
			t.Fatal(err)
		}
		drafted := MustSave(t, svc, editor, draft("Brouillon"), content.Keep)
		// Scheduled before publication was a job: nothing is queued for it.
		old := &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: "ancien", Title: "Ancien", Status: content.StatusScheduled,
			PublishAt: stored(clock.Now().Add(30 * time.Minute))}
		storetest.MustUpdate(t, st, func(tx store.Tx) error { return tx.CreateArticle(t.Context(), old) })

		if got, err := svc.PublishDue(t.Context()); err != nil || len(got) != 0 {
			t.Fatalf("PublishDue before anything is due: %v, %v", got, err)
		}
		clock.Advance(5 * time.Minute)
		if jobs := pendingAt(t, st, old.PublishAt); len(jobs) != 0 {
			t.Fatalf("a job at %v before PublishDue ran: %+v", old.PublishAt, jobs)
		}
		got, err := svc.PublishDue(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if slices.Sort(got); !slices.Equal(got, ids(first, second)) {
			t.Errorf("PublishDue published %v, want %v", got, ids(first, second))
		}
		checkPublishedByScheduler(t, st, first)
		checkPublishedByScheduler(t, st, second)
		for _, a := range []*content.Article{later, trashed, old} {
			if got := MustArticle(t, st, a.ID); got.Status != content.StatusScheduled {
				t.Errorf("%q: %s, want still scheduled", a.Title, got.Status)
			}
		}
		if got := MustArticle(t, st, drafted.ID); got.Status != content.StatusDraft {
			t.Errorf("the draft is %s", got.Status)
		}
		if got, err := svc.PublishDue(t.Context()); err != nil || len(got) != 0 {
			t.Errorf("PublishDue again: %v, %v; want nothing", got, err)
		}
		want := map[string]int{target(first.ID): 1, target(second.ID): 1}
		if got := publications(t, st); !sameCounts(got, want) {
			t.Errorf("publications %v, want %v", got, want)
		}
		checkPendingAt(t, st, old.PublishAt)
	})
}

func sameCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestPublishDueConcurrently runs PublishDue from eight goroutines on two instances of
// the database at once: every due article is published exactly once, and none of them
// fails.
func TestPublishDueConcurrently(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, open opener, clock *storetest.Clock) {
		st := open(t)
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		var due []*content.Article
		for i := range 6 {
			due = append(due, schedule(t, svc, editor, clock, fmt.Sprintf("Article %d", i), time.Duration(i+1)*time.Minute))
		}
		publishConcurrently(t, st, open(t), clock, due, schedule(t, svc, editor, clock, "Plus tard", time.Hour))
	})
}

// TestPublishDueImportedConcurrently is TestPublishDueConcurrently for imported
// articles, which have no revision yet: the first save keeps their original state.
func TestPublishDueImportedConcurrently(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, open opener, clock *storetest.Clock) {
		st := open(t)
		svc := newService(st, clock)
		var due []*content.Article
		err := svc.Bulk(t.Context(), editorial.System("import"), func(b *editorial.Batch) error {
			for i := range 6 {
				a := &content.Article{Kind: content.KindArticle, Lang: "fr", Title: fmt.Sprintf("Importé %d", i), Body: "Texte.",
					Status: content.StatusScheduled, PublishAt: clock.Now().Add(time.Duration(i+1) * time.Minute)}
				if err := b.CreateArticle(a); err != nil {
					return err
				}
				due = append(due, a)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		publishConcurrently(t, st, open(t), clock, due, schedule(t, svc, editor, clock, "Plus tard", time.Hour))
	})
}

// publishConcurrently runs PublishDue from four goroutines on each of two instances
// once every article of due is due, and checks each was published once.
func publishConcurrently(t *testing.T, st, other store.Store, clock *storetest.Clock, due []*content.Article, later *content.Article) {
	t.Helper()
	clock.Advance(10 * time.Minute)
	const goroutines = 8
	var (
		wg        sync.WaitGroup
		mu        sync.Mutex
		published = map[int64]int{}
		errs      []error
		ready     = make(chan struct{})
	)
	for i := range goroutines {
		svc := newService([]store.Store{st, other}[i%2], clock)
		wg.Go(func() {
			<-ready
			got, err := svc.PublishDue(context.Background())
			mu.Lock()
			defer mu.Unlock()
			for _, id := range got {
				published[id]++
			}
			if err != nil {
				errs = append(errs, err)
			}
		})
	}
	close(ready)
	wg.Wait()
	for _, err := range errs {
		t.Errorf("PublishDue: %v", err)
	}
	counts := publications(t, st)
	for _, a := range due {
		if published[a.ID] != 1 || counts[target(a.ID)] != 1 {
			t.Errorf("article %d: reported published %d times, audited %d times; want once", a.ID, published[a.ID], counts[target(a.ID)])
		}
		checkPublishedByScheduler(t, st, a)
	}
	if len(published) != len(due) || len(counts) != len(due) {
		t.Errorf("published %v, audited %v; want the %d due articles", published, counts, len(due))
	}
	if got := MustArticle(t, st, later.ID); got.Status != content.StatusScheduled {
		t.Errorf("the article not yet due is %s", got.Status)
	}
	checkPendingAt(t, st, later.PublishAt)
}

// startRunner runs r until the test ends, and waits for it to stop.
func startRunner(t *testing.T, r *jobs.Runner) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

// TestSchedulerPublishesOnTime runs the real job runner on a clock that moves only when
// the test says: the article scheduled ten minutes ahead is published when the clock
// reaches its time, not a second before.
func TestSchedulerPublishesOnTime(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		a := schedule(t, svc, editor, clock, "Sous embargo", 10*time.Minute)
		checkPendingAt(t, st, a.PublishAt)
		heard := listen(t, st)

		// An idle runner sleeps until the next job falls due by the fake clock, or an hour
		// of real time, or until woken: the test decides when it looks.
		r := jobs.NewRunner(st, "test", jobs.Options{Clock: clock.Now, PollInterval: time.Hour})
		published := make(chan error, 10)
		r.Register(editorial.JobPublishDue, func(ctx context.Context, _ store.Job) error {
			_, err := svc.PublishDue(ctx)
			published <- err
			return err
		})
		// A probe job, due now: the runner claims due jobs the earliest first, so once the
		// probe has run, the runner has looked at the queue at this time.
		probed := make(chan struct{}, 10)
		r.Register("probe", func(context.Context, store.Job) error {
			probed <- struct{}{}
			return nil
		})
		startRunner(t, r)

		for _, d := range []time.Duration{0, 5 * time.Minute, 4*time.Minute + 59*time.Second} {
			clock.Advance(d)
			if _, err := st.Enqueue(t.Context(), "probe", nil, time.Time{}); err != nil {
				t.Fatal(err)
			}
			r.Wake()
			select {
			case <-probed:
			case <-time.After(testkit.Patience):
				t.Fatalf("at %v, the runner did not run the probe in %s", clock.Now(), testkit.Patience)
			}
			if got := pendingAt(t, st, a.PublishAt); len(got) != 1 {
				t.Errorf("at %v, the publication job was taken %v early: %+v", clock.Now(), a.PublishAt.Sub(clock.Now()), publicationJobs(t, st, ""))
			}
			if got := MustArticle(t, st, a.ID); got.Status != content.StatusScheduled {
				t.Fatalf("at %v, the article is %s before its time", clock.Now(), got.Status)
			}
		}

		clock.Advance(time.Second)
		r.Wake()
		heard.waitFor(t, "the publication to be heard", func() bool {
			return slices.ContainsFunc(heard.all(), func(c store.Change) bool {
				return slices.Contains(c.Keys, content.KeyArticle(a.ID))
			})
		})
		select {
		case err := <-published:
			if err != nil {
				t.Errorf("the publication job: %v", err)
			}
		case <-time.After(testkit.Patience):
			t.Fatalf("the publication job did not end in %s", testkit.Patience)
		}
		checkPublishedByScheduler(t, st, a)
		e := MustAudit(t, st, store.AuditQuery{Action: "article.publish"})
		if len(e) != 1 || e[0].Actor != "scheduler" || !strings.Contains(e[0].Detail, "Sous embargo") {
			t.Errorf("audit: %+v", e)
		}
	})
}
