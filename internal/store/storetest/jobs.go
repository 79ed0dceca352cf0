package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

var mirrorKind = []string{"mirror"}

func mustEnqueue(tb testing.TB, q store.Queue, kind string, payload []byte, runAt time.Time) int64 {
	tb.Helper()
	id, err := q.Enqueue(tb.Context(), kind, payload, runAt)
	if err != nil {
		tb.Fatalf("Enqueue(%s, %v): %v", kind, runAt, err)
	}
	return id
}

func mustClaim(tb testing.TB, q store.Queue, worker string, kinds []string, now time.Time, lease time.Duration) store.Job {
	tb.Helper()
	j, err := q.Claim(tb.Context(), worker, kinds, now, lease)
	if err != nil {
		tb.Fatalf("Claim(%s, %v, %v): %v", worker, kinds, now, err)
	}
	return j
}

// checkNoClaim reports a job claimed when none should be due.
func checkNoClaim(tb testing.TB, q store.Queue, what string, kinds []string, now time.Time) {
	tb.Helper()
	j, err := q.Claim(tb.Context(), "probe", kinds, now, time.Minute)
	if !errors.Is(err, store.ErrNotFound) {
		tb.Errorf("%s: Claim gave job %+v, error %v; want ErrNotFound", what, j, err)
	}
}

func testJobsClaimOrder(t *testing.T, e *env) {
	now := e.now()
	later := mustEnqueue(t, e.st, "mirror", []byte("later"), now.Add(2*time.Minute))
	binary := mustEnqueue(t, e.st, "mirror", []byte{0, 1, 0xfe, 0xff}, now.Add(time.Minute))
	empty := mustEnqueue(t, e.st, "mirror", nil, now.Add(time.Minute))
	due := mustEnqueue(t, e.st, "mirror", []byte("now"), time.Time{}) // zero: the store's now

	got := mustClaim(t, e.st, "w1", mirrorKind, e.clock.Now(), time.Hour)
	checkEqual(t, "the job due now", got, store.Job{ID: due, Kind: "mirror", Payload: []byte("now"), Attempts: 1, RunAt: now})
	checkNoClaim(t, e.st, "before the others are due", mirrorKind, e.clock.Now())

	e.clock.Advance(2 * time.Minute)
	got = mustClaim(t, e.st, "w1", mirrorKind, e.clock.Now(), time.Hour)
	checkEqual(t, "the first of two due at the same time", got,
		store.Job{ID: binary, Kind: "mirror", Payload: []byte{0, 1, 0xfe, 0xff}, Attempts: 1, RunAt: now.Add(time.Minute)})
	got = mustClaim(t, e.st, "w2", mirrorKind, e.clock.Now(), time.Hour)
	if got.ID != empty || len(got.Payload) != 0 {
		t.Errorf("second claim: job %d with payload %q, want job %d with none", got.ID, got.Payload, empty)
	}
	checkEqual(t, "the job due last", mustClaim(t, e.st, "w1", mirrorKind, e.clock.Now(), time.Hour).ID, later)
	checkNoClaim(t, e.st, "once all are claimed", mirrorKind, e.clock.Now())
}

func testJobsKinds(t *testing.T, e *env) {
	now := e.now()
	mirror := mustEnqueue(t, e.st, "mirror", nil, now.Add(-time.Minute))
	image := mustEnqueue(t, e.st, "image", nil, now)
	checkNoClaim(t, e.st, "a kind nobody enqueued", []string{"newsletter"}, e.clock.Now())
	checkNoClaim(t, e.st, "no kinds at all", nil, e.clock.Now())
	checkEqual(t, "image only", mustClaim(t, e.st, "w", []string{"image"}, e.clock.Now(), time.Minute).ID, image)
	checkEqual(t, "either kind", mustClaim(t, e.st, "w", []string{"image", "mirror"}, e.clock.Now(), time.Minute).ID, mirror)
	if _, err := e.st.Enqueue(t.Context(), "", nil, now); err == nil {
		t.Error("Enqueue without a kind succeeded")
	}
}

