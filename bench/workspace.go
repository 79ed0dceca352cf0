package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// workspace is the temporary directory holding the roneo binary, the generated data,
// nginx's configuration and document root, and every child's log.
type workspace struct {
	dir  string
	keep bool
}

func newWorkspace(keep bool) (*workspace, error) {
	dir, err := os.MkdirTemp("", "roneo-bench-")
	if err != nil {
		return nil, err
	}
	// nginx's workers drop to an unprivileged user when the benchmark runs as root:
	// they must be able to walk into the directory to reach the document root.
	if err := os.Chmod(dir, 0o711); err != nil {
		return nil, err
	}
	return &workspace{dir: dir, keep: keep}, nil
}

// path names a file or directory inside the workspace.
func (w *workspace) path(elem ...string) string {
	return filepath.Join(append([]string{w.dir}, elem...)...)
}

func (w *workspace) remove(progress io.Writer) {
	if w.keep {
		fmt.Fprintf(progress, "kept %s\n", w.dir)
		return
	}
	if err := os.RemoveAll(w.dir); err != nil {
		fmt.Fprintf(progress, "bench: remove %s: %v\n", w.dir, err)
	}
}

// moduleRoot is the directory of the go.mod above the working directory, so that the
// benchmark runs the same from the repository root and from bench/.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "cmd", "roneo")); err == nil {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				return dir, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("run the benchmark inside the Roneo repository (no go.mod with cmd/roneo above the working directory)")
		}
		dir = parent
	}
}
