package site_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// searchTitles are the titles of the results on a search page, in order.
func searchTitles(t *testing.T, p *page) []string {
	t.Helper()
	var out []string
	for _, n := range p.all(t, ".results h3") {
		out = append(out, nodeText(n))
	}
	return out
}

func TestSearchPage(t *testing.T) {
	f := newFixture(t, 1<<20)
	// The box in every page's masthead sends readers to their language's search page.
	if got := f.get(t, "/nl/").attr(t, "form.site-search", "action"); got != "/nl/zoeken/" {
		t.Errorf("masthead search form goes to %q", got)
	}

	p := f.get(t, "/fr/recherche/?q=greves").wantStatus(t, http.StatusOK)
	titles := searchTitles(t, p)
	if len(titles) == 0 || !strings.Contains(titles[0], "Grève générale") {
		t.Fatalf("results for greves: %q", titles)
	}
	if got := p.text(t, ".results h3 mark"); !strings.EqualFold(got, "Grève") {
		t.Errorf("title mark %q", got)
	}
	if got := p.text(t, ".search-count"); !strings.Contains(got, "résultat") {
		t.Errorf("count %q", got)
	}
	if p.Header.Get("Cache-Control") != "no-store" || !strings.Contains(p.Header.Get("X-Robots-Tag"), "noindex") {
		t.Errorf("headers %v", p.Header)
	}
	if p.attr(t, "#q", "value") != "greves" {
		t.Error("the query is not shown back in the box")
	}
	// The snippet is text, with footnote markers and Markdown gone.
	for _, s := range p.all(t, ".snippet") {
		if txt := nodeText(s); strings.Contains(txt, "##") || strings.Contains(txt, "[^") {
			t.Errorf("snippet shows markup: %q", txt)
		}
	}

	// A heading does not run into the paragraph after it.
	if got := f.get(t, "/fr/recherche/?q=revendications").text(t, ".snippet"); !strings.Contains(got, "revendications · Des salaires") {
		t.Errorf("snippet %q", got)
	}

	// The page's language by default; Dutch readers find Dutch articles, or all.
	if got := searchTitles(t, f.get(t, "/nl/zoeken/?q=stakingen")); len(got) != 1 || got[0] != "Algemene staking in Luik" {
		t.Errorf("Dutch results: %q", got)
	}
	if got := searchTitles(t, f.get(t, "/fr/recherche/?q=staking")); len(got) != 0 {
		t.Errorf("French page found Dutch articles by default: %q", got)
	}
	if got := searchTitles(t, f.get(t, "/fr/recherche/?q=staking&lang=all")); len(got) != 1 {
		t.Errorf("all languages: %q", got)
	}

	// Filters: kind, section, dates, tag.
	if got := searchTitles(t, f.get(t, "/fr/recherche/?q=rassemblement&kind=press_release")); len(got) != 1 {
		t.Errorf("press releases: %q", got)
	}
	if got := searchTitles(t, f.get(t, "/fr/recherche/?q=rassemblement&kind=article")); len(got) != 0 {
		t.Errorf("articles only: %q", got)
	}
	if got := searchTitles(t, f.get(t, "/fr/recherche/?q=greve&section=europe")); len(got) != 1 {
		t.Errorf("section europe: %q", got)
	}
	// A section includes those below it, as its page does: the lead article is in Europe,
	// under International.
	if got := searchTitles(t, f.get(t, "/fr/recherche/?q=greve&section=international")); len(got) != 1 || !strings.Contains(got[0], "Grève générale") {
		t.Errorf("section international includes Europe: %q", got)
	}
	day := start.Add(-2 * 24 * time.Hour).Format(time.DateOnly)
	if got := searchTitles(t, f.get(t, "/fr/recherche/?q=greve&from="+day+"&to="+day)); len(got) != 1 {
		t.Errorf("one day: %q", got)
	}
	tagged := f.get(t, "/fr/recherche/?q=rassemblement&tag=greve")
	if got := searchTitles(t, tagged); len(got) != 1 || tagged.text(t, ".narrowed") == "" {
		t.Errorf("tag filter: %q", got)
	}

	// Drafts, embargoed and withdrawn articles are not found; a withdrawal is at once.
	for _, q := range []string{"brouillon", "embargo", "retiré"} {
		if got := searchTitles(t, f.get(t, "/fr/recherche/?q="+url.QueryEscape(q))); len(got) != 0 {
			t.Errorf("%s found: %q", q, got)
		}
	}
	ctx := context.Background()
	a, err := f.store.ArticleByID(ctx, f.ids["pr"])
	if err != nil {
		t.Fatal(err)
	}
	a.Status = content.StatusArchived
	f.update(t, func(tx store.Tx) error { return tx.UpdateArticle(ctx, a) })
	if got := searchTitles(t, f.get(t, "/fr/recherche/?q=rassemblement")); len(got) != 0 {
		t.Errorf("an unpublished article is still found: %q", got)
	}
}

// Whatever a reader types is answered with a page, never an error; forged filters are
// a 400.
func TestSearchBadInput(t *testing.T) {
	f := newFixture(t, 0)
	for _, q := range []string{"", "   ", `"unbalanced`, `-`, `""`, `*`, `'; DROP TABLE articles; --`, `NEAR(a b)`, `a:* & !b`,
		strings.Repeat("grève ", 2000), "\x00\xff", `title:greve`, `(((`, `«`} {
		p := f.get(t, "/fr/recherche/?q="+url.QueryEscape(q))
		if p.StatusCode != http.StatusOK {
			t.Errorf("q=%.40q: %d", q, p.StatusCode)
		}
	}
	if p := f.get(t, "/fr/recherche/?q="+url.QueryEscape(strings.Repeat("x", 10000))); len(p.attr(t, "#q", "value")) > 500 {
		t.Error("a 10,000-character query is shown back whole")
	}
	for _, bad := range []string{"kind=essay", "section=nowhere", "lang=xx", "from=yesterday", "to=2026-13-01", "page=0",
		"page=abc", "tag=nope", "dossier=nope", "author=nope"} {
		f.get(t, "/fr/recherche/?q=greve&"+bad).wantStatus(t, http.StatusBadRequest)
	}
	f.get(t, "/fr/recherche/?q=greve&page=50").wantStatus(t, http.StatusNotFound)
	if loc := f.get(t, "/fr/recherche?q=greve").wantStatus(t, http.StatusMovedPermanently).Header.Get("Location"); loc != "/fr/recherche/?q=greve" {
		t.Errorf("redirect to %q", loc)
	}
	f.get(t, "/nl/recherche/?q=greve").wantStatus(t, http.StatusNotFound) // the French word in Dutch
}

func TestSearchPagination(t *testing.T) {
	f := newFixture(t, 0)
	p := f.get(t, "/fr/recherche/?q=breve")
	if n := len(searchTitles(t, p)); n != 10 {
		t.Fatalf("%d results on page 1", n)
	}
	next := p.attr(t, `.pagination a[rel="next"]`, "href")
	if !strings.Contains(next, "q=breve") || !strings.Contains(next, "page=2") {
		t.Fatalf("next link %q", next)
	}
	p2 := f.get(t, next).wantStatus(t, http.StatusOK)
	if len(searchTitles(t, p2)) == 0 || p2.attr(t, `.pagination a[rel="prev"]`, "href") != "/fr/recherche/?q=breve" {
		t.Errorf("page 2: %q, prev %q", searchTitles(t, p2), p2.attr(t, `.pagination a[rel="prev"]`, "href"))
	}
}