// testJobsClaimConcurrent claims from several goroutines at once, as several instances
// would: every job is handed out exactly once.
func testJobsClaimConcurrent(t *testing.T, e *env) {
	const jobs, workers = 50, 8
	for i := range jobs {
		mustEnqueue(t, e.st, "mirror", []byte{byte(i)}, e.now().Add(time.Duration(i%5)*time.Second))
	}
	e.clock.Advance(time.Minute)
	var mu sync.Mutex
	claims := map[int64]int{}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				j, err := e.st.Claim(t.Context(), fmt.Sprintf("w%d", w), mirrorKind, e.clock.Now(), time.Minute)
				if errors.Is(err, store.ErrNotFound) {
					return
				}
				if err != nil {
					t.Errorf("worker %d: Claim: %v", w, err)
					return
				}
				mu.Lock()
				claims[j.ID]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	checkEqual(t, "jobs claimed", len(claims), jobs)
	for id, n := range claims {
		if n != 1 {
			t.Errorf("job %d claimed %d times", id, n)
		}
	}
}

// testJobsLeaseExpiry: a worker that stops extending (it died) loses the job once its
// lease runs out, and can change nothing about it afterwards.
func testJobsLeaseExpiry(t *testing.T, e *env) {
	ctx := t.Context()
	id := mustEnqueue(t, e.st, "mirror", nil, time.Time{})
	mustClaim(t, e.st, "A", mirrorKind, e.clock.Now(), time.Minute)
	e.clock.Advance(59 * time.Second)
	checkNoClaim(t, e.st, "while A's lease runs", mirrorKind, e.clock.Now())

	// Leases may end up to a second late, as stores round them up to whole seconds.
	e.clock.Advance(2 * time.Second)
	got := mustClaim(t, e.st, "B", mirrorKind, e.clock.Now(), time.Minute)
	checkEqual(t, "job taken over", got.ID, id)
	checkEqual(t, "attempts after a lost lease", got.Attempts, 2)

	later := e.clock.Now().Add(time.Hour)
	checkErr(t, "Extend by A", e.st.Extend(ctx, id, "A", later), store.ErrConflict)
	checkErr(t, "Complete by A", e.st.Complete(ctx, id, "A"), store.ErrConflict)
	checkErr(t, "Fail by A with a retry", e.st.Fail(ctx, id, "A", "late", later), store.ErrConflict)
	checkErr(t, "Fail by A giving up", e.st.Fail(ctx, id, "A", "late", time.Time{}), store.ErrConflict)
	checkNoClaim(t, e.st, "after A's attempts", mirrorKind, e.clock.Now())

	if err := e.st.Complete(ctx, id, "B"); err != nil {
		t.Fatalf("Complete by B: %v", err)
	}
	checkErr(t, "Complete twice", e.st.Complete(ctx, id, "B"), store.ErrConflict)
	checkErr(t, "Extend once done", e.st.Extend(ctx, id, "B", later), store.ErrConflict)
	checkNoClaim(t, e.st, "a completed job, a month on", mirrorKind, e.clock.Now().Add(30*24*time.Hour))
	checkErr(t, "Complete of a job that never was", e.st.Complete(ctx, id+1000, "B"), store.ErrNotFound)
}

func testJobsExtend(t *testing.T, e *env) {
	id := mustEnqueue(t, e.st, "mirror", nil, time.Time{})
	mustClaim(t, e.st, "A", mirrorKind, e.clock.Now(), time.Minute)
	e.clock.Advance(50 * time.Second)
	if err := e.st.Extend(t.Context(), id, "A", e.clock.Now().Add(time.Minute)); err != nil {
		t.Fatalf("Extend: %v", err)
	}
	e.clock.Advance(30 * time.Second)
	checkNoClaim(t, e.st, "past the first lease, within the extended one", mirrorKind, e.clock.Now())
	e.clock.Advance(40 * time.Second)
	checkEqual(t, "claim once the extended lease ran out", mustClaim(t, e.st, "B", mirrorKind, e.clock.Now(), time.Minute).ID, id)
}

