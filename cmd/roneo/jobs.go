package main

import (
	"context"
	"crypto/rand"
	"log/slog"
	"os"

	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/jobs"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/store"
)

// newJobRunner makes this instance's runner with a handler for every kind of job.
func newJobRunner(st store.Store, ed *editorial.Service, m media.Store, log *slog.Logger) *jobs.Runner {
	r := jobs.NewRunner(st, workerName(), jobs.Options{Log: log})
	r.RegisterWith(editorial.JobDerive, deriveHandler(ed, m, st), jobs.KindOptions{Concurrency: deriveConcurrency})
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
