package testkit

import (
	goparser "go/parser"
	gotoken "go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Imports fails the test for every import of the package in the current directory (its
// non-test files) that is not in allowed: a package that must stay pure says so in a
// test that names what it may use.
func Imports(tb testing.TB, allowed ...string) {
	tb.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		tb.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(gotoken.NewFileSet(), name, nil, goparser.ImportsOnly)
		if err != nil {
			tb.Fatal(err)
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); !slices.Contains(allowed, path) {
				tb.Errorf("%s imports %s, which is not on the allow-list", name, path)
			}
		}
	}
}
