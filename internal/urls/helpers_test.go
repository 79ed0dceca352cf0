package urls_test

import (
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/urls"
)

// testLangs are the three languages with words of their own, one without ("de") and a
// regional variant that takes its base's words ("fr-BE").
var testLangs = []content.Lang{"fr", "nl", "en", "de", "fr-BE"}

// Keys by what a kind holds: Latin, Cyrillic, Arabic and digit slugs; secrets of one
// and of the longest length; media names flat, nested and needing escapes.
var (
	testSlugs    = []string{"greve-a-liege", "забастовка-в-льеже", "اضراب", "2026", "page"}
	testSecrets  = []string{"x", "Ab-_9xQz", strings.Repeat("Z9_-", 32)}
	testMedia    = []string{"a.jpg", "albums/2026/x.webp", "документы/файл 1.pdf", "50%?#.jpg", "a/b/c/d/e"}
	testAssets   = []string{"site.1a2b3c4d5e.css", "icon.9f8e7d6c5b.svg"}
	testSitemaps = []string{"articles-1.xml", "pages.xml"}
	testNums     = []int{0, 2, 3, urls.MaxPage}
	testPhotoNum = []int{1, 2, 200, urls.MaxPage}
	testHash     = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	testDownload = []string{testHash + "/marie-dupont-9f86d081.jpg", testHash + "/Belga_2.png"}
)

// keysFor are the keys to try for a kind; nil for kinds without one.
func keysFor(k urls.Kind) []string {
	if p := k.Parent(); p != 0 && k.Exts() != nil {
		return keysFor(p)
	}
	switch k {
	case urls.Article, urls.ArticlePrint, urls.ArticleShare, urls.Section, urls.Tag, urls.Author, urls.Dossier,
		urls.Album, urls.AlbumPhoto:
		return testSlugs
	case urls.Preview:
		return testSecrets
	case urls.Media:
		return testMedia
	case urls.Asset:
		return testAssets
	case urls.Sitemap:
		return testSitemaps
	case urls.Download:
		return testDownload
	}
	return []string{""}
}

// extsFor are the formats of a kind's files; "" for a page.
func extsFor(k urls.Kind) []string {
	if exts := k.Exts(); exts != nil {
		return exts
	}
	return []string{""}
}

// langsFor are the languages a kind's pages may have.
func langsFor(k urls.Kind) []content.Lang {
	if k == urls.Root || k == urls.Media || k == urls.Asset || k == urls.Sitemap || k == urls.SitemapIndex || k == urls.Download {
		return []content.Lang{""}
	}
	return testLangs
}

func numsFor(k urls.Kind) []int {
	if k.Paginated() {
		return testNums
	}
	if k == urls.AlbumPhoto {
		return testPhotoNum
	}
	return []int{0}
}

// samplePages is every kind in every test language with every test key and number.
func samplePages(t testing.TB) []urls.Page {
	t.Helper()
	for _, s := range testSlugs {
		if !content.ValidSlug(s) {
			t.Fatalf("test slug %q is not valid", s)
		}
	}
	var out []urls.Page
	for _, k := range urls.Kinds() {
		for _, lang := range langsFor(k) {
			for _, key := range keysFor(k) {
				for _, n := range numsFor(k) {
					for _, ext := range extsFor(k) {
						out = append(out, urls.Page{Kind: k, Lang: lang, Key: key, Num: n, Ext: ext})
					}
				}
			}
		}
	}
	return out
}

// randomPage picks a page of any kind.
func randomPage(r *rand.Rand) urls.Page {
	kinds := urls.Kinds()
	k := kinds[r.IntN(len(kinds))]
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	langs, nums := langsFor(k), numsFor(k)
	return urls.Page{Kind: k, Lang: langs[r.IntN(len(langs))], Key: pick(keysFor(k)), Num: nums[r.IntN(len(nums))], Ext: pick(extsFor(k))}
}

// decoded is a path as a server sees it in r.URL.Path.
func decoded(t testing.TB, escaped string) string {
	t.Helper()
	p, err := url.PathUnescape(escaped)
	if err != nil {
		t.Fatalf("unescape %q: %v", escaped, err)
	}
	return p
}
