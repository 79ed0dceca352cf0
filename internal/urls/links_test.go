package urls_test

import (
	"math/rand/v2"
	"path"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/urls"
)

func TestFileOf(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"/", "index.html"},
		{"/fr/", "fr/index.html"},
		{"/fr", "fr/index.html"},
		{"/fr/page/2", "fr/page/2/index.html"},
		{"/fr/article/x", "fr/article/x/index.html"},
		{"/fr/article/x/print", "fr/article/x/print/index.html"},
		{"/fr/rubrique/belgique/page/3", "fr/rubrique/belgique/page/3/index.html"},
		{"/fr/dossiers/", "fr/dossiers/index.html"},
		{"/fr/recherche/", "fr/recherche/index.html"},
		{"/fr/article/%D0%BA%D0%B8%D0%B5%D0%B2", "fr/article/%D0%BA%D0%B8%D0%B5%D0%B2/index.html"},
		{"/fr/article/киев", "fr/article/киев/index.html"},
		{"/media/a/b.jpg", "media/a/b.jpg"},
		{"/media/a/b", "media/a/b"}, // a media file, extension or not
		{"/static/site.1a2b.css", "static/site.1a2b.css"},
		{"/fr/feed.atom", "fr/feed.atom"},
		{"/fr/rubrique/belgique/feed.atom", "fr/rubrique/belgique/feed.atom"},
		{"/robots.txt", "robots.txt"},
	} {
		if got := urls.FileOf(tc.path); got != tc.want {
			t.Errorf("FileOf(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

func TestLinksTo(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"/fr/article/x", "/fr/rubrique/y", "../../rubrique/y/index.html"},
		{"/fr/article/x", "/static/site.css", "../../../static/site.css"},
		{"/fr/article/x", "/media/a/b.jpg", "../../../media/a/b.jpg"},
		{"/fr/article/x", "/fr/article/x", "index.html"},
		{"/fr/article/x", "/fr/article/x#comments", "index.html#comments"},
		{"/fr/article/x", "/fr/article/x/print", "print/index.html"},
		{"/fr/article/x/print", "/fr/article/x", "../index.html"},
		{"/fr/article/x", "/nl/artikel/x", "../../../nl/artikel/x/index.html"},
		{"/fr/article/x", "/fr/feed.atom", "../../feed.atom"},
		{"/fr/article/x", "#top", "#top"},
		{"/fr/article/x", "", ""},
		{"/fr/article/x?utm_source=a", "/fr/", "../../index.html"},
		{"/", "/fr/", "fr/index.html"},
		{"/", "/", "index.html"},
		{"/fr/", "/", "../index.html"},
		{"/fr/", "/nl/", "../nl/index.html"},
		{"/fr/", "/fr/page/2", "page/2/index.html"},
		{"/fr/", "/fr/recherche/?q=gr%C3%A8ve&page=2", "recherche/index.html?q=gr%C3%A8ve&page=2"},
		{"/fr/page/2", "/fr/", "../../index.html"},
		{"/fr/page/2", "/fr/page/3", "../3/index.html"},
		{"/fr/rubrique/belgique/page/2", "/media/a/b.jpg", "../../../../../media/a/b.jpg"},
		{"/fr/rubrique/belgique/page/2", "/fr/rubrique/belgique", "../../index.html"},
		{"/fr/article/%D0%BA", "/fr/sujet/%D0%B8", "../../sujet/%D0%B8/index.html"},
		{"/media/a/b.jpg", "/fr/", "../../fr/index.html"},
	} {
		l := urls.RelativeLinks(tc.from)
		if got := l.To(tc.to); got != tc.want || !l.Relative() {
			t.Errorf("RelativeLinks(%q).To(%q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestRootLinks(t *testing.T) {
	l := urls.RootLinks()
	for _, to := range []string{"/", "/fr/rubrique/y", "/fr/recherche/?q=x#r", "#top", "/static/site.css"} {
		if got := l.To(to); got != to || l.Relative() {
			t.Errorf("RootLinks().To(%q) = %q", to, got)
		}
	}
}

// TestRelativeLinksResolve: from the file of any page, a relative link leads to the
// file of the page it names.
func TestRelativeLinksResolve(t *testing.T) {
	s := urls.New()
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		from, to := s.Path(randomPage(r)), s.Path(randomPage(r))
		link := urls.RelativeLinks(from).To(to + "#x")
		target, ok := strings.CutSuffix(link, "#x")
		if !ok || strings.HasPrefix(target, "/") {
			t.Fatalf("from %q, To(%q#x) = %q", from, to, link)
		}
		if got := path.Join(path.Dir(urls.FileOf(from)), target); got != urls.FileOf(to) {
			t.Errorf("from %q, To(%q) = %q leads to %q, want %q", from, to, link, got, urls.FileOf(to))
		}
	}
}

func TestAbsolute(t *testing.T) {
	for _, tc := range []struct{ origin, path, want string }{
		{"https://news.example.org", "/fr/article/x", "https://news.example.org/fr/article/x"},
		{"https://news.example.org", "/", "https://news.example.org/"},
		{"https://news.example.org/", "/fr/", "https://news.example.org/fr/"},
		{"http://localhost:8080", "/fr/recherche/?q=x", "http://localhost:8080/fr/recherche/?q=x"},
	} {
		if got := urls.Absolute(tc.origin, tc.path); got != tc.want {
			t.Errorf("Absolute(%q, %q) = %q, want %q", tc.origin, tc.path, got, tc.want)
		}
	}
}
