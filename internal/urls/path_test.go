package urls_test

import (
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/urls"
)

func TestPath(t *testing.T) {
	s := urls.New()
	for _, tc := range []struct {
		page urls.Page
		want string
	}{
		{urls.Page{Kind: urls.Root}, "/"},
		{urls.Page{Kind: urls.Home, Lang: "fr"}, "/fr/"},
		{urls.Page{Kind: urls.Home, Lang: "fr", Num: 1}, "/fr/"},
		{urls.Page{Kind: urls.Home, Lang: "nl", Num: 2}, "/nl/page/2"},
		{urls.Page{Kind: urls.Article, Lang: "fr", Key: "greve"}, "/fr/article/greve"},
		{urls.Page{Kind: urls.Article, Lang: "nl", Key: "greve"}, "/nl/artikel/greve"},
		{urls.Page{Kind: urls.Article, Lang: "en", Key: "greve"}, "/en/article/greve"},
		{urls.Page{Kind: urls.ArticlePrint, Lang: "nl", Key: "greve"}, "/nl/artikel/greve/print"},
		{urls.Page{Kind: urls.ArticleShare, Lang: "fr", Key: "greve"}, "/fr/article/greve/mastodon"},
		{urls.Page{Kind: urls.Section, Lang: "fr", Key: "belgique"}, "/fr/rubrique/belgique"},
		{urls.Page{Kind: urls.Section, Lang: "fr", Key: "belgique", Num: 3}, "/fr/rubrique/belgique/page/3"},
		{urls.Page{Kind: urls.Section, Lang: "nl", Key: "belgie"}, "/nl/rubriek/belgie"},
		{urls.Page{Kind: urls.Section, Lang: "en", Key: "belgium"}, "/en/section/belgium"},
		{urls.Page{Kind: urls.Tag, Lang: "fr", Key: "climat", Num: 2}, "/fr/sujet/climat/page/2"},
		{urls.Page{Kind: urls.Tag, Lang: "nl", Key: "klimaat"}, "/nl/trefwoord/klimaat"},
		{urls.Page{Kind: urls.Tag, Lang: "en", Key: "киев"}, "/en/tag/%D0%BA%D0%B8%D0%B5%D0%B2"},
		{urls.Page{Kind: urls.Tag, Lang: "de", Key: "klima"}, "/de/tag/klima"},
		{urls.Page{Kind: urls.Tag, Lang: "fr-BE", Key: "climat"}, "/fr-BE/sujet/climat"},
		{urls.Page{Kind: urls.Author, Lang: "nl", Key: "an-peeters"}, "/nl/auteur/an-peeters"},
		{urls.Page{Kind: urls.Author, Lang: "en", Key: "اضراب", Num: 4}, "/en/author/%D8%A7%D8%B6%D8%B1%D8%A7%D8%A8/page/4"},
		{urls.Page{Kind: urls.Dossier, Lang: "nl", Key: "energie", Num: 2}, "/nl/dossier/energie/page/2"},
		{urls.Page{Kind: urls.Dossiers, Lang: "fr"}, "/fr/dossiers/"},
		{urls.Page{Kind: urls.Dossiers, Lang: "en", Num: 2}, "/en/dossiers/page/2"},
		{urls.Page{Kind: urls.Search, Lang: "fr"}, "/fr/recherche/"},
		{urls.Page{Kind: urls.Search, Lang: "nl"}, "/nl/zoeken/"},
		{urls.Page{Kind: urls.Search, Lang: "en"}, "/en/search/"},
		{urls.Page{Kind: urls.Search, Lang: "de"}, "/de/search/"},
		{urls.Page{Kind: urls.Preview, Lang: "fr", Key: "Ab-_9xQz"}, "/fr/preview/Ab-_9xQz"},
		{urls.Page{Kind: urls.Media, Key: "albums/2026/x.webp"}, "/media/albums/2026/x.webp"},
		{urls.Page{Kind: urls.Media, Key: "a b/é.jpg"}, "/media/a%20b/%C3%A9.jpg"},
		{urls.Page{Kind: urls.Media, Key: "50%?#.jpg"}, "/media/50%25%3F%23.jpg"},
		{urls.Page{Kind: urls.Asset, Key: "site.1a2b3c4d5e.css"}, "/static/site.1a2b3c4d5e.css"},
		// Path builds page numbers past MaxPage, which Parse refuses, so that a list's
		// "next" link needs no special case at its end.
		{urls.Page{Kind: urls.Home, Lang: "fr", Num: urls.MaxPage + 1}, "/fr/page/10001"},
	} {
		if got := s.Path(tc.page); got != tc.want {
			t.Errorf("Path(%+v) = %q, want %q", tc.page, got, tc.want)
		}
	}
}

