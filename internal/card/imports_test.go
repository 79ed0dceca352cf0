package card_test

import (
	goparser "go/parser"
	gotoken "go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestImports keeps the package pure: images, fonts and text, no HTTP, no store, no
// site.
func TestImports(t *testing.T) {
	allowed := []string{
		"fmt", "image", "image/color", "image/draw", "image/png", "io", "strings", "sync",
		"unicode", "unicode/utf8",
		"golang.org/x/image/font", "golang.org/x/image/font/gofont/gobold",
		"golang.org/x/image/font/gofont/goregular", "golang.org/x/image/font/opentype",
		"golang.org/x/image/font/sfnt", "golang.org/x/image/math/fixed",
		"golang.org/x/text/cases", "golang.org/x/text/language", "golang.org/x/text/unicode/norm",
	}
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(gotoken.NewFileSet(), name, nil, goparser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); !slices.Contains(allowed, path) {
				t.Errorf("%s imports %s, which is not on the allow-list", name, path)
			}
		}
	}
}
