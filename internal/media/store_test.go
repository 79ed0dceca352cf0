package media_test

import (
	"go/build"
	"slices"
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
// store, site or HTTP server packages, which use it, nor any other Roneo package. Its
// test server may use testkit, which is for tests and imports nothing of Roneo.
func TestImports(t *testing.T) {
	allowed := map[string][]string{".": {"internal/media"}, "mediatest": {"internal/media", "internal/testkit"}}
	for dir, ok := range allowed {
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range pkg.Imports {
			if strings.HasPrefix(imp, "github.com/roneo/roneo/") && !slices.Contains(ok, strings.TrimPrefix(imp, "github.com/roneo/roneo/")) {
				t.Errorf("%s imports %s", dir, imp)
			}
		}
	}
}
