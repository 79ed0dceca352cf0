package site_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/storetest"
	"github.com/roneo/roneo/internal/urls"
)

// mediaURL is the address pages give a file of the media store.
func mediaURL(name string) string { return "/media/" + name }

// srcsetOf lists the files of a srcset.
func srcsetOf(srcset string) []string {
	var out []string
	for _, c := range strings.Split(srcset, ",") {
		if f := strings.Fields(c); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// derivatives are the media addresses of p's derivatives of widths in ext.
func derivatives(p *content.Photo, ext string, widths ...int) []string {
	var out []string
	for _, w := range widths {
		out = append(out, mediaURL(p.DerivativeName(w, ext)))
	}
	return out
}

// TestFeaturedPhoto: an article's featured photo shows at the top of its page with its
// size, its alt text and its caption; srcset lists only the derivatives that exist, and
// the page is built again when a new one appears; share previews show the photo.
func TestFeaturedPhoto(t *testing.T) {
	onBothDatabases(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		f := newFixtureOn(t, st, clock, 8<<20)
		ph := f.addPhotos(t).byName["featured"]
		const path = "/fr/article/greve-generale"
		p := f.get(t, path).wantStatus(t, http.StatusOK)
		img := ".lead-image picture img"
		if got := p.attr(t, img, "src"); got != mediaURL(ph.OriginalName()) {
			t.Errorf("without derivatives, src %q, want the original", got)
		}
		p.count(t, ".lead-image picture source", 0)
		p.count(t, ".lead-image picture img[srcset]", 0)
		for attr, want := range map[string]string{"width": "120", "height": "80", "alt": "Des grévistes sur la place",
			"loading": "eager", "fetchpriority": "high"} {
			if got := p.attr(t, img, attr); got != want {
				t.Errorf("%s %q, want %q", attr, got, want)
			}
		}
		if got := p.text(t, ".lead-image figcaption"); got != "La place Saint-Lambert à l’aube © Marie Dupont" {
			t.Errorf("caption %q", got)
		}
		if got := p.attr(t, `meta[property="og:image"]`, "content"); got != "https://news.example.org"+mediaURL(ph.OriginalName()) {
			t.Errorf("og:image %q, want the original while no derivative is wide enough", got)
		}
		if f.get(t, path).Header.Get("X-Cache") != "HIT" {
			t.Fatal("the page is not cached")
		}

		f.setWidths(t, ph, []int{400, 800})
		p = f.get(t, path).wantStatus(t, http.StatusOK)
		if got := p.Header.Get("X-Cache"); got != "MISS" {
			t.Errorf("after new derivatives, X-Cache %q: the page was not purged", got)
		}
		if got := srcsetOf(p.attr(t, img, "srcset")); !slices.Equal(got, derivatives(ph, "jpg", 400, 800)) {
			t.Errorf("srcset %v", got)
		}
		if got := srcsetOf(p.attr(t, ".lead-image picture source[type=\"image/webp\"]", "srcset")); !slices.Equal(got, derivatives(ph, "webp", 400, 800)) {
			t.Errorf("WebP srcset %v", got)
		}
		if got := p.attr(t, img, "src"); got != mediaURL(ph.DerivativeName(800, "jpg")) {
			t.Errorf("src %q", got)
		}
		for prop, want := range map[string]string{
			"og:image":        "https://news.example.org" + mediaURL(ph.DerivativeName(800, "jpg")),
			"og:image:width":  "800",
			"og:image:height": "533",
			"og:image:type":   "image/jpeg",
			"og:image:alt":    "Des grévistes sur la place",
		} {
			if got := p.attr(t, `meta[property="`+prop+`"]`, "content"); got != want {
				t.Errorf("%s %q, want %q", prop, got, want)
			}
		}
		if ld := p.text(t, `script[type="application/ld+json"]`); !strings.Contains(ld, ph.DerivativeName(800, "jpg")) {
			t.Errorf("structured data without the photo: %s", ld)
		}
		print := f.get(t, path+"/print").wantStatus(t, http.StatusOK)
		if got := print.attr(t, ".lead-image picture img", "alt"); got != "Des grévistes sur la place" {
			t.Errorf("print view's photo: alt %q", got)
		}
	})
}

// TestTeaserPhotos: lists show their articles' featured photos as thumbnails cropped
// around the focal point, with a small srcset.
func TestTeaserPhotos(t *testing.T) {
	f := newFixture(t, 0)
	ph := f.addPhotos(t).byName["featured"]
	f.setWidths(t, ph, []int{400, 800, 1600})
	home := f.get(t, "/fr/").wantStatus(t, http.StatusOK)
	if got := home.attr(t, ".lead-story .lead-picture img", "class"); got != "fx-30 fy-70" {
		t.Errorf("lead story's photo: class %q, want the focal point", got)
	}
	if got := home.attr(t, ".lead-story .lead-picture img", "loading"); got != "eager" {
		t.Errorf("lead story's photo loads %q", got)
	}
	for _, path := range []string{"/fr/rubrique/europe", "/fr/sujet/greve", "/fr/auteur/marie-dubois", "/fr/dossier/solidarite"} {
		p := f.get(t, path).wantStatus(t, http.StatusOK)
		sel := `.teasers article:has(a[href="/fr/article/greve-generale"]) .teaser-picture img`
		if got := srcsetOf(p.attr(t, sel, "srcset")); !slices.Equal(got, derivatives(ph, "jpg", 400, 800)) {
			t.Errorf("%s: thumbnail srcset %v, want the small derivatives", path, got)
		}
		if got := p.attr(t, sel, "loading"); got != "lazy" {
			t.Errorf("%s: thumbnail loads %q", path, got)
		}
		p.count(t, ".teasers .teaser-picture", 1)
	}
	search := f.get(t, "/fr/recherche/?q=gr%C3%A8ve").wantStatus(t, http.StatusOK)
	sel := `.results article:has(a[href="/fr/article/greve-generale"]) .teaser-picture img`
	if got := search.attr(t, sel, "alt"); got != "Des grévistes sur la place" {
		t.Errorf("search result's photo: alt %q", got)
	}
	resp, err := f.site.Build(context.Background(), site.PageRequest{Page: urls.Page{Kind: urls.Section, Lang: "fr", Key: "europe"}})
	if err != nil {
		t.Fatal(err)
	}
	if !resp.Keys.Has(content.KeyPhoto(ph.ID)) {
		t.Error("a list showing a photo does not depend on it")
	}
	feed := f.get(t, "/fr/feed.atom").wantStatus(t, http.StatusOK)
	if !strings.Contains(feed.body, "https://news.example.org"+mediaURL(ph.DerivativeName(400, "jpg"))+" 400w") {
		t.Error("the feed's photo has no absolute srcset")
	}
}

// TestBodyPhotos: photos placed in a body show as pictures; a figure the writer left
// without a caption gets the photo's; a photo that no longer exists leaves nothing.
func TestBodyPhotos(t *testing.T) {
	f := newFixture(t, 0)
	fp := f.addPhotos(t)
	p := f.get(t, "/fr/article/communique-ambassade").wantStatus(t, http.StatusOK)
	p.count(t, ".article-body img", 2)
	p.count(t, ".article-body img[data-photo]", 0)
	march := fp.byName["march"]
	fig := ".article-body figure.photo"
	if got := p.attr(t, fig+" picture img", "alt"); got != "Le cortège sur le boulevard" {
		t.Errorf("figure's alt %q, want the photo's", got)
	}
	if got := srcsetOf(p.attr(t, fig+" picture img", "srcset")); !slices.Equal(got, derivatives(march, "jpg", 400, 800)) {
		t.Errorf("figure's srcset %v", got)
	}
	if got := p.text(t, fig+" figcaption"); got != "Le cortège © Jean-Pierre Lefèvre" {
		t.Errorf("figure's caption %q, want the photo's", got)
	}
	if got := p.attr(t, ".article-body p picture img", "width"); got != "60" {
		t.Errorf("inline photo width %q", got)
	}
	if body := p.text(t, ".article-body"); strings.Contains(body, "rien") {
		t.Errorf("a photo that does not exist left its alt text: %s", body)
	}
}

// TestAlbumPages: an article with an album shows its first photos and links to the
// album's page, a grid of every thumbnail; each photo's page has its neighbours, its
// caption and credit and its download in high resolution.
func TestAlbumPages(t *testing.T) {
	onBothDatabases(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		f := newFixtureOn(t, st, clock, 0)
		fp := f.addPhotos(t)
		const article = "/fr/article/communique-ambassade"
		p := f.get(t, article).wantStatus(t, http.StatusOK)
		p.count(t, ".gallery .thumbs li", 3)
		if got := p.attr(t, ".gallery-all", "href"); got != article+"/photos" {
			t.Errorf("album link %q", got)
		}
		if got := p.attr(t, ".gallery .zip-link", "href"); got != article+"/photos.zip" {
			t.Errorf("ZIP link %q", got)
		}

		a := f.get(t, article+"/photos").wantStatus(t, http.StatusOK)
		if got := a.text(t, "h1"); got != "Photos\u202f: Rassemblement devant l’ambassade" {
			t.Errorf("album h1 %q", got)
		}
		a.count(t, ".album .thumbs li", 3)
		var hrefs []string
		for _, n := range a.all(t, ".album .thumbs a") {
			hrefs = append(hrefs, attrOf(n, "href"))
		}
		if want := []string{article + "/photo/1", article + "/photo/2", article + "/photo/3"}; !slices.Equal(hrefs, want) {
			t.Errorf("thumbnails link to %v", hrefs)
		}
		thumb := ".album .thumbs li:first-child img"
		for attr, want := range map[string]string{"width": "90", "height": "60", "loading": "lazy", "alt": "Le cortège sur le boulevard"} {
			if got := a.attr(t, thumb, attr); got != want {
				t.Errorf("thumbnail %s %q, want %q", attr, got, want)
			}
		}
		if got := a.attr(t, ".album .thumbs li:nth-child(2) img", "class"); got != "fy-20" && got != "fx-50 fy-20" {
			t.Errorf("a thumbnail's focal point: class %q", got)
		}
		if got := a.attr(t, ".album-meta .zip-link", "href"); got != article+"/photos.zip" {
			t.Errorf("album's ZIP link %q", got)
		}
		if got := a.attr(t, ".back a", "href"); got != article {
			t.Errorf("back link %q", got)
		}

		first := f.get(t, article+"/photo/1").wantStatus(t, http.StatusOK)
		first.count(t, "a[rel=prev]", 0)
		if got := first.attr(t, ".photo-pager a[rel=next]", "href"); got != article+"/photo/2" {
			t.Errorf("next %q", got)
		}
		if got := first.text(t, ".photo-large figcaption"); got != "Le cortège devant l’ambassade © Jean-Pierre Lefèvre" {
			t.Errorf("caption %q, want the album's", got)
		}
		if got := first.text(t, ".photo-position"); got != "1 / 3" {
			t.Errorf("position %q", got)
		}
		march := fp.byName["march"]
		if got := first.attr(t, ".download-hd", "href"); got != "/hd/"+march.Hash+"/jean-pierre-lefevre-"+march.Hash[:8]+".jpg" {
			t.Errorf("download link %q", got)
		}
		if got := first.text(t, ".download-hd"); got != "Télécharger en haute résolution (JPEG, 90 × 60 px, 1\u00a0ko)" &&
			!strings.HasPrefix(got, "Télécharger en haute résolution (JPEG, 90 × 60 px, ") {
			t.Errorf("download text %q", got)
		}
		last := f.get(t, article+"/photo/3").wantStatus(t, http.StatusOK)
		last.count(t, "a[rel=next]", 0)
		if got := last.attr(t, ".photo-pager a[rel=prev]", "href"); got != article+"/photo/2" {
			t.Errorf("prev %q", got)
		}
		if got := last.text(t, ".photo-large figcaption"); got != "© Belga" {
			t.Errorf("a photo without caption: %q", got)
		}
		if got := last.attr(t, ".download-hd", "href"); !strings.HasSuffix(got, "/belga-"+fp.byName["placard"].Hash[:8]+".png") {
			t.Errorf("a PNG's download %q", got)
		}
		f.get(t, article+"/photo/4").wantStatus(t, http.StatusNotFound)
		f.get(t, article+"/photo/0").wantStatus(t, http.StatusNotFound)
		f.get(t, "/fr/article/greve-generale/photos").wantStatus(t, http.StatusNotFound)
		f.get(t, "/fr/article/greve-generale/photo/1").wantStatus(t, http.StatusNotFound)
	})
}

