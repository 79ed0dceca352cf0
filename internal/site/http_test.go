package site_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// page is a response with its body read and, for HTML, parsed.
type page struct {
	*http.Response
	body string
	doc  *html.Node
}

// get requests path from the site with optional header pairs ("Accept-Encoding", "br").
func (f *fixture) get(t testing.TB, path string, header ...string) *page {
	t.Helper()
	return f.do(t, httptest.NewRequest(http.MethodGet, path, nil), header...)
}

func (f *fixture) do(t testing.TB, req *http.Request, header ...string) *page {
	t.Helper()
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	f.site.ServeHTTP(rec, req)
	resp := rec.Result()
	b, _ := io.ReadAll(resp.Body)
	resp.Request = req
	p := &page{Response: resp, body: string(b)}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") && resp.Header.Get("Content-Encoding") == "" {
		doc, err := html.Parse(strings.NewReader(p.body))
		if err != nil {
			t.Fatalf("%s: unparsable HTML: %v", req.URL, err)
		}
		p.doc = doc
	}
	return p
}

// wantStatus fails unless the page answered with status.
func (p *page) wantStatus(t testing.TB, status int) *page {
	t.Helper()
	if p.StatusCode != status {
		t.Fatalf("%s %s: status %d, want %d\n%.600s", p.Request.Method, p.Request.URL, p.StatusCode, status, p.body)
	}
	return p
}

// all returns the nodes matching a CSS selector.
func (p *page) all(t testing.TB, selector string) []*html.Node {
	t.Helper()
	if p.doc == nil {
		t.Fatalf("%s: not an HTML page", p.Request.URL)
	}
	return cascadia.MustCompile(selector).MatchAll(p.doc)
}

// text returns the text of the first node matching selector, failing if there is none.
func (p *page) text(t testing.TB, selector string) string {
	t.Helper()
	nodes := p.all(t, selector)
	if len(nodes) == 0 {
		t.Fatalf("%s: nothing matches %q", p.Request.URL, selector)
	}
	return nodeText(nodes[0])
}

// attr returns attribute name of the first node matching selector.
func (p *page) attr(t testing.TB, selector, name string) string {
	t.Helper()
	nodes := p.all(t, selector)
	if len(nodes) == 0 {
		t.Fatalf("%s: nothing matches %q", p.Request.URL, selector)
	}
	for _, a := range nodes[0].Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// count fails unless exactly n nodes match selector.
func (p *page) count(t testing.TB, selector string, n int) {
	t.Helper()
	if got := len(p.all(t, selector)); got != n {
		t.Errorf("%s: %d nodes match %q, want %d", p.Request.URL, got, selector, n)
	}
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	// Collapse ASCII white space only: typography's narrow no-break spaces must survive.
	return strings.Join(strings.FieldsFunc(b.String(), func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r'
	}), " ")
}

// attrOf is attribute name of node n, "" when it has none.
func attrOf(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}
