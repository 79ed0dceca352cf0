package sqlstore

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/testkit"
)

// heard keeps what a subscriber was told, from whatever goroutine.
type heard struct {
	mu      sync.Mutex
	changes []store.Change
}

func listen(db *DB) *heard {
	h := &heard{}
	db.Subscribe(func(c store.Change) {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.changes = append(h.changes, c)
	})
	return h
}

// count returns how many changes match.
func (h *heard) count(match func(store.Change) bool) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, c := range h.changes {
		if match(c) {
			n++
		}
	}
	return n
}

func aboutTag(id int64) func(store.Change) bool {
	return func(c store.Change) bool { return !c.All && slices.Equal(c.Keys, []content.Key{content.KeyTag(id)}) }
}

func isEverything(c store.Change) bool { return c.All && len(c.Keys) == 0 }

func isTagChange(c store.Change) bool {
	return len(c.Keys) == 1 && strings.HasPrefix(string(c.Keys[0]), string(content.KeyTag(0))[:4])
}

func mustTag(t *testing.T, db *DB, slug string) content.Tag {
	t.Helper()
	tag := content.Tag{Lang: "fr", Slug: slug, Name: slug}
	if err := db.Update(t.Context(), func(tx store.Tx) error {
		if err := tx.CreateTag(t.Context(), &tag); err != nil {
			return err
		}
		tx.Affect(content.KeyTag(tag.ID))
		return nil
	}); err != nil {
		t.Fatalf("creating tag %s: %v", slug, err)
	}
	return tag
}

// TestPostgresNotifyOtherInstances has two instances of one site, and a third site in
// another schema of the same database.
func TestPostgresNotifyOtherInstances(t *testing.T) {
	site := newTestSchema(t)
	a, b := mustOpenPostgres(t, site, Options{}), mustOpenPostgres(t, site, Options{})
	other := mustOpenPostgres(t, newTestSchema(t), Options{})
	heardA, heardB := listen(a), listen(b)

	otherTag := mustTag(t, other, "elsewhere")
	tag := mustTag(t, a, "greve")
	testkit.Within(t, time.Second, "b hears of a's tag", func() bool { return heardB.count(aboutTag(tag.ID)) == 1 })
	// a's own change was delivered after its commit; the notification must not repeat it.
	// A change b makes after it reaches a's listener after a's own notification would
	// have (PostgreSQL delivers notifications in the order their transactions committed):
	// once a hears b's, a repeat would have been heard.
	echo := content.Key("test:after-greve")
	if err := b.Update(t.Context(), func(tx store.Tx) error { tx.Affect(echo); return nil }); err != nil {
		t.Fatal(err)
	}
	testkit.Within(t, time.Second, "a hears of b's change", func() bool {
		return heardA.count(func(c store.Change) bool { return slices.Contains(c.Keys, echo) }) == 1
	})
	if n := heardA.count(aboutTag(tag.ID)); n != 1 {
		t.Errorf("a heard of its own tag %d times, want once", n)
	}
	// IDs start at 1 in every schema, so the other site's tag has the ID of a's: hearing
	// of it would count twice.
	if otherTag.ID != tag.ID {
		t.Fatalf("tags %d and %d: the check below needs equal IDs", otherTag.ID, tag.ID)
	}
	if n := heardB.count(aboutTag(tag.ID)); n != 1 {
		t.Errorf("b heard of tag %d %d times, want once: another site's changes reached it", tag.ID, n)
	}

	// A rolled-back Update tells nobody.
	failed := fmt.Errorf("given up")
	err := a.Update(t.Context(), func(tx store.Tx) error {
		if err := tx.CreateTag(t.Context(), &content.Tag{Lang: "fr", Slug: "rolled-back", Name: "R"}); err != nil {
			return err
		}
		return failed
	})
	if err != failed {
		t.Fatalf("Update: %v", err)
	}
	marker := mustTag(t, a, "marker")
	testkit.Within(t, time.Second, "b hears of the marker", func() bool { return heardB.count(aboutTag(marker.ID)) == 1 })
	if n := heardB.count(isTagChange); n != 2 {
		t.Errorf("b heard of %d taxonomy changes, want 2 (greve and marker)", n)
	}
}

