package sqlstore

import (
	"errors"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/testkit"
)

// TestSQLiteChangesReachOtherProcesses opens one data directory twice, as a running
// site and a command-line import do: a change committed by one reaches the other's
// subscribers within a second, once; a rolled-back one reaches nobody.
func TestSQLiteChangesReachOtherProcesses(t *testing.T) {
	dir := t.TempDir()
	open := func() *DB {
		db, err := OpenSQLite(t.Context(), dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	site, importer := open(), open()
	heardSite, heardImporter := listen(site), listen(importer)

	tag := mustTag(t, importer, "greve")
	testkit.Within(t, time.Second, "the site hears of the import's tag", func() bool { return heardSite.count(aboutTag(tag.ID)) == 1 })

	boom := errors.New("boom")
	err := importer.Update(t.Context(), func(tx store.Tx) error {
		tx.Affect(content.KeyLatest("nl"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	all := mustExecChange(t, importer, func(tx store.Tx) error { tx.AffectAll(); return nil })
	testkit.Within(t, time.Second, "the site hears that everything changed", func() bool { return heardSite.count(isEverything) == 1 })
	if n := heardSite.count(func(c store.Change) bool { return len(c.Keys) == 1 && c.Keys[0] == content.KeyLatest("nl") }); n != 0 {
		t.Error("a rolled-back change reached the other process")
	}
	if n := heardImporter.count(aboutTag(tag.ID)); n != 1 || all != nil {
		t.Errorf("the importer heard its own change %d times, want once", n)
	}

}

// TestSQLiteReaderBehindTheLog: a process that fell behind the log's end (stopped in a
// debugger, a machine asleep) cannot know what it missed and hears that everything may
// have changed.
func TestSQLiteReaderBehindTheLog(t *testing.T) {
	dir := t.TempDir()
	writer, err := OpenSQLite(t.Context(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { writer.Close() })
	mustExecChange(t, writer, func(tx store.Tx) error { tx.Affect(content.KeyPerson(1)); return nil })
	behind, err := OpenSQLite(t.Context(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { behind.Close() })
	heard := listen(behind)
	peers := behind.peers.(*logPeers)
	peers.mu.Lock() // the reader waits while the log moves on
	for range keepChanges + 100 {
		mustExecChange(t, writer, func(tx store.Tx) error { tx.Affect(content.KeyPerson(2)); return nil })
	}
	peers.mu.Unlock()
	testkit.Within(t, 5*time.Second, "the late reader starts over", func() bool { return heard.count(isEverything) == 1 })
}

func mustExecChange(t *testing.T, db *DB, fn func(store.Tx) error) error {
	t.Helper()
	if err := db.Update(t.Context(), fn); err != nil {
		t.Fatal(err)
	}
	return nil
}