func testJobsFail(t *testing.T, e *env) {
	ctx := t.Context()
	id := mustEnqueue(t, e.st, "mirror", []byte("p"), time.Time{})
	mustClaim(t, e.st, "A", mirrorKind, e.clock.Now(), time.Minute)
	retryAt := e.now().Add(5 * time.Minute)
	if err := e.st.Fail(ctx, id, "A", "mirror unreachable", retryAt); err != nil {
		t.Fatalf("Fail with a retry: %v", err)
	}
	checkErr(t, "Complete by A once it failed", e.st.Complete(ctx, id, "A"), store.ErrConflict)
	checkNoClaim(t, e.st, "before the retry", mirrorKind, e.clock.Now())

	e.clock.Advance(5 * time.Minute)
	got := mustClaim(t, e.st, "B", mirrorKind, e.clock.Now(), time.Minute)
	checkEqual(t, "the retried job", got, store.Job{ID: id, Kind: "mirror", Payload: []byte("p"), Attempts: 2, RunAt: retryAt})
	checkErr(t, "Fail by A, who no longer holds it", e.st.Fail(ctx, id, "A", "x", time.Time{}), store.ErrConflict)
	if err := e.st.Fail(ctx, id, "B", "still unreachable", time.Time{}); err != nil {
		t.Fatalf("Fail giving up: %v", err)
	}
	checkNoClaim(t, e.st, "a given-up job, a month on", mirrorKind, e.clock.Now().Add(30*24*time.Hour))
	checkErr(t, "Complete of a given-up job", e.st.Complete(ctx, id, "B"), store.ErrConflict)
}

