// Package jobs runs background work (mirror pushes, image derivatives) from the queue
// that every instance shares. Each instance runs a Runner; the queue's leases make sure
// a job runs on one worker at a time, and runs again elsewhere when its worker dies.
// Each kind runs in slots of its own (KindOptions), so that a burst of slow work of one
// kind never holds back another; an idle runner sleeps until the next job falls due.
//
// It depends on the store interfaces only: never on a backend, net/http or templates.
// Handlers bring whatever else their work needs.
package jobs

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
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
	// fifth so that instances spread out; it sleeps less when the queue holds a job that
	// falls due sooner. Wake looks at once. Default two seconds.
	PollInterval time.Duration
	// Concurrency is how many jobs of one kind run at once, for kinds registered without
	// a concurrency of their own (KindOptions). Default 1.
	Concurrency int
	// MaxAttempts is how many times a job is tried before it is given up. Default 5.
	MaxAttempts int
	// MinBackoff is the wait before the first retry; each later one doubles it, up to
	// MaxBackoff. Defaults 30 seconds and one hour.
	MinBackoff, MaxBackoff time.Duration
	// Clock returns the current time, for claims, retries and how long to sleep until
	// the next job falls due. Default time.Now.
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

// KindOptions tune how a runner takes the jobs of one kind.
type KindOptions struct {
	// Concurrency is how many jobs of the kind this runner runs at once, in slots of the
	// kind's own: a burst of slow jobs of one kind cannot hold back another kind. Zero
	// takes Options.Concurrency.
	Concurrency int
}

// registered is what a runner knows of a kind it takes.
type registered struct {
	handle Handler
	slots  int
}

// Runner claims due jobs of the kinds it has handlers for and runs them.
type Runner struct {
	queue  store.Queue
	worker string
	opts   Options
	wake   chan struct{}

	mu      sync.Mutex
	kinds   map[string]registered
	started bool
}

// NewRunner makes a runner that claims jobs as worker, a name unique among the instances
// sharing q (a host name and process ID will do). Register handlers, then Run.
func NewRunner(q store.Queue, worker string, opts Options) *Runner {
	return &Runner{queue: q, worker: worker, opts: opts.withDefaults(), wake: make(chan struct{}, 1),
		kinds: map[string]registered{}}
}

// Register makes the runner take jobs of kind and run them with fn, Options.Concurrency
// at a time. Registering after Run, twice for one kind, or a nil fn is a programming
// error and panics.
func (r *Runner) Register(kind string, fn Handler) {
	r.RegisterWith(kind, fn, KindOptions{})
}

// RegisterWith is Register with options for the kind.
func (r *Runner) RegisterWith(name string, fn Handler, o KindOptions) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.started:
		panic("jobs: Register(" + name + ") after Run")
	case fn == nil || name == "":
		panic("jobs: Register needs a kind and a handler")
	case r.kinds[name].handle != nil:
		panic("jobs: a handler for " + name + " is already registered")
	case o.Concurrency < 0:
		panic("jobs: negative concurrency for " + name)
	}
	r.kinds[name] = registered{handle: fn, slots: positiveOr(o.Concurrency, r.opts.Concurrency)}
}

// handler returns the handler of kind.
func (r *Runner) handler(kind string) Handler {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.kinds[kind].handle
}

// Run takes and runs jobs until ctx ends, then waits for the running handlers to return.
//
// One loop claims jobs, asking only for the kinds that have a free slot, and runs each
// on a goroutine of its own. When none is due, it sleeps until the next one is, as the
// queue knows it, or the poll interval has passed (jobs enqueued on other instances),
// or Wake is called, or a job ends and frees its slot.
func (r *Runner) Run(ctx context.Context) {
	_ = r.loop(ctx, func(s *slots, ended <-chan slot, err error) (bool, error) {
		r.sleep(ctx, s, ended, errors.Is(err, store.ErrNotFound))
		return false, nil
	})
}

