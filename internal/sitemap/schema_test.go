package sitemap_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/sitemap"
	"github.com/roneo/roneo/internal/testkit"
)

// TestSchema validates the files against the sitemaps.org XSDs with xmllint, a reader
// that owes nothing to this package.
func TestSchema(t *testing.T) {
	schemas := testkit.SitemapSchemas(t)
	var full []sitemap.URL
	for i := range sitemap.MaxURLs {
		full = append(full, sitemap.URL{Loc: articleURL(i), LastMod: time.Date(2026, 1, 1, 0, 0, i, 0, paris)})
	}
	var index bytes.Buffer
	x := sitemap.NewIndex(&index)
	for k := 1; k <= 3; k++ {
		mustOK(t, x.Add("https://roneo.example/sitemap-"+string(rune('0'+k))+".xml?lang=fr&v=2", time.Now()))
	}
	mustOK(t, x.Add("https://roneo.example/sitemap-4.xml", time.Time{}))
	mustOK(t, x.Close())

	for _, c := range []struct {
		name, xsd string
		file      []byte
		valid     bool
	}{
		{"urlset.xml", "sitemap.xsd", readFile(t, "testdata/urlset.xml"), true},
		{"full.xml", "sitemap.xsd", MustURLSet(t, full...), true},
		{"index.xml", "siteindex.xsd", index.Bytes(), true},
		// The schema wants at least one <url>: an empty file is well-formed, and what a
		// site with nothing to list can serve, but not valid. The site lists its home
		// pages so that it never serves one.
		{"empty.xml", "sitemap.xsd", MustURLSet(t), false},
	} {
		path := filepath.Join(t.TempDir(), c.name)
		mustOK(t, os.WriteFile(path, c.file, 0o644))
		out, err := exec.Command("xmllint", "--nonet", "--noout", "--schema", filepath.Join(schemas, c.xsd), path).CombinedOutput()
		if valid := err == nil; valid != c.valid {
			t.Errorf("%s: xmllint says valid = %t, want %t: %v\n%s", c.name, valid, c.valid, err, out)
		}
	}
}

func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
