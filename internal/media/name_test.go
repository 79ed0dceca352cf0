package media_test

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/media/mediatest"
)

func TestValidateName(t *testing.T) {
	valid := []string{
		"a.jpg", "albums/2026/embassy/0001-1600.webp", "issues/2026-05.pdf", "a/b/c/d/e.png",
		"no-extension", "é/grève à Liège.jpg", "a..b.jpg", "a./b.jpg", "a b/c~d.jpg",
		strings.Repeat("n/", 200) + "x.jpg", strings.Repeat("x", 251) + ".jpg",
	}
	for _, name := range valid {
		if err := media.ValidateName(name); err != nil {
			t.Errorf("ValidateName(%q): %v", name, err)
		}
	}
	for _, name := range mediatest.InvalidNames {
		if err := media.ValidateName(name); !errors.Is(err, media.ErrInvalidName) {
			t.Errorf("ValidateName(%q) = %v, want ErrInvalidName", name, err)
		}
	}
}

// FuzzValidateName checks that every name ValidateName accepts stays inside a directory
// on any system, and is a key that S3 takes as is.
func FuzzValidateName(f *testing.F) {
	for _, name := range append([]string{"a.jpg", "a/b/c.jpg", "é/x.pdf"}, mediatest.InvalidNames...) {
		f.Add(name)
	}
	f.Fuzz(func(t *testing.T, name string) {
		err := media.ValidateName(name)
		if err != nil {
			if !errors.Is(err, media.ErrInvalidName) {
				t.Fatalf("ValidateName(%q) = %v, not ErrInvalidName", name, err)
			}
			return
		}
		switch {
		case !fs.ValidPath(name) || name == ".":
			t.Errorf("%q: accepted but not a valid fs path", name)
		case path.Clean(name) != name || path.IsAbs(name):
			t.Errorf("%q: accepted but not clean and relative", name)
		case !filepath.IsLocal(name) || strings.ContainsAny(name, "\\\x00"):
			t.Errorf("%q: accepted but not local", name)
		case len(name) > media.MaxNameLen || !utf8.ValidString(name):
			t.Errorf("%q: accepted but too long or not UTF-8", name)
		}
		for seg := range strings.SplitSeq(name, "/") {
			if strings.HasPrefix(seg, ".") {
				t.Errorf("%q: accepted with a dot segment", name)
			}
		}
	})
}

func TestContentType(t *testing.T) {
	for name, want := range map[string]string{
		"a.jpg": "image/jpeg", "a/B.JPG": "image/jpeg", "x.webp": "image/webp",
		"x.pdf": "application/pdf", "x.tar.gz": "application/octet-stream",
		"x": "application/octet-stream", "x.": "application/octet-stream",
	} {
		if got := media.ContentType(name); got != want {
			t.Errorf("ContentType(%q) = %q, want %q", name, got, want)
		}
	}
}
