package site_test

import (
	"context"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
)

// samplePages are a page of every kind the builders make, in the fixture.
func (f *fixture) samplePages(t *testing.T) map[urls.Kind]site.PageRequest {
	const secret = "preview-secret-of-the-test"
	f.addPhotos(t)
	f.update(t, func(tx store.Tx) error {
		return tx.CreatePreview(context.Background(), store.Preview{Hash: auth.HashToken(secret),
			ArticleID: f.ids["sous-embargo"], ExpiresAt: start.Add(2 * time.Hour)})
	})
	return map[urls.Kind]site.PageRequest{
		urls.Home:         {Page: urls.Page{Kind: urls.Home, Lang: "fr", Num: 2}},
		urls.Article:      {Page: urls.Page{Kind: urls.Article, Lang: "fr", Key: "greve-generale"}},
		urls.ArticlePrint: {Page: urls.Page{Kind: urls.ArticlePrint, Lang: "fr", Key: "greve-generale"}},
		urls.ArticleShare: {Page: urls.Page{Kind: urls.ArticleShare, Lang: "fr", Key: "greve-generale"}},
		urls.Section:      {Page: urls.Page{Kind: urls.Section, Lang: "fr", Key: "europe", Num: 2}},
		urls.Tag:          {Page: urls.Page{Kind: urls.Tag, Lang: "fr", Key: "greve"}},
		urls.Author:       {Page: urls.Page{Kind: urls.Author, Lang: "fr", Key: "marie-dubois"}},
		urls.Dossier:      {Page: urls.Page{Kind: urls.Dossier, Lang: "fr", Key: "solidarite"}},
		urls.Dossiers:     {Page: urls.Page{Kind: urls.Dossiers, Lang: "nl"}},
		urls.Search:       {Page: urls.Page{Kind: urls.Search, Lang: "fr"}, Query: url.Values{"q": {"grève"}}},
		urls.Preview:      {Page: urls.Page{Kind: urls.Preview, Lang: "fr", Key: secret}},
		urls.Press:        {Page: urls.Page{Kind: urls.Press, Lang: "fr"}},
		urls.HomeFeed:     {Page: urls.Page{Kind: urls.HomeFeed, Lang: "fr", Ext: "atom"}},
		urls.PressFeed:    {Page: urls.Page{Kind: urls.PressFeed, Lang: "fr", Ext: "rss"}},
		urls.SectionFeed:  {Page: urls.Page{Kind: urls.SectionFeed, Lang: "fr", Key: "europe", Ext: "json"}},
		urls.TagFeed:      {Page: urls.Page{Kind: urls.TagFeed, Lang: "fr", Key: "greve", Ext: "atom"}},
		urls.AuthorFeed:   {Page: urls.Page{Kind: urls.AuthorFeed, Lang: "fr", Key: "marie-dubois", Ext: "atom"}},
		urls.DossierFeed:  {Page: urls.Page{Kind: urls.DossierFeed, Lang: "fr", Key: "solidarite", Ext: "atom"}},
		urls.ArticleCard:  {Page: urls.Page{Kind: urls.ArticleCard, Lang: "fr", Key: "greve-generale", Ext: "png"}},
		urls.HomeCard:     {Page: urls.Page{Kind: urls.HomeCard, Lang: "nl", Ext: "png"}},
		urls.SitemapIndex: {Page: urls.Page{Kind: urls.SitemapIndex, Ext: "xml"}},
		urls.Sitemap:      {Page: urls.Page{Kind: urls.Sitemap, Key: "article-1.xml"}},
		urls.Album:        {Page: urls.Page{Kind: urls.Album, Lang: "fr", Key: "communique-ambassade"}},
		urls.AlbumPhoto:   {Page: urls.Page{Kind: urls.AlbumPhoto, Lang: "fr", Key: "communique-ambassade", Num: 2}},
	}
}

// notBuilt are the kinds the server answers itself: they are no pages of a language, or
// files streamed from the media store (a photo's download, an album's ZIP).
var notBuilt = []urls.Kind{urls.Root, urls.Media, urls.Asset, urls.Download, urls.AlbumZip}

