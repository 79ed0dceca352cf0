package site_test

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/jsonld/jsonldtest"
	"github.com/roneo/roneo/internal/store"
)

const schema = "https://schema.org/"

// Share previews: an article without a picture of its own shows its generated card,
// 1200×630 with its size and alt in OpenGraph, a large Twitter card; the card is
// cached, and a renamed article's old card address moves with it.
func TestShareCard(t *testing.T) {
	f := newFixture(t, 8<<20)
	p := f.get(t, "/fr/article/greve-generale").wantStatus(t, http.StatusOK)
	img := p.attr(t, `meta[property="og:image"]`, "content")
	if img != "https://news.example.org/fr/article/greve-generale/card.png" {
		t.Fatalf("og:image %q", img)
	}
	for prop, want := range map[string]string{"og:image:width": "1200", "og:image:height": "630", "og:image:type": "image/png"} {
		if got := p.attr(t, `meta[property="`+prop+`"]`, "content"); got != want {
			t.Errorf("%s %q, want %q", prop, got, want)
		}
	}
	if alt := p.attr(t, `meta[property="og:image:alt"]`, "content"); !strings.Contains(alt, "Liège") || !strings.Contains(alt, "Le Stencil") {
		t.Errorf("og:image:alt %q", alt)
	}
	if got := p.attr(t, `meta[name="twitter:card"]`, "content"); got != "summary_large_image" {
		t.Errorf("twitter:card %q", got)
	}
	c := f.get(t, "/fr/article/greve-generale/card.png").wantStatus(t, http.StatusOK)
	if c.Header.Get("Content-Type") != "image/png" || c.Header.Get("X-Cache") != "MISS" {
		t.Errorf("card: %q %q", c.Header.Get("Content-Type"), c.Header.Get("X-Cache"))
	}
	decoded, err := png.Decode(bytes.NewReader([]byte(c.body)))
	if err != nil {
		t.Fatal(err)
	}
	if b := decoded.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
		t.Errorf("card of %v", b)
	}
	if again := f.get(t, "/fr/article/greve-generale/card.png"); again.Header.Get("X-Cache") != "HIT" || again.body != c.body {
		t.Errorf("the card is not cached: X-Cache %q", again.Header.Get("X-Cache"))
	}
	home := f.get(t, "/nl/").wantStatus(t, http.StatusOK)
	if got := home.attr(t, `meta[property="og:image"]`, "content"); got != "https://news.example.org/nl/card.png" {
		t.Errorf("the home page's og:image %q", got)
	}
	f.get(t, "/nl/card.png").wantStatus(t, http.StatusOK)
	f.get(t, "/fr/article/ancien-titre/card.png").wantStatus(t, http.StatusMovedPermanently)
	f.get(t, "/fr/article/brouillon/card.png").wantStatus(t, http.StatusNotFound)
	f.get(t, "/fr/article/sous-embargo/card.png").wantStatus(t, http.StatusNotFound)
}

// The structured data of an article, a press release and the home page, as a JSON-LD
// processor reads it with schema.org's vocabulary.
func TestStructuredData(t *testing.T) {
	f := newFixture(t, 0)
	var docs [][]byte
	for _, path := range []string{"/fr/article/greve-generale", "/fr/article/communique-ambassade", "/fr/"} {
		found := jsonldtest.Extract(t, []byte(f.get(t, path).wantStatus(t, http.StatusOK).body))
		if len(found) != 1 {
			t.Fatalf("%s: %d JSON-LD scripts, want 1", path, len(found))
		}
		docs = append(docs, found[0])
	}
	expanded := jsonldtest.ExpandAll(t, docs...)

	article := jsonldtest.Nodes(t, expanded[0], schema+"NewsArticle")[0]
	for prop, want := range map[string]string{
		"headline": "Grève", "inLanguage": "fr", "mainEntityOfPage": "https://news.example.org/fr/article/greve-generale",
		"datePublished": "2026-11-23", "articleSection": "Europe",
	} {
		if got := strings.Join(jsonldtest.Value(article, schema+prop), " "); !strings.Contains(got, want) {
			t.Errorf("NewsArticle %s = %q, want %q in it", prop, got, want)
		}
	}
	authors := jsonldtest.Objects(article, schema+"author")
	if len(authors) != 1 || !slices.Contains(jsonldtest.Value(authors[0], schema+"name"), "Marie Dubois") {
		t.Errorf("authors %v", authors)
	}
	if parts := jsonldtest.Objects(article, schema+"isPartOf"); len(parts) != 1 {
		t.Errorf("isPartOf %v, want the dossier", parts)
	}
	if pub := jsonldtest.Objects(article, schema+"publisher"); len(pub) != 1 || !slices.Contains(jsonldtest.Value(pub[0], schema+"name"), "Le Stencil") {
		t.Errorf("publisher %v", pub)
	}
	if imgs := jsonldtest.Objects(article, schema+"image"); len(imgs) != 1 || !slices.Contains(jsonldtest.Value(imgs[0], schema+"width"), "1200") {
		t.Errorf("image %v", imgs)
	}
	crumbs := jsonldtest.Nodes(t, expanded[0], schema+"BreadcrumbList")[0]
	if items := jsonldtest.Objects(crumbs, schema+"itemListElement"); len(items) != 4 {
		t.Errorf("breadcrumbs: %d items, want home, International, Europe, the article", len(items))
	}

	pr := jsonldtest.Nodes(t, expanded[1], schema+"NewsArticle")[0]
	if got := jsonldtest.Value(pr, schema+"genre"); !slices.Contains(got, "press release") {
		t.Errorf("the press release's genre %q", got)
	}
	jsonldtest.Nodes(t, expanded[2], schema+"Organization")
	site := jsonldtest.Nodes(t, expanded[2], schema+"WebSite")[0]
	if got := jsonldtest.Value(site, schema+"url"); !slices.Contains(got, "https://news.example.org/fr/") {
		t.Errorf("WebSite url %q", got)
	}
}

