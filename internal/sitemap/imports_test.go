package sitemap_test

import (
	goparser "go/parser"
	gotoken "go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestImports keeps the package pure: the standard library's writers (and netip to
// read an IPv6 host as net/url does), no HTTP, no store, no site.
func TestImports(t *testing.T) {
	allowed := []string{"bufio", "errors", "fmt", "io", "net/netip", "strings", "time"}
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
