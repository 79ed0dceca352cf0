package site_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestRootRedirectsToDefaultLanguage(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/").wantStatus(t, http.StatusFound)
	if loc := p.Header.Get("Location"); loc != "/fr/" {
		t.Errorf("Location = %q, want /fr/", loc)
	}
	p = f.get(t, "/fr/dossiers").wantStatus(t, http.StatusMovedPermanently)
	if loc := p.Header.Get("Location"); loc != "/fr/dossiers/" {
		t.Errorf("Location = %q, want /fr/dossiers/", loc)
	}
	f.get(t, "/fr/nexiste").wantStatus(t, http.StatusNotFound)
	p = f.get(t, "/nl").wantStatus(t, http.StatusMovedPermanently)
	if loc := p.Header.Get("Location"); loc != "/nl/" {
		t.Errorf("Location = %q, want /nl/", loc)
	}
}

func TestHomePage(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/fr/").wantStatus(t, http.StatusOK)
	if got := p.attr(t, "html", "lang"); got != "fr" {
		t.Errorf(`html lang = %q`, got)
	}
	if got := p.text(t, ".lead-title"); got != "Grève générale\u202f: «\u202ftout s’arrête\u202f» à Liège" {
		t.Errorf("lead title = %q", got)
	}
	p.count(t, ".latest .teasers > li", 20)
	if got := p.attr(t, ".pagination a[rel=next]", "href"); got != "/fr/page/2" {
		t.Errorf("next page link = %q", got)
	}
	if got := p.text(t, ".dossier-box h3"); got != "Solidarité avec les grévistes" {
		t.Errorf("dossier box = %q", got)
	}
	if got := p.text(t, "nav.sections"); !strings.Contains(got, "International") || !strings.Contains(got, "Dossiers") {
		t.Errorf("section navigation = %q", got)
	}
	p.count(t, `link[rel=alternate][hreflang]`, 3)
	if got := p.attr(t, `.languages a[hreflang=nl]`, "href"); got != "/nl/" {
		t.Errorf("switcher to Dutch = %q", got)
	}
	if strings.Contains(p.body, "Brouillon") || strings.Contains(p.body, "Sous embargo") || strings.Contains(p.body, "Retiré") {
		t.Error("home page lists an unpublished article")
	}
	f.get(t, "/fr/page/3").wantStatus(t, http.StatusOK)
	f.get(t, "/fr/page/4").wantStatus(t, http.StatusNotFound)
	// Pages are in the path, where a static mirror has them; the old query answers 301.
	if got := f.get(t, "/fr/?page=3").wantStatus(t, http.StatusMovedPermanently).Header.Get("Location"); got != "/fr/page/3" {
		t.Errorf("?page=3 redirects to %q", got)
	}
	if got := f.get(t, "/fr/?page=1").wantStatus(t, http.StatusMovedPermanently).Header.Get("Location"); got != "/fr/" {
		t.Errorf("?page=1 redirects to %q", got)
	}
	if got := f.get(t, "/fr/page/1").wantStatus(t, http.StatusMovedPermanently).Header.Get("Location"); got != "/fr/" {
		t.Errorf("/page/1 redirects to %q", got)
	}
}

func TestHomePageInDutch(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/nl/").wantStatus(t, http.StatusOK)
	if got := p.text(t, ".latest h2"); got != "Laatste nieuws" {
		t.Errorf("latest heading = %q", got)
	}
	if got := p.text(t, ".lead-title"); got != "Algemene staking in Luik" {
		t.Errorf("lead = %q", got)
	}
	if got := p.text(t, ".skip-link"); got != "Naar de inhoud" {
		t.Errorf("skip link = %q", got)
	}
}

func TestArticlePage(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/fr/article/greve-generale").wantStatus(t, http.StatusOK)
	if got := p.text(t, "article h1"); got != "Grève générale\u202f: «\u202ftout s’arrête\u202f» à Liège" {
		t.Errorf("h1 = %q", got)
	}
	if got := p.text(t, ".standfirst"); got != "Toute la ville à l’arrêt." {
		t.Errorf("standfirst = %q", got)
	}
	if got := p.attr(t, `.byline a[rel=author]`, "href"); got != "/fr/auteur/marie-dubois" {
		t.Errorf("author link = %q", got)
	}
	if got := p.text(t, ".article-body h2"); got != "Les revendications" {
		t.Errorf("body heading = %q", got)
	}
	p.count(t, ".article-body .footnotes li", 1)
	if got := p.attr(t, `.tags a[rel=tag]`, "href"); got != "/fr/sujet/greve" {
		t.Errorf("tag link = %q", got)
	}
	if got := p.attr(t, `link[rel=canonical]`, "href"); got != "https://news.example.org/fr/article/greve-generale" {
		t.Errorf("canonical = %q", got)
	}
	if got := p.attr(t, `link[rel=alternate][hreflang=nl]`, "href"); got != "https://news.example.org/nl/artikel/algemene-staking" {
		t.Errorf("hreflang nl = %q", got)
	}
	if got := p.attr(t, `.languages a[hreflang=nl]`, "href"); got != "/nl/artikel/algemene-staking" {
		t.Errorf("switcher goes to %q, want the translation", got)
	}
	p.count(t, ".breadcrumbs li", 2)
	if got := p.text(t, ".breadcrumbs li:last-child a"); got != "Europe" {
		t.Errorf("breadcrumbs end with %q", got)
	}
	if got := p.text(t, ".in-dossier a"); got != "Solidarité avec les grévistes" {
		t.Errorf("dossier link = %q", got)
	}
	// The dossier's other article is in the dossier's box beside the text; related
	// reading does not repeat it.
	if got := p.text(t, ".article-side .dossier-box li a"); got != "Rassemblement devant l’ambassade" {
		t.Errorf("dossier box = %q", got)
	}
	if got := p.text(t, ".related .teaser-title"); got != "Brève numéro 0" {
		t.Errorf("first related = %q", got)
	}
	if got := p.attr(t, ".print-link", "href"); got != "/fr/article/greve-generale/print" {
		t.Errorf("print link = %q", got)
	}
}

