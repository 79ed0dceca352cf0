// Package jobs runs background work (mirror pushes, image derivatives) from the queue
// that every instance shares. Each instance runs a Runner; the queue's leases make sure
// a job runs on one worker at a time, and runs again elsewhere when its worker dies.
//
// It depends on the store interfaces only: never on a backend, net/http or templates.
// Handlers bring whatever else their work needs.
package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"github.com/roneo/roneo/internal/store"
)

// Handler does one job. It must stop when ctx ends: the runner is shutting down, or the
// job's lease was lost (context.Cause is then ErrLeaseLost) and the job is another
// worker's. A job may run more than once (a worker can die after the work and before
// recording it), so handlers must be safe to repeat.
type Handler func(ctx context.Context, job store.Job) error

// ErrLeaseLost is the cause of a handler's cancelled context when another worker took
// the job over, typically because this one could not extend its lease in time.
var ErrLeaseLost = errors.New("job lease lost to another worker")

// Options tune a Runner; the zero value gives the defaults.
type Options struct {
	// Lease is how long a claim lasts; the runner extends it every third of it while
	// the handler runs. A dead instance's jobs wait this long. Default one minute.
	Lease time.Duration
	// PollInterval is how often an idle runner looks for due jobs, give or take a
	// fifth so that instances spread out. Wake looks at once. Default two seconds.
	PollInterval time.Duration
	// Concurrency is how many jobs run at once. Default 1.
	Concurrency int
	// MaxAttempts is how many times a job is tried before it is given up. Default 5.
	MaxAttempts int
	// MinBackoff is the wait before the first retry; each later one doubles it, up to
	// MaxBackoff. Defaults 30 seconds and one hour.
	MinBackoff, MaxBackoff time.Duration
	// Clock returns the current time. Default time.Now.
	Clock func() time.Time
	// Log hears of failures; the runner has no caller to return them to. Nil discards.
	Log *slog.Logger
}

func (o Options) withDefaults() Options {
	defaults := Options{Lease: time.Minute, PollInterval: 2 * time.Second, Concurrency: 1, MaxAttempts: 5,
		MinBackoff: 30 * time.Second, MaxBackoff: time.Hour, Clock: time.Now, Log: slog.New(slog.DiscardHandler)}
	o.Lease = positiveOr(o.Lease, defaults.Lease)
	o.PollInterval = positiveOr(o.PollInterval, defaults.PollInterval)
	o.Concurrency = positiveOr(o.Concurrency, defaults.Concurrency)
	o.MaxAttempts = positiveOr(o.MaxAttempts, defaults.MaxAttempts)
	o.MinBackoff = positiveOr(o.MinBackoff, defaults.MinBackoff)
	o.MaxBackoff = max(positiveOr(o.MaxBackoff, defaults.MaxBackoff), o.MinBackoff)
	if o.Clock == nil {
		o.Clock = defaults.Clock
	}
	if o.Log == nil {
		o.Log = defaults.Log
	}
	return o
}

// positiveOr returns v, or def when v is zero or negative.
func positiveOr[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// Runner claims due jobs of the kinds it has handlers for and runs them.
type Runner struct {
	queue  store.Queue
	worker string
	opts   Options
	wake   []chan struct{} // one per slot, so that Wake reaches every idle one

	mu       sync.Mutex
	handlers map[string]Handler
	started  bool
}

// NewRunner makes a runner that claims jobs as worker, a name unique among the instances
// sharing q (a host name and process ID will do). Register handlers, then Run.
func NewRunner(q store.Queue, worker string, opts Options) *Runner {
	opts = opts.withDefaults()
	r := &Runner{queue: q, worker: worker, opts: opts, handlers: map[string]Handler{}}
	for range opts.Concurrency {
		r.wake = append(r.wake, make(chan struct{}, 1))
	}
	return r
}

// Register makes the runner take jobs of kind and run them with fn. Registering after
// Run, twice for one kind, or a nil fn is a programming error and panics.
func (r *Runner) Register(kind string, fn Handler) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.started:
		panic("jobs: Register(" + kind + ") after Run")
	case fn == nil || kind == "":
		panic("jobs: Register needs a kind and a handler")
	case r.handlers[kind] != nil:
		panic("jobs: a handler for " + kind + " is already registered")
	}
	r.handlers[kind] = fn
}

// Run takes and runs jobs until ctx ends, then waits for the running handlers to return.
func (r *Runner) Run(ctx context.Context) {
	r.mu.Lock()
	r.started = true
	kinds := make([]string, 0, len(r.handlers))
	for k := range r.handlers {
		kinds = append(kinds, k)
	}
	r.mu.Unlock()
	slices.Sort(kinds)

	var wg sync.WaitGroup
	for i, wake := range r.wake {
		// The queue knows who holds a job by name: slots sharing one could complete
		// each other's jobs.
		worker := r.worker
		if len(r.wake) > 1 {
			worker = fmt.Sprintf("%s/%d", r.worker, i)
		}
		wg.Go(func() { r.slot(ctx, worker, kinds, wake) })
	}
	wg.Wait()
}

// Wake makes idle slots look for due jobs now, as after an Enqueue.
func (r *Runner) Wake() {
	for _, w := range r.wake {
		select {
		case w <- struct{}{}:
		default:
		}
	}
}

// slot runs one job after another, and sleeps when none is due.
func (r *Runner) slot(ctx context.Context, worker string, kinds []string, wake <-chan struct{}) {
	for ctx.Err() == nil {
		if r.runNext(ctx, worker, kinds) {
			continue
		}
		jitter := 0.8 + 0.4*rand.Float64()
		timer := time.NewTimer(time.Duration(float64(r.opts.PollInterval) * jitter))
		select {
		case <-ctx.Done():
		case <-wake:
		case <-timer.C:
		}
		timer.Stop()
	}
}

// runNext claims one due job and runs it. It reports whether there was one.
func (r *Runner) runNext(ctx context.Context, worker string, kinds []string) bool {
	job, err := r.queue.Claim(ctx, worker, kinds, r.opts.Clock(), r.opts.Lease)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return false
	case err != nil:
		if ctx.Err() == nil {
			r.opts.Log.Error("claiming a job failed", "worker", worker, "err", err)
		}
		return false
	}
	r.process(ctx, worker, job)
	return true
}
