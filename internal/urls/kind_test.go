package urls_test

import (
	"net/url"
	"slices"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/urls"
)

func TestKinds(t *testing.T) {
	want := []struct {
		kind  urls.Kind
		name  string
		paged bool
	}{
		{urls.Root, "root", false},
		{urls.Home, "home", true},
		{urls.Article, "article", false},
		{urls.ArticlePrint, "article-print", false},
		{urls.ArticleShare, "article-share", false},
		{urls.Section, "section", true},
		{urls.Tag, "tag", true},
		{urls.Author, "author", true},
		{urls.Dossier, "dossier", true},
		{urls.Dossiers, "dossiers", true},
		{urls.Search, "search", false},
		{urls.Preview, "preview", false},
		{urls.Media, "media", false},
		{urls.Asset, "asset", false},
		{urls.Press, "press", true},
		{urls.HomeFeed, "home-feed", false},
		{urls.PressFeed, "press-feed", false},
		{urls.SectionFeed, "section-feed", false},
		{urls.TagFeed, "tag-feed", false},
		{urls.AuthorFeed, "author-feed", false},
		{urls.DossierFeed, "dossier-feed", false},
		{urls.ArticleCard, "article-card", false},
		{urls.HomeCard, "home-card", false},
		{urls.SitemapIndex, "sitemap-index", false},
		{urls.Sitemap, "sitemap", false},
		{urls.Album, "album", false},
		{urls.AlbumPhoto, "album-photo", false},
		{urls.AlbumZip, "album-zip", false},
		{urls.Download, "download", false},
	}
	got := urls.Kinds()
	if len(got) != len(want) {
		t.Fatalf("Kinds() = %v, want %d kinds", got, len(want))
	}
	for i, w := range want {
		if got[i] != w.kind || w.kind.String() != w.name || w.kind.Paginated() != w.paged {
			t.Errorf("kind %d: %v %q paginated=%v, want %q paginated=%v", i, got[i], got[i], got[i].Paginated(), w.name, w.paged)
		}
	}
	if k := urls.Kind(0); k.String() != "invalid" || k.Paginated() || slices.Contains(got, k) {
		t.Errorf("the zero Kind is %q, paginated %v", k, k.Paginated())
	}
}

func TestWord(t *testing.T) {
	s := urls.New()
	words := map[urls.Kind][3]string{ // fr, nl, en
		urls.Article:      {"article", "artikel", "article"},
		urls.ArticlePrint: {"print", "print", "print"},
		urls.ArticleShare: {"mastodon", "mastodon", "mastodon"},
		urls.Section:      {"rubrique", "rubriek", "section"},
		urls.Tag:          {"sujet", "trefwoord", "tag"},
		urls.Author:       {"auteur", "auteur", "author"},
		urls.Dossier:      {"dossier", "dossier", "dossier"},
		urls.Dossiers:     {"dossiers", "dossiers", "dossiers"},
		urls.Search:       {"recherche", "zoeken", "search"},
		urls.Preview:      {"preview", "preview", "preview"},
		urls.Media:        {"media", "media", "media"},
		urls.Asset:        {"static", "static", "static"},
		urls.Root:         {"", "", ""},
		urls.Home:         {"", "", ""},
		urls.Press:        {"communiques", "persberichten", "press"},
		urls.HomeFeed:     {"feed", "feed", "feed"},
		urls.PressFeed:    {"feed", "feed", "feed"},
		urls.SectionFeed:  {"feed", "feed", "feed"},
		urls.TagFeed:      {"feed", "feed", "feed"},
		urls.AuthorFeed:   {"feed", "feed", "feed"},
		urls.DossierFeed:  {"feed", "feed", "feed"},
		urls.ArticleCard:  {"card", "card", "card"},
		urls.HomeCard:     {"card", "card", "card"},
		urls.SitemapIndex: {"sitemap", "sitemap", "sitemap"},
		urls.Sitemap:      {"sitemaps", "sitemaps", "sitemaps"},
		urls.Album:        {"photos", "fotos", "photos"},
		urls.AlbumPhoto:   {"photo", "foto", "photo"},
		urls.AlbumZip:     {"photos", "fotos", "photos"},
		urls.Download:     {"hd", "hd", "hd"},
	}
	for k, w := range words {
		for lang, want := range map[content.Lang]string{"fr": w[0], "nl": w[1], "en": w[2], "fr-BE": w[0], "nl-BE": w[1], "de": w[2], "x-foo": w[2]} {
			if got := s.Word(lang, k); got != want {
				t.Errorf("Word(%s, %s) = %q, want %q", lang, k, got, want)
			}
		}
	}
	if len(words) != len(urls.Kinds()) {
		t.Errorf("the test knows %d kinds of %d", len(words), len(urls.Kinds()))
	}
}

// TestWordsNeedNoEscape: words go into paths as they are.
func TestWordsNeedNoEscape(t *testing.T) {
	s := urls.New()
	for _, k := range urls.Kinds() {
		for _, lang := range testLangs {
			if w := s.Word(lang, k); url.PathEscape(w) != w {
				t.Errorf("Word(%s, %s) = %q needs escaping", lang, k, w)
			}
		}
	}
}

// TestFeedsAndCards: every list that readers follow has a feed, articles and the home
// page have a share card, and nothing else does.
func TestFeedsAndCards(t *testing.T) {
	feeds := map[urls.Kind]urls.Kind{urls.Home: urls.HomeFeed, urls.Press: urls.PressFeed, urls.Section: urls.SectionFeed,
		urls.Tag: urls.TagFeed, urls.Author: urls.AuthorFeed, urls.Dossier: urls.DossierFeed}
	cards := map[urls.Kind]urls.Kind{urls.Article: urls.ArticleCard, urls.Home: urls.HomeCard}
	for _, k := range urls.Kinds() {
		f, ok := k.Feed()
		if want, has := feeds[k]; ok != has || f != want {
			t.Errorf("%s.Feed() = %s %v, want %s", k, f, ok, want)
		}
		c, ok := k.Card()
		if want, has := cards[k]; ok != has || c != want {
			t.Errorf("%s.Card() = %s %v, want %s", k, c, ok, want)
		}
	}
	for _, f := range feeds {
		if !slices.Equal(f.Exts(), []string{"atom", "rss", "json"}) {
			t.Errorf("%s formats %v", f, f.Exts())
		}
	}
}
