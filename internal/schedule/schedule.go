// Package schedule publishes scheduled articles — embargoed press releases among them —
// at their minute, without a restart and without polling every second.
//
// It depends on the store interfaces only.
package schedule

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/roneo/roneo/internal/store"
)

// maxSleep bounds how long the publisher sleeps without looking: a schedule written by
// another instance, or a clock that jumped, is noticed within this time.
const maxSleep = time.Minute

// Publisher wakes at the next scheduled time and publishes what is due.
type Publisher struct {
	store store.Store
	now   func() time.Time
	log   *slog.Logger
	wake  chan struct{}
}

// New makes a publisher; Run starts it.
func New(s store.Store, now func() time.Time, log *slog.Logger) *Publisher {
	return &Publisher{store: s, now: now, log: log, wake: make(chan struct{}, 1)}
}

// Run publishes due articles until ctx ends. A change to articles makes it look again at
// once, since the change may have set an earlier time.
func (p *Publisher) Run(ctx context.Context) {
	cancel := p.store.Subscribe(func(cs []store.Change) {
		for _, c := range cs {
			if c.Topic == store.TopicArticle {
				p.Wake()
				return
			}
		}
	})
	defer cancel()
	for {
		wait := p.tick(ctx)
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-p.wake:
			timer.Stop()
		case <-timer.C:
		}
	}
}

// Wake makes the publisher look at the schedule now.
func (p *Publisher) Wake() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// tick publishes what is due and returns how long to sleep until the next one.
func (p *Publisher) tick(ctx context.Context) time.Duration {
	now := p.now()
	var ids []int64
	err := p.store.Update(ctx, func(tx store.Tx) (err error) {
		ids, err = tx.PublishDue(ctx, now)
		return err
	})
	if err != nil {
		if ctx.Err() == nil {
			p.log.Error("publishing scheduled articles failed", "err", err)
		}
		return 5 * time.Second
	}
	if len(ids) > 0 {
		p.log.Info("published scheduled articles", "count", len(ids), "ids", ids)
	}
	next, err := p.store.NextScheduled(ctx)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return maxSleep
	case err != nil:
		if ctx.Err() == nil {
			p.log.Error("reading the schedule failed", "err", err)
		}
		return 5 * time.Second
	}
	return min(max(next.Sub(p.now()), 0), maxSleep)
}
