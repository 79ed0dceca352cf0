//go:build linux

package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/roneo/roneo/internal/testkit"
)

// smallDisk mounts a file system of size bytes for the test. Where this process may not
// mount one (not root), the test is skipped and the skip reported, or fails in CI,
// which runs as root: see testkit.Missing.
func smallDisk(t *testing.T, size int64) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+strconv.FormatInt(size, 10)); err != nil {
		testkit.Missing(t, "cannot mount a small file system here (%v): a full disk is tested only where the tests may mount one (as root)", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	return dir
}

// When a disk fills up in the middle of a restore (the free-space check was wrong, or
// something else took the room), the restore says so and leaves nothing behind.
func TestRestoreOnFullDisk(t *testing.T) {
	t.Parallel()
	src := demoDir(t, "60")
	archive := filepath.Join(t.TempDir(), "site.tar.gz")
	mustRun(t, "backup", "--data", src, "--to", archive)
	size := archiveDBSize(t, archive)
	disk := smallDisk(t, size*12/5)
	into := filepath.Join(disk, "site")
	c := restoreCommand{data: dataFlags{Dir: into}, from: archive, freeSpace: fixedSpace(1 << 40)}
	err := c.run(context.Background(), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "a disk is full") || !strings.Contains(err.Error(), "wrote nothing") {
		t.Fatalf("a restore onto a full disk: %v", err)
	}
	t.Log(err)
	checkNothingRestored(t, into)
}

// A backup that fills its disk says so and leaves neither a partial archive nor its
// snapshot.
func TestBackupOnFullDisk(t *testing.T) {
	t.Parallel()
	src := demoDir(t, "60")
	disk := smallDisk(t, 256<<10)
	to := filepath.Join(disk, "b.tar.gz")
	var out, errs strings.Builder
	err := run(context.Background(), []string{"backup", "--data", src, "--to", to}, &out, &errs)
	if err == nil || !strings.Contains(err.Error(), "a disk is full") || !strings.Contains(err.Error(), "no backup was written") {
		t.Fatalf("a backup onto a full disk: %v", err)
	}
	t.Log(err)
	if entries, _ := os.ReadDir(disk); len(entries) > 0 {
		t.Errorf("left behind: %v", entries)
	}
}