// testJobsAndThrottleAreSilent: jobs and throttles are not content, so no subscriber
// (the page cache, the scheduler) is woken by them.
func testJobsAndThrottleAreSilent(t *testing.T, e *env) {
	ctx := t.Context()
	var heard recorder
	defer e.st.Subscribe(heard.record)()
	done := mustEnqueue(t, e.st, "mirror", nil, time.Time{})
	failed := mustEnqueue(t, e.st, "mirror", nil, time.Time{})
	mustClaim(t, e.st, "w", mirrorKind, e.clock.Now(), time.Minute)
	mustClaim(t, e.st, "w", mirrorKind, e.clock.Now(), time.Minute)
	for _, err := range []error{
		e.st.Extend(ctx, done, "w", e.clock.Now().Add(time.Hour)),
		e.st.Complete(ctx, done, "w"),
		e.st.Fail(ctx, failed, "w", "boom", time.Time{}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.st.Hit(ctx, "login:someone", time.Minute, e.clock.Now()); err != nil {
		t.Fatal(err)
	}
	mustTag(t, e.st, "fr", "marker")
	want := all
	waitFor(t, "the marker change", func() bool { return heard.has(want) })
	heard.mu.Lock()
	defer heard.mu.Unlock()
	checkEqual(t, "changes heard", heard.changes, []store.Change{want})
}

// checkNext reports a NextRunAt for kinds that is not want, or not ErrNotFound when want
// is zero.
func checkNext(tb testing.TB, q store.Queue, what string, kinds []string, want time.Time) {
	tb.Helper()
	got, err := q.NextRunAt(tb.Context(), kinds)
	if want.IsZero() {
		checkErr(tb, what, err, store.ErrNotFound)
		return
	}
	if err != nil {
		tb.Errorf("%s: NextRunAt(%v): %v", what, kinds, err)
		return
	}
	checkTime(tb, what, got, want)
}

func testJobsNextRunAt(t *testing.T, e *env) {
	ctx := t.Context()
	now := e.now()
	checkNext(t, e.st, "no job at all", mirrorKind, time.Time{})
	mustEnqueue(t, e.st, "mirror", nil, now.Add(2*time.Minute))
	image := mustEnqueue(t, e.st, "image", nil, now.Add(time.Minute))
	checkNext(t, e.st, "no kinds", nil, time.Time{})
	checkNext(t, e.st, "a kind nobody enqueued", []string{"newsletter"}, time.Time{})
	checkNext(t, e.st, "mirror", mirrorKind, now.Add(2*time.Minute))
	checkNext(t, e.st, "either kind", []string{"mirror", "image"}, now.Add(time.Minute))

	e.clock.Advance(time.Minute)
	mustClaim(t, e.st, "w", []string{"image"}, e.clock.Now(), 10*time.Minute)
	// Held: due again when the lease ends, should its worker die. The clock's nanoseconds
	// round the lease's end up to the next second.
	leaseEnd := e.now().Add(10*time.Minute + time.Second)
	checkNext(t, e.st, "a claimed job", []string{"image"}, leaseEnd)
	checkNext(t, e.st, "a claimed job and a waiting one", []string{"mirror", "image"}, now.Add(2*time.Minute))
	retryAt := e.now().Add(5 * time.Minute)
	if err := e.st.Fail(ctx, image, "w", "boom", retryAt); err != nil {
		t.Fatal(err)
	}
	checkNext(t, e.st, "a failed job", []string{"image"}, retryAt)
	e.clock.Advance(5 * time.Minute)
	mustClaim(t, e.st, "w", []string{"image"}, e.clock.Now(), time.Minute)
	if err := e.st.Complete(ctx, image, "w"); err != nil {
		t.Fatal(err)
	}
	checkNext(t, e.st, "a done job", []string{"image"}, time.Time{})

	late := e.now().Add(-time.Hour)
	mustEnqueue(t, e.st, "image", nil, late)
	checkNext(t, e.st, "a job due an hour ago", []string{"image"}, late)
}

func mustEnqueueJob(tb testing.TB, q store.Queue, j store.NewJob) int64 {
	tb.Helper()
	id, err := q.EnqueueJob(tb.Context(), j)
	if err != nil {
		tb.Fatalf("EnqueueJob(%+v): %v", j, err)
	}
	return id
}

// testJobsDedupe: a key is held by the unfinished job of its kind, whatever it is doing,
// and enqueueing it again changes nothing; a finished job frees it.
func testJobsDedupe(t *testing.T, e *env) {
	ctx := t.Context()
	push := []string{"push"}
	site := store.NewJob{Kind: "push", Key: "site", Payload: []byte("first"), RunAt: e.now().Add(time.Minute)}
	first := mustEnqueueJob(t, e.st, site)
	dup := store.NewJob{Kind: "push", Key: "site", Payload: []byte("second")} // due now
	checkEqual(t, "a duplicate of a waiting job", mustEnqueueJob(t, e.st, dup), first)
	checkNoClaim(t, e.st, "the duplicate made it due now", push, e.clock.Now())

	e.clock.Advance(time.Minute)
	checkEqual(t, "the job, unchanged", mustClaim(t, e.st, "w", push, e.clock.Now(), time.Minute),
		store.Job{ID: first, Kind: "push", Payload: []byte("first"), Attempts: 1, RunAt: e.now()})
	checkEqual(t, "a duplicate of a running job", mustEnqueueJob(t, e.st, dup), first)
	if err := e.st.Fail(ctx, first, "w", "boom", e.now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "a duplicate of a job waiting to be retried", mustEnqueueJob(t, e.st, dup), first)
	e.clock.Advance(time.Minute)
	mustClaim(t, e.st, "w", push, e.clock.Now(), time.Minute)
	if err := e.st.Complete(ctx, first, "w"); err != nil {
		t.Fatal(err)
	}
	second := mustEnqueueJob(t, e.st, dup)
	if second == first {
		t.Fatalf("the key of a done job still returns it")
	}
	checkEqual(t, "the new job", mustClaim(t, e.st, "w", push, e.clock.Now(), time.Minute).ID, second)
	if err := e.st.Fail(ctx, second, "w", "boom", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if third := mustEnqueueJob(t, e.st, dup); third == second || third == first {
		t.Errorf("the key of a given-up job still returns it")
	}

	others := map[int64]string{}
	for _, j := range []store.NewJob{
		{Kind: "image", Key: "site"}, {Kind: "push", Key: "other"}, {Kind: "push"}, {Kind: "push"},
	} {
		id := mustEnqueueJob(t, e.st, j)
		if prev, seen := others[id]; seen || id <= second {
			t.Errorf("%+v was given job %d (%s)", j, id, prev)
		}
		others[id] = fmt.Sprintf("%+v", j)
	}
	if _, err := e.st.EnqueueJob(ctx, store.NewJob{Key: "site"}); !errors.Is(err, content.ErrInvalid) {
		t.Errorf("EnqueueJob without a kind: %v, want ErrInvalid", err)
	}
}

// enqueueAtOnce enqueues j rounds times from each of several goroutines, started at
// once as several instances would be, and returns the IDs they were given.
func enqueueAtOnce(tb testing.TB, q store.Queue, j store.NewJob, goroutines, rounds int) []int64 {
	var mu sync.Mutex
	var ids []int64
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			<-start
			for range rounds {
				id, err := q.EnqueueJob(tb.Context(), j)
				if err != nil {
					tb.Errorf("goroutine %d: EnqueueJob(%+v): %v", g, j, err)
					return
				}
				mu.Lock()
				ids = append(ids, id)
				mu.Unlock()
			}
		})
	}
	close(start)
	wg.Wait()
	return ids
}

