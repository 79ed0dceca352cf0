package sqlstore

import (
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/pressly/goose/v3"

	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/testkit"
)

// TestEnqueueInTransaction: jobs enqueued in a write transaction exist once it commits
// and not if it rolls back, keys included; an enqueue of the same key from outside the
// transaction gets the transaction's job.
func TestEnqueueInTransaction(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		db := m.mustOpen(t, m.fresh(t))
		begin := func() *sql.Tx {
			tx, err := db.write.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { tx.Rollback() })
			return tx
		}
		site := store.NewJob{Kind: "mirror", Key: "site"}
		enqueueIn := func(tx *sql.Tx, j store.NewJob) int64 {
			id, err := enqueueJob(ctx, tx, db.dialect, db.now(), j)
			if err != nil {
				t.Fatalf("enqueueJob(%+v): %v", j, err)
			}
			return id
		}

		tx := begin()
		enqueueIn(tx, site)
		enqueueIn(tx, store.NewJob{Kind: "image"})
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
		if _, err := db.NextRunAt(ctx, []string{"mirror", "image"}); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("after a rollback: NextRunAt gave %v, want ErrNotFound", err)
		}

		tx = begin()
		id := enqueueIn(tx, site)
		if again := enqueueIn(tx, site); again != id {
			t.Errorf("the transaction's second enqueue of the key: job %d, want %d", again, id)
		}
		outside := make(chan int64, 1)
		go func() {
			// Waits for the transaction: for SQLite's one writer, or PostgreSQL's lock on
			// the key's index entry.
			id, err := db.EnqueueJob(ctx, site)
			if err != nil {
				t.Errorf("EnqueueJob from outside: %v", err)
			}
			outside <- id
		}()
		if m.dialect == goose.DialectPostgres {
			waitUntilBlockedBy(t, db, tx)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		select {
		case got := <-outside:
			if got != id {
				t.Errorf("enqueue from outside the transaction: job %d, want the transaction's %d", got, id)
			}
		case <-time.After(testkit.Patience):
			t.Fatalf("waited %s for the enqueue from outside the transaction", testkit.Patience)
		}
		jobs, err := db.Jobs(ctx, store.JobQuery{})
		if err != nil || len(jobs) != 1 || jobs[0].ID != id || jobs[0].Key != "site" {
			t.Errorf("jobs after the commit: %+v, %v; want job %d with the key", jobs, err, id)
		}
	})
}

// waitUntilBlockedBy waits until a PostgreSQL session waits for tx's lock.
func waitUntilBlockedBy(t *testing.T, db *DB, tx *sql.Tx) {
	t.Helper()
	var pid int
	if err := tx.QueryRowContext(t.Context(), `SELECT pg_backend_pid()`).Scan(&pid); err != nil {
		t.Fatal(err)
	}
	testkit.Until(t, "the enqueue from outside to wait for the transaction", func() bool {
		var n int
		err := db.write.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM pg_stat_activity
			WHERE $1 = ANY(pg_blocking_pids(pid))`, pid).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		return n > 0
	})
}

// TestMigrateJobKeys: jobs queued before migration 7 are kept and listed without a key;
// taking the migration down keeps the jobs and drops only their keys.
func TestMigrateJobKeys(t *testing.T) {
	eachDialect(t, func(t *testing.T, m migrationTarget) {
		ctx := t.Context()
		db := m.mustOpen(t, m.fresh(t))
		p := m.provider(t, db)
		if _, err := p.DownTo(ctx, 6); err != nil {
			t.Fatalf("down to 6: %v", err)
		}
		var old int64
		err := db.write.QueryRowContext(ctx, `INSERT INTO jobs (kind, payload, run_at, created_at)
			VALUES ('mirror', $1, 0, 0) RETURNING id`, []byte("p")).Scan(&old)
		if err != nil {
			t.Fatalf("a job at version 6: %v", err)
		}
		if _, err := p.Up(ctx); err != nil {
			t.Fatalf("up from 6: %v", err)
		}
		keyed, err := db.EnqueueJob(ctx, store.NewJob{Kind: "mirror", Key: "site"})
		if err != nil {
			t.Fatalf("EnqueueJob after up: %v", err)
		}
		jobs, err := db.Jobs(ctx, store.JobQuery{})
		if err != nil || len(jobs) != 2 || jobs[1].ID != old || jobs[1].Key != "" || jobs[1].State != store.JobPending {
			t.Fatalf("jobs after up: %+v, %v; want job %d pending without a key, and one with", jobs, err, old)
		}
		if _, err := p.DownTo(ctx, 6); err != nil {
			t.Fatalf("down to 6 with a keyed job: %v", err)
		}
		var n int
		if err := db.write.QueryRowContext(ctx, `SELECT COUNT(*) FROM jobs WHERE id IN ($1, $2)`, old, keyed).Scan(&n); err != nil || n != 2 {
			t.Fatalf("jobs left at version 6: %d, %v; want both", n, err)
		}
	})
}
