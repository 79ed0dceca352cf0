package site_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/web"
)

func TestOldSlugRedirects(t *testing.T) {
	f := newFixture(t, 1<<20)
	p := f.get(t, "/fr/article/ancien-titre").wantStatus(t, http.StatusMovedPermanently)
	if loc := p.Header.Get("Location"); loc != "/fr/article/nouveau-titre" {
		t.Errorf("Location = %q", loc)
	}
	p = f.get(t, "/fr/article/ancien-titre/print").wantStatus(t, http.StatusMovedPermanently)
	if loc := p.Header.Get("Location"); loc != "/fr/article/nouveau-titre/print" {
		t.Errorf("print Location = %q", loc)
	}
	f.get(t, "/fr/article/nouveau-titre").wantStatus(t, http.StatusOK)
}

// The old address of an embargoed release renamed before its time answers as if it never
// existed: a redirect would give its new headline away.
func TestOldSlugOfEmbargoedReleaseRevealsNothing(t *testing.T) {
	f := newFixture(t, 1<<20)
	ctx := context.Background()
	err := f.store.Update(ctx, func(tx store.Tx) error {
		a, err := tx.Article(ctx, "fr", "sous-embargo")
		if err != nil {
			return err
		}
		a.Slug, a.Title = "ministre-demissionne", "La ministre démissionne"
		return tx.UpdateArticle(ctx, a)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/fr/article/sous-embargo", "/fr/article/sous-embargo/print"} {
		p := f.get(t, path).wantStatus(t, http.StatusNotFound)
		if loc := p.Header.Get("Location"); loc != "" || strings.Contains(p.body, "ministre") {
			t.Errorf("%s gives the new address away: Location %q", path, loc)
		}
	}
	f.clock.Advance(2 * time.Hour)
	f.publishDue(t)
	p := f.get(t, "/fr/article/sous-embargo").wantStatus(t, http.StatusMovedPermanently)
	if loc := p.Header.Get("Location"); loc != "/fr/article/ministre-demissionne" {
		t.Errorf("once published, Location = %q", loc)
	}
}

func TestUnpublishedArticles(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/fr/article/retire").wantStatus(t, http.StatusGone)
	if got := p.text(t, "h1"); got != "Page retirée" {
		t.Errorf("410 heading = %q", got)
	}
	if got := p.attr(t, "meta[name=robots]", "content"); got != "noindex" {
		t.Errorf("error page robots = %q", got)
	}
	f.get(t, "/fr/article/brouillon").wantStatus(t, http.StatusNotFound)
	f.get(t, "/fr/article/sous-embargo").wantStatus(t, http.StatusNotFound)
	f.get(t, "/fr/article/sous-embargo/print").wantStatus(t, http.StatusNotFound)
	f.get(t, "/fr/article/sous-embargo/mastodon").wantStatus(t, http.StatusNotFound)
}

// A scheduled article appears at its minute, and the cached home page does not hide it.
func TestScheduledArticleAppearsAndCacheFollows(t *testing.T) {
	f := newFixture(t, 8<<20)
	home := f.get(t, "/fr/").wantStatus(t, http.StatusOK)
	if strings.Contains(home.body, "Sous embargo") {
		t.Fatal("embargoed article on the home page before its time")
	}
	f.clock.Advance(2 * time.Hour)
	if ids := f.publishDue(t); len(ids) != 1 {
		t.Errorf("published %v, want the one scheduled article", ids)
	}
	f.get(t, "/fr/article/sous-embargo").wantStatus(t, http.StatusOK)
	home = f.get(t, "/fr/").wantStatus(t, http.StatusOK)
	if !strings.Contains(home.body, "Sous embargo") {
		t.Error("home page still served from before the publication")
	}
}

func TestErrorsInReadersLanguage(t *testing.T) {
	f := newFixture(t, 0)
	cases := []struct {
		path    string
		status  int
		lang    string
		heading string
	}{
		{"/fr/article/nexiste-pas", 404, "fr", "Page introuvable"},
		{"/nl/artikel/bestaat-niet", 404, "nl", "Pagina niet gevonden"},
		{"/en/article/missing", 404, "en", "Page not found"},
		{"/de/", 404, "fr", "Page introuvable"},
		{"/xx/article/foo", 404, "fr", "Page introuvable"},
		{"/fr/artikel/greve-generale", 404, "fr", "Page introuvable"}, // Dutch word in a French URL
		{"/fr/rubrique/inconnue", 404, "fr", "Page introuvable"},
		{"/fr/sujet/inconnu", 404, "fr", "Page introuvable"},
		{"/fr/auteur/personne", 404, "fr", "Page introuvable"},
		{"/fr/dossier/aucun", 404, "fr", "Page introuvable"},
		{"/fr/article/greve-generale/unknown-action", 404, "fr", "Page introuvable"},
		{"/fr/rubrique/international/print", 404, "fr", "Page introuvable"},
		{"/fr/article/UPPER-Case", 404, "fr", "Page introuvable"},
		{"/fr/article/" + strings.Repeat("a", 200), 404, "fr", "Page introuvable"},
		{"/fr/article/a--b", 404, "fr", "Page introuvable"},
		{"/fr/a/b/c/d/e", 404, "fr", "Page introuvable"},
		{"/fr/?page=abc", 400, "fr", "Requête incorrecte"},
		{"/fr/?page=0", 400, "fr", "Requête incorrecte"},
		{"/fr/?page=-3", 400, "fr", "Requête incorrecte"},
		{"/fr/?page=1&page=2", 400, "fr", "Requête incorrecte"},
		{"/nl/?page=99999999999999999999", 400, "nl", "Ongeldig verzoek"},
		{"/fr/?page=10001", 404, "fr", "Page introuvable"},
		{"/fr/rubrique/europe/page/9999", 404, "fr", "Page introuvable"},
		{"/fr/rubrique/europe/page/0", 404, "fr", "Page introuvable"},
		{"/fr/rubrique/europe/page/10001", 404, "fr", "Page introuvable"},
		{"/fr/" + strings.Repeat("x", 2000), 400, "fr", "Requête incorrecte"},
		{"/fr/?q=" + strings.Repeat("x", 70_000), 400, "fr", "Requête incorrecte"},
		{"/fr/article/%ff%fe", 400, "fr", "Requête incorrecte"},
		{"/static/site.00000000.css", 404, "fr", "Page introuvable"},
	}
	for _, c := range cases {
		t.Run(c.path[:min(len(c.path), 40)], func(t *testing.T) {
			p := f.get(t, c.path).wantStatus(t, c.status)
			if got := p.attr(t, "html", "lang"); got != c.lang {
				t.Errorf("lang = %q, want %q", got, c.lang)
			}
			if got := p.text(t, "h1"); got != c.heading {
				t.Errorf("h1 = %q, want %q", got, c.heading)
			}
			if strings.Contains(p.body, "goroutine") || strings.Contains(p.body, ".go:") {
				t.Error("error page leaks internals")
			}
		})
	}
}

func TestMastodonShare(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/fr/article/greve-generale/mastodon").wantStatus(t, http.StatusOK)
	if got := p.attr(t, "main form", "action"); got != "/fr/article/greve-generale/mastodon" {
		t.Errorf("form action = %q", got)
	}
	if csp := p.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "form-action 'self' https:") {
		t.Errorf("share page CSP = %q", csp)
	}
	post := func(instance string, header ...string) *page {
		req := httptest.NewRequest(http.MethodPost, "/fr/article/greve-generale/mastodon", strings.NewReader(url.Values{"instance": {instance}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return f.do(t, req, header...)
	}
	for _, in := range []string{"mastodon.social", "https://Mastodon.Social/", "@jan@mastodon.social"} {
		p = post(in).wantStatus(t, http.StatusSeeOther)
		if loc := p.Header.Get("Location"); !strings.HasPrefix(loc, "https://mastodon.social/share?text=") ||
			!strings.Contains(loc, url.QueryEscape("https://news.example.org/fr/article/greve-generale")) {
			t.Errorf("%q: Location = %q", in, loc)
		}
	}
	for _, bad := range []string{"", "localhost", "evil.com:8080", "a..b", "-x.org", "javascript:alert(1)", strings.Repeat("a", 300) + ".org"} {
		p = post(bad).wantStatus(t, http.StatusBadRequest)
		if got := p.text(t, ".problem"); !strings.Contains(got, "mastodon.social") {
			t.Errorf("%q: problem = %q", bad, got)
		}
	}
	post("mastodon.social", "Sec-Fetch-Site", "cross-site").wantStatus(t, http.StatusForbidden)
	post("mastodon.social", "Origin", "https://evil.example").wantStatus(t, http.StatusForbidden)
}

func TestSecurityHeaders(t *testing.T) {
	f := newFixture(t, 1<<20)
	for _, path := range []string{"/fr/", "/fr/article/greve-generale", "/fr/nope", "/fr/?page=x"} {
		p := f.get(t, path)
		csp := p.Header.Get("Content-Security-Policy")
		if csp == "" || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP = %q", path, csp)
		}
		for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
			"Strict-Transport-Security": "max-age=31536000"} { // the fixture's base URL is https
			if got := p.Header.Get(h); got != want {
				t.Errorf("%s: %s = %q, want %q", path, h, got, want)
			}
		}
	}
}

// A site whose address is http sends no Strict-Transport-Security, which would lock its
// readers out.
func TestNoHSTSOverHTTP(t *testing.T) {
	f := newFixture(t, 0)
	base, _ := url.Parse("http://news.example.org")
	s, err := site.New(context.Background(), f.store, site.Config{BaseURL: base, Theme: web.FS})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	for _, path := range []string{"/fr/", "/fr/nope"} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if got := rec.Header().Get("Strict-Transport-Security"); got != "" {
			t.Errorf("%s: Strict-Transport-Security = %q over http", path, got)
		}
	}
}