func mustJobs(tb testing.TB, q store.Queue, jq store.JobQuery) []store.JobInfo {
	tb.Helper()
	jobs, err := q.Jobs(tb.Context(), jq)
	if err != nil {
		tb.Fatalf("Jobs(%+v): %v", jq, err)
	}
	return jobs
}

func jobIDs(jobs []store.JobInfo) []int64 {
	ids := []int64{}
	for _, j := range jobs {
		ids = append(ids, j.ID)
	}
	return ids
}

// testJobsDedupeConcurrent enqueues one key from several goroutines at once: they all
// get the one job. Then again while a worker finishes the job holding the key over and
// over, so that enqueues meet a job finishing between their insert and their read.
func testJobsDedupeConcurrent(t *testing.T, e *env) {
	ctx := t.Context()
	j := store.NewJob{Kind: "mirror", Key: "site"}
	ids := enqueueAtOnce(t, e.st, j, 16, 1)
	if len(ids) == 0 {
		t.Fatal("no enqueue succeeded")
	}
	for _, id := range ids {
		checkEqual(t, "job given to a concurrent enqueue", id, ids[0])
	}
	checkEqual(t, "jobs of the kind", jobIDs(mustJobs(t, e.st, store.JobQuery{Kind: "mirror"})), []int64{ids[0]})

	enqueued := make(chan []int64)
	go func() { enqueued <- enqueueAtOnce(t, e.st, j, 8, 20) }()
	var finished int
	for {
		select {
		case ids = <-enqueued:
			unfinished := len(mustJobs(t, e.st, store.JobQuery{Kind: "mirror", State: store.JobPending}))
			if unfinished > 1 {
				t.Errorf("%d jobs wait with the key, want one at most", unfinished)
			}
			all := map[int64]bool{}
			for _, info := range mustJobs(t, e.st, store.JobQuery{Kind: "mirror", Limit: 1000}) {
				all[info.ID] = info.Key == "site"
			}
			for _, id := range ids {
				if !all[id] {
					t.Errorf("an enqueue was given job %d, which is not a mirror job with the key", id)
				}
			}
			t.Logf("%d enqueues, %d jobs finished meanwhile", len(ids), finished)
			return
		default:
		}
		job, err := e.st.Claim(ctx, "w", mirrorKind, e.clock.Now(), time.Minute)
		if err == nil {
			err = e.st.Complete(ctx, job.ID, "w")
			finished++
		}
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			t.Errorf("worker: %v", err)
			<-enqueued
			return
		}
	}
}

