package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// The queue's calls are single statements on the write pool, outside Update: a claim
// must be visible to every instance the moment it returns, and jobs are not content, so
// no subscriber hears of them.

// jobColumns is what a claim hands back; scanJob reads it.
const jobColumns = `id, kind, payload, attempts, run_at`

func scanJob(s scanner) (store.Job, error) {
	var j store.Job
	var runAt int64
	err := s.Scan(&j.ID, &j.Kind, &j.Payload, &j.Attempts, &runAt)
	j.RunAt = time.Unix(runAt, 0).UTC()
	return j, err
}

// Enqueue adds a job due at runAt, or now when runAt is zero.
func (db *DB) Enqueue(ctx context.Context, kind string, payload []byte, runAt time.Time) (int64, error) {
	return db.EnqueueJob(ctx, store.NewJob{Kind: kind, Payload: payload, RunAt: runAt})
}

// EnqueueJob adds j, or returns the ID of the job holding j's kind and key.
func (db *DB) EnqueueJob(ctx context.Context, j store.NewJob) (int64, error) {
	return enqueueJob(ctx, db.write, db.dialect, db.now(), j)
}

// rowQuerier runs a statement that returns a row: a pool, or a transaction's *sql.Tx.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// insertJob adds a job unless it has a key that an unfinished job of its kind holds; it
// then returns no row. The conflict target and its WHERE name the partial unique index
// jobs_pending_key, as both databases require of a partial index.
const insertJob = `INSERT INTO jobs (kind, dedupe_key, payload, run_at, created_at) VALUES ($1, $2, $3, $4, $5)
	ON CONFLICT (kind, dedupe_key) WHERE done_at IS NULL AND dedupe_key IS NOT NULL DO NOTHING
	RETURNING id`

// keyHolder finds the job that made insertJob do nothing: the newest with the kind and
// key, through the index jobs_key. That is the unfinished job, unless it finished
// between the two statements (then it is that job, or one enqueued after it).
const keyHolder = `SELECT id FROM jobs WHERE kind = $1 AND dedupe_key = $2 ORDER BY id DESC LIMIT 1`

// enqueueJob adds j through q at the time now, or returns the ID of the job that holds
// j's key. The store's own EnqueueJob passes the write pool; a write transaction passes
// its *sql.Tx, so that the jobs a change causes exist if, and only if, the change
// commits (an outbox):
//
//	id, err := enqueueJob(ctx, sqlTx, db.dialect, db.now(), store.NewJob{Kind: "mirror", Key: "site"})
//
// On PostgreSQL, enqueueing a key that another open transaction has just enqueued waits
// for that transaction to end, then returns its job if it committed. DO NOTHING locks
// no row, so an enqueue never holds up the worker running the job with the key.
func enqueueJob(ctx context.Context, q rowQuerier, d *dialect, now time.Time, j store.NewJob) (int64, error) {
	if j.Kind == "" {
		return 0, fmt.Errorf("enqueue: %w: a job needs a kind", content.ErrInvalid)
	}
	runAt := j.RunAt
	if runAt.IsZero() {
		runAt = now
	}
	payload := j.Payload
	if payload == nil {
		payload = []byte{} // drivers send nil as NULL, and the column is NOT NULL
	}
	key := sql.NullString{String: j.Key, Valid: j.Key != ""}
	var id int64
	err := q.QueryRowContext(ctx, insertJob, j.Kind, key, payload, runAt.Unix(), now.Unix()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) && key.Valid {
		// The holder may have finished since the insert. Returning it all the same keeps
		// to what the insert saw: the duplicate came while it was unfinished.
		err = q.QueryRowContext(ctx, keyHolder, j.Kind, j.Key).Scan(&id)
	}
	return id, wrapEnqueue(j, d.translate(err))
}

func wrapEnqueue(j store.NewJob, err error) error {
	if err == nil {
		return nil
	}
	if j.Key != "" {
		return fmt.Errorf("enqueue %s %q: %w", j.Kind, j.Key, err)
	}
	return fmt.Errorf("enqueue %s: %w", j.Kind, err)
}

// Claim takes the oldest due job of one of kinds for worker until now+lease. A job whose
// lease ran out (its worker died) is due again, its attempts counting the lost one.
func (db *DB) Claim(ctx context.Context, worker string, kinds []string, now time.Time, lease time.Duration) (store.Job, error) {
	if len(kinds) == 0 {
		return store.Job{}, fmt.Errorf("claim for %s with no kinds: %w", worker, store.ErrNotFound)
	}
	if worker == "" || lease <= 0 {
		return store.Job{}, fmt.Errorf("claim: %w: a claim needs a worker and a lease (%q, %v)", content.ErrInvalid, worker, lease)
	}
	args := []any{worker, leaseEnd(now.Add(lease)), now.Unix()}
	for _, k := range kinds {
		args = append(args, k)
	}
	job, err := scanJob(db.write.QueryRowContext(ctx, db.dialect.claimQuery(len(kinds)), args...))
	if err != nil {
		return store.Job{}, fmt.Errorf("claim for %s: %w", worker, db.dialect.translate(err))
	}
	return job, nil
}

