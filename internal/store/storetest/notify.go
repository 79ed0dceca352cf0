package storetest

import (
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// recorder keeps what a subscriber heard; stores may call it from any goroutine.
type recorder struct {
	mu      sync.Mutex
	changes []store.Change
}

func (r *recorder) record(cs []store.Change) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.changes = append(r.changes, cs...)
}

func (r *recorder) has(want store.Change) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.ContainsFunc(r.changes, func(c store.Change) bool {
		return c.Topic == want.Topic && slices.Equal(sorted(c.IDs), sorted(want.IDs))
	})
}

func (r *recorder) hasTopic(topic store.Topic) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.ContainsFunc(r.changes, func(c store.Change) bool { return c.Topic == topic })
}

// waitFor polls cond, since subscribers may hear of a change on another goroutine.
func waitFor(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			tb.Fatalf("waited 5s for %s", what)
		}
	}
}

func testSubscribe(t *testing.T, e *env) {
	ctx := t.Context()
	var first, second recorder
	cancelFirst := e.st.Subscribe(first.record)
	cancelSecond := e.st.Subscribe(second.record)
	defer cancelSecond()

	// A subscriber must see the data it is told about: the change comes after the commit.
	var visible, notVisible recorder
	cancelCheck := e.st.Subscribe(func(cs []store.Change) {
		for _, c := range cs {
			if c.Topic != store.TopicTaxonomy {
				continue
			}
			if _, err := e.st.Tag(ctx, "fr", "greve"); err == nil {
				visible.record([]store.Change{c})
			} else {
				notVisible.record([]store.Change{c})
			}
		}
	})
	tag := mustTag(t, e.st, "fr", "greve")
	taxonomy := store.Change{Topic: store.TopicTaxonomy, IDs: []int64{tag.ID}}
	waitFor(t, "the tag change", func() bool { return first.has(taxonomy) && second.has(taxonomy) })
	waitFor(t, "the check of the tag", func() bool { return visible.has(taxonomy) || notVisible.has(taxonomy) })
	if notVisible.has(taxonomy) {
		t.Error("a subscriber was told of a tag it could not read yet")
	}
	cancelCheck()

	a := mustArticle(t, e.st, newArticle("fr", "a", e.now()))
	waitFor(t, "the article change", func() bool { return first.has(store.Change{Topic: store.TopicArticle, IDs: []int64{a.ID}}) })
	mustPutSite(t, e.st, content.Site{Name: "N", Langs: []content.Lang{"fr"}, Location: time.UTC})
	waitFor(t, "the site change", func() bool { return first.hasTopic(store.TopicSite) })

	// Nothing is told of a rolled-back Update. A later commit shows that delivery works.
	var rolled recorder
	cancelRolled := e.st.Subscribe(rolled.record)
	defer cancelRolled()
	boom := errors.New("boom")
	err := e.st.Update(ctx, func(tx store.Tx) error {
		if err := tx.PutSite(ctx, content.Site{Name: "Gone", Langs: []content.Lang{"fr"}, Location: time.UTC}); err != nil {
			return err
		}
		if err := tx.CreateArticle(ctx, newArticle("fr", "gone", e.now())); err != nil {
			return err
		}
		return boom
	})
	checkErr(t, "rolled-back Update", err, boom)
	marker := mustTag(t, e.st, "fr", "marker")
	waitFor(t, "the marker change", func() bool { return rolled.has(store.Change{Topic: store.TopicTaxonomy, IDs: []int64{marker.ID}}) })
	if rolled.hasTopic(store.TopicSite) || rolled.hasTopic(store.TopicArticle) {
		t.Error("a subscriber heard of a rolled-back Update")
	}

	// After cancel, the first subscriber hears nothing more; the second still does.
	cancelFirst()
	late := mustTag(t, e.st, "fr", "late")
	lateChange := store.Change{Topic: store.TopicTaxonomy, IDs: []int64{late.ID}}
	waitFor(t, "the late change", func() bool { return second.has(lateChange) })
	if first.has(lateChange) {
		t.Error("a cancelled subscriber was still called")
	}

	// The scheduler's publications are article changes too.
	s := mustArticle(t, e.st, scheduled("s", e.now().Add(time.Minute)))
	e.clock.Advance(time.Hour)
	mustPublishDue(t, e.st, e.clock.Now())
	waitFor(t, "the publication", func() bool {
		return second.has(store.Change{Topic: store.TopicArticle, IDs: []int64{s.ID}}) && countArticleChanges(&second, s.ID) == 2
	})
}

// countArticleChanges counts the article changes that name id.
func countArticleChanges(r *recorder, id int64) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, c := range r.changes {
		if c.Topic == store.TopicArticle && slices.Contains(c.IDs, id) {
			n++
		}
	}
	return n
}