// TestHiddenAlbums: the album of an article readers may not see shows nothing: its
// pages, its ZIP and its photos' downloads answer as the article does.
func TestHiddenAlbums(t *testing.T) {
	f := newFixture(t, 0)
	fp := f.addPhotos(t)
	for slug, status := range map[string]int{"brouillon": http.StatusNotFound, "sous-embargo": http.StatusNotFound, "retire": http.StatusGone} {
		for _, suffix := range []string{"/photos", "/photo/1", "/photos.zip"} {
			p := f.get(t, "/fr/article/"+slug+suffix)
			if p.StatusCode != status {
				t.Errorf("%s%s: %d, want %d", slug, suffix, p.StatusCode, status)
			}
			if strings.Contains(p.body, fp.byName["secret"].Hash) {
				t.Errorf("%s%s shows the photo's hash", slug, suffix)
			}
		}
	}
	secret := fp.byName["secret"]
	f.get(t, "/hd/"+secret.Hash+"/anonyme-"+secret.Hash[:8]+".jpg").wantStatus(t, http.StatusNotFound)
	p := f.get(t, "/fr/article/sous-embargo", "Accept", "text/html")
	if strings.Contains(p.body, secret.Hash) {
		t.Error("the embargoed article's page shows its album")
	}
}

// TestRenamedAlbum: an album's pages and ZIP follow their article to its new slug.
func TestRenamedAlbum(t *testing.T) {
	f := newFixture(t, 0)
	fp := f.addPhotos(t)
	f.update(t, func(tx store.Tx) error {
		return tx.SetAlbum(context.Background(), f.ids["ancien-titre"], []content.AlbumItem{{PhotoID: fp.byName["march"].ID}})
	})
	for from, to := range map[string]string{
		"/fr/article/ancien-titre/photos":     "/fr/article/nouveau-titre/photos",
		"/fr/article/ancien-titre/photo/1":    "/fr/article/nouveau-titre/photo/1",
		"/fr/article/ancien-titre/photos.zip": "/fr/article/nouveau-titre/photos.zip",
	} {
		p := f.get(t, from).wantStatus(t, http.StatusMovedPermanently)
		if got := p.Header.Get("Location"); got != to {
			t.Errorf("%s moves to %q, want %q", from, got, to)
		}
	}
}
