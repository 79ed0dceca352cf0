package media

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
)

// Dir stores blobs as plain files under a local directory: the blob "a/b.jpg" is the
// file a/b.jpg. Every access goes through an os.Root, so that no name, and no symbolic
// link placed in the directory, reaches outside it: a name that would is an absent blob.
// Symbolic links that stay inside are followed when opening but not listed; Roneo never
// creates any.
//
// Put writes a temporary file (".tmp-…", which no valid name can equal and List skips)
// beside the target, syncs it, renames it over the target and syncs the directory. A
// crash can leave a temporary file behind, never a partial blob.
//
// Since a blob is a file, a name cannot be both a blob and the directory of others
// ("a" and "a/b"): Put fails for the second. Delete removes directories it empties.
type Dir struct {
	root *os.Root
}

// NewDir opens the directory path as a store, creating it if needed.
func NewDir(path string) (*Dir, error) {
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, fmt.Errorf("media: %w", err)
	}
	root, err := os.OpenRoot(path)
	if err != nil {
		return nil, fmt.Errorf("media: %w", err)
	}
	return &Dir{root: root}, nil
}

// Path returns the directory the store was opened on.
func (d *Dir) Path() string { return d.root.Name() }

// Close closes the directory.
func (d *Dir) Close() error { return d.root.Close() }

// Put stores r under name through a temporary file; see Dir.
func (d *Dir) Put(ctx context.Context, name string, r io.Reader, size int64) (err error) {
	defer wrap(&err, "put", name)
	if err := checkPut(name, size); err != nil {
		return err
	}
	dir := path.Dir(name)
	tmp, f, err := d.createTemp(dir)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			d.root.Remove(tmp)
			d.removeEmptyDirs(dir)
		}
	}()
	if err := copyExactly(ctx, f, r, size); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := d.root.Rename(tmp, name); err != nil {
		return err
	}
	return d.syncDir(dir)
}

// createTemp creates a temporary file in dir, creating dir first. A concurrent Delete
// may remove dir between the two steps when it empties it: then try again.
func (d *Dir) createTemp(dir string) (string, *os.File, error) {
	for attempt := 1; ; attempt++ {
		if err := d.root.MkdirAll(dir, 0o755); err != nil {
			return "", nil, err
		}
		tmp := path.Join(dir, ".tmp-"+rand.Text())
		f, err := d.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrNotExist) && attempt < 5 {
			continue
		}
		return tmp, f, err
	}
}

// syncDir makes a rename in dir durable.
func (d *Dir) syncDir(dir string) error {
	f, err := d.root.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// Open opens the file of a blob.
func (d *Dir) Open(ctx context.Context, name string) (_ Blob, _ Info, err error) {
	defer wrap(&err, "open", name)
	if err := ValidateName(name); err != nil {
		return nil, Info{}, err
	}
	f, err := d.root.Open(name)
	if err != nil {
		return nil, Info{}, d.notFound(name, err)
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = ErrNotFound
	}
	if err != nil {
		f.Close()
		return nil, Info{}, err
	}
	return f, fileInfo(name, fi), nil
}

// Stat returns the info of a blob's file.
func (d *Dir) Stat(ctx context.Context, name string) (_ Info, err error) {
	defer wrap(&err, "stat", name)
	if err := ValidateName(name); err != nil {
		return Info{}, err
	}
	fi, err := d.root.Stat(name)
	if err != nil {
		return Info{}, d.notFound(name, err)
	}
	if !fi.Mode().IsRegular() {
		return Info{}, ErrNotFound
	}
	return fileInfo(name, fi), nil
}

// Delete removes a blob's file, then the directories above it that it leaves empty.
func (d *Dir) Delete(ctx context.Context, name string) (err error) {
	defer wrap(&err, "delete", name)
	if err := ValidateName(name); err != nil {
		return err
	}
	fi, err := d.root.Lstat(name)
	if err != nil {
		return ignoreNotFound(d.notFound(name, err))
	}
	if fi.IsDir() {
		return nil // a directory is not a blob: there is no blob by that name
	}
	if err := d.root.Remove(name); err != nil {
		return ignoreNotFound(notFound(err))
	}
	d.removeEmptyDirs(path.Dir(name))
	return nil
}

// removeEmptyDirs removes dir and the directories above it while they are empty.
// Removing a directory fails while it holds anything, a concurrent Put's temporary
// file included: it stops at the first that does.
func (d *Dir) removeEmptyDirs(dir string) {
	for ; dir != "."; dir = path.Dir(dir) {
		if d.root.Remove(dir) != nil {
			return
		}
	}
}

func fileInfo(name string, fi fs.FileInfo) Info {
	return Info{
		Name:        name,
		Size:        fi.Size(),
		ModTime:     fi.ModTime(),
		ContentType: ContentType(name),
		ETag:        fmt.Sprintf("%x-%x", fi.ModTime().UnixNano(), fi.Size()),
	}
}

// notFound translates "no such file", "a part of the path is a file" and "symbolic
// links that go round in a circle" into ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) || errors.Is(err, syscall.ELOOP) {
		return ErrNotFound
	}
	return err
}

// notFound is ErrNotFound when the blob is absent or when its name, symbolic links
// followed, leads out of the directory: os.Root refuses to follow such a link, and
// what lies outside is no blob of this store, not a failure of it (which would answer
// 503 and be retried). Any other error stays what it is.
func (d *Dir) notFound(name string, err error) error {
	if err = notFound(err); errors.Is(err, ErrNotFound) || !d.leaves(name) {
		return err
	}
	return ErrNotFound
}

// maxLinks bounds the symbolic links leaves follows, as the system bounds them.
const maxLinks = 40

// leaves reports whether name, following the symbolic links on its way, leads out of
// the directory: through a link to an absolute path, or through more ".." than there
// are directories above. Only real directories are joined to the resolved part, so
// each step is checked through the root.
func (d *Dir) leaves(name string) bool {
	todo := strings.Split(name, "/")
	resolved := "."
	for links := 0; len(todo) > 0; {
		part := todo[0]
		todo = todo[1:]
		switch part {
		case "", ".":
			continue
		case "..":
			if resolved == "." {
				return true
			}
			resolved = path.Dir(resolved)
			continue
		}
		next := path.Join(resolved, part)
		fi, err := d.root.Lstat(next)
		if err != nil {
			return false
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			resolved = next
			continue
		}
		target, err := d.root.Readlink(next)
		if links++; err != nil || links > maxLinks {
			return false
		}
		target = filepath.ToSlash(target)
		if path.IsAbs(target) || filepath.IsAbs(target) || filepath.VolumeName(target) != "" {
			return true
		}
		todo = append(strings.Split(target, "/"), todo...)
	}
	return false
}

func ignoreNotFound(err error) error {
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}
