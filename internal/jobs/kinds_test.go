package jobs_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/jobs"
	"github.com/roneo/roneo/internal/store"
)

// TestSlowKindDoesNotHoldBackAnother saturates the image kind's slots with handlers that
// block: mirror jobs still run at once, image jobs never more than their slots at a time.
// The runner polls once an hour, so that only claims, Wake and ending jobs move it.
func TestSlowKindDoesNotHoldBackAnother(t *testing.T) {
	t.Parallel()
	db := openSQLite(t, t.TempDir(), time.Now)
	var logs logBuffer
	r := jobs.NewRunner(db, "w", with(&logs, func(o *jobs.Options) { o.PollInterval = time.Hour }))
	release := make(chan struct{})
	started := make(chan int64, 10)
	var mu sync.Mutex
	running, peak := 0, 0
	r.RegisterWith("image", func(ctx context.Context, j store.Job) error {
		mu.Lock()
		running++
		peak = max(peak, running)
		mu.Unlock()
		defer func() {
			mu.Lock()
			running--
			mu.Unlock()
		}()
		started <- j.ID
		select {
		case <-release:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}, jobs.KindOptions{Concurrency: 2})
	pushed := make(chan int64, 2)
	r.Register("mirror", func(_ context.Context, j store.Job) error {
		pushed <- j.ID
		return nil
	})

	for range 5 {
		mustEnqueue(t, db, "image", "")
	}
	// Enqueued last, so that the images come first in the claim order.
	first := mustEnqueue(t, db, "mirror", "")
	start(t, r)
	receive(t, "the first image", started)
	receive(t, "the second image", started)
	checkEqual(t, "the push behind the images", receive(t, "a push while images fill their slots", pushed), first)
	second := mustEnqueue(t, db, "mirror", "")
	r.Wake()
	checkEqual(t, "the push enqueued while images run", receive(t, "a push after Wake", pushed), second)
	expectNothing(t, "a third image at once", started, 50*time.Millisecond)

	// Each image that ends frees its slot for the next, with no poll or Wake.
	close(release)
	for i := 3; i <= 5; i++ {
		receive(t, "the next image", started)
	}
	waitForLog(t, &logs, "job done", 7)
	mu.Lock()
	defer mu.Unlock()
	if peak != 2 {
		t.Errorf("%d image jobs ran at once, want 2", peak)
	}
}

func checkEqual[T comparable](tb testing.TB, what string, got, want T) {
	tb.Helper()
	if got != want {
		tb.Errorf("%s: got %v, want %v", what, got, want)
	}
}