// TestPathRefuses: Path panics, and Check explains, for pages that have no address.
func TestPathRefuses(t *testing.T) {
	s := urls.New()
	for _, p := range []urls.Page{
		{},
		{Kind: urls.Kind(99), Lang: "fr"},
		{Kind: urls.Root, Lang: "fr"},
		{Kind: urls.Home},
		{Kind: urls.Home, Lang: "FR"},
		{Kind: urls.Home, Lang: "fr-be"},
		{Kind: urls.Home, Lang: "fr/../nl"},
		{Kind: urls.Home, Lang: "fr", Key: "x"},
		{Kind: urls.Home, Lang: "fr", Num: -1},
		{Kind: urls.Article, Lang: "fr"},
		{Kind: urls.Article, Lang: "fr", Key: "Grève"},
		{Kind: urls.Article, Lang: "fr", Key: "a/b"},
		{Kind: urls.Article, Lang: "fr", Key: "x", Num: 2},
		{Kind: urls.ArticlePrint, Lang: "fr", Key: "x", Num: 2},
		{Kind: urls.Section, Lang: "fr", Key: "x-"},
		{Kind: urls.Search, Lang: "fr", Num: 2},
		{Kind: urls.Dossiers, Lang: "fr", Key: "x"},
		{Kind: urls.Preview, Lang: "fr", Key: ""},
		{Kind: urls.Preview, Lang: "fr", Key: "a.b"},
		{Kind: urls.Preview, Lang: "fr", Key: strings.Repeat("a", 129)},
		{Kind: urls.Media, Lang: "fr", Key: "a.jpg"},
		{Kind: urls.Media, Key: ""},
		{Kind: urls.Media, Key: "../etc/passwd"},
		{Kind: urls.Media, Key: "a//b.jpg"},
		{Kind: urls.Media, Key: "a/./b.jpg"},
		{Kind: urls.Media, Key: "a/"},
		{Kind: urls.Media, Key: "/a"},
		{Kind: urls.Media, Key: "a\xffb.jpg"},
		{Kind: urls.Media, Key: "a.jpg", Num: 2},
		{Kind: urls.Asset, Key: "a/b.css"},
		{Kind: urls.Asset, Key: ".."},
	} {
		if s.Check(p) == nil {
			t.Errorf("Check(%+v) = nil", p)
		}
		if got, ok := pathPanics(s, p); !ok {
			t.Errorf("Path(%+v) = %q, want a panic", p, got)
		}
	}
}

func pathPanics(s *urls.Scheme, p urls.Page) (path string, panicked bool) {
	defer func() { panicked = recover() != nil }()
	return s.Path(p), false
}

func TestPageNumbers(t *testing.T) {
	p := urls.Page{Kind: urls.Section, Lang: "fr", Key: "belgique"}
	if p.Number() != 1 || p.At(1).Number() != 1 || p.At(7).Number() != 7 {
		t.Errorf("Number: %d %d %d", p.Number(), p.At(1).Number(), p.At(7).Number())
	}
	if got := p.At(7).First(); got != p {
		t.Errorf("First() = %+v, want %+v", got, p)
	}
}
