package urls_test

import (
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/urls"
)

// TestRoundTrip: every kind, in languages with and without words of their own, with
// page numbers and keys that need escaping, is found again at the path Path gives it.
func TestRoundTrip(t *testing.T) {
	s := urls.New()
	for _, p := range samplePages(t) {
		path := s.Path(p)
		got := s.Parse(decoded(t, path))
		want := p
		if want.Num == 1 && want.Kind.Paginated() {
			want.Num = 0
		}
		if got.Status != urls.Found || got.Page != want || got.Location != "" {
			t.Errorf("Parse(Path(%+v) = %q) = %+v", p, path, got)
		}
	}
}

func TestParse(t *testing.T) {
	s := urls.New()
	home := urls.Page{Kind: urls.Home, Lang: "fr"}
	article := urls.Page{Kind: urls.Article, Lang: "fr", Key: "x"}
	belgique := urls.Page{Kind: urls.Section, Lang: "fr", Key: "belgique"}
	dossiers := urls.Page{Kind: urls.Dossiers, Lang: "fr"}
	for _, tc := range []struct {
		path string
		want urls.Parsed
	}{
		{"/", found(urls.Page{Kind: urls.Root})},
		{"/fr/", found(home)},
		{"/fr", redirect(home, "/fr/")},
		{"/fr/page/2", found(home.At(2))},
		{"/fr/article/x/photos", found(urls.Page{Kind: urls.Album, Lang: "fr", Key: "x"})},
		{"/nl/artikel/x/fotos", found(urls.Page{Kind: urls.Album, Lang: "nl", Key: "x"})},
		{"/fr/article/x/photo/3", found(urls.Page{Kind: urls.AlbumPhoto, Lang: "fr", Key: "x", Num: 3})},
		{"/fr/article/x/photo/3/", redirect(urls.Page{Kind: urls.AlbumPhoto, Lang: "fr", Key: "x", Num: 3}, "/fr/article/x/photo/3")},
		{"/fr/article/x/photo/0", urls.Parsed{}},
		{"/fr/article/x/photo/03", urls.Parsed{}},
		{"/fr/article/x/photo", urls.Parsed{}},
		{"/fr/article/x/photos/3", urls.Parsed{}},
		{"/fr/article/x/print/3", urls.Parsed{}},
		{"/fr/article/x/photos/page/2", urls.Parsed{}},
		{"/fr/article/x/photos.zip", found(urls.Page{Kind: urls.AlbumZip, Lang: "fr", Key: "x", Ext: "zip"})},
		{"/fr/article/x/photos.tar", urls.Parsed{}},
		{"/hd/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/a-b.jpg", found(urls.Page{Kind: urls.Download, Key: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/a-b.jpg"})},
		{"/hd/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/a b.jpg", urls.Parsed{}},
		{"/hd/9F86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/a.jpg", urls.Parsed{}},
		{"/hd/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/a.gif", urls.Parsed{}},
		{"/fr/page/2/", redirect(home.At(2), "/fr/page/2")},
		{"/fr/page/1", redirect(home, "/fr/")},
		{"/fr/page/1/", redirect(home, "/fr/")},
		{"/fr/page/10000", found(home.At(10000))},
		{"/fr-BE/", found(urls.Page{Kind: urls.Home, Lang: "fr-BE"})},
		{"/de/page/3", found(urls.Page{Kind: urls.Home, Lang: "de", Num: 3})},

		{"/fr/article/x", found(article)},
		{"/fr/article/x/", redirect(article, "/fr/article/x")},
		{"/fr/article/x/print", found(urls.Page{Kind: urls.ArticlePrint, Lang: "fr", Key: "x"})},
		{"/fr/article/x/print/", redirect(urls.Page{Kind: urls.ArticlePrint, Lang: "fr", Key: "x"}, "/fr/article/x/print")},
		{"/nl/artikel/x/mastodon", found(urls.Page{Kind: urls.ArticleShare, Lang: "nl", Key: "x"})},
		{"/fr/article/забастовка", found(urls.Page{Kind: urls.Article, Lang: "fr", Key: "забастовка"})},
		{"/fr/article/забастовка/", redirect(urls.Page{Kind: urls.Article, Lang: "fr", Key: "забастовка"},
			"/fr/article/%D0%B7%D0%B0%D0%B1%D0%B0%D1%81%D1%82%D0%BE%D0%B2%D0%BA%D0%B0")},

		{"/fr/rubrique/belgique", found(belgique)},
		{"/fr/rubrique/belgique/", redirect(belgique, "/fr/rubrique/belgique")},
		{"/fr/rubrique/belgique/page/3", found(belgique.At(3))},
		{"/fr/rubrique/belgique/page/3/", redirect(belgique.At(3), "/fr/rubrique/belgique/page/3")},
		{"/fr/rubrique/belgique/page/1", redirect(belgique, "/fr/rubrique/belgique")},
		{"/fr/sujet/climat/page/2", found(urls.Page{Kind: urls.Tag, Lang: "fr", Key: "climat", Num: 2})},
		{"/nl/auteur/an/page/2", found(urls.Page{Kind: urls.Author, Lang: "nl", Key: "an", Num: 2})},
		{"/en/dossier/energy/page/2", found(urls.Page{Kind: urls.Dossier, Lang: "en", Key: "energy", Num: 2})},
		// A section may be called "page"; its page 2 says so twice.
		{"/fr/rubrique/page", found(urls.Page{Kind: urls.Section, Lang: "fr", Key: "page"})},
		{"/fr/rubrique/page/page/2", found(urls.Page{Kind: urls.Section, Lang: "fr", Key: "page", Num: 2})},
		{"/fr-BE/sujet/x", found(urls.Page{Kind: urls.Tag, Lang: "fr-BE", Key: "x"})},
		{"/de/tag/x", found(urls.Page{Kind: urls.Tag, Lang: "de", Key: "x"})},

		{"/fr/dossiers/", found(dossiers)},
		{"/fr/dossiers", redirect(dossiers, "/fr/dossiers/")},
		{"/fr/dossiers/page/2", found(dossiers.At(2))},
		{"/fr/dossiers/page/1", redirect(dossiers, "/fr/dossiers/")},
		{"/fr/dossiers/page/2/", redirect(dossiers.At(2), "/fr/dossiers/page/2")},
		// The query string is not in r.URL.Path: the site adds it to the redirect.
		{"/fr/recherche/", found(urls.Page{Kind: urls.Search, Lang: "fr"})},
		{"/fr/recherche", redirect(urls.Page{Kind: urls.Search, Lang: "fr"}, "/fr/recherche/")},
		{"/nl/zoeken/", found(urls.Page{Kind: urls.Search, Lang: "nl"})},
		{"/en/search", redirect(urls.Page{Kind: urls.Search, Lang: "en"}, "/en/search/")},

		{"/fr/preview/Ab-_9x", found(urls.Page{Kind: urls.Preview, Lang: "fr", Key: "Ab-_9x"})},
		{"/fr/preview/Ab-_9x/", redirect(urls.Page{Kind: urls.Preview, Lang: "fr", Key: "Ab-_9x"}, "/fr/preview/Ab-_9x")},
		{"/media/a.jpg", found(urls.Page{Kind: urls.Media, Key: "a.jpg"})},
		{"/media/albums/2026/x y.webp", found(urls.Page{Kind: urls.Media, Key: "albums/2026/x y.webp"})},
		{"/static/site.1a2b.css", found(urls.Page{Kind: urls.Asset, Key: "site.1a2b.css"})},
	} {
		if got := s.Parse(tc.path); got != tc.want {
			t.Errorf("Parse(%q) = %+v, want %+v", tc.path, got, tc.want)
		}
	}
}

func found(p urls.Page) urls.Parsed { return urls.Parsed{Page: p, Status: urls.Found} }

func redirect(p urls.Page, to string) urls.Parsed {
	return urls.Parsed{Page: p, Status: urls.Redirect, Location: to}
}

func TestParseNotFound(t *testing.T) {
	s := urls.New()
	for _, path := range []string{
		"", "fr/", "//", "///", "/fr//", "/fr//article/x", "/fr/article//x", "/fr/article/x//",
		// Languages: canonical tags only.
		"/FR/", "/fr-be/", "/fr_BE/", "/xx/", "/français/", "/i-klingon/",
		// Words of another language, or of no kind.
		"/nl/rubrique/x", "/fr/rubriek/x", "/fr/section/x", "/de/rubrique/x", "/fr-BE/section/x",
		"/fr/zoeken/", "/fr/articles/x", "/fr/a-propos", "/fr/page", "/fr/page/",
		// Slugs.
		"/fr/article", "/fr/article/", "/fr/article/Grève", "/fr/article/greve-", "/fr/article/a b",
		"/fr/article/%D0%B7", "/fr/article/x.html", "/fr/article/" + strings.Repeat("a", 121),
		// Page numbers.
		"/fr/page/0", "/fr/page/00", "/fr/page/01", "/fr/page/-1", "/fr/page/+2", "/fr/page/2.0",
		"/fr/page/10001", "/fr/page/99999999999999999999999", "/fr/page/x", "/fr/page/2/page/3",
		"/fr/rubrique/page/2", "/fr/rubrique/belgique/page/0", "/fr/rubrique/belgique/page",
		"/fr/article/x/page/2", "/fr/article/x/page/1", "/fr/recherche/page/2", "/fr/article/x/print/page/2",
		// Actions.
		"/fr/article/x/imprimer", "/fr/rubrique/x/print", "/fr/dossiers/x", "/fr/dossiers/x/print",
		"/fr/article/x/print/y", "/fr/print", "/fr/preview/", "/fr/preview", "/fr/preview/a.b",
		"/fr/preview/a/b", "/fr/preview/" + strings.Repeat("a", 129),
		// Files.
		"/media", "/media/", "/media/a/", "/media//a", "/media/a//b", "/media/../etc/passwd",
		"/media/a/../b", "/media/a/./b", "/static", "/static/", "/static/a/b.css", "/static/..",
		// Not in the scheme.
		"/robots.txt", "/favicon.ico", "/healthz", "/newsroom/", "/newsroom/articles/1",
		// Malformed.
		"/fr/article/\xff", "/\xff/", "/fr\x00/", "/" + strings.Repeat("a", urls.MaxPathLen),
	} {
		if got := s.Parse(path); got != (urls.Parsed{}) {
			t.Errorf("Parse(%q) = %+v, want not found", path, got)
		}
	}
}

// TestParseWeird: nothing a client sends makes Parse panic or work long.
func TestParseWeird(t *testing.T) {
	s := urls.New()
	for _, path := range []string{
		strings.Repeat("/", 1<<20),
		"/fr/" + strings.Repeat("page/2/", 1<<16),
		"/fr/" + strings.Repeat("a/", urls.MaxPathLen/2-3),
		"/media/" + strings.Repeat("a/", 450) + "b",
		"/fr/article/" + strings.Repeat("\u0301", 200),
		"/\u202e/", "/fr/article/\u200b", "/fr/article/x\r\n", "/%", "/fr/%zz",
	} {
		got := s.Parse(path)
		if got.Status == urls.Found && decoded(t, s.Path(got.Page)) != path {
			t.Errorf("Parse(%.40q…) found %+v at another path", path, got.Page)
		}
	}
}

// TestParseFiles: a page's files (feeds, share cards) and the sitemaps are found at
// their extension addresses only, on the first page of a list that has them.
func TestParseFiles(t *testing.T) {
	s := urls.New()
	for path, want := range map[string]urls.Page{
		"/fr/feed.atom":                      {Kind: urls.HomeFeed, Lang: "fr", Ext: "atom"},
		"/nl/feed.json":                      {Kind: urls.HomeFeed, Lang: "nl", Ext: "json"},
		"/fr/communiques/feed.rss":           {Kind: urls.PressFeed, Lang: "fr", Ext: "rss"},
		"/nl/persberichten/feed.atom":        {Kind: urls.PressFeed, Lang: "nl", Ext: "atom"},
		"/fr/rubrique/belgique/feed.atom":    {Kind: urls.SectionFeed, Lang: "fr", Key: "belgique", Ext: "atom"},
		"/fr/rubrique/page/feed.atom":        {Kind: urls.SectionFeed, Lang: "fr", Key: "page", Ext: "atom"},
		"/nl/trefwoord/klimaat/feed.rss":     {Kind: urls.TagFeed, Lang: "nl", Key: "klimaat", Ext: "rss"},
		"/en/author/an-peeters/feed.json":    {Kind: urls.AuthorFeed, Lang: "en", Key: "an-peeters", Ext: "json"},
		"/fr/dossier/energie/feed.atom":      {Kind: urls.DossierFeed, Lang: "fr", Key: "energie", Ext: "atom"},
		"/fr/article/greve/card.png":         {Kind: urls.ArticleCard, Lang: "fr", Key: "greve", Ext: "png"},
		"/fr/card.png":                       {Kind: urls.HomeCard, Lang: "fr", Ext: "png"},
		"/sitemap.xml":                       {Kind: urls.SitemapIndex, Ext: "xml"},
		"/sitemaps/articles-1.xml":           {Kind: urls.Sitemap, Key: "articles-1.xml"},
		"/fr/rubrique/забастовка/feed.atom":  {Kind: urls.SectionFeed, Lang: "fr", Key: "забастовка", Ext: "atom"},
		"/fr-BE/rubrique/belgique/feed.atom": {Kind: urls.SectionFeed, Lang: "fr-BE", Key: "belgique", Ext: "atom"},
	} {
		if got := s.Parse(path); got.Status != urls.Found || got.Page != want {
			t.Errorf("Parse(%q) = %+v, want %+v", path, got, want)
		}
	}
	for _, path := range []string{
		"/fr/feed.xml", "/fr/feed.atom.atom", "/fr/feed.", "/fr/.atom", "/fr/feed.atom/", "/fr/page/2/feed.atom",
		"/fr/rubrique/belgique/page/2/feed.atom", "/fr/recherche/feed.atom", "/fr/article/greve/feed.atom",
		"/fr/sitemap.xml", "/sitemap.atom", "/feed.atom", "/fr/card.jpg", "/fr/rubrique/belgique/card.png",
		"/fr/preview/abc/feed.atom", "/fr/article/greve/print/card.png", "/xx-!/feed.atom", "/fr/rubrique/feed.atom",
		"/fr/rubrique/bel.gique/feed.atom", "/media.xml", "/sitemaps.xml", "/fr/dossiers/feed.atom",
	} {
		if got := s.Parse(path); got.Status == urls.Found {
			t.Errorf("Parse(%q) = %+v, want nothing found", path, got)
		}
	}
	if got := s.Parse("/fr/rubrique/belgique/"); got.Status != urls.Redirect {
		t.Errorf("a section with a slash: %+v", got)
	}
}