// claimQuery returns the statement that claims the oldest due job: $1 the worker, $2 the
// lease's end, $3 now, then one parameter per kind.
//
// SQLite has one writer, so the UPDATE with its subquery is atomic as it stands. On
// PostgreSQL several instances claim at once: the subquery locks the row it picks, and
// SKIP LOCKED makes a concurrent claim pass over it to the next due job instead of
// waiting for it and then finding it taken. The dialect's claimLock says which.
func (d *dialect) claimQuery(kinds int) string {
	return `UPDATE jobs SET attempts = attempts + 1, claimed_by = $1, lease_until = $2
			WHERE id = (SELECT id FROM jobs
				WHERE done_at IS NULL AND run_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
					AND kind IN (` + placeholders(4, kinds) + `)
				ORDER BY run_at, id LIMIT 1` + d.claimLock + `)
			RETURNING ` + jobColumns
}

// NextRunAt returns the earliest time at which a job of one of kinds is due: its run
// time, or the end of its lease while a worker holds it.
func (db *DB) NextRunAt(ctx context.Context, kinds []string) (time.Time, error) {
	if len(kinds) == 0 {
		return time.Time{}, fmt.Errorf("next job with no kinds: %w", store.ErrNotFound)
	}
	args := make([]any, len(kinds))
	for i, k := range kinds {
		args[i] = k
	}
	var next sql.NullInt64
	err := db.queryRow(ctx, `SELECT MIN(CASE WHEN lease_until > run_at THEN lease_until ELSE run_at END)
		FROM jobs WHERE done_at IS NULL AND kind IN (`+placeholders(1, len(kinds))+`)`, args...).Scan(&next)
	if err == nil && !next.Valid {
		err = store.ErrNotFound
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("next job of %v: %w", kinds, err)
	}
	return fromUnix(next), nil
}

// leaseEnd rounds a lease's end up to the whole second the column holds: rounding down
// would cut a short lease by up to a second and let another worker in early.
func leaseEnd(t time.Time) int64 {
	if t.Nanosecond() > 0 {
		return t.Unix() + 1
	}
	return t.Unix()
}

// Extend moves worker's lease on the job to until. A lease that ran out can still be
// extended as long as nobody claimed the job meanwhile: it is still this worker's.
func (db *DB) Extend(ctx context.Context, id int64, worker string, until time.Time) error {
	return db.updateHeld(ctx, "extend", id, worker, `UPDATE jobs SET lease_until = $3
		WHERE id = $1 AND claimed_by = $2 AND done_at IS NULL`, leaseEnd(until))
}

// Complete marks the job done. Its row stays, with last_error cleared: a done job with
// an error is one that was given up.
func (db *DB) Complete(ctx context.Context, id int64, worker string) error {
	return db.updateHeld(ctx, "complete", id, worker, `UPDATE jobs SET done_at = $3, lease_until = NULL, last_error = NULL
		WHERE id = $1 AND claimed_by = $2 AND done_at IS NULL`, db.now().Unix())
}

// Fail records message and releases the job to run again at retryAt, or gives it up
// (done, keeping the message) when retryAt is zero.
func (db *DB) Fail(ctx context.Context, id int64, worker string, message string, retryAt time.Time) error {
	// Errors may quote what a remote server sent; PostgreSQL's TEXT refuses NUL bytes
	// and invalid UTF-8, and losing the failure over its message would be worse.
	message = strings.ToValidUTF8(strings.ReplaceAll(message, "\x00", ""), "\uFFFD")
	if retryAt.IsZero() {
		return db.updateHeld(ctx, "give up", id, worker, `UPDATE jobs SET done_at = $3, lease_until = NULL, last_error = $4
			WHERE id = $1 AND claimed_by = $2 AND done_at IS NULL`, db.now().Unix(), message)
	}
	return db.updateHeld(ctx, "fail", id, worker, `UPDATE jobs SET run_at = $3, claimed_by = NULL, lease_until = NULL,
			last_error = $4
		WHERE id = $1 AND claimed_by = $2 AND done_at IS NULL`, retryAt.Unix(), message)
}

