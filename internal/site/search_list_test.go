package site_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// Filters without words list what they select, newest first; the bare page shows the
// form only.
func TestSearchFiltersWithoutWords(t *testing.T) {
	f := newFixture(t, 0)
	const pr, lead = "Rassemblement devant l’ambassade", "Grève générale\u202f: «\u202ftout s’arrête\u202f» à Liège"
	if p := f.get(t, "/fr/recherche/").wantStatus(t, http.StatusOK); len(p.all(t, ".search-results")) != 0 {
		t.Error("the search page without words or filters shows results")
	}
	if p := f.get(t, "/fr/recherche/?q=&section=&kind=&lang=&from=&to="); len(p.all(t, ".search-results")) != 0 {
		t.Error("the form sent with nothing chosen shows results")
	}

	p := f.get(t, "/fr/recherche/?kind=press_release").wantStatus(t, http.StatusOK)
	// The embargoed press release is not listed.
	if got := searchTitles(t, p); !slices.Equal(got, []string{pr}) {
		t.Errorf("every press release: %q", got)
	}
	if got := p.text(t, ".search-count"); !strings.Contains(got, "1 résultat") {
		t.Errorf("count %q", got)
	}
	if got := p.text(t, "title"); strings.Contains(got, "«") || !strings.Contains(got, "Recherche") {
		t.Errorf("page title %q", got)
	}
	if got := p.text(t, ".snippet"); !strings.Contains(got, "Nous appelons") {
		t.Errorf("snippet %q: want the opening of the text", got)
	}
	if len(p.all(t, ".results mark")) != 0 {
		t.Error("a listing marks words")
	}

	// A section: the lead article, then the briefs, newest first, ten a page.
	p = f.get(t, "/fr/recherche/?section=europe")
	want := []string{lead}
	for i := range 9 {
		want = append(want, "Brève numéro "+string(rune('0'+i)))
	}
	if got := searchTitles(t, p); !slices.Equal(got, want) {
		t.Errorf("section europe:\n got %q\nwant %q", got, want)
	}
	if got := p.text(t, ".search-count"); !strings.Contains(got, "46") {
		t.Errorf("count %q, want 46", got)
	}
	next := p.attr(t, `.pagination a[rel="next"]`, "href")
	if next != "/fr/recherche/?section=europe&page=2" {
		t.Fatalf("next link %q", next)
	}
	if got := searchTitles(t, f.get(t, next)); len(got) != 10 || got[0] != "Brève numéro 9" {
		t.Errorf("page 2: %q", got)
	}

	// Filters a link sets, every language, and the dates.
	if got := searchTitles(t, f.get(t, "/fr/recherche/?tag=greve")); !slices.Equal(got, []string{pr, lead}) {
		t.Errorf("tag: %q", got)
	}
	if got := searchTitles(t, f.get(t, "/fr/recherche/?lang=all")); len(got) != 10 || got[0] != pr ||
		!slices.Contains(got, "Algemene staking in Luik") {
		t.Errorf("every language: %q", got)
	}
	if got := searchTitles(t, f.get(t, "/nl/zoeken/?lang=nl")); !slices.Equal(got, []string{"Algemene staking in Luik"}) {
		t.Errorf("Dutch: %q", got)
	}
	day := start.Add(-3 * 24 * time.Hour).Format(time.DateOnly)
	if got := searchTitles(t, f.get(t, "/fr/recherche/?from="+day+"&to="+day)); !slices.Equal(got, []string{"Brève numéro 0"}) {
		t.Errorf("one day: %q", got)
	}
}