// No page asks a browser to fetch anything from another origin.
func TestNoThirdPartyRequests(t *testing.T) {
	f := newFixture(t, 0)
	for _, path := range []string{"/fr/", "/nl/", "/fr/article/greve-generale", "/fr/article/communique-ambassade", "/fr/rubrique/europe", "/fr/dossier/solidarite", "/fr/article/greve-generale/mastodon"} {
		p := f.get(t, path).wantStatus(t, http.StatusOK)
		for _, sel := range []string{"script[src]", "link[rel=stylesheet]", "link[rel=icon]", "img[src]", "iframe", "source[src]"} {
			for _, n := range p.all(t, sel) {
				for _, a := range n.Attr {
					if (a.Key == "src" || a.Key == "href") && !strings.HasPrefix(a.Val, "/") {
						t.Errorf("%s: %s loads %q", path, sel, a.Val)
					}
				}
			}
		}
	}
}

func TestHealthz(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/healthz").wantStatus(t, http.StatusOK)
	if !strings.Contains(p.body, `"status":"ok"`) {
		t.Errorf("healthz = %s", p.body)
	}
}

func TestArticleInSectionWithoutNameInLanguage(t *testing.T) {
	f := newFixture(t, 0)
	f.update(t, func(tx store.Tx) error {
		sec := &content.Section{Names: map[content.Lang]content.SectionName{"nl": {Slug: "alleen-nl", Name: "Alleen NL"}}}
		if err := tx.CreateSection(context.Background(), sec); err != nil {
			return err
		}
		a := f.article("fr", content.KindArticle, "orpheline", "Orpheline", "Texte.", start.Add(-time.Hour))
		a.SectionID = sec.ID
		return tx.CreateArticle(context.Background(), a)
	})
	f.get(t, "/fr/article/orpheline").wantStatus(t, http.StatusOK)
	f.get(t, "/fr/rubrique/alleen-nl").wantStatus(t, http.StatusNotFound)
}