// updateHeld runs an UPDATE of a job that worker must still hold: $1 is the job, $2 the
// worker, then args. A claim by another worker replaces claimed_by, so a worker whose
// lease was taken over changes nothing and hears ErrConflict.
func (db *DB) updateHeld(ctx context.Context, op string, id int64, worker, query string, args ...any) error {
	res, err := db.write.ExecContext(ctx, query, append([]any{id, worker}, args...)...)
	var n int64
	if err == nil {
		n, err = res.RowsAffected()
	}
	if err != nil {
		return fmt.Errorf("%s job %d: %w", op, id, db.dialect.translate(err))
	}
	if n > 0 {
		return nil
	}
	// Rare: tell a job that does not exist from a lost lease.
	var found int64
	if err := db.queryRow(ctx, `SELECT id FROM jobs WHERE id = $1`, id).Scan(&found); err != nil {
		return fmt.Errorf("%s job %d: %w", op, id, err)
	}
	return fmt.Errorf("%s job %d: %s no longer holds it: %w", op, id, worker, store.ErrConflict)
}

// jobStateCondition says in SQL when a job is in state s, now being the placeholder of
// the current time. The conditions exclude each other: a job is in exactly one state.
// A job whose lease ran out is pending (or retrying) again, as Claim sees it.
func jobStateCondition(s store.JobState, now string) (string, bool) {
	const unheld = `done_at IS NULL AND (lease_until IS NULL OR lease_until <= `
	switch s {
	case store.JobPending:
		return unheld + now + `) AND (last_error IS NULL OR attempts = 0)`, true
	case store.JobRunning:
		return `done_at IS NULL AND lease_until > ` + now, true
	case store.JobRetrying:
		return unheld + now + `) AND last_error IS NOT NULL AND attempts > 0`, true
	case store.JobDone:
		return `done_at IS NOT NULL AND last_error IS NULL`, true
	case store.JobFailed:
		return `done_at IS NOT NULL AND last_error IS NOT NULL`, true
	}
	return "", false
}

// jobStateColumn computes a job's state from the same conditions as the filters.
func jobStateColumn(now string) string {
	var b strings.Builder
	b.WriteString(`CASE`)
	for _, s := range store.JobStates {
		cond, _ := jobStateCondition(s, now)
		b.WriteString(` WHEN ` + cond + ` THEN '` + string(s) + `'`)
	}
	b.WriteString(` END`)
	return b.String()
}

// Jobs lists jobs for the admin page, the newest first, in their states at the store's
// now.
func (db *DB) Jobs(ctx context.Context, q store.JobQuery) ([]store.JobInfo, error) {
	if err := pageBounds(q.Limit, q.Offset); err != nil {
		return nil, err
	}
	f := &filter{}
	now := f.arg(db.now().Unix())
	if q.State != "" {
		cond, ok := jobStateCondition(q.State, now)
		if !ok {
			return nil, fmt.Errorf("jobs: %w: unknown state %q", content.ErrInvalid, q.State)
		}
		f.where = append(f.where, cond)
	}
	if q.Kind != "" {
		f.where = append(f.where, `kind = `+f.arg(q.Kind))
	}
	query := `SELECT id, kind, COALESCE(dedupe_key, ''), ` + jobStateColumn(now) + `, attempts, run_at, created_at,
		done_at, COALESCE(last_error, ''), COALESCE(claimed_by, '') FROM jobs`
	if len(f.where) > 0 {
		query += ` WHERE ` + strings.Join(f.where, ` AND `)
	}
	query += ` ORDER BY id DESC LIMIT ` + f.arg(pageSize(q.Limit)) + ` OFFSET ` + f.arg(q.Offset)
	jobs, err := collect(scanJobInfo)(db.query(ctx, query, f.args...))
	if err != nil {
		return nil, fmt.Errorf("jobs %+v: %w", q, err)
	}
	return jobs, nil
}

func scanJobInfo(s scanner) (store.JobInfo, error) {
	var j store.JobInfo
	var runAt, createdAt, doneAt sql.NullInt64
	err := s.Scan(&j.ID, &j.Kind, &j.Key, &j.State, &j.Attempts, &runAt, &createdAt, &doneAt, &j.LastError, &j.ClaimedBy)
	j.RunAt, j.CreatedAt, j.DoneAt = fromUnix(runAt), fromUnix(createdAt), fromUnix(doneAt)
	return j, err
}

// JobCounts counts the jobs in each state at the store's now. It reads every job, done
// ones included: an admin page's totals, not something to call per request.
func (db *DB) JobCounts(ctx context.Context) (map[store.JobState]int, error) {
	counts := map[store.JobState]int{}
	for _, s := range store.JobStates {
		counts[s] = 0
	}
	rows, err := db.query(ctx, `SELECT state, COUNT(*) FROM (SELECT `+jobStateColumn("$1")+` AS state FROM jobs) j
		GROUP BY state`, db.now().Unix())
	if err != nil {
		return nil, fmt.Errorf("counting jobs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var s store.JobState
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, fmt.Errorf("counting jobs: %w", err)
		}
		counts[s] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting jobs: %w", err)
	}
	return counts, nil
}
