package feed

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const mirror = "https://mirror.example.net/fr/article/x?page=2#top"

func TestAbsolutize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<a href="/fr/dossier/climat">d</a>`, `<a href="https://mirror.example.net/fr/dossier/climat">d</a>`},
		{`<a href="y">y</a><a href="../z">z</a>`, `<a href="https://mirror.example.net/fr/article/y">y</a><a href="https://mirror.example.net/fr/z">z</a>`},
		{`<a href="#note-1">1</a>`, `<a href="https://mirror.example.net/fr/article/x?page=2#note-1">1</a>`},
		{`<a href="?page=3">n</a>`, `<a href="https://mirror.example.net/fr/article/x?page=3">n</a>`},
		{`<a href="">self</a>`, `<a href="https://mirror.example.net/fr/article/x?page=2">self</a>`},
		{`<a href="//cdn.example.com/a.js">s</a>`, `<a href="https://cdn.example.com/a.js">s</a>`},
		{`<a href="  /trim me ">t</a>`, `<a href="https://mirror.example.net/trim%20me">t</a>`},
		{"<a href=\"/new\nline\">t</a>", `<a href="https://mirror.example.net/newline">t</a>`},
		{`<a href="/100%-climat">%</a>`, `<a href="https://mirror.example.net/100%25-climat">%</a>`},
		{`<a href="1a:b">colon</a>`, `<a href="https://mirror.example.net/fr/article/1a:b">colon</a>`},
		{`<a href="//[::1">bad host</a>`, `<a>bad host</a>`},
		// kept as written
		{`<a href="https://example.org/x">a</a>`, `<a href="https://example.org/x">a</a>`},
		{`<a href="HTTP://EXAMPLE.org">a</a>`, `<a href="HTTP://EXAMPLE.org">a</a>`},
		{`<a href="mailto:redaction@example.org">m</a>`, `<a href="mailto:redaction@example.org">m</a>`},
		{`<a href="tel:+3221234567">t</a>`, `<a href="tel:+3221234567">t</a>`},
		{`<a name="x" title="/not/a/url">n</a>`, `<a name="x" title="/not/a/url">n</a>`},
		// every URL attribute
		{`<img src="/m/1.jpg" alt="">`, `<img src="https://mirror.example.net/m/1.jpg" alt=""/>`},
		{`<video poster="/p.jpg" src="v.mp4"></video>`, `<video poster="https://mirror.example.net/p.jpg" src="https://mirror.example.net/fr/article/v.mp4"></video>`},
		{`<blockquote cite="/source">q</blockquote>`, `<blockquote cite="https://mirror.example.net/source">q</blockquote>`},
		{`<q cite="https://e.org/s">q</q>`, `<q cite="https://e.org/s">q</q>`},
		{`<img srcset="/a.jpg 1x, /b,c.jpg 2x,https://e.org/d.jpg 640w">`,
			`<img srcset="https://mirror.example.net/a.jpg 1x, https://mirror.example.net/b,c.jpg 2x, https://e.org/d.jpg 640w"/>`},
		// A comma ends a URL only when followed by a space, as browsers read it.
		{`<img srcset="/a.jpg,/b.jpg 2x">`, `<img srcset="https://mirror.example.net/a.jpg,/b.jpg 2x"/>`},
		{`<img srcset="/a.jpg, /b.jpg 2x">`, `<img srcset="https://mirror.example.net/a.jpg, https://mirror.example.net/b.jpg 2x"/>`},
		{`<img srcset="  ">`, `<img/>`},
		{`<picture><source srcset="/s.webp" type="image/webp"></picture>`, `<picture><source srcset="https://mirror.example.net/s.webp" type="image/webp"/></picture>`},
		{`<svg><a xlink:href="/s"><image href="i.png"/></a></svg>`, `<svg><a xlink:href="https://mirror.example.net/s"><image href="https://mirror.example.net/fr/article/i.png"></image></a></svg>`},
		// malformed in, well-formed out
		{`<p>un <b>deux <i>trois</p> quatre`, `<p>un <b>deux <i>trois</i></b></p><b><i> quatre</i></b>`},
		{`<a href=/x title='a"b'>x`, `<a href="https://mirror.example.net/x" title="a&#34;b">x</a>`},
		{`<img src="/a.jpg"<p>`, `<img src="https://mirror.example.net/a.jpg" <p=""/>`},
		{`a < b & c`, `a &lt; b &amp; c`},
		{``, ``},
	} {
		got, err := Absolutize(tt.in, mirror)
		if err != nil || got != tt.want {
			t.Errorf("Absolutize(%q)\n got %q, %v\nwant %q", tt.in, got, err, tt.want)
		}
	}
}

func TestAbsolutizeNeedsAnAbsoluteBase(t *testing.T) {
	for _, base := range []string{"", "/fr/article/x", "//example.org/x", "example.org", "https://", "%zz"} {
		if _, err := Absolutize(`<a href="/x">x</a>`, base); !errors.Is(err, ErrRelativeBase) {
			t.Errorf("Absolutize against %q: %v, want ErrRelativeBase", base, err)
		}
	}
}

func TestAbsolutizeIsStable(t *testing.T) {
	in := sampleFeed().Entries[0].ContentHTML
	once, _ := Absolutize(in, mirror)
	twice, _ := Absolutize(once, mirror)
	if once != twice {
		t.Errorf("absolutizing again changes\n%s\ninto\n%s", once, twice)
	}
}

// relativeURLs returns the URLs of fragment's URL attributes that are neither
// absolute nor a #fragment, as a reader's browser would find them.
func relativeURLs(tb testing.TB, fragment string) []string {
	div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), div)
	if err != nil {
		tb.Fatalf("the output does not parse: %v", err)
	}
	var rel []string
	check := func(v string) {
		v = urlAttrValue(v)
		if u, err := url.Parse(v); strings.HasPrefix(v, "#") || err == nil && u.IsAbs() {
			return
		}
		rel = append(rel, v)
	}
	for _, root := range nodes {
		for d := root; d != nil; d = nextInTree(d, root) {
			for _, a := range d.Attr {
				switch a.Key {
				case "href", "src", "poster", "cite":
					check(a.Val)
				}
			}
		}
	}
	return rel
}

func FuzzAbsolutize(f *testing.F) {
	for _, s := range []string{
		`<a href="/x">x</a>`, `<img src=y srcset="/a 1x, b 2x">`, `<a href=#t>`, `<svg><a xlink:href=/s>`,
		`<math><mtext><a href=/m>`, `<noscript><a href=/n></noscript>`, `<table><a href=/t><tr>`,
		`<textarea><a href=/t></textarea>`, `<template><a href=/t></template>`, `<plaintext><a href=/p>`,
		`<a href="%zz">`, `<a href=" java\tscript:x">`, `<select><option><a href=/o>`, `<!--<a href=/c>-->`,
		"<a href=\"/\x00\">", `<frameset><a href=/f>`, `<a href="1a:b">`, `<base href="/b"><a href=c>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, err := Absolutize(in, mirror)
		if err != nil {
			t.Fatalf("Absolutize(%q): %v", in, err)
		}
		if rel := relativeURLs(t, out); len(rel) > 0 {
			t.Fatalf("Absolutize(%q) = %q, which keeps the relative URLs %q", in, out, rel)
		}
	})
}

// BenchmarkAbsolutize absolutizes one 5 KB article.
func BenchmarkAbsolutize(b *testing.B) {
	content := benchFeed().Entries[0].ContentHTML
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Absolutize(content, mirror); err != nil {
			b.Fatal(err)
		}
	}
}
