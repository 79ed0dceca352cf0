package main

import (
	"path/filepath"
	"testing"
)

func TestFirstArticlePath(t *testing.T) {
	tests := []struct {
		name, home, want string
	}{
		{"teaser first", `<a href="/fr/article/menu">x</a><h3 class="teaser-title"><a href="/fr/article/la-une">La une</a></h3>`, "/fr/article/la-une"},
		{"any article link", `<p><a class="more" href="/fr/article/suite?x=1">suite</a></p>`, "/fr/article/suite"},
	}
	for _, tt := range tests {
		got, err := firstArticlePath([]byte(tt.home))
		if err != nil || got != tt.want {
			t.Errorf("%s: firstArticlePath = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	if _, err := firstArticlePath([]byte(`<a href="/en/article/x">`)); err == nil {
		t.Error("a home page without French article links gave no error")
	}
}

func TestPageFile(t *testing.T) {
	got, err := pageFile("/srv/root", "/fr/article/%C3%A9t%C3%A9-2024")
	if want := filepath.FromSlash("/srv/root/fr/article/été-2024"); err != nil || got != want {
		t.Errorf("pageFile = %q, %v; want %q", got, err, want)
	}
	for _, bad := range []string{"/fr/article/../../etc/passwd", "/fr/article/x/", "fr/article/x", "/fr/%zz"} {
		if _, err := pageFile("/srv/root", bad); err == nil {
			t.Errorf("pageFile(%q) gave no error", bad)
		}
	}
}

func TestSamePage(t *testing.T) {
	ref := page{Path: "/fr/article/x", Body: []byte("<html>abc</html>")}
	if same, err := samePage("roneo", []byte("<html>abc</html>"), ref); err != nil || !same {
		t.Errorf("identical page: %v, %v", same, err)
	}
	if same, err := samePage("roneo", []byte("<html>abd</html>"), ref); err != nil || same {
		t.Errorf("same length, other bytes: %v, %v", same, err)
	}
	if _, err := samePage("roneo", []byte("<html></html>"), ref); err == nil {
		t.Error("a page of another length gave no error")
	}
}
