package jobs_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/jobs"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/sqlstore"
	"github.com/roneo/roneo/internal/testkit"
)

// fast polls often, so that tests need not wake runners or wait for them.
var fast = jobs.Options{PollInterval: 5 * time.Millisecond}

// with returns fast with the log going to logs, changed by change.
func with(logs *logBuffer, change func(*jobs.Options)) jobs.Options {
	o := fast
	o.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	if change != nil {
		change(&o)
	}
	return o
}

// openSQLite opens a fresh SQLite store reading clock, closed when the test ends.
func openSQLite(tb testing.TB, dir string, clock func() time.Time) *sqlstore.DB {
	tb.Helper()
	db, err := sqlstore.OpenSQLite(context.Background(), dir, sqlstore.Options{Clock: clock})
	if err != nil {
		tb.Fatalf("OpenSQLite: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// openPostgres opens the store at u, closed when the test ends.
func openPostgres(tb testing.TB, u string) *sqlstore.DB {
	tb.Helper()
	db, err := sqlstore.OpenPostgres(context.Background(), u, sqlstore.Options{})
	if err != nil {
		tb.Fatalf("OpenPostgres: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// start runs r until the returned stop is called or the test ends; stop waits for Run
// to return.
func start(tb testing.TB, r *jobs.Runner) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.Run(ctx)
	}()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			<-done
		})
	}
	tb.Cleanup(stop)
	return stop
}

func mustEnqueue(tb testing.TB, q store.Queue, kind, payload string) int64 {
	tb.Helper()
	id, err := q.Enqueue(tb.Context(), kind, []byte(payload), time.Time{})
	if err != nil {
		tb.Fatalf("Enqueue: %v", err)
	}
	return id
}

// receive waits for a value from ch.
func receive[T any](tb testing.TB, what string, ch <-chan T) T {
	tb.Helper()
	return testkit.Receive(tb, what, ch)
}

// expectNothing fails if ch holds a value, or yields one within d.
func expectNothing[T any](tb testing.TB, what string, ch <-chan T, d time.Duration) {
	tb.Helper()
	select { // first on its own: with d = 0, a ready timer could win the race below
	case v := <-ch:
		tb.Fatalf("%s: got %+v", what, v)
	default:
	}
	select {
	case v := <-ch:
		tb.Fatalf("%s: got %+v", what, v)
	case <-time.After(d):
	}
}

// checkDone fails unless no job of kind is left to run, even a year from now: every one
// was completed or given up. Only call it once no runner of kind is running.
func checkDone(tb testing.TB, q store.Queue, kind string) {
	tb.Helper()
	j, err := q.Claim(tb.Context(), "probe", []string{kind}, time.Now().AddDate(1, 0, 0), time.Minute)
	if !errors.Is(err, store.ErrNotFound) {
		tb.Errorf("a %s job is left: %+v, %v", kind, j, err)
	}
}

// logBuffer collects a runner's log; runners write from several goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) count(s string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Count(l.buf.String(), s)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// waitForLog waits until s was logged n times.
func waitForLog(tb testing.TB, logs *logBuffer, s string, n int) {
	tb.Helper()
	defer func() {
		if tb.Failed() {
			tb.Logf("the log:\n%s", logs)
		}
	}()
	testkit.Until(tb, fmt.Sprintf("%d × %q in the log", n, s), func() bool { return logs.count(s) >= n })
}
