package demo

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
)

// batchSize is how many articles one write transaction holds: large enough that commits
// (an fsync each) cost little, small enough that readers never wait long.
const batchSize = 1000

// batch is a run of consecutive articles. The planner fills jobs, workers fill arts, and
// the writer commits them in order once pending reaches zero.
type batch struct {
	jobs    []*job
	arts    []*content.Article
	pending sync.WaitGroup
}

type workItem struct {
	b *batch
	i int
}

// runPipeline plans articles on one goroutine, renders them on workers and writes them
// from the calling goroutine. It returns the ID of every article by plan index.
//
// The single writer is the critical path: SQLite takes one writer at a time and spends
// about as long storing an article as a worker spends rendering it. So the writer keeps a
// CPU to itself and the others render (on two CPUs, 100,000 articles took 44 s with two
// workers and 38 s with one). Up to a few batches are rendered ahead so that the writer
// never waits while a worker catches up after a garbage collection.
func runPipeline(ctx context.Context, ed *editorial.Service, p *planner, opts Options) (Stats, []int64, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	work := make(chan workItem, batchSize)
	batches := make(chan *batch, 4)
	var wg sync.WaitGroup
	wg.Go(func() { feed(ctx, p, opts.Articles, work, batches) })
	for range max(1, runtime.GOMAXPROCS(0)-1) {
		wg.Go(func() { renderAll(ctx, cancel, ed, work) })
	}
	stats, ids, err := writeAll(ctx, ed, batches, opts.Articles, newBar(opts.Progress, opts.Articles))
	if err != nil {
		cancel(err)
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return stats, nil, err
	}
	return stats, ids, nil
}

// feed plans the articles in order, hands each to the workers, and passes every batch to
// the writer once all its articles are handed out, so that the writer's wait on it ends.
func feed(ctx context.Context, p *planner, n int, work chan<- workItem, batches chan<- *batch) {
	defer close(batches)
	defer close(work)
	for start := 0; start < n; start += batchSize {
		b := &batch{}
		for i := start; i < min(start+batchSize, n); i++ {
			b.jobs = append(b.jobs, p.plan(i))
		}
		b.arts = make([]*content.Article, len(b.jobs))
		b.pending.Add(len(b.jobs))
		for i := range b.jobs {
			select {
			case work <- workItem{b, i}:
			case <-ctx.Done():
				return
			}
		}
		select {
		case batches <- b:
		case <-ctx.Done():
			return
		}
	}
}

// renderAll builds articles until work runs out. After a failure it only marks items done,
// so that nobody waits forever on a batch.
func renderAll(ctx context.Context, cancel context.CancelCauseFunc, r typesetter, work <-chan workItem) {
	for it := range work {
		if ctx.Err() == nil {
			a, err := build(r, it.b.jobs[it.i])
			if err != nil {
				cancel(err)
			}
			it.b.arts[it.i] = a
		}
		it.b.pending.Done()
	}
}

// build typesets a job into an article, leaving StoryID and RelatedIDs to the writer.
func build(r typesetter, j *job) (*content.Article, error) {
	st := j.story
	a := &content.Article{
		Kind: st.kind, Lang: langs[j.lang], Slug: j.slug,
		Title: j.title, Standfirst: j.standfirst, Signature: j.signature,
		Body: j.body(), SectionID: st.section,
		Status: j.status, Featured: j.featured, PublishAt: j.publishAt, PhotoID: j.photoID,
		AuthorIDs: st.authors, TagIDs: j.tagIDs, ContactIDs: st.contacts,
	}
	if err := r.Typeset(a); err != nil {
		return nil, fmt.Errorf("article %d: %w", j.index, err)
	}
	if j.status != content.StatusScheduled {
		// Written when it went out, not when the demo ran: pages show no "updated" line.
		a.CreatedAt, a.UpdatedAt = j.publishAt, j.publishAt
	}
	return a, nil
}

// writeAll commits batches in order, one transaction each.
func writeAll(ctx context.Context, ed *editorial.Service, batches <-chan *batch, n int, bar *progressbar.ProgressBar) (Stats, []int64, error) {
	var stats Stats
	ids := make([]int64, n)
	for b := range batches {
		b.pending.Wait()
		if err := ctx.Err(); err != nil {
			return stats, nil, context.Cause(ctx)
		}
		// Cancellation is checked between transactions only: with a cancellable context the
		// SQLite driver starts a watcher goroutine for every statement, which costs more
		// than a whole batch takes to commit.
		wctx := context.WithoutCancel(ctx)
		err := ed.Bulk(wctx, actor, func(eb *editorial.Batch) error { return writeBatch(eb, b, ids, &stats) })
		if err != nil {
			return stats, nil, err
		}
		if bar != nil {
			bar.Add(len(b.jobs))
		}
	}
	return stats, ids, nil
}

func writeBatch(eb *editorial.Batch, b *batch, ids []int64, stats *Stats) error {
	for i, a := range b.arts {
		j := b.jobs[i]
		if j.translation() {
			a.StoryID = ids[j.story.first]
		}
		for _, x := range j.related {
			a.RelatedIDs = append(a.RelatedIDs, ids[x])
		}
		if err := eb.CreateArticle(a); err != nil {
			return fmt.Errorf("article %s/%s: %w", a.Lang, a.Slug, err)
		}
		ids[j.index] = a.ID
		if len(j.album) > 0 {
			if err := eb.SetAlbum(a.ID, j.album); err != nil {
				return fmt.Errorf("album of %s/%s: %w", a.Lang, a.Slug, err)
			}
		}
		stats.count(a, j.translation())
	}
	return nil
}

// newBar draws progress on w; nil when w is.
func newBar(w io.Writer, n int) *progressbar.ProgressBar {
	if w == nil {
		return nil
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("Demo articles"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }),
	)
}
