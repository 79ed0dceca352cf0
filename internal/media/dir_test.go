package media_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/media/mediatest"
	"github.com/roneo/roneo/internal/testkit"
)

func newDir(t *testing.T) (*media.Dir, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "media")
	d, err := media.NewDir(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d, path
}

// files lists every file and directory under root, as the operating system sees them.
func files(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if e.IsDir() {
			rel += "/"
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDirSymlinksStayInside(t *testing.T) {
	d, root := newDir(t)
	outside := filepath.Join(filepath.Dir(root), "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(outside, "secret.jpg")
	os.WriteFile(secret, []byte("secret"), 0o644)
	os.WriteFile(filepath.Join(root, "real.jpg"), []byte("real"), 0o644)
	os.MkdirAll(filepath.Join(root, "sub"), 0o755)
	for link, target := range map[string]string{
		"abs": outside, "rel": "../outside", "file.jpg": secret, "alias.jpg": "real.jpg",
		"sub/up.jpg": "../../outside/secret.jpg", "chain.jpg": "sub/up.jpg", "sub/dir": "../rel",
		"loop.jpg": "loop.jpg", "missing.jpg": "../outside/missing.jpg",
	} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			testkit.Missing(t, "no symbolic links here: %v", err)
		}
	}
	ctx := t.Context()
	// Whatever lies outside is not a blob of this store: not found (404), not a failure
	// of the store (503).
	for _, name := range []string{"abs/secret.jpg", "rel/secret.jpg", "file.jpg", "sub/up.jpg", "chain.jpg",
		"sub/dir/secret.jpg", "loop.jpg", "missing.jpg"} {
		if _, _, err := d.Open(ctx, name); !errors.Is(err, media.ErrNotFound) {
			t.Errorf("Open(%q) = %v, want ErrNotFound", name, err)
		}
		if _, err := d.Stat(ctx, name); !errors.Is(err, media.ErrNotFound) {
			t.Errorf("Stat(%q) = %v, want ErrNotFound", name, err)
		}
	}
	for _, name := range []string{"abs/new.jpg", "rel/new.jpg", "rel/sub/new.jpg"} {
		if err := d.Put(ctx, name, strings.NewReader("x"), 1); err == nil {
			t.Errorf("Put(%q) wrote outside the directory", name)
		}
	}
	if err := d.Delete(ctx, "abs/secret.jpg"); err != nil {
		t.Errorf("Delete through a link leading out: %v, want nothing to delete", err)
	}
	d.Delete(ctx, "file.jpg") // removes the link, not its target
	if got := files(t, outside); !slices.Equal(got, []string{"secret.jpg"}) {
		t.Errorf("outside the directory: %q, want only secret.jpg", got)
	}
	if got, _ := mediatest.MustRead(t, d, "alias.jpg"); string(got) != "real" {
		t.Errorf("a link that stays inside: read %q", got)
	}
	mediatest.MustPut(t, d, "a.jpg", []byte("a"))
	if got := mediatest.Names(t, d, ""); !slices.Equal(got, []string{"a.jpg", "real.jpg"}) {
		t.Errorf("List reports %q; want the regular files only", got)
	}
}

func TestDirFailedPutLeavesNoFiles(t *testing.T) {
	d, root := newDir(t)
	mediatest.MustPut(t, d, "a/b/keep.jpg", []byte("keep"))
	broken := errors.New("broken")
	for _, name := range []string{"a/b/keep.jpg", "a/b/new.jpg", "new/dir/x.jpg"} {
		r := io.MultiReader(strings.NewReader("half"), iotest.ErrReader(broken))
		if err := d.Put(t.Context(), name, r, 8); !errors.Is(err, broken) {
			t.Errorf("Put(%q) with a broken reader: %v", name, err)
		}
	}
	if got, want := files(t, root), []string{"a/", "a/b/", "a/b/keep.jpg"}; !slices.Equal(got, want) {
		t.Errorf("files after failed Puts: %q, want %q", got, want)
	}
}

func TestDirDeleteRemovesEmptiedDirectories(t *testing.T) {
	d, root := newDir(t)
	mediatest.MustPut(t, d, "a/b/c/d.jpg", []byte("d"))
	mediatest.MustPut(t, d, "a/x.jpg", []byte("x"))
	if err := d.Delete(t.Context(), "a/b/c/d.jpg"); err != nil {
		t.Fatal(err)
	}
	if got, want := files(t, root), []string{"a/", "a/x.jpg"}; !slices.Equal(got, want) {
		t.Errorf("files after Delete: %q, want %q", got, want)
	}
}

// TestDirBlobAndDirectory: a name cannot be a blob and the directory of others at once.
func TestDirBlobAndDirectory(t *testing.T) {
	d, _ := newDir(t)
	mediatest.MustPut(t, d, "a/b.jpg", []byte("b"))
	mediatest.MustPut(t, d, "x.jpg", []byte("x"))
	for _, name := range []string{"a", "x.jpg/y.jpg"} {
		err := d.Put(t.Context(), name, strings.NewReader("z"), 1)
		if err == nil || errors.Is(err, media.ErrInvalidName) {
			t.Errorf("Put(%q): %v, want an error other than ErrInvalidName", name, err)
		}
	}
	checkNames(t, mediatest.Names(t, d, ""), []string{"a/b.jpg", "x.jpg"})
}

func TestDirListSkipsStrayFiles(t *testing.T) {
	d, root := newDir(t)
	for _, name := range []string{".DS_Store", ".tmp-ABC", `back\slash.jpg`, "ok.jpg", "sub/.hidden/x.jpg", "sub/y.jpg"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	checkNames(t, mediatest.Names(t, d, ""), []string{"ok.jpg", "sub/y.jpg"})
}

func TestNewDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x", "y", "media")
	d, err := media.NewDir(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	mediatest.MustPut(t, d, "a.jpg", []byte("a"))
	if got, err := os.ReadFile(filepath.Join(path, "a.jpg")); err != nil || !bytes.Equal(got, []byte("a")) {
		t.Errorf("the file of blob a.jpg: %q, %v", got, err)
	}
	if _, err := media.NewDir(filepath.Join(path, "a.jpg")); err == nil {
		t.Error("NewDir on a file: no error")
	}
}

func checkNames(t *testing.T, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("names: got %q, want %q", got, want)
	}
}