// TestPostgresNotifyTooManyChanges: a change naming more keys than a notification can
// carry becomes "everything changed", which the other instance hears instead of nothing.
func TestPostgresNotifyTooManyChanges(t *testing.T) {
	site := newTestSchema(t)
	a, b := mustOpenPostgres(t, site, Options{}), mustOpenPostgres(t, site, Options{})
	heardA, heardB := listen(a), listen(b)
	const tags = 1000
	var keys []content.Key
	for i := range tags {
		keys = append(keys, content.KeyArticle(int64(1000000+i)))
	}
	err := a.Update(t.Context(), func(tx store.Tx) error {
		tx.Affect(keys...)
		return nil
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	testkit.Within(t, time.Second, "b hears that everything changed", func() bool { return heardB.count(isEverything) == 1 })
	if n := heardA.count(isEverything); n != 1 {
		t.Errorf("a heard that everything changed %d times, want once", n)
	}
	p := a.peers.(*pgPeers).payload(store.Change{Keys: keys, Jobs: true})
	if len(p) > maxPayload || !strings.Contains(p, `"a":true`) || !strings.Contains(p, `"j":true`) {
		t.Errorf("payload of %d bytes: %.100s", len(p), p)
	}
}

// TestPostgresListenerReconnects kills the listener's server process, as a restart or a
// network cut would: it must come back, tell subscribers that they may have missed
// changes, and hear later ones again.
func TestPostgresListenerReconnects(t *testing.T) {
	site := newTestSchema(t)
	a, b := mustOpenPostgres(t, site, Options{}), mustOpenPostgres(t, site, Options{})
	heardB := listen(b)
	before := mustTag(t, a, "before")
	testkit.Within(t, time.Second, "b hears before the cut", func() bool { return heardB.count(aboutTag(before.ID)) == 1 })

	pid := b.peers.(*pgPeers).pid.Load()
	mustExec(t, testPostgresURL(t), `SELECT pg_terminate_backend($1)`, int64(pid))
	testkit.Within(t, 5*time.Second, "b's listener reconnects and says everything may have changed", func() bool {
		return heardB.count(isEverything) == 1
	})
	if b.peers.(*pgPeers).pid.Load() == pid {
		t.Errorf("the listener still reports server process %d", pid)
	}
	after := mustTag(t, a, "after")
	testkit.Within(t, time.Second, "b hears after the cut", func() bool { return heardB.count(aboutTag(after.ID)) == 1 })
}

// TestPostgresCloseStopsListener checks that Close returns promptly and that the
// listener's connection is gone.
func TestPostgresCloseStopsListener(t *testing.T) {
	db, err := OpenPostgres(t.Context(), newTestSchema(t), Options{})
	if err != nil {
		t.Fatalf("OpenPostgres: %v", err)
	}
	pid := db.peers.(*pgPeers).pid.Load()
	start := time.Now()
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Close took %v", d)
	}
	testkit.Within(t, 5*time.Second, "the listener's server process ends", func() bool {
		return mustQueryInt(t, `SELECT COUNT(*) FROM pg_stat_activity WHERE pid = $1`, int64(pid)) == 0
	})
}

// A silent network partition sends no error: the listener notices within about two
// seconds that the server no longer answers, says it cannot hear, and hears again soon
// after the partition heals, telling its subscribers that everything may have changed.
func TestListenerNoticesASilentPartition(t *testing.T) {
	proxy, viaProxy := pgtest.NewProxy(t, newTestSchema(t))
	db := mustOpenPostgres(t, viaProxy, Options{})
	heard := listen(db)
	if !db.Hearing() {
		t.Fatal("not hearing after opening")
	}
	proxy.Stall()
	stalled := time.Now()
	testkit.Until(t, "the store says it cannot hear others", func() bool { return !db.Hearing() })
	t.Logf("deaf %v after the partition began", time.Since(stalled).Round(time.Millisecond))
	if d := time.Since(stalled); d > quietProbe+probeTimeout+time.Second {
		t.Errorf("noticed the partition after %v", d)
	}
	proxy.Restore()
	healed := time.Now()
	testkit.Until(t, "the store hears again", db.Hearing)
	t.Logf("hearing %v after the partition healed", time.Since(healed).Round(time.Millisecond))
	if heard.count(isEverything) == 0 {
		t.Error("subscribers were not told that everything may have changed")
	}
}