// testJobsList puts a job in every state and reads them back as an admin page would.
func testJobsList(t *testing.T, e *env) {
	ctx := t.Context()
	checkEqual(t, "jobs of an empty queue", jobIDs(mustJobs(t, e.st, store.JobQuery{})), []int64{})
	checkJobCounts(t, e.st, "an empty queue", 0, 0, 0, 0, 0)

	t0 := e.now()
	claim := func(kind, worker string, lease time.Duration) int64 {
		return mustClaim(t, e.st, worker, []string{kind}, e.clock.Now(), lease).ID
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	done := mustEnqueueJob(t, e.st, store.NewJob{Kind: "mirror", Key: "a"})
	must(e.st.Complete(ctx, claim("mirror", "w1", time.Minute), "w1"))
	failed := mustEnqueue(t, e.st, "image", nil, time.Time{})
	must(e.st.Fail(ctx, claim("image", "w1", time.Minute), "w1", "boom", time.Time{}))
	retrying := mustEnqueueJob(t, e.st, store.NewJob{Kind: "image", Key: "b"})
	must(e.st.Fail(ctx, claim("image", "w2", time.Minute), "w2", "timeout", t0.Add(10*time.Minute)))
	running := mustEnqueue(t, e.st, "mirror", nil, time.Time{})
	claim("mirror", "w3", time.Hour)
	pending := mustEnqueue(t, e.st, "mirror", nil, t0.Add(5*time.Minute))
	abandoned := mustEnqueue(t, e.st, "image", nil, time.Time{})
	claim("image", "dead", time.Minute)
	e.clock.Advance(2 * time.Minute) // the dead worker's lease runs out: pending again

	checkEqual(t, "every job, newest first", mustJobs(t, e.st, store.JobQuery{}), []store.JobInfo{
		{ID: abandoned, Kind: "image", State: store.JobPending, Attempts: 1, RunAt: t0, CreatedAt: t0, ClaimedBy: "dead"},
		{ID: pending, Kind: "mirror", State: store.JobPending, RunAt: t0.Add(5 * time.Minute), CreatedAt: t0},
		{ID: running, Kind: "mirror", State: store.JobRunning, Attempts: 1, RunAt: t0, CreatedAt: t0, ClaimedBy: "w3"},
		{ID: retrying, Kind: "image", Key: "b", State: store.JobRetrying, Attempts: 1, RunAt: t0.Add(10 * time.Minute),
			CreatedAt: t0, LastError: "timeout"},
		{ID: failed, Kind: "image", State: store.JobFailed, Attempts: 1, RunAt: t0, CreatedAt: t0, DoneAt: t0,
			LastError: "boom", ClaimedBy: "w1"},
		{ID: done, Kind: "mirror", Key: "a", State: store.JobDone, Attempts: 1, RunAt: t0, CreatedAt: t0, DoneAt: t0,
			ClaimedBy: "w1"},
	})
	for _, c := range []struct {
		name string
		q    store.JobQuery
		want []int64
	}{
		{"pending", store.JobQuery{State: store.JobPending}, []int64{abandoned, pending}},
		{"running", store.JobQuery{State: store.JobRunning}, []int64{running}},
		{"retrying", store.JobQuery{State: store.JobRetrying}, []int64{retrying}},
		{"done", store.JobQuery{State: store.JobDone}, []int64{done}},
		{"failed", store.JobQuery{State: store.JobFailed}, []int64{failed}},
		{"image", store.JobQuery{Kind: "image"}, []int64{abandoned, retrying, failed}},
		{"pending image", store.JobQuery{Kind: "image", State: store.JobPending}, []int64{abandoned}},
		{"failed mirror", store.JobQuery{Kind: "mirror", State: store.JobFailed}, []int64{}},
		{"a kind nobody enqueued", store.JobQuery{Kind: "newsletter"}, []int64{}},
		{"first page", store.JobQuery{Limit: 2}, []int64{abandoned, pending}},
		{"second page", store.JobQuery{Limit: 2, Offset: 2}, []int64{running, retrying}},
		{"past the end", store.JobQuery{Offset: 6}, []int64{}},
	} {
		checkEqual(t, c.name, jobIDs(mustJobs(t, e.st, c.q)), c.want)
	}
	checkJobCounts(t, e.st, "one job in each state, two pending", 2, 1, 1, 1, 1)

	// States follow the store's clock: an hour on, w3's lease has run out.
	e.clock.Advance(time.Hour)
	checkJobCounts(t, e.st, "an hour later", 3, 0, 1, 1, 1)
	checkEqual(t, "running an hour later", jobIDs(mustJobs(t, e.st, store.JobQuery{State: store.JobRunning})), []int64{})

	for name, q := range map[string]store.JobQuery{
		"unknown state":   {State: "stuck"},
		"negative limit":  {Limit: -1},
		"negative offset": {Offset: -1},
	} {
		if _, err := e.st.Jobs(ctx, q); !errors.Is(err, content.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
}

// checkJobCounts reports JobCounts that differ from the given counts, in the order of
// store.JobStates.
func checkJobCounts(tb testing.TB, q store.Queue, what string, pending, running, retrying, done, failed int) {
	tb.Helper()
	got, err := q.JobCounts(tb.Context())
	if err != nil {
		tb.Fatalf("%s: JobCounts: %v", what, err)
	}
	checkEqual(tb, what, got, map[store.JobState]int{store.JobPending: pending, store.JobRunning: running,
		store.JobRetrying: retrying, store.JobDone: done, store.JobFailed: failed})
}
