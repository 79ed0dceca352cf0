package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/roneo/roneo/internal/store"
)

const (
	// recordTimeout bounds recording a job's outcome, which goes on during shutdown.
	recordTimeout = 10 * time.Second
	// maxMessage bounds the error kept with a job: enough for a message and a stack.
	maxMessage = 8 << 10
)

// process runs a claimed job and records how it went.
func (r *Runner) process(ctx context.Context, worker string, job store.Job) {
	log := r.opts.Log.With("worker", worker, "job", job.ID, "kind", job.Kind, "attempt", job.Attempts)
	if job.Attempts > r.opts.MaxAttempts {
		// Claimed more often than it may be tried: its workers died while running it (an
		// out-of-memory kill on a huge image). Running it again could kill this one too.
		r.record(ctx, log, worker, job, fmt.Errorf("claimed %d times, more than its %d attempts: its workers died running it",
			job.Attempts, r.opts.MaxAttempts))
		return
	}
	err := r.runHandler(ctx, worker, job)
	if err != nil && ctx.Err() != nil {
		// Shutting down: not the job's fault. It stays claimed until its lease runs out,
		// and another instance takes it over then.
		log.Info("job interrupted by shutdown; it runs again once its lease ends", "err", err)
		return
	}
	r.record(ctx, log, worker, job, err)
}

// runHandler runs the job's handler while keeping its lease, and turns a panic into an
// error so that one bad job cannot take the runner down.
func (r *Runner) runHandler(ctx context.Context, worker string, job store.Job) (err error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	defer r.keepLease(ctx, cancel, worker, job)()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		}
	}()
	return r.handler(job.Kind)(ctx, job)
}

// keepLease extends the job's lease every third of it until the returned stop is called.
// When the job turns out to be another worker's, it cancels the handler with
// ErrLeaseLost. It stops, too, when ctx ends: a runner shutting down keeps nothing.
func (r *Runner) keepLease(ctx context.Context, lost context.CancelCauseFunc, worker string, job store.Job) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(r.opts.Lease / 3)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			err := r.queue.Extend(ctx, job.ID, worker, r.opts.Clock().Add(r.opts.Lease))
			switch {
			case errors.Is(err, store.ErrConflict), errors.Is(err, store.ErrNotFound):
				lost(ErrLeaseLost)
				return
			case err != nil && ctx.Err() == nil:
				// Try again at the next tick; the lease has two more thirds to go.
				r.opts.Log.Warn("extending a job's lease failed", "worker", worker, "job", job.ID, "err", err)
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}

// record completes the job, or fails it with a retry after a backoff, or gives it up
// once it has had its attempts. It records even while the runner shuts down: the work
// is done, and doing it again would be waste.
func (r *Runner) record(ctx context.Context, log *slog.Logger, worker string, job store.Job, runErr error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
	defer cancel()
	var err error
	if runErr == nil {
		if err = r.queue.Complete(ctx, job.ID, worker); err == nil {
			log.Debug("job done")
		}
	} else {
		retryAt := r.retryAt(job.Attempts)
		err = r.queue.Fail(ctx, job.ID, worker, message(runErr), retryAt)
		switch {
		case err == nil && retryAt.IsZero():
			log.Error("job failed; gave up", "err", runErr)
		case err == nil:
			log.Warn("job failed; will retry", "err", runErr, "retry_at", retryAt)
		}
	}
	switch {
	case errors.Is(err, store.ErrConflict), errors.Is(err, store.ErrNotFound):
		log.Warn("job was taken over before its outcome was recorded; the outcome here is dropped",
			"err", err, "job_err", runErr)
	case err != nil:
		log.Error("recording a job's outcome failed; it runs again once its lease ends",
			"err", err, "job_err", runErr)
	}
}

// retryAt is when a job that failed on its attempts'th try runs again: the backoff
// doubles from MinBackoff up to MaxBackoff. Zero means giving up.
func (r *Runner) retryAt(attempts int) time.Time {
	if attempts >= r.opts.MaxAttempts {
		return time.Time{}
	}
	wait := r.opts.MinBackoff
	for i := 1; i < attempts && wait < r.opts.MaxBackoff; i++ {
		wait *= 2
	}
	return r.opts.Clock().Add(min(wait, r.opts.MaxBackoff))
}

// message is what the queue keeps of an error, cut to maxMessage bytes.
func message(err error) string {
	m := err.Error()
	if len(m) > maxMessage {
		m = m[:maxMessage] // the store mends a rune cut in half
	}
	return m
}
