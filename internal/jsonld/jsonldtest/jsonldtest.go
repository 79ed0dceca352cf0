// Package jsonldtest reads structured data as a search engine would, for tests: it finds
// the JSON-LD scripts of a page and expands them with a real JSON-LD processor (Debian's
// python3-pyld), offline, against a local copy of schema.org's context.
//
// Expansion turns every term into a full IRI and every value into an explicit object, so
// a test asserts what a document means ("https://schema.org/headline") rather than how it
// happens to be spelt, and a document the processor rejects fails the test.
//
// It is for tests only: its functions take a testing.TB.
package jsonldtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/roneo/roneo/internal/testkit"
)

// Expand expands one JSON-LD document and returns its expanded form: a list of node
// objects. Numbers in it are json.Numbers.
func Expand(tb testing.TB, doc []byte) []map[string]any {
	tb.Helper()
	return ExpandAll(tb, doc)[0]
}

// ExpandAll expands several documents with one run of the processor, which costs about
// as much to start as to expand a page.
func ExpandAll(tb testing.TB, docs ...[]byte) [][]map[string]any {
	tb.Helper()
	python := testkit.Python(tb, "pyld")
	dir := tb.TempDir()
	out := filepath.Join(dir, "expanded.json")
	args := []string{filepath.Join(testdata(tb), "expand.py"), out}
	for i, doc := range docs {
		in := filepath.Join(dir, fmt.Sprintf("doc%d.jsonld", i))
		if err := os.WriteFile(in, doc, 0o600); err != nil {
			tb.Fatal(err)
		}
		args = append(args, in)
	}
	// The script writes its result to a file: what it prints is for the failure message.
	if output, err := testkit.Run(tb, exec.Command(python, args...)); err != nil {
		tb.Fatalf("expand: %v\n%s\ndocuments:\n%s", err, output, bytes.Join(docs, []byte("\n")))
	}
	data, err := os.ReadFile(out)
	if err != nil {
		tb.Fatal(err)
	}
	var expanded [][]map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // so Value gives "1200", as written, and not a float's text
	if err := dec.Decode(&expanded); err != nil || len(expanded) != len(docs) {
		tb.Fatalf("expand: %d results for %d documents (%v):\n%s", len(expanded), len(docs), err, data)
	}
	return expanded
}

// testdata is the jsonld package's testdata directory, which holds the script and the
// context, found from this file's place so that any package's tests may expand.
func testdata(tb testing.TB) string {
	tb.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		tb.Fatal("jsonldtest: no source path to find testdata by")
	}
	return filepath.Join(filepath.Dir(file), "..", "testdata")
}

// Nodes returns the node objects of type typ, a full IRI such as
// "https://schema.org/NewsArticle", found anywhere in expanded: at the top, in a @graph,
// or as the value of a property. It fails the test when there is none, since a test asks
// for what it expects to find; look at a property's Objects to check that something is
// absent.
func Nodes(tb testing.TB, expanded []map[string]any, typ string) []map[string]any {
	tb.Helper()
	var found []map[string]any
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case []map[string]any:
			for _, n := range v {
				walk(n)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			if hasType(v, typ) {
				found = append(found, v)
			}
			for k, x := range v {
				if k != "@type" {
					walk(x)
				}
			}
		}
	}
	walk(expanded)
	if len(found) == 0 {
		dump, _ := json.MarshalIndent(expanded, "", " ")
		tb.Fatalf("no node of type %s in:\n%s", typ, dump)
	}
	return found
}

func hasType(node map[string]any, typ string) bool {
	types, _ := node["@type"].([]any) // a node's @type is always a list once expanded
	for _, t := range types {
		if t == typ {
			return true
		}
	}
	return false
}

// Objects returns the objects a node holds under prop, a full IRI: node objects and value
// objects alike, with the items of a @list in order.
func Objects(node map[string]any, prop string) []map[string]any {
	var out []map[string]any
	list, _ := node[prop].([]any)
	for _, x := range list {
		if m, ok := x.(map[string]any); ok {
			if items, ok := m["@list"].([]any); ok {
				out = append(out, Objects(map[string]any{prop: items}, prop)...)
			} else {
				out = append(out, m)
			}
		}
	}
	return out
}

// Value returns the values of a node's property prop, a full IRI, as text: the @value of
// a literal (numbers as written) or the @id of a reference. Nested nodes without an @id
// give nothing.
func Value(node map[string]any, prop string) []string {
	var out []string
	for _, o := range Objects(node, prop) {
		if v, ok := o["@value"]; ok {
			out = append(out, text(v))
		} else if id, ok := o["@id"].(string); ok {
			out = append(out, id)
		}
	}
	return out
}

func text(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	default:
		return fmt.Sprint(v)
	}
}