// maxArticleWeight bounds what an article page costs before its pictures: its HTML, its
// stylesheet and its script, uncompressed. A reader on a slow or filtered connection
// gets the whole text with the first few packets.
const maxArticleWeight = 60 << 10

// Article pages weigh at most 60 KB before pictures; the weight of every other kind of
// page is reported.
func TestPageWeight(t *testing.T) {
	f := newFixture(t, 0)
	for _, path := range []string{"/fr/article/greve-generale", "/fr/article/communique-ambassade", "/nl/artikel/algemene-staking",
		"/fr/", "/fr/rubrique/europe", "/fr/sujet/greve", "/fr/auteur/marie-dubois", "/fr/dossier/solidarite", "/fr/dossiers/",
		"/fr/communiques/", "/fr/recherche/?q=grève", "/fr/article/greve-generale/print"} {
		p := f.get(t, path).wantStatus(t, http.StatusOK)
		weight := len(p.body)
		for _, sel := range []string{`link[rel="stylesheet"]`, `script[src]`} {
			for _, n := range p.all(t, sel) {
				u := attrOf(n, "href") + attrOf(n, "src")
				weight += len(f.get(t, u).wantStatus(t, http.StatusOK).body)
			}
		}
		t.Logf("%-45s %6.1f KB", path, float64(weight)/1024)
		if strings.Contains(path, "/article/") && !strings.HasSuffix(path, "/print") && weight > maxArticleWeight {
			t.Errorf("%s weighs %d bytes before pictures, more than %d", path, weight, maxArticleWeight)
		}
	}
}

// An article with a picture of its own shares it, with its size read from the file.
func TestShareOwnPicture(t *testing.T) {
	f := newFixture(t, 0)
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, image.NewRGBA(image.Rect(0, 0, 800, 450)), nil); err != nil {
		t.Fatal(err)
	}
	if err := f.media.Put(t.Context(), "photos/greve.jpg", bytes.NewReader(jpg.Bytes()), int64(jpg.Len())); err != nil {
		t.Fatal(err)
	}
	a, err := f.store.ArticleByID(t.Context(), f.ids["lead"])
	if err != nil {
		t.Fatal(err)
	}
	a.Image = content.Image{Path: "photos/greve.jpg", Alt: "Le piquet de grève devant l’usine"}
	f.update(t, func(tx store.Tx) error { return tx.UpdateArticle(t.Context(), a) })
	p := f.get(t, "/fr/article/greve-generale").wantStatus(t, http.StatusOK)
	for prop, want := range map[string]string{
		"og:image": "https://news.example.org/media/photos/greve.jpg", "og:image:width": "800", "og:image:height": "450",
		"og:image:type": "image/jpeg", "og:image:alt": "Le piquet de grève devant l’usine",
	} {
		if got := p.attr(t, `meta[property="`+prop+`"]`, "content"); got != want {
			t.Errorf("%s %q, want %q", prop, got, want)
		}
	}
	feed := f.get(t, "/fr/feed.atom").body
	if !strings.Contains(feed, `rel="enclosure" type="image/jpeg" length="`+strconv.Itoa(jpg.Len())+`"`) {
		t.Errorf("the feed has no enclosure for the picture")
	}
}
