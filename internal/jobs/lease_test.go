package jobs_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/jobs"
	"github.com/roneo/roneo/internal/store"
)

// Leases in these tests last a second, the store's resolution, so that they run out in
// test time.
func shortLease(o *jobs.Options) { o.Lease = time.Second }

// TestDeadRunnersJobRunsElsewhere: a runner stopped in the middle of a job neither
// completes it nor extends its lease; another runner takes it over once the lease ends.
func TestDeadRunnersJobRunsElsewhere(t *testing.T) {
	t.Parallel()
	db := openSQLite(t, t.TempDir(), time.Now)
	var logs logBuffer
	a := jobs.NewRunner(db, "a", with(&logs, shortLease))
	started := make(chan time.Time, 1)
	a.Register("mirror", func(ctx context.Context, _ store.Job) error {
		started <- time.Now()
		<-ctx.Done()
		return ctx.Err()
	})
	b := jobs.NewRunner(db, "b", with(&logs, shortLease))
	ran := make(chan store.Job, 2)
	b.Register("mirror", func(_ context.Context, j store.Job) error {
		ran <- j
		return nil
	})
	id := mustEnqueue(t, db, "mirror", "")
	stopA := start(t, a)
	t0 := receive(t, "a's start", started)
	stopB := start(t, b)
	stopA()

	j := receive(t, "b's run", ran)
	if elapsed := time.Since(t0); elapsed < 500*time.Millisecond {
		t.Errorf("b took the job over %v after a started it, within a's lease", elapsed)
	}
	if j.ID != id || j.Attempts != 2 {
		t.Errorf("b got %+v, want job %d on its second attempt", j, id)
	}
	waitForLog(t, &logs, "job done", 1)
	stopB()
	if logs.count("job interrupted by shutdown") != 1 {
		t.Errorf("a did not report the interrupted job:\n%s", &logs)
	}
	checkDone(t, db, "mirror")
}

// TestLeaseIsKeptWhileTheHandlerRuns: a job that takes longer than its lease stays with
// its runner, which extends the lease.
func TestLeaseIsKeptWhileTheHandlerRuns(t *testing.T) {
	t.Parallel()
	db := openSQLite(t, t.TempDir(), time.Now)
	var logs logBuffer
	a := jobs.NewRunner(db, "a", with(&logs, shortLease))
	started := make(chan struct{}, 1)
	a.Register("mirror", func(ctx context.Context, _ store.Job) error {
		started <- struct{}{}
		select {
		case <-time.After(2500 * time.Millisecond):
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	})
	b := jobs.NewRunner(db, "b", with(&logs, shortLease))
	ran := make(chan store.Job, 1)
	b.Register("mirror", func(_ context.Context, j store.Job) error {
		ran <- j
		return nil
	})
	mustEnqueue(t, db, "mirror", "")
	start(t, a)
	receive(t, "a's start", started)
	start(t, b)
	waitForLog(t, &logs, "job done", 1)
	expectNothing(t, "b running a's job", ran, 0)
	if logs.count("job failed") > 0 || logs.count("taken over") > 0 || logs.count("extending") > 0 {
		t.Errorf("unexpected log:\n%s", &logs)
	}
}

// TestLostLeaseCancelsTheHandler: a runner whose clock is an hour ahead sees a's lease
// as long gone and takes the job; a learns it at its next extension and stops.
func TestLostLeaseCancelsTheHandler(t *testing.T) {
	t.Parallel()
	db := openSQLite(t, t.TempDir(), time.Now)
	var logs logBuffer
	a := jobs.NewRunner(db, "a", with(&logs, shortLease))
	started, causes := make(chan struct{}, 1), make(chan error, 1)
	a.Register("mirror", func(ctx context.Context, _ store.Job) error {
		started <- struct{}{}
		<-ctx.Done()
		causes <- context.Cause(ctx)
		return ctx.Err()
	})
	b := jobs.NewRunner(db, "b", with(&logs, func(o *jobs.Options) {
		shortLease(o)
		o.Clock = func() time.Time { return time.Now().Add(time.Hour) }
	}))
	ran := make(chan store.Job, 1)
	b.Register("mirror", func(_ context.Context, j store.Job) error {
		ran <- j
		return nil
	})
	mustEnqueue(t, db, "mirror", "")
	start(t, a)
	receive(t, "a's start", started)
	start(t, b)
	if j := receive(t, "b's run", ran); j.Attempts != 2 {
		t.Errorf("b got attempt %d, want 2", j.Attempts)
	}
	if cause := receive(t, "a's handler stopping", causes); !errors.Is(cause, jobs.ErrLeaseLost) {
		t.Errorf("a's handler was cancelled with %v, want ErrLeaseLost", cause)
	}
	waitForLog(t, &logs, "taken over", 1)
}
