package jobs_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/jobs"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/store/storetest"
)

func TestJobRunsOnceAndIsCompleted(t *testing.T) {
	t.Parallel()
	db := openSQLite(t, t.TempDir(), time.Now)
	var logs logBuffer
	r := jobs.NewRunner(db, "w", with(&logs, nil))
	ran := make(chan store.Job, 10)
	r.Register("greet", func(_ context.Context, j store.Job) error {
		ran <- j
		return nil
	})
	id := mustEnqueue(t, db, "greet", "hello")
	stop := start(t, r)
	j := receive(t, "the job", ran)
	if j.ID != id || string(j.Payload) != "hello" || j.Attempts != 1 {
		t.Errorf("handler got %+v, want job %d, payload hello, attempt 1", j, id)
	}
	waitForLog(t, &logs, "job done", 1)
	expectNothing(t, "a second run", ran, 50*time.Millisecond)
	stop()
	checkDone(t, db, "greet")
}

func TestWakeLooksAtOnce(t *testing.T) {
	t.Parallel()
	db := openSQLite(t, t.TempDir(), time.Now)
	var logs logBuffer
	r := jobs.NewRunner(db, "w", with(&logs, func(o *jobs.Options) { o.PollInterval = time.Hour }))
	ran := make(chan store.Job, 1)
	r.Register("greet", func(_ context.Context, j store.Job) error {
		ran <- j
		return nil
	})
	start(t, r)
	waitForLog(t, &logs, "no job due; sleeping", 1) // for an hour
	mustEnqueue(t, db, "greet", "")
	r.Wake()
	receive(t, "the job after Wake", ran)
}

