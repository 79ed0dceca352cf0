package sitemap_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/sitemap"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// paris is not UTC, so that the tests see dates converted.
var paris = time.FixedZone("Paris", 2*60*60)

// articleURL is the address of the i-th article of a test site.
func articleURL(i int) string {
	return fmt.Sprintf("https://roneo.example/fr/article/article-numero-%d", i)
}

// MustURLSet writes urls as one urlset and fails the test on any error.
func MustURLSet(tb testing.TB, urls ...sitemap.URL) []byte {
	tb.Helper()
	var buf bytes.Buffer
	w := sitemap.NewWriter(&buf)
	for _, u := range urls {
		if err := w.Add(u); err != nil {
			tb.Fatalf("Add(%+v): %v", u, err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run with -update if the change is meant):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// locs decodes the file and returns the text of its <loc> elements, failing the test
// if the XML is not well-formed.
func locs(tb testing.TB, file []byte) []string {
	tb.Helper()
	var out []string
	d := xml.NewDecoder(bytes.NewReader(file))
	inLoc := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			tb.Fatalf("not well-formed XML: %v\n%s", err, file)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inLoc = tok.Name.Local == "loc"
			if inLoc {
				out = append(out, "")
			}
		case xml.CharData:
			if inLoc {
				out[len(out)-1] += string(tok)
			}
		case xml.EndElement:
			inLoc = false
		}
	}
}
