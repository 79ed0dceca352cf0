package storetest

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/store"
)

func mustHit(tb testing.TB, th store.Throttle, key string, window time.Duration, now time.Time) int {
	tb.Helper()
	n, err := th.Hit(tb.Context(), key, window, now)
	if err != nil {
		tb.Fatalf("Hit(%s, %v, %v): %v", key, window, now, err)
	}
	return n
}

func testThrottleCounts(t *testing.T, e *env) {
	// The clock starts at 09:30:15.123 UTC: a minute's window runs from 09:30 to 09:31.
	hit := func(key string) int { return mustHit(t, e.st, key, time.Minute, e.clock.Now()) }
	checkEqual(t, "hits on a", []int{hit("a"), hit("a"), hit("a")}, []int{1, 2, 3})
	checkEqual(t, "first hit on b", hit("b"), 1)
	checkEqual(t, "a in an hour's window", mustHit(t, e.st, "a:hourly", time.Hour, e.clock.Now()), 1)

	e.clock.Advance(44 * time.Second) // 09:30:59.123
	checkEqual(t, "a, late in the same window", hit("a"), 4)
	e.clock.Advance(time.Second) // 09:31:00.123
	checkEqual(t, "a in the next window", hit("a"), 1)
	checkEqual(t, "b in the next window", hit("b"), 1)
	checkEqual(t, "a in the same hour", mustHit(t, e.st, "a:hourly", time.Hour, e.clock.Now()), 2)

	for _, w := range []time.Duration{0, -time.Minute, 500 * time.Millisecond, 1500 * time.Millisecond, 25 * time.Hour} {
		if _, err := e.st.Hit(t.Context(), "a", w, e.clock.Now()); err == nil {
			t.Errorf("Hit with a window of %v succeeded", w)
		}
	}
}

// testThrottleConcurrent hits one key from several goroutines, as several instances
// would: no hit is lost, and each sees its own count.
func testThrottleConcurrent(t *testing.T, e *env) {
	const workers, hits = 8, 25
	var mu sync.Mutex
	var counts []int
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for range hits {
				n, err := e.st.Hit(t.Context(), "login:admin", time.Hour, e.clock.Now())
				if err != nil {
					t.Errorf("Hit: %v", err)
					return
				}
				mu.Lock()
				counts = append(counts, n)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	want := make([]int, workers*hits)
	for i := range want {
		want[i] = i + 1
	}
	slices.Sort(counts)
	checkEqual(t, "counts seen", counts, want)
}

// testThrottleForgetsOldWindows: windows that ended more than a day ago are deleted, so
// that keys hit once and never again (an address trying passwords) do not pile up.
func testThrottleForgetsOldWindows(t *testing.T, e *env) {
	then := e.clock.Now()
	checkEqual(t, "first hit", mustHit(t, e.st, "once", time.Minute, then), 1)
	checkEqual(t, "second hit", mustHit(t, e.st, "once", time.Minute, then), 2)
	e.clock.Advance(25 * time.Hour)
	mustHit(t, e.st, "someone else", time.Minute, e.clock.Now())
	// Asking about the old window again shows whether its row is still there.
	checkEqual(t, "a hit in the old window after a day", mustHit(t, e.st, "once", time.Minute, then), 1)
}