// TestScheduledJobRunsWhenDue: an idle runner sleeps until the next job falls due, as
// the queue tells it, rather than for its poll interval, and does not run the job
// before its time. The clock is a fake one, which the runner reads when it wakes.
func TestScheduledJobRunsWhenDue(t *testing.T) {
	t.Parallel()
	clock := storetest.NewClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	db := openSQLite(t, t.TempDir(), clock.Now)
	var logs logBuffer
	r := jobs.NewRunner(db, "w", with(&logs, func(o *jobs.Options) { o.PollInterval, o.Clock = time.Hour, clock.Now }))
	ran := make(chan store.Job, 1)
	r.Register("mirror", func(_ context.Context, j store.Job) error {
		ran <- j
		return nil
	})
	id, err := db.Enqueue(t.Context(), "mirror", nil, clock.Now().Add(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	start(t, r)
	// Twice: the second time after waking to a clock that has not moved.
	waitForLog(t, &logs, `msg="no job due; sleeping" worker=w for=1s`, 2)
	expectNothing(t, "the job before it is due", ran, 0)
	clock.Advance(time.Second)
	if j := receive(t, "the job once due", ran); j.ID != id {
		t.Errorf("ran job %d, want %d", j.ID, id)
	}
}

// TestFailingJobBacksOffThenGivesUp follows a job that always fails on a clock that moves
// only when the test says: retries wait 10 s, then 20 s capped to 15 s, and the fourth
// failure gives up.
func TestFailingJobBacksOffThenGivesUp(t *testing.T) {
	t.Parallel()
	clock := storetest.NewClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	db := openSQLite(t, t.TempDir(), clock.Now)
	var logs logBuffer
	r := jobs.NewRunner(db, "w", with(&logs, func(o *jobs.Options) {
		o.MinBackoff, o.MaxBackoff, o.MaxAttempts, o.Clock = 10*time.Second, 15*time.Second, 4, clock.Now
	}))
	tries := make(chan store.Job, 10)
	r.Register("mirror", func(_ context.Context, j store.Job) error {
		tries <- j
		return errors.New("mirror unreachable")
	})
	mustEnqueue(t, db, "mirror", "")
	stop := start(t, r)
	for i, wait := range []time.Duration{0, 10 * time.Second, 15 * time.Second, 15 * time.Second} {
		if wait > 0 {
			clock.Advance(wait - time.Second)
			expectNothing(t, fmt.Sprintf("try %d a second early", i+1), tries, 50*time.Millisecond)
			clock.Advance(time.Second)
		}
		if j := receive(t, fmt.Sprintf("try %d", i+1), tries); j.Attempts != i+1 {
			t.Errorf("try %d: Attempts = %d", i+1, j.Attempts)
		}
		// The failure is recorded, with its retry time, before the clock moves on.
		waitForLog(t, &logs, "job failed", i+1)
	}
	waitForLog(t, &logs, "job failed; gave up", 1)
	clock.Advance(24 * time.Hour)
	expectNothing(t, "a try after giving up", tries, 50*time.Millisecond)
	stop()
	checkDone(t, db, "mirror")
}

func TestPanickingHandlerDoesNotStopTheRunner(t *testing.T) {
	t.Parallel()
	db := openSQLite(t, t.TempDir(), time.Now)
	var logs logBuffer
	r := jobs.NewRunner(db, "w", with(&logs, func(o *jobs.Options) { o.MaxAttempts = 1 }))
	ran := make(chan store.Job, 1)
	r.Register("image", func(_ context.Context, j store.Job) error {
		if string(j.Payload) == "bad" {
			panic("bad image")
		}
		ran <- j
		return nil
	})
	bad := mustEnqueue(t, db, "image", "bad")
	mustEnqueue(t, db, "image", "good")
	stop := start(t, r)
	// One slot: the second job runs after the first, in the slot the panic left.
	receive(t, "the job after the panic", ran)
	stop()
	if logs.count("job failed; gave up") != 1 || logs.count("panic: bad image") != 1 {
		t.Errorf("the panic was not recorded as the job's failure:\n%s", &logs)
	}
	infos, err := db.Jobs(t.Context(), store.JobQuery{State: store.JobFailed})
	if err != nil || len(infos) != 1 || infos[0].ID != bad {
		t.Errorf("failed jobs: %+v, %v; want job %d", infos, err, bad)
	}
	checkDone(t, db, "image")
}

// TestJobThatKillsItsWorkersIsGivenUp: a job claimed more often than it may be tried had
// its workers die under it; it is given up without running again.
func TestJobThatKillsItsWorkersIsGivenUp(t *testing.T) {
	t.Parallel()
	db := openSQLite(t, t.TempDir(), time.Now)
	var logs logBuffer
	r := jobs.NewRunner(db, "w", with(&logs, func(o *jobs.Options) { o.MaxAttempts = 1 }))
	ran := make(chan store.Job, 1)
	r.Register("image", func(_ context.Context, j store.Job) error {
		ran <- j
		return nil
	})
	hourAgo := time.Now().Add(-time.Hour)
	if _, err := db.Enqueue(t.Context(), "image", nil, hourAgo); err != nil {
		t.Fatal(err)
	}
	// A worker that died an hour ago, with the job's only attempt.
	if _, err := db.Claim(t.Context(), "dead", []string{"image"}, hourAgo, time.Minute); err != nil {
		t.Fatal(err)
	}
	stop := start(t, r)
	waitForLog(t, &logs, "job failed; gave up", 1)
	stop()
	expectNothing(t, "a run of the job", ran, 0)
	checkDone(t, db, "image")
}

// TestTwoRunnersShareNoJob runs two instances' runners, each with several slots, on
// one SQLite database.
func TestTwoRunnersShareNoJob(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	testTwoRunnersShareNoJob(t, openSQLite(t, dir, time.Now), openSQLite(t, dir, time.Now))
}

// TestTwoRunnersShareNoJobPostgres is the same on PostgreSQL, where two instances'
// claims really run at the same moment.
func TestTwoRunnersShareNoJobPostgres(t *testing.T) {
	t.Parallel()
	u := pgtest.URL(t)
	testTwoRunnersShareNoJob(t, openPostgres(t, u), openPostgres(t, u))
}

func testTwoRunnersShareNoJob(t *testing.T, a, b store.Queue) {
	const n = 60
	for i := range n {
		mustEnqueue(t, a, "mirror", fmt.Sprint(i))
	}
	var logs logBuffer
	var mu sync.Mutex
	runs := map[int64][]string{}
	runner := func(q store.Queue, name string) *jobs.Runner {
		r := jobs.NewRunner(q, name, with(&logs, func(o *jobs.Options) { o.Concurrency = 3 }))
		r.Register("mirror", func(_ context.Context, j store.Job) error {
			mu.Lock()
			runs[j.ID] = append(runs[j.ID], name)
			mu.Unlock()
			time.Sleep(time.Millisecond)
			return nil
		})
		return r
	}
	stopA, stopB := start(t, runner(a, "a")), start(t, runner(b, "b"))
	waitForLog(t, &logs, "job done", n)
	time.Sleep(20 * time.Millisecond) // room for a wrong second run
	stopA()
	stopB()
	mu.Lock()
	defer mu.Unlock()
	byRunner := map[string]int{}
	for id, who := range runs {
		if len(who) != 1 {
			t.Errorf("job %d ran %d times, by %v", id, len(who), who)
		}
		byRunner[who[0]]++
	}
	if len(runs) != n {
		t.Errorf("%d jobs ran, want %d", len(runs), n)
	}
	t.Logf("jobs run by each runner: %v", byRunner)
	checkDone(t, a, "mirror")
}

func TestRegisterMisuse(t *testing.T) {
	t.Parallel()
	noop := func(context.Context, store.Job) error { return nil }
	cases := map[string]func(r *jobs.Runner){
		"twice":     func(r *jobs.Runner) { r.Register("k", noop); r.Register("k", noop) },
		"nil":       func(r *jobs.Runner) { r.Register("k", nil) },
		"no kind":   func(r *jobs.Runner) { r.Register("", noop) },
		"after Run": func(r *jobs.Runner) { start(t, r)(); r.Register("k", noop) },
		"negative concurrency": func(r *jobs.Runner) {
			r.RegisterWith("k", noop, jobs.KindOptions{Concurrency: -1})
		},
	}
	for name, misuse := range cases {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			misuse(jobs.NewRunner(openSQLite(t, t.TempDir(), time.Now), "w", fast))
		})
	}
}

