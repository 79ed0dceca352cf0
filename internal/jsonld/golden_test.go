package jsonld_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/roneo/roneo/internal/jsonld"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden keeps Marshal's exact output, escapes and key order included, in files a
// reviewer reads: a change to what pages carry shows in the diff. The files are indented
// for reading; indenting changes no byte inside a string.
func TestGolden(t *testing.T) {
	hostile := article()
	hostile.Headline = `</script> "guillemets" <!-- & ` + "\u2028" + ` Αθήνα 北京`
	for name, v := range map[string]map[string]any{
		"article":       jsonld.NewsArticle(article()),
		"press-release": jsonld.NewsArticle(pressRelease()),
		"hostile-title": jsonld.NewsArticle(hostile),
		"breadcrumbs":   jsonld.Breadcrumbs(crumbs()),
		"organization":  jsonld.Organization(publisher()),
		"website":       website(),
		"graph":         jsonld.Graph(jsonld.NewsArticle(article()), jsonld.Breadcrumbs(crumbs()), website()),
	} {
		t.Run(name, func(t *testing.T) {
			var got bytes.Buffer
			if err := json.Indent(&got, mustMarshal(t, v), "", "  "); err != nil {
				t.Fatal(err)
			}
			got.WriteByte('\n')
			file := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(file, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (go test -update writes it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs (go test -update rewrites it):\n%s", file, got.Bytes())
			}
		})
	}
}
