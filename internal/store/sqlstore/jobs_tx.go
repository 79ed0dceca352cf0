package sqlstore

import (
	"context"
	"fmt"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// EnqueueJob queues a job in the transaction of the change that causes it: the job
// exists if and only if the change commits (an outbox), and runners are woken once it
// has.
func (t *tx) EnqueueJob(ctx context.Context, j store.NewJob) (int64, error) {
	if j.Kind == "" {
		return 0, fmt.Errorf("enqueue: %w: a job needs a kind", content.ErrInvalid)
	}
	now := t.db.now()
	runAt := j.RunAt
	if runAt.IsZero() {
		runAt = now
	}
	payload := j.Payload
	if payload == nil {
		payload = []byte{}
	}
	var id int64
	if err := t.queryRow(ctx, `INSERT INTO jobs (kind, payload, run_at, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		j.Kind, payload, runAt.Unix(), now.Unix()).Scan(&id); err != nil {
		return 0, fmt.Errorf("enqueue %s: %w", j.Kind, err)
	}
	t.queued = true
	return id, nil
}
