package jsonldtest

import (
	"bytes"
	"mime"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Extract returns the body of every <script type="application/ld+json"> of an HTML page,
// in order, as a browser's parser cuts it out: a script element ends at the first
// "</script", whatever the JSON in it meant. A page without one gives none.
func Extract(tb testing.TB, page []byte) [][]byte {
	tb.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		tb.Fatalf("parse the page: %v", err)
	}
	var scripts [][]byte
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "script" || !isJSONLD(n) {
			continue
		}
		var body bytes.Buffer
		for c := range n.ChildNodes() {
			if c.Type == html.TextNode {
				body.WriteString(c.Data)
			}
		}
		scripts = append(scripts, body.Bytes())
	}
	return scripts
}

// isJSONLD reports whether a script element's type is JSON-LD, in any case and with any
// parameters, as browsers and crawlers match it.
func isJSONLD(script *html.Node) bool {
	for _, a := range script.Attr {
		if a.Namespace == "" && a.Key == "type" {
			typ, _, err := mime.ParseMediaType(strings.TrimSpace(a.Val))
			return err == nil && typ == "application/ld+json"
		}
	}
	return false
}
