package storetest

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// testConcurrentReadWrite has writers do read-then-write transactions on one article
// while readers keep reading: the pattern that fails with SQLITE_BUSY when writers take
// their lock late. No error may surface, and no increment may be lost.
func testConcurrentReadWrite(t *testing.T, e *env) {
	const writers, updates, readers = 8, 50, 4
	counter := newArticle("fr", "counter", e.now())
	counter.Body = "0"
	mustArticle(t, e.st, counter)

	done := make(chan struct{})
	var writing, reading sync.WaitGroup
	for w := range writers {
		writing.Go(func() {
			for i := range updates {
				if err := incrementCounter(t.Context(), e.st, fmt.Sprintf("w%d-%d", w, i)); err != nil {
					t.Errorf("writer %d, update %d: %v", w, i, err)
					return
				}
			}
		})
	}
	for r := range readers {
		reading.Go(func() {
			if err := readUntil(t.Context(), e.st, done); err != nil {
				t.Errorf("reader %d: %v", r, err)
			}
		})
	}
	writing.Wait()
	close(done)
	reading.Wait()

	got := mustReadArticle(t, e.st, "fr", "counter")
	checkEqual(t, "counter", got.Body, strconv.Itoa(writers*updates))
	checkEqual(t, "Version", got.Version, int64(1+writers*updates))
	for w := range writers {
		for i := range updates {
			if _, err := e.st.Tag(t.Context(), "fr", fmt.Sprintf("w%d-%d", w, i)); err != nil {
				t.Fatalf("tag of writer %d, update %d: %v", w, i, err)
			}
		}
	}
}

// incrementCounter reads the counter and saves it plus one, with a tag named slug, in one
// transaction. A backend may refuse a save on a version it saw change (ErrConflict); the
// writer then tries again, as the newsroom asks a person to.
func incrementCounter(ctx context.Context, st store.Store, slug string) error {
	for attempt := 0; ; attempt++ {
		err := st.Update(ctx, func(tx store.Tx) error {
			a, err := st.Article(ctx, "fr", "counter")
			if err != nil {
				return err
			}
			n, err := strconv.Atoi(a.Body)
			if err != nil {
				return err
			}
			a.Body = strconv.Itoa(n + 1)
			if err := tx.UpdateArticle(ctx, a); err != nil {
				return err
			}
			return tx.CreateTag(ctx, &content.Tag{Lang: "fr", Slug: slug, Name: slug})
		})
		if errors.Is(err, store.ErrConflict) && attempt < 100 {
			continue
		}
		return err
	}
}

// readUntil reads what the public site reads until done is closed, at least once, and
// checks that the counter never goes back and is never torn.
func readUntil(ctx context.Context, st store.Store, done <-chan struct{}) error {
	var last int64
	for n := 0; ; n++ {
		select {
		case <-done:
			if n > 0 {
				return nil
			}
		default:
		}
		a, err := st.Article(ctx, "fr", "counter")
		if err != nil {
			return err
		}
		if a.Version < last {
			return fmt.Errorf("version went back from %d to %d", last, a.Version)
		}
		if a.Body != strconv.FormatInt(a.Version-1, 10) {
			return fmt.Errorf("version %d with counter %s", a.Version, a.Body)
		}
		last = a.Version
		if _, err := st.Articles(ctx, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: 10}); err != nil {
			return err
		}
		if _, err := st.Site(ctx); err != nil {
			return err
		}
		if _, err := st.Sections(ctx); err != nil {
			return err
		}
		if _, err := st.Tag(ctx, "fr", "w0-0"); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if _, err := st.RelatedSources(ctx, a, 5); err != nil {
			return err
		}
		// Readers overlap the writers throughout; the pause keeps them from starving the
		// writers of CPU on a small machine, which only slows the test down.
		time.Sleep(time.Millisecond)
	}
}