func TestArticleShareLinks(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/fr/article/greve-generale").wantStatus(t, http.StatusOK)
	want := map[string]string{
		"mastodon": "/fr/article/greve-generale/mastodon",
		"bluesky":  "https://bsky.app/intent/compose?text=",
		"facebook": "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example.org%2Ffr%2Farticle%2Fgreve-generale",
		"x":        "https://x.com/intent/post?text=",
		"whatsapp": "https://wa.me/?text=",
		"telegram": "https://t.me/share/url?url=https%3A%2F%2Fnews.example.org%2Ffr%2Farticle%2Fgreve-generale",
		"email":    "mailto:?subject=",
		"copy":     "https://news.example.org/fr/article/greve-generale",
	}
	for class, prefix := range want {
		if got := p.attr(t, ".share-"+class, "href"); !strings.HasPrefix(got, prefix) {
			t.Errorf("%s share link = %q, want prefix %q", class, got, prefix)
		}
	}
	// Structured data is a data block, which browsers never run.
	if n := len(p.all(t, `script:not([src]):not([type="application/ld+json"])`)); n != 0 {
		t.Errorf("%d inline scripts; the page must have none", n)
	}
}

func TestPressRelease(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/fr/article/communique-ambassade").wantStatus(t, http.StatusOK)
	if got := p.text(t, ".kicker .label"); got != "Communiqué de presse" {
		t.Errorf("label = %q", got)
	}
	if got := p.text(t, ".press-contacts h2"); got != "Contact presse" {
		t.Errorf("contact heading = %q", got)
	}
	if got := p.text(t, ".contact-name"); got != "Jan Peeters" {
		t.Errorf("contact = %q", got)
	}
	if got := p.attr(t, ".contact-phone a", "href"); got != "tel:+3225550123" {
		t.Errorf("phone link = %q", got)
	}
	if got := p.attr(t, ".contact-email a", "href"); got != "mailto:jan@example.org" {
		t.Errorf("mail link = %q", got)
	}
	if got := p.text(t, ".signature"); got != "Le comité de solidarité" {
		t.Errorf("signature = %q", got)
	}
	// The manual pick comes first in related reading.
	if got := p.attr(t, ".related .teaser-title a", "href"); got != "/fr/article/greve-generale" {
		t.Errorf("first related = %q", got)
	}
}

func TestPrintView(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/fr/article/greve-generale/print").wantStatus(t, http.StatusOK)
	if got := p.attr(t, "body", "class"); !strings.Contains(got, "print-view") {
		t.Errorf("body class = %q", got)
	}
	if got := p.attr(t, `meta[name=robots]`, "content"); got != "noindex" {
		t.Errorf("robots = %q", got)
	}
}

func TestListPages(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/fr/rubrique/international").wantStatus(t, http.StatusOK)
	if got := p.text(t, "h1"); got != "International" {
		t.Errorf("h1 = %q", got)
	}
	// The section lists its subsection's articles too.
	if !strings.Contains(p.body, "/fr/article/greve-generale") {
		t.Error("section page misses an article of its subsection")
	}
	if got := p.attr(t, "nav.sections a[aria-current=page]", "href"); got != "/fr/rubrique/international" {
		t.Errorf("current menu item = %q", got)
	}
	if got := p.attr(t, ".subsections a", "href"); got != "/fr/rubrique/europe" {
		t.Errorf("subsection link = %q", got)
	}
	if got := p.attr(t, `link[rel=alternate][hreflang=nl]`, "href"); got != "https://news.example.org/nl/rubriek/internationaal" {
		t.Errorf("section hreflang = %q", got)
	}
	p = f.get(t, "/fr/rubrique/europe/page/2").wantStatus(t, http.StatusOK)
	if got := p.attr(t, "link[rel=canonical]", "href"); got != "https://news.example.org/fr/rubrique/europe/page/2" {
		t.Errorf("page 2 canonical = %q", got)
	}
	p = f.get(t, "/fr/sujet/greve").wantStatus(t, http.StatusOK)
	p.count(t, ".teasers > li", 2)
	p = f.get(t, "/fr/auteur/marie-dubois").wantStatus(t, http.StatusOK)
	if got := p.text(t, ".bio"); got != "Marie couvre le mouvement social." {
		t.Errorf("bio = %q", got)
	}
	p = f.get(t, "/fr/dossier/solidarite").wantStatus(t, http.StatusOK)
	if got := p.text(t, ".teasers > li:first-child .teaser-title"); got != "Rassemblement devant l’ambassade" {
		t.Errorf("dossier keeps the editors' order; first = %q", got)
	}
	p = f.get(t, "/fr/dossiers/").wantStatus(t, http.StatusOK)
	if got := p.text(t, ".dossier-list h2"); got != "Solidarité avec les grévistes" {
		t.Errorf("dossiers index = %q", got)
	}
	f.get(t, "/nl/trefwoord/staking").wantStatus(t, http.StatusOK)
}
