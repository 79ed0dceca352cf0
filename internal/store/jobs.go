package store

import (
	"context"
	"time"
)

// Job is one piece of background work: a mirror push, an image derivative.
type Job struct {
	ID       int64
	Kind     string
	Payload  []byte
	Attempts int // claims so far, this one included
	RunAt    time.Time
}

// NewJob is a job to enqueue.
type NewJob struct {
	Kind string
	// Key, when set, makes the job one of a kind: while a job of the same kind and key
	// is unfinished (waiting, running or waiting to be retried), enqueueing another
	// returns that job's ID and changes nothing, not even its payload or run time. A
	// duplicate enqueued while the job runs is dropped too, so a keyed job's handler
	// should work from the state it finds when it runs, not from its payload alone.
	Key     string
	Payload []byte
	RunAt   time.Time // zero: now
}

// Queue holds background jobs shared by every instance. A job is claimed by one worker
// at a time for a lease; a worker that dies stops extending its lease, and the job is
// claimed again once the lease runs out.
type Queue interface {
	// Enqueue adds a job to run at runAt (now when zero) and returns its ID.
	Enqueue(ctx context.Context, kind string, payload []byte, runAt time.Time) (int64, error)
	// EnqueueJob adds j and returns its ID or, when j has a key that an unfinished job
	// of its kind holds, that job's ID.
	EnqueueJob(ctx context.Context, j NewJob) (int64, error)
	// Claim takes the oldest due job of one of kinds for worker until now+lease, or
	// returns ErrNotFound when none is due.
	Claim(ctx context.Context, worker string, kinds []string, now time.Time, lease time.Duration) (Job, error)
	// NextRunAt returns when Claim will next find a job of one of kinds: the earliest
	// run time of an unfinished job, or the end of its lease while it is held (its worker
	// may die). A time already past means a job is due. ErrNotFound: none is unfinished.
	NextRunAt(ctx context.Context, kinds []string) (time.Time, error)
	// Extend renews worker's lease; ErrConflict means the lease was lost to another worker.
	Extend(ctx context.Context, id int64, worker string, until time.Time) error
	// Complete marks the job done; ErrConflict means the lease was lost.
	Complete(ctx context.Context, id int64, worker string) error
	// Fail records an error and makes the job due again at retryAt, or gives it up when
	// retryAt is zero.
	Fail(ctx context.Context, id int64, worker string, message string, retryAt time.Time) error
	JobAdmin
}

// JobState is where a job stands, as an admin sees it.
type JobState string

const (
	JobPending  JobState = "pending"  // waiting for its run time or a free worker
	JobRunning  JobState = "running"  // held by a worker whose lease has not run out
	JobRetrying JobState = "retrying" // failed, and waiting to be tried again
	JobDone     JobState = "done"     // completed
	JobFailed   JobState = "failed"   // given up after its attempts, with its last error
)

// JobStates lists every state, in the order a job goes through them.
var JobStates = []JobState{JobPending, JobRunning, JobRetrying, JobDone, JobFailed}

// JobInfo is a job as an admin page lists it.
type JobInfo struct {
	ID        int64
	Kind      string
	Key       string
	State     JobState
	Attempts  int
	RunAt     time.Time
	CreatedAt time.Time
	DoneAt    time.Time // zero until done or given up
	LastError string    // of the last failed attempt; empty once done
	ClaimedBy string    // the worker holding it, or that last held it
}

// JobQuery selects jobs for the admin page, newest first; zero values match everything.
type JobQuery struct {
	State         JobState
	Kind          string
	Limit, Offset int // a zero limit is a page of the store's default size
}

// JobAdmin is what an admin page reads of the queue. States are those of the store's
// clock: a job is running while its lease ends after the store's now.
type JobAdmin interface {
	Jobs(ctx context.Context, q JobQuery) ([]JobInfo, error)
	// JobCounts counts the jobs in each state; every state is in the map, zero included.
	JobCounts(ctx context.Context) (map[JobState]int, error)
}