// TestBuildEveryPageKind builds a page of every kind of the address scheme with no HTTP
// server, as a static mirror will: every kind the scheme knows has a builder, or is
// answered by the server for a reason.
func TestBuildEveryPageKind(t *testing.T) {
	f := newFixture(t, 0)
	samples := f.samplePages(t)
	for _, k := range urls.Kinds() {
		req, ok := samples[k]
		if slices.Contains(notBuilt, k) {
			if _, err := f.site.Build(context.Background(), site.PageRequest{Page: urls.Page{Kind: k}}); err == nil {
				t.Errorf("%s: built, but the server answers it itself", k)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: a kind of the scheme with no sample page here: add one", k)
			continue
		}
		resp, err := f.site.Build(context.Background(), req)
		if err != nil {
			t.Errorf("%s: %v", k, err)
			continue
		}
		if resp.Status != http.StatusOK || k.Exts() == nil && k != urls.Sitemap && !strings.Contains(string(resp.Body), "<main") {
			t.Errorf("%s: status %d, body %.200s", k, resp.Status, resp.Body)
		}
		// Sitemaps follow every edit's date: built for each request.
		cacheable := k != urls.Search && k != urls.Preview && k != urls.Sitemap && k != urls.SitemapIndex
		if resp.Cacheable != cacheable {
			t.Errorf("%s: cacheable %v, want %v", k, resp.Cacheable, cacheable)
		}
		if cacheable && len(resp.Keys) == 0 {
			t.Errorf("%s: a cacheable page that names no keys could never be purged", k)
		}
	}
}

// TestBuildRelativeLinks builds every page with the links of a static mirror: nothing
// links to the root of the disk, and every link to a page of the site leads to the file
// that page is in.
func TestBuildRelativeLinks(t *testing.T) {
	f := newFixture(t, 0)
	for k, req := range f.samplePages(t) {
		req.Relative = true
		resp, err := f.site.Build(context.Background(), req)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if !strings.HasPrefix(resp.ContentType, "text/html") {
			continue // feeds, cards and sitemaps carry absolute links only
		}
		self := f.scheme().Path(req.Page)
		dir := path.Dir(urls.FileOf(self))
		for _, l := range links(t, resp.Body) {
			switch {
			case l == "" || strings.HasPrefix(l, "#"), strings.HasPrefix(l, "mailto:"), strings.HasPrefix(l, "tel:"),
				strings.HasPrefix(l, "https://"):
				continue
			case strings.HasPrefix(l, "/"):
				t.Errorf("%s: root-relative link %q in a mirror's page", k, l)
				continue
			}
			target, _, _ := strings.Cut(l, "?")
			target, _, _ = strings.Cut(target, "#")
			file := path.Clean(path.Join(dir, target))
			if strings.HasPrefix(file, "..") {
				t.Errorf("%s: link %q leaves the mirror", k, l)
			}
			if !strings.HasSuffix(file, "index.html") && !strings.HasPrefix(file, "static/") && !strings.HasPrefix(file, "media/") &&
				!slices.Contains([]string{".atom", ".rss", ".json", ".png", ".xml", ".jpg", ".zip"}, path.Ext(file)) {
				t.Errorf("%s: link %q is to %q, not a file a mirror holds", k, l, file)
			}
		}
	}
}

// links returns every address a page links to or loads.
func links(t *testing.T, body []byte) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch {
				case a.Key == "href" && n.Data != "link", a.Key == "src", a.Key == "action", a.Key == "data-large":
					out = append(out, a.Val)
				case a.Key == "srcset":
					out = append(out, srcsetOf(a.Val)...)
				case a.Key == "href" && n.Data == "link":
					if !slices.ContainsFunc(n.Attr, func(x html.Attribute) bool {
						return x.Key == "rel" && (x.Val == "canonical" || x.Val == "alternate")
					}) {
						out = append(out, a.Val) // the canonical and hreflang links are absolute
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// TestArticleKeys: an article's page depends on what it shows and on what its related
// reading is drawn from.
func TestArticleKeys(t *testing.T) {
	f := newFixture(t, 0)
	resp, err := f.site.Build(context.Background(), site.PageRequest{Page: urls.Page{Kind: urls.Article, Lang: "fr", Key: "greve-generale"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []content.Key{
		content.KeyArticle(f.ids["lead"]), content.KeyStory(f.ids["lead"]), content.KeyPerson(f.persons["marie-dubois"].ID),
		content.KeyTag(f.ids["tag-greve"]), content.KeySection(f.ids["europe"], "fr"), content.KeyDossier(f.ids["dossier"]),
	} {
		if !resp.Keys.Has(k) {
			t.Errorf("the article's page does not depend on %s: %v", k, resp.Keys.Sorted())
		}
	}
	if resp.Keys.Has(content.KeyLatest("fr")) || resp.Keys.Has(content.KeyLatest("nl")) {
		t.Error("an article's page depends on the home page's list")
	}
}
