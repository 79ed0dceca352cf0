package main

import (
	"bytes"
	"context"
	"image/jpeg"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/jobs"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/photo"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/testkit"
)

// TestDeriveJobOutlivesItsInstance: on PostgreSQL, an instance claims a photo's
// derivative job and dies without finishing it; once its lease has run out, another
// instance makes the derivatives, records them and completes the job.
func TestDeriveJobOutlivesItsInstance(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, err := openLocation(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	m, err := media.NewDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, testPicture(500, 300, 90), nil); err != nil {
		t.Fatal(err)
	}
	p, err := photo.Clean(ctx, m, &jpg, photo.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	ed := editorial.New(db, editorial.Config{Clock: time.Now})
	if _, err := ed.AddPhoto(ctx, editorial.System("test"), &p); err != nil {
		t.Fatal(err)
	}
	// The instance that dies: it holds the job, for a second, and never reports.
	const lease = time.Second
	dead, err := db.Claim(ctx, "dead-instance", []string{editorial.JobDerive}, time.Now(), lease)
	if err != nil {
		t.Fatalf("the first instance's claim: %v", err)
	}
	runCtx, stop := context.WithCancel(ctx)
	r := jobs.NewRunner(db, "second-instance", jobs.Options{Lease: lease, PollInterval: 50 * time.Millisecond, Log: slog.New(slog.DiscardHandler)})
	r.RegisterWith(editorial.JobDerive, deriveHandler(ed, m, db), jobs.KindOptions{Concurrency: 1})
	done := make(chan struct{})
	go func() { defer close(done); r.Run(runCtx) }()
	t.Cleanup(func() { stop(); <-done })

	testkit.Until(t, "the second instance records the derivatives", func() bool {
		got, err := db.PhotoByID(ctx, p.ID)
		return err == nil && slices.Equal(got.Widths, content.WantedWidths(p.Width))
	})
	for _, w := range content.WantedWidths(p.Width) {
		for _, ext := range []string{"jpg", "webp"} {
			if _, err := m.Stat(ctx, p.DerivativeName(w, ext)); err != nil {
				t.Errorf("derivative %d %s: %v", w, ext, err)
			}
		}
	}
	testkit.Until(t, "the job is done", func() bool {
		infos, err := db.Jobs(ctx, store.JobQuery{Kind: editorial.JobDerive})
		return err == nil && len(infos) == 1 && infos[0].ID == dead.ID && infos[0].State == store.JobDone && infos[0].Attempts == 2
	})
}
