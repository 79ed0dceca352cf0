package main

import (
	"context"
	"crypto/rand"
	"log/slog"
	"os"

	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/jobs"
	"github.com/roneo/roneo/internal/store"
)

// newJobRunner makes this instance's runner with a handler for every kind of job.
func newJobRunner(q store.Queue, ed *editorial.Service, log *slog.Logger) *jobs.Runner {
	r := jobs.NewRunner(q, workerName(), jobs.Options{Log: log})
	r.Register(editorial.JobPublishDue, func(ctx context.Context, _ store.Job) error {
		ids, err := ed.PublishDue(ctx)
		if len(ids) > 0 {
			log.Info("published scheduled articles", "count", len(ids), "ids", ids)
		}
		return err
	})
	return r
}

// workerName tells this instance's claims from others' in the queue: the host and the
// process, and a random part for instances that share both (containers).
func workerName() string {
	host, _ := os.Hostname()
	return host + "-" + rand.Text()[:8]
}
