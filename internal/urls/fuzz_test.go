package urls_test

import (
	"testing"

	"github.com/roneo/roneo/internal/urls"
)

// FuzzParse: Parse never panics; a path it finds is the canonical one Path writes, and
// a redirect leads in one hop to a path it finds.
func FuzzParse(f *testing.F) {
	s := urls.New()
	for _, p := range samplePages(f) {
		path := decoded(f, s.Path(p))
		f.Add(path)
		f.Add(path + "/")
	}
	for _, seed := range []string{
		"", "/", "//", "/fr", "/fr/page/1", "/fr/page/01", "/fr/rubrique/page/page/2",
		"/fr/dossiers", "/media/a//b", "/static/..", "/fr/article/x/print/", "/\xff", "/robots.txt",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, path string) {
		got := s.Parse(path)
		switch got.Status {
		case urls.Found:
			if canon := decoded(t, s.Path(got.Page)); canon != path || got.Location != "" {
				t.Fatalf("Parse(%q) found %+v, whose path is %q", path, got.Page, canon)
			}
		case urls.Redirect:
			again := s.Parse(decoded(t, got.Location))
			if got.Location != s.Path(got.Page) || again.Status != urls.Found || again.Page != got.Page {
				t.Fatalf("Parse(%q) = %+v; the location parses as %+v", path, got, again)
			}
		case urls.NotFound:
			if got != (urls.Parsed{}) {
				t.Fatalf("Parse(%q) = %+v", path, got)
			}
		default:
			t.Fatalf("Parse(%q) = %+v", path, got)
		}
	})
}
