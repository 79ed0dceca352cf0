package feed

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrRelativeBase is returned by Absolutize for a base that is not an absolute URL.
var ErrRelativeBase = errors.New("base URL is not absolute")

// Absolutize returns the HTML fragment with the relative URLs of its href, src,
// srcset, poster and cite attributes resolved against base, an absolute URL such as
// "https://mirror.example.net/fr/article/x": a feed reader shows content away from the
// site, where "/media/1.jpg" means nothing. Absolute URLs (http, https, mailto, tel and
// any other scheme) are kept as written; a link to a #fragment of the page becomes one
// to the page at base, since a reader shows it on a page of its own. A URL
// that cannot be made sense of is dropped with its attribute rather than left relative.
//
// The fragment is parsed as the content of a <div> and serialised again, so malformed
// HTML comes out well-formed: elements closed, attributes quoted, text escaped.
func Absolutize(fragment, base string) (string, error) {
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() || b.Host == "" {
		return "", fmt.Errorf("absolutize against %q: %w", base, ErrRelativeBase)
	}
	// An empty href is the page itself, not the place in it the base points at.
	b.Fragment, b.RawFragment = "", ""
	div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), div)
	if err != nil {
		return "", fmt.Errorf("absolutize: %w", err)
	}
	var out strings.Builder
	out.Grow(len(fragment) + len(fragment)/8)
	for _, n := range nodes {
		absolutizeTree(n, b)
		if err := html.Render(&out, n); err != nil {
			return "", fmt.Errorf("absolutize: %w", err)
		}
	}
	return out.String(), nil
}

// absolutizeTree rewrites the URL attributes of root and its descendants. Attributes
// are matched by name whatever their namespace, so SVG's xlink:href is one of them.
func absolutizeTree(root *html.Node, base *url.URL) {
	for n := root; n != nil; n = nextInTree(n, root) {
		absolutizeAttrs(n, base)
	}
}

// nextInTree returns the node after n in document order within root, or nil. It
// walks without recursion, in time linear in the tree's size even when the tree is
// deep (Node.Descendants takes time in its depth at each step).
func nextInTree(n, root *html.Node) *html.Node {
	if n.FirstChild != nil {
		return n.FirstChild
	}
	for ; n != root; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

func absolutizeAttrs(n *html.Node, base *url.URL) {
	if n.Type != html.ElementNode || len(n.Attr) == 0 {
		return
	}
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		ok := true
		switch a.Key {
		case "href", "src", "poster", "cite":
			a.Val, ok = resolveURL(base, a.Val)
		case "srcset":
			a.Val, ok = resolveSrcset(base, a.Val)
		}
		if ok {
			kept = append(kept, a)
		}
	}
	n.Attr = kept
}
