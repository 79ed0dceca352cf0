// Package testkit is what Roneo's tests share to wait for events, to run child
// processes and to stand without a tool they need.
//
// It is for tests only (its functions take a testing.TB) and imports nothing of Roneo,
// so that any package's tests may use it.
package testkit

import (
	"testing"
	"time"
)

// Patience is how long a test waits for something that will happen before it calls
// it a hang. Tests wait for events (a log line, a status, a row, a message), never for
// a time guessed to be enough: on a busy machine an event takes longer, and only a
// real hang takes this long. Assertions about how fast something happens measure it
// themselves; Patience only ends a wait that would otherwise never end.
const Patience = 2 * time.Minute

// Until calls cond until it is true, and fails the test if it is still false after
// Patience. It checks often at first, then every 100 ms.
func Until(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	Within(tb, Patience, what, cond)
}

// Within calls cond until it is true, and fails the test if it is still false after
// limit: for assertions about how fast something happens. It checks often at first,
// then every 100 ms, or every tenth of limit when that is shorter.
func Within(tb testing.TB, limit time.Duration, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(limit)
	longest := min(limit/10, 100*time.Millisecond)
	for pause := time.Millisecond; !cond(); pause = min(2*pause, longest) {
		if time.Now().After(deadline) {
			tb.Fatalf("waited %s for %s", limit, what)
		}
		time.Sleep(pause)
	}
}

// Receive returns the next value from ch, and fails the test if none comes within
// Patience.
func Receive[T any](tb testing.TB, what string, ch <-chan T) T {
	tb.Helper()
	timer := time.NewTimer(Patience)
	defer timer.Stop()
	select {
	case v := <-ch:
		return v
	case <-timer.C:
		tb.Fatalf("waited %s for %s", Patience, what)
		panic("unreachable")
	}
}
