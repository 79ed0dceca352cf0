package photo

import (
	"context"
	"sync/atomic"

	"golang.org/x/sync/semaphore"
)

// DefaultConcurrency is how many photos are decoded at once in a process unless
// SetConcurrency says otherwise. A 50-megapixel photo takes up to a few hundred
// megabytes while it is worked on; two at a time keep a burst of uploads under a
// gigabyte on a small server, and keep its two cores busy.
const DefaultConcurrency = 2

// heavy is the process-wide gate of Clean and Derive's decoding work. It is package
// state on purpose: memory is the process's, so the bound must be too, whoever calls.
var heavy atomic.Pointer[semaphore.Weighted]

func init() { SetConcurrency(DefaultConcurrency) }

// SetConcurrency sets how many photos Clean and Derive decode at once in this process
// (at least 1). Call it at start-up: work already admitted finishes under the previous
// bound.
func SetConcurrency(n int) {
	heavy.Store(semaphore.NewWeighted(int64(max(n, 1))))
}

// enter waits for a place at the gate, or for ctx to end; it returns the function that
// gives the place back.
func enter(ctx context.Context) (leave func(), err error) {
	sem := heavy.Load()
	if err := sem.Acquire(ctx, 1); err != nil {
		return nil, err
	}
	return func() { sem.Release(1) }, nil
}
