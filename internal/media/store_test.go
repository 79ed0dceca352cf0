package media_test

import (
	"go/build"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/media/mediatest"
)

func TestDir(t *testing.T) {
	mediatest.TestStore(t, func(t *testing.T) media.Store {
		d, err := media.NewDir(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return d
	})
}

func TestS3(t *testing.T) {
	mediatest.TestStore(t, func(t *testing.T) media.Store {
		s, err := media.NewS3(mediatest.StartS3(t))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestImports keeps the package at the bottom of Roneo's layers: it may not import the
// store, site or HTTP server packages, which use it, nor any other Roneo package.
func TestImports(t *testing.T) {
	for _, dir := range []string{".", "mediatest"} {
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range pkg.Imports {
			if strings.HasPrefix(imp, "github.com/roneo/roneo/") && imp != "github.com/roneo/roneo/internal/media" {
				t.Errorf("%s imports %s", dir, imp)
			}
		}
	}
}
