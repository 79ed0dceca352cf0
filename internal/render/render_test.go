package render

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestImports keeps the package a pure string-to-string library, as its doc
// comment promises: storage, serving and templates live elsewhere.
func TestImports(t *testing.T) {
	forbidden := []string{"database/sql", "net/http", "html/template", "text/template"}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			for _, bad := range forbidden {
				if path == bad || strings.HasPrefix(path, bad+"/") {
					t.Errorf("%s imports %s", name, path)
				}
			}
		}
	}
}

// TestConcurrentUse shares one Renderer between goroutines, as the server
// does; run with -race it checks that rendering keeps no shared state.
func TestConcurrentUse(t *testing.T) {
	r := New()
	want := MustMarkdown(t, r, "fr", frenchArticle)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for _, lang := range []string{"fr", "nl", "en"} {
				got, err := r.Markdown(lang, frenchArticle)
				if err != nil {
					t.Error(err)
				}
				if lang == "fr" && got != want {
					t.Error("concurrent rendering gave a different result")
				}
				r.Text(lang, `"Titre" : l'essai`)
			}
		})
	}
	wg.Wait()
}

func TestUnknownLanguageIsNeutral(t *testing.T) {
	r := New()
	for _, lang := range []string{"de", "x-klingon", "", "FR-be"} {
		got := MustMarkdown(t, r, lang, `"Hallo" -- 'welt'...`)
		want := "<p>“Hallo” – ‘welt’…</p>\n"
		if lang == "FR-be" {
			want = "<p>«\u202fHallo\u202f» – “welt”…</p>\n"
		}
		if got != want {
			t.Errorf("Markdown(%q): got %+q, want %+q", lang, got, want)
		}
	}
}
