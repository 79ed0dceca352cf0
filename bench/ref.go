package main

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// With -ref, the benchmark builds roneo from another revision too and measures both in
// the same run, so that "before" and "after" share the machine's mood. The revision's
// sources are taken with git archive into the workspace rather than checked out in a
// worktree: the caller's working tree, index and list of worktrees are left alone, and
// a benchmark killed outright leaves nothing in the repository to clean up.

// checkRev refuses what git would read as an option, or as anything but one revision:
// a range (a..b), a path in a revision (rev:path), blanks.
func checkRev(rev string) error {
	switch {
	case rev == "":
		return errors.New("-ref: name a commit, tag or branch")
	case strings.HasPrefix(rev, "-"):
		return fmt.Errorf("-ref %q: a revision does not start with '-'", rev)
	case strings.Contains(rev, ".."):
		return fmt.Errorf("-ref %q: name one revision, not a range", rev)
	case strings.Contains(rev, ":"):
		return fmt.Errorf("-ref %q: name a revision, not a file in one", rev)
	case strings.ContainsFunc(rev, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }):
		return fmt.Errorf("-ref %q: a revision has no blanks", rev)
	}
	return nil
}

// resolveArgs asks git for the commit a revision names; tags are peeled to theirs.
func resolveArgs(rev string) []string {
	return []string{"git", "rev-parse", "--verify", "--quiet", rev + "^{commit}"}
}

// archiveArgs asks git for a commit's files as a tar stream.
func archiveArgs(commit string) []string {
	return []string{"git", "archive", "--format=tar", commit}
}

// refLabel names the reference for people: "HEAD~3 (7dfa0cd)", or the short commit
// alone when that is what was asked for.
func refLabel(rev, commit string) string {
	short := shortCommit(commit)
	if strings.HasPrefix(commit, rev) || rev == short {
		return short
	}
	return rev + " (" + short + ")"
}

func shortCommit(commit string) string {
	if len(commit) > 7 {
		return commit[:7]
	}
	return commit
}

// resolveRef finds the commit of -ref before anything is built, so that a mistyped
// revision stops the benchmark at once.
func (b *bench) resolveRef(ctx context.Context) error {
	out, err := runTool(ctx, b.root, resolveArgs(b.cfg.Ref)...)
	if err != nil {
		return fmt.Errorf("-ref %q names no commit of this repository", b.cfg.Ref)
	}
	b.ref.rev = b.cfg.Ref
	b.ref.commit = strings.TrimSpace(string(out))
	b.ref.res.Commit = b.ref.commit
	return nil
}

// buildRef builds ./cmd/roneo from the reference's sources, in the workspace, and
// removes the sources once the binary is there.
func (b *bench) buildRef(ctx context.Context) error {
	src := b.ws.path("ref-src")
	b.logf("building roneo at %s (git archive, go build ./cmd/roneo)", refLabel(b.ref.rev, b.ref.commit))
	tarball, err := runTool(ctx, b.root, archiveArgs(b.ref.commit)...)
	if err != nil {
		return err
	}
	if err := extractTar(bytes.NewReader(tarball), src); err != nil {
		return fmt.Errorf("-ref %s: %w", b.ref.rev, err)
	}
	defer os.RemoveAll(src)
	b.ref.bin = b.ws.path("roneo-ref")
	if _, err := runTool(ctx, src, "go", "build", "-buildvcs=false", "-o", b.ref.bin, "./cmd/roneo"); err != nil {
		return fmt.Errorf("-ref %s does not build: %w", b.ref.rev, err)
	}
	return nil
}

// extractTar writes the directories, files and links of a tar stream under dir.
func extractTar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if h.Typeflag == tar.TypeXGlobalHeader { // git's: the commit's id
			continue
		}
		if !filepath.IsLocal(h.Name) {
			return fmt.Errorf("archive entry %q is outside its directory", h.Name)
		}
		if err := extractEntry(tr, h, filepath.Join(dir, filepath.FromSlash(h.Name))); err != nil {
			return err
		}
	}
}

func extractEntry(tr *tar.Reader, h *tar.Header, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	switch h.Typeflag {
	case tar.TypeDir:
		return os.MkdirAll(path, 0o755)
	case tar.TypeSymlink:
		return os.Symlink(h.Linkname, path)
	case tar.TypeReg:
		mode := os.FileMode(0o644)
		if h.Mode&0o111 != 0 {
			mode = 0o755
		}
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, mode)
		if err != nil {
			return err
		}
		if _, err := io.Copy(f, tr); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	return fmt.Errorf("archive entry %q is of a kind the benchmark does not extract (%c)", h.Name, h.Typeflag)
}
