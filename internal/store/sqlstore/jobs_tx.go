package sqlstore

import (
	"context"

	"github.com/roneo/roneo/internal/store"
)

// EnqueueJob queues a job in the transaction of the change that causes it: the job
// exists if and only if the change commits (an outbox), and runners are woken once it
// has.
func (t *tx) EnqueueJob(ctx context.Context, j store.NewJob) (int64, error) {
	id, err := enqueueJob(ctx, t.tx, t.db.dialect, t.db.now(), j)
	t.fail(err)
	if err == nil {
		t.queued = true
	}
	return id, err
}
