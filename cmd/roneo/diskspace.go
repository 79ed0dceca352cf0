package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// diskSpace is what a file system holding a directory has free, and which file system
// it is, so that two directories on one file system are counted together.
type diskSpace struct {
	Free   uint64
	Device uint64
}

// spaceNeed is room a restore needs in a directory, and what for.
type spaceNeed struct {
	dir   string
	bytes uint64
	what  string
}

// checkSpace refuses to start what would fill a disk: it adds up the needs of each file
// system and compares them with what it has free. Where the platform cannot tell
// (freeSpace says so), it lets the work go on, and a full disk is reported when it
// happens.
func checkSpace(freeSpace func(string) (diskSpace, bool, error), needs ...spaceNeed) error {
	type fs struct {
		space diskSpace
		need  uint64
		whats []string
		dir   string
	}
	byDevice := map[uint64]*fs{}
	var order []uint64
	for _, n := range needs {
		dir := existingParent(n.dir)
		space, known, err := freeSpace(dir)
		if err != nil {
			return fmt.Errorf("free space in %s: %w", dir, err)
		}
		if !known {
			continue
		}
		f := byDevice[space.Device]
		if f == nil {
			f = &fs{space: space, dir: dir}
			byDevice[space.Device] = f
			order = append(order, space.Device)
		}
		f.need += n.bytes
		f.whats = append(f.whats, n.what)
	}
	for _, dev := range order {
		f := byDevice[dev]
		if f.need > f.space.Free {
			return fmt.Errorf("not enough free space in %s: %s %s about %s there, and %s is free; free some space, or restore elsewhere",
				f.dir, andList(f.whats), plural(len(f.whats), "needs", "need"), humanBytes(int64(f.need)), humanBytes(int64(f.space.Free)))
		}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// existingParent is dir, or its nearest parent that exists: a data directory a restore
// is about to create lives on its parent's file system.
func existingParent(dir string) string {
	dir = filepath.Clean(dir)
	for {
		if _, err := os.Stat(dir); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return dir
		}
		dir = parent
	}
}