// TestDrainRunsDueJobsAndReturns: Drain runs every due job, those its handlers queue
// meanwhile included, and returns once none is due or running; a job queued for later
// is left waiting.
func TestDrainRunsDueJobsAndReturns(t *testing.T) {
	t.Parallel()
	db := openSQLite(t, t.TempDir(), time.Now)
	r := jobs.NewRunner(db, "w", with(&logBuffer{}, nil))
	var mu sync.Mutex
	var ran []string
	r.RegisterWith("derive", func(ctx context.Context, j store.Job) error {
		mu.Lock()
		ran = append(ran, string(j.Payload))
		mu.Unlock()
		if string(j.Payload) == "1" {
			_, err := db.Enqueue(ctx, "derive", []byte("follow-up"), time.Time{})
			return err
		}
		return nil
	}, jobs.KindOptions{Concurrency: 2})
	for i := range 5 {
		mustEnqueue(t, db, "derive", fmt.Sprint(i))
	}
	if _, err := db.Enqueue(t.Context(), "derive", []byte("later"), time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := r.Drain(t.Context()); err != nil {
		t.Fatalf("Drain: %v", err)
	}
	if len(ran) != 6 {
		t.Errorf("ran %q, want the 5 jobs and the follow-up", ran)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := jobs.NewRunner(db, "w2", jobs.Options{}).Drain(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Drain with an ended context = %v", err)
	}
}
