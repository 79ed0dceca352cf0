package editorial

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// JobPublishDue is the job that publishes the scheduled articles whose time has come.
// One is queued for each time an article is scheduled at, in the transaction that
// schedules it, so an embargo lifts at its minute on whichever instance claims the job,
// and survives the death of any of them.
const JobPublishDue = "publish.due"

// maxDueRounds bounds the looks at the schedule of one run; the job queued for the
// next time takes what is left.
const maxDueRounds = 10

// scheduler is the actor of publications nobody clicked.
var scheduler = System("scheduler")

// queuePublication queues the job that publishes a when its time comes. Jobs for the
// same time are one job.
func (s *Service) queuePublication(ctx context.Context, tx store.Tx, a *content.Article) error {
	if a.Status != content.StatusScheduled || !a.DeletedAt.IsZero() {
		return nil
	}
	_, err := tx.EnqueueJob(ctx, store.NewJob{Kind: JobPublishDue, RunAt: a.PublishAt,
		Key: strconv.FormatInt(a.PublishAt.Unix(), 10)})
	return err
}

// QueueSchedule queues the publication of whatever is scheduled, at the earliest time:
// serve calls it at start, so that articles scheduled before jobs existed, or whose job
// was given up, are not forgotten.
func (s *Service) QueueSchedule(ctx context.Context) error {
	return s.update(ctx, func(tx store.Tx) error { return s.queueNext(ctx, tx) })
}

// queueNext queues the job for the earliest scheduled article, if any. A time already
// past (an article scheduled meanwhile for a past minute, by an import) gets a job of
// its own with no key: the running job may hold that time's key, and a duplicate of a
// running job is dropped.
func (s *Service) queueNext(ctx context.Context, tx store.Tx) error {
	next, err := tx.NextScheduled(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	j := store.NewJob{Kind: JobPublishDue, RunAt: next, Key: strconv.FormatInt(next.Unix(), 10)}
	if !next.After(s.now()) {
		j.Key = ""
	}
	_, err = tx.EnqueueJob(ctx, j)
	return err
}

// PublishDue publishes every scheduled article whose time has come, through the same
// step as an editor's "publish" (one transaction each, with its revision, its audit
// entry and its keys), and queues the job for the next one. Several instances may run
// it at once: an article is published once, by whichever saves it first.
func (s *Service) PublishDue(ctx context.Context) ([]int64, error) {
	var published []int64
	// Until nothing is due: what is scheduled for a past minute while this runs is
	// published by this run.
	for round := 0; round < maxDueRounds; round++ {
		now := s.now()
		var due []int64
		if err := s.update(ctx, func(tx store.Tx) (err error) {
			due, err = tx.DueArticles(ctx, now)
			return err
		}); err != nil {
			return published, fmt.Errorf("due articles: %w", err)
		}
		if len(due) == 0 {
			break
		}
		for _, id := range due {
			ok, err := s.publishOne(ctx, id, now)
			if err != nil {
				return published, fmt.Errorf("publishing article %d: %w", id, err)
			}
			if ok {
				published = append(published, id)
			}
		}
	}
	if err := s.update(ctx, func(tx store.Tx) error { return s.queueNext(ctx, tx) }); err != nil {
		return published, err
	}
	return published, nil
}

// publishOne publishes a scheduled article whose time has come, unless someone else
// published, moved or trashed it meanwhile.
func (s *Service) publishOne(ctx context.Context, id int64, now time.Time) (bool, error) {
	done := false
	err := s.update(ctx, func(tx store.Tx) error {
		stored, err := tx.ArticleByID(ctx, id)
		if err != nil {
			return err
		}
		if stored.Status != content.StatusScheduled || stored.PublishAt.After(now) || !stored.DeletedAt.IsZero() {
			return nil
		}
		a := *stored
		if err := a.Apply(content.Publish, now); err != nil {
			return err
		}
		a.UpdatedBy = 0
		done = true
		return s.writeArticle(ctx, tx, scheduler, stored, &a, ArticleInput{}, "article.publish", a.Title)
	})
	if errors.Is(err, store.ErrConflict) {
		// Another instance published it first: a stale version, or the same original
		// revision of an imported article written by both.
		return false, nil
	}
	return done && err == nil, err
}
