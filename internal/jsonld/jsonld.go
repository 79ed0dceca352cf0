// Package jsonld builds the schema.org structured data of the public pages: the JSON-LD
// that search engines and share previews read from a page's
// <script type="application/ld+json">.
//
// The builders return plain Go values (map[string]any), not bytes: html/template
// JSON-encodes a value placed in a script element and escapes <, > and & on the way, so
// the site hands the value to its template and never splices JSON text into a page.
// Marshal gives the same encoding for tests and for anything outside a template.
//
// The package is pure: it imports no net/http, no store and no templates, and knows
// nothing of Roneo's content types. The site translates its articles into the small
// structs here, with absolute URLs built by its address scheme.
package jsonld

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode"
)

// Vocabulary is the @context of every object the builders return.
const Vocabulary = "https://schema.org"

// Org is an organisation: the publisher of the site.
type Org struct {
	Name, URL string
	Logo      string   // URL of the logo image
	SameAs    []string // URLs of the organisation's profiles elsewhere (Mastodon, Wikipedia…)
}

// Person is a named author.
type Person struct {
	Name, URL string
}

// Image is a picture of an article. Width and Height are in pixels; 0 leaves them out.
type Image struct {
	URL           string
	Width, Height int
	Alt           string
}

// Crumb is one step of a breadcrumb trail. The last one, the page itself, may have no
// URL.
type Crumb struct {
	Name, URL string
}

// Part is a collection an article belongs to: a dossier.
type Part struct {
	Name, URL string
}

// Graph puts nodes in one object with one @context, so that a page carries a single
// script element whatever it describes. The nodes are not changed; nil nodes (a trail
// with no crumbs) are left out.
func Graph(nodes ...map[string]any) map[string]any {
	graph := make([]map[string]any, 0, len(nodes))
	for _, n := range nodes {
		if len(n) == 0 {
			continue
		}
		copied := make(map[string]any, len(n))
		for k, v := range n {
			if k != "@context" { // every node of this package has the same one
				copied[k] = v
			}
		}
		graph = append(graph, copied)
	}
	return map[string]any{"@context": Vocabulary, "@graph": graph}
}

// Marshal encodes v as html/template does in a script element: compact JSON whose map
// keys are sorted and in which <, >, &, U+2028 and U+2029 are \u escapes, so no text in
// it can close the script element or start a comment.
func Marshal(v any) ([]byte, error) {
	return json.Marshal(v) // HTML-escaped and key-sorted by default, as html/template's is
}

// node starts an object of type typ without a @context, for use inside another object.
func node(typ string) map[string]any { return map[string]any{"@type": typ} }

// top starts an object of type typ that stands alone in a script element.
func top(typ string) map[string]any {
	return map[string]any{"@context": Vocabulary, "@type": typ}
}

// setText sets key to the cleaned text of s, unless nothing is left of it: an empty
// string tells a reader "this has no name", where a missing key says nothing.
func setText(m map[string]any, key, s string) {
	if s = clean(s); s != "" {
		m[key] = s
	}
}

// setInt sets key to n when it is positive: a width of 0 is unknown, not zero pixels.
func setInt(m map[string]any, key string, n int) {
	if n > 0 {
		m[key] = n
	}
}

// setTexts sets key to the non-empty cleaned strings of list, once each.
func setTexts(m map[string]any, key string, list []string) {
	var kept []string
	for _, s := range list {
		if s = clean(s); s != "" && !slices.Contains(kept, s) {
			kept = append(kept, s)
		}
	}
	if len(kept) > 0 {
		m[key] = kept
	}
}

// setNodes sets key to list when it has any node.
func setNodes(m map[string]any, key string, list []map[string]any) {
	if len(list) > 0 {
		m[key] = list
	}
}

// clean makes s fit for structured data: valid UTF-8, no control characters (a line break
// pasted into a title would otherwise reach every search result), and runs of spaces
// made one. No-break spaces stay: French puts them before « : ; ? ! » on purpose.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Join(strings.FieldsFunc(s, isBreak), " ")
}

// isBreak reports whether r separates words as a plain space does. The line and
// paragraph separators are not controls to Unicode but break lines all the same.
func isBreak(r rune) bool {
	return r == ' ' || unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}