// loop claims due jobs of kinds with a free slot and runs each on a goroutine of its
// own until ctx ends; when a claim finds none (or fails), idle decides whether to stop
// and with what, or waits for something to do. It returns once the running handlers
// have returned.
func (r *Runner) loop(ctx context.Context, idle func(s *slots, ended <-chan slot, claimErr error) (stop bool, err error)) error {
	s := r.newSlots()
	ended := make(chan slot, len(s.names)) // one send per running job: never blocks
	var wg sync.WaitGroup
	defer wg.Wait()
	for ctx.Err() == nil {
		s.release(ended)
		job, sl, err := r.claim(ctx, s)
		if err == nil {
			wg.Go(func() {
				defer func() { ended <- sl }()
				r.process(ctx, s.names[sl.name], job)
			})
			continue
		}
		if stop, err := idle(s, ended, err); stop {
			return err
		}
	}
	return ctx.Err()
}

// Wake makes an idle runner look for due jobs now, as after an Enqueue.
func (r *Runner) Wake() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// claim claims a due job of a kind with a free slot, and takes the slot. ErrNotFound:
// no slot is free, or no job of a kind with one is due.
func (r *Runner) claim(ctx context.Context, s *slots) (store.Job, slot, error) {
	kinds := s.freeKinds()
	if len(kinds) == 0 {
		return store.Job{}, slot{}, store.ErrNotFound
	}
	name := s.freeName()
	job, err := r.queue.Claim(ctx, s.names[name], kinds, r.opts.Clock(), r.opts.Lease)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) && ctx.Err() == nil {
			r.opts.Log.Error("claiming a job failed", "worker", s.names[name], "err", err)
		}
		return store.Job{}, slot{}, err
	}
	return job, s.take(job.Kind, name), nil
}

// sleep waits until a job may be due: the next due job of the kinds with a free slot
// (when askQueue, as after finding none due) or the poll interval, whichever comes
// first; or until Wake, a job ending, or ctx ending. With no free slot, only a job
// ending or ctx ending can give the loop something to do.
func (r *Runner) sleep(ctx context.Context, s *slots, ended <-chan slot, askQueue bool) {
	var timeout <-chan time.Time
	if kinds := s.freeKinds(); len(kinds) > 0 {
		t := time.NewTimer(r.untilDue(ctx, kinds, askQueue))
		defer t.Stop()
		timeout = t.C
	}
	select {
	case <-ctx.Done():
	case <-r.wake:
	case sl := <-ended:
		s.put(sl)
	case <-timeout:
	}
}

// minSleep is the shortest an idle runner sleeps. A job that fell due since the claim
// is claimed that much later; but should the queue ever call a job due that Claim does
// not hand out, the loop asks a hundred times a second instead of spinning.
const minSleep = 10 * time.Millisecond

// untilDue is how long an idle runner sleeps: the poll interval, give or take a fifth
// so that instances spread out, or less when the queue says that a job of kinds falls
// due sooner.
func (r *Runner) untilDue(ctx context.Context, kinds []string, askQueue bool) time.Duration {
	wait := time.Duration(float64(r.opts.PollInterval) * (0.8 + 0.4*rand.Float64()))
	if !askQueue {
		return wait // the claim failed: the queue is unlikely to answer this either
	}
	next, err := r.queue.NextRunAt(ctx, kinds)
	switch {
	case err == nil:
		wait = min(wait, max(next.Sub(r.opts.Clock()), minSleep))
	case !errors.Is(err, store.ErrNotFound) && ctx.Err() == nil:
		r.opts.Log.Warn("looking for the next due job failed; polling", "worker", r.worker, "err", err)
	}
	r.opts.Log.Debug("no job due; sleeping", "worker", r.worker, "for", wait)
	return wait
}

// Drain runs the due jobs of the registered kinds, in their slots as Run does, until
// none is due and none is running, then returns. A command that queued work it must
// finish before it returns (one that uploads photos makes their derivatives) calls it
// instead of Run. A job that fails is recorded for a retry as under Run, and Drain does
// not wait for its retry. It returns ctx's error if ctx ended first.
func (r *Runner) Drain(ctx context.Context) error {
	return r.loop(ctx, func(s *slots, ended <-chan slot, err error) (bool, error) {
		switch {
		case !errors.Is(err, store.ErrNotFound):
			return true, err
		case len(s.free) == len(s.names): // none due, none running
			return true, nil
		}
		select { // none due, or no free slot: wait for a running job to end
		case <-ctx.Done():
		case sl := <-ended:
			s.put(sl)
		}
		return false, nil
	})
}
