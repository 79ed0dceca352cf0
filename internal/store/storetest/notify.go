package storetest

import (
	"errors"
	"fmt"
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

func (r *recorder) record(c store.Change) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.changes = append(r.changes, c)
}

// has reports whether a change like want was heard.
func (r *recorder) has(want store.Change) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.ContainsFunc(r.changes, func(c store.Change) bool { return sameChange(c, want) })
}

func (r *recorder) heard() []store.Change {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.changes)
}

func sameChange(a, b store.Change) bool {
	return a.All == b.All && a.Jobs == b.Jobs && slices.Equal(a.Keys, b.Keys)
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

// all is what a change that named nothing, or everything, tells.
var all = store.Change{All: true}

func testSubscribe(t *testing.T, e *env) {
	ctx := t.Context()
	var first, second recorder
	cancelFirst := e.st.Subscribe(first.record)
	cancelSecond := e.st.Subscribe(second.record)
	defer cancelSecond()

	// A subscriber must see the data it is told about: the change comes after the commit.
	var visible, notVisible recorder
	cancelCheck := e.st.Subscribe(func(c store.Change) {
		if _, err := e.st.Tag(ctx, "fr", "greve"); err == nil {
			visible.record(c)
		} else {
			notVisible.record(c)
		}
	})
	mustTag(t, e.st, "fr", "greve")
	waitFor(t, "the tag change", func() bool { return first.has(all) && second.has(all) })
	waitFor(t, "the check of the tag", func() bool { return len(visible.heard())+len(notVisible.heard()) > 0 })
	if len(notVisible.heard()) > 0 {
		t.Error("a subscriber was told of a tag it could not read yet")
	}
	cancelCheck()

	// A change that names its keys tells them, sorted, and nothing more.
	keyed := store.Change{Keys: []content.Key{content.KeyArticle(7), content.KeyLatest("fr")}}
	MustUpdate(t, e.st, func(tx store.Tx) error {
		tx.Affect(content.KeyLatest("fr"), content.KeyArticle(7))
		return tx.CreateArticle(ctx, newArticle("fr", "a", e.now()))
	})
	waitFor(t, "the keyed change", func() bool { return first.has(keyed) })

	// Nothing is told of a rolled-back Update. A later commit shows that delivery works.
	var rolled recorder
	cancelRolled := e.st.Subscribe(rolled.record)
	defer cancelRolled()
	boom := errors.New("boom")
	err := e.st.Update(ctx, func(tx store.Tx) error {
		tx.Affect(content.KeyArticle(99))
		if err := tx.CreateArticle(ctx, newArticle("fr", "gone", e.now())); err != nil {
			return err
		}
		return boom
	})
	checkErr(t, "rolled-back Update", err, boom)
	marker := store.Change{Keys: []content.Key{content.KeyTag(1)}}
	MustUpdate(t, e.st, func(tx store.Tx) error { tx.Affect(content.KeyTag(1)); return nil })
	waitFor(t, "the marker change", func() bool { return rolled.has(marker) })
	if got := rolled.heard(); len(got) != 1 {
		t.Errorf("after a rollback and one commit, a subscriber heard %+v", got)
	}

	// After cancel, the first subscriber hears nothing more; the second still does.
	cancelFirst()
	late := store.Change{Keys: []content.Key{content.KeyPerson(5)}}
	MustUpdate(t, e.st, func(tx store.Tx) error { tx.Affect(content.KeyPerson(5)); return nil })
	waitFor(t, "the late change", func() bool { return second.has(late) })
	if first.has(late) {
		t.Error("a cancelled subscriber was still called")
	}
}

// testAffectedKeys: what a transaction tells depends on what it named.
func testAffectedKeys(t *testing.T, e *env) {
	ctx := t.Context()
	var heard recorder
	defer e.st.Subscribe(heard.record)()
	expect := func(what string, want store.Change, fn func(tx store.Tx) error) {
		t.Helper()
		before := len(heard.heard())
		MustUpdate(t, e.st, fn)
		waitFor(t, what, func() bool { return len(heard.heard()) > before })
		if got := heard.heard()[before]; !sameChange(got, want) {
			t.Errorf("%s: heard %+v, want %+v", what, got, want)
		}
	}
	expect("settings, which name everything", all, func(tx store.Tx) error {
		tx.AffectAll()
		return tx.PutSite(ctx, content.Site{Name: "N", Langs: []content.Lang{"fr"}, Location: time.UTC})
	})
	expect("a write that names no keys", all, func(tx store.Tx) error {
		return tx.CreateArticle(ctx, newArticle("fr", "unnamed", e.now()))
	})
	expect("a job queued with a keyed change", store.Change{Keys: []content.Key{content.KeyLatest("nl")}, Jobs: true},
		func(tx store.Tx) error {
			tx.Affect(content.KeyLatest("nl"))
			_, err := tx.EnqueueJob(ctx, store.NewJob{Kind: "test"})
			return err
		})
	expect("too many keys to name", all, func(tx store.Tx) error {
		for i := range 5000 {
			tx.Affect(content.KeyArticle(int64(i)))
		}
		return nil
	})
	// Writes that no public page shows tell nothing.
	MustUpdate(t, e.st, func(tx store.Tx) error {
		return tx.Audit(ctx, store.AuditEntry{Action: "test"})
	})
	mark := store.Change{Keys: []content.Key{content.Key(fmt.Sprint("mark"))}}
	expect("a marker", mark, func(tx store.Tx) error { tx.Affect("mark"); return nil })
	for _, c := range heard.heard() {
		if c.Empty() {
			t.Errorf("an empty change was told: %+v", c)
		}
	}
}
