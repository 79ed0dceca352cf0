package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// archiveDBSize is the size of the database inside a backup archive.
func archiveDBSize(t *testing.T, archive string) int64 {
	t.Helper()
	size := int64(-1)
	rewriteArchive(t, archive, "", func(name string, data []byte) []byte {
		if name == databaseName {
			size = int64(len(data))
		}
		return data
	})
	if size < 0 {
		t.Fatalf("no database in %s", archive)
	}
	return size
}

// fixedSpace says every directory is on one file system with free bytes free.
func fixedSpace(free uint64) func(string) (diskSpace, bool, error) {
	return func(string) (diskSpace, bool, error) { return diskSpace{Free: free, Device: 1}, true, nil }
}

// checkNothingRestored fails if a restore into dir left rows, media or its work.
func checkNothingRestored(t *testing.T, dir string) {
	t.Helper()
	for _, s := range checksums(t, "sqlite:"+dir) {
		if s.Rows != 0 {
			t.Errorf("%s holds %d rows", s.Table, s.Rows)
		}
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && (strings.HasPrefix(d.Name(), ".roneo-restore-") || !d.IsDir() && strings.Contains(p, "/media/")) {
			t.Errorf("left behind: %s", p)
		}
		return nil
	})
}

// A restore needs room for the archive's database unpacked, and about twice its size
// for the restored database and its write-ahead log: without it, it refuses before
// writing anything.
func TestRestoreChecksFreeSpace(t *testing.T) {
	t.Parallel()
	src := demoDir(t, "30")
	archive := filepath.Join(t.TempDir(), "site.tar.gz")
	mustRun(t, "backup", "--data", src, "--to", archive)
	size := uint64(archiveDBSize(t, archive))
	into := t.TempDir()
	c := restoreCommand{data: dataFlags{Dir: into}, from: archive, freeSpace: fixedSpace(size * 5 / 2)}
	err := c.run(context.Background(), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "not enough free space in "+into) || !strings.Contains(err.Error(), "is free") {
		t.Fatalf("a restore without room: %v", err)
	}
	t.Log(err)
	checkNothingRestored(t, into)
	c.freeSpace = fixedSpace(size * 7 / 2)
	if err := c.run(context.Background(), io.Discard, io.Discard); err != nil {
		t.Fatalf("a restore with room: %v", err)
	}
	sameChecksums(t, "restored with room", checksums(t, "sqlite:"+src), checksums(t, "sqlite:"+into))
}

// walSize is the size of the write-ahead log of the SQLite database in dir.
func walSize(t *testing.T, dir string) int64 {
	t.Helper()
	info, err := os.Stat(filepath.Join(dir, "roneo.db-wal"))
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}

// The site keeps its database open while a backup reads it and writers fill the
// write-ahead log; after the backup, the log is empty again.
func TestBackupEmptiesTheLog(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := demoDir(t, "20")
	site, err := openLocation(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	for i := range 200 {
		err := site.Update(ctx, func(tx store.Tx) error {
			return tx.CreateArticle(ctx, &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: "wal-" + string(rune('a'+i%26)) + strings.Repeat("x", i/26),
				Title: "Journal", Body: strings.Repeat("texte ", 200), Status: content.StatusDraft})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	before := walSize(t, dir)
	if before == 0 {
		t.Fatal("the writes left no write-ahead log to empty")
	}
	mustRun(t, "backup", "--data", dir, "--to", filepath.Join(t.TempDir(), "b.tar.gz"))
	if after := walSize(t, dir); after != 0 {
		t.Errorf("the write-ahead log holds %d bytes after the backup (%d before)", after, before)
	}
}

// A restore folds the write-ahead log that carried the whole database into the
// database file: a server already open on the data directory finds no log as large as
// the site.
func TestRestoreEmptiesTheLog(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src := demoDir(t, "60")
	archive := filepath.Join(t.TempDir(), "site.tar.gz")
	mustRun(t, "backup", "--data", src, "--to", archive)
	into := t.TempDir()
	server, err := openLocation(ctx, into)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	mustRun(t, "restore", "--from", archive, "--data", into)
	if n := walSize(t, into); n != 0 {
		t.Errorf("the write-ahead log holds %d bytes after the restore", n)
	}
	sameChecksums(t, "restored", checksums(t, "sqlite:"+src), checksums(t, "sqlite:"+into))
}
