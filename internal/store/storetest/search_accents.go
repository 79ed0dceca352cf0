package storetest

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// A word typed without its accents finds what the accented word finds, in French, Dutch
// and English, stemming included; and an accented word finds a text written without
// accents (an old import, a title in capitals).
func testSearchAccents(t *testing.T, e *env) {
	now := e.now()
	pub := func(lang content.Lang, slug, title, body string) {
		mustArticle(t, e.st, &content.Article{Kind: content.KindArticle, Lang: lang, Slug: slug, Title: title,
			Body: body, Status: content.StatusPublished, PublishAt: now.Add(-time.Hour)})
	}
	pub("fr", "seraing", "Transports publics : 10 lignes supprimées à Seraing", "Les usagers protestent.")
	pub("fr", "solidarite", "Solidarité avec les ouvrières en grève", "Une caisse de grève pour l’austérité.")
	pub("fr", "memoire", "Devoir de mémoire", "Les grèves de 1960, racontées par une ouvrière.")
	pub("fr", "majuscules", "GREVE GENERALE LE 12", "Les services publics sont supprimes.")
	pub("nl", "scene", "De culturele scène protesteert", "Financiële steun voor de coöperaties.")
	pub("en", "roles", "The rôles of élites in café society", "Protégés and naïve observers.")
	for _, c := range []struct {
		texts []string // typed in each way, they find the same
		want  []string
	}{
		{[]string{"supprimées", "supprimees", "SUPPRIMEES", "supprimes"}, []string{"majuscules", "seraing"}},
		{[]string{"transports publics : 10 lignes supprimées à Seraing", "transports publics : 10 lignes supprimees a seraing"},
			[]string{"seraing"}},
		{[]string{`"lignes supprimées"`, `"lignes supprimees"`}, []string{"seraing"}},
		{[]string{"solidarité", "solidarite"}, []string{"solidarite"}},
		{[]string{"austérité", "austerite"}, []string{"solidarite"}},
		{[]string{"mémoire", "memoire"}, []string{"memoire"}},
		{[]string{"ouvrière", "ouvriere", "ouvrières", "ouvrieres"}, []string{"memoire", "solidarite"}},
		{[]string{"grève", "grèves", "greve", "greves", "GRÈVE"}, []string{"majuscules", "memoire", "solidarite"}},
		{[]string{"générale", "generale"}, []string{"majuscules"}},
		{[]string{"scène", "scene"}, []string{"scene"}},
		{[]string{"financiële coöperaties", "financiele cooperaties"}, []string{"scene"}},
		{[]string{"rôle élite cafés", "role elite cafes", "roles elites"}, []string{"roles"}},
		{[]string{"protégé naïve", "protege naive"}, []string{"roles"}},
	} {
		for _, text := range c.texts {
			checkEqual(t, "search "+text, foundSet(t, e, store.SearchQuery{Text: text}), c.want)
		}
	}
}

// A search without words lists what its filters select, newest first, and counts them
// exactly; a search of words that requires nothing still finds nothing.
func testSearchWithoutWords(t *testing.T, e *env) {
	n := newNewsroom(t, e)
	now := e.now()
	all := []string{"de-lijn", "cheminots", "dockers", "huurprijzen", "caterpillar", "housing"} // newest first
	for _, text := range []string{"", "   ", "\t\n"} {
		res := mustSearch(t, e, store.SearchQuery{Text: text})
		checkEqual(t, "listing of "+text, hitSlugs(res), all)
		if res.Total != len(all) {
			t.Errorf("listing %q: total %d, want %d", text, res.Total, len(all))
		}
	}
	for _, c := range []struct {
		name string
		q    store.SearchQuery
		want []string
	}{
		{"press releases", store.SearchQuery{Kind: content.KindPressRelease}, []string{"dockers", "caterpillar"}},
		{"French", store.SearchQuery{Lang: "fr"}, []string{"cheminots", "caterpillar"}},
		{"section", store.SearchQuery{SectionID: n.work.ID}, []string{"de-lijn", "cheminots", "caterpillar"}},
		{"sections", store.SearchQuery{SectionIDs: []int64{n.city.ID}}, []string{"huurprijzen", "housing"}},
		{"tag", store.SearchQuery{TagID: n.tag.ID}, []string{"cheminots"}},
		{"dossier", store.SearchQuery{DossierID: n.dossier.ID}, []string{"caterpillar"}},
		{"author", store.SearchQuery{AuthorID: n.author.ID}, []string{"cheminots", "dockers"}},
		{"last week", store.SearchQuery{From: now.Add(-7 * 24 * time.Hour)}, []string{"de-lijn", "cheminots", "dockers", "huurprijzen"}},
		{"before", store.SearchQuery{To: now.Add(-30 * 24 * time.Hour)}, []string{"caterpillar", "housing"}},
		{"second page", store.SearchQuery{Limit: 4, Offset: 4}, []string{"caterpillar", "housing"}},
		// The newsroom sees drafts, which have no publication time yet: first.
		{"staff", store.SearchQuery{Staff: true, Lang: "fr"}, []string{"brouillon", "cheminots", "caterpillar"}},
		{"documents only", store.SearchQuery{Types: []string{issuePage}}, []string{}},
	} {
		res := mustSearch(t, e, c.q)
		checkEqual(t, c.name, hitSlugs(res), c.want)
		if c.q.Offset == 0 && res.Total != len(c.want) {
			t.Errorf("%s: total %d, want %d", c.name, res.Total, len(c.want))
		}
	}
	// Articles and documents together, merged by date.
	mustIndex(t, e, pageOf(42, 1, "fr", now.Add(-3*24*time.Hour-time.Minute), "Le Rappel n° 42", "Édito."))
	res := mustSearch(t, e, store.SearchQuery{Lang: "fr", Types: []string{store.SubjectArticle, issuePage}})
	checkEqual(t, "articles and documents", itemsOf(res), []string{"cheminots", issuePage + ":42/1", "caterpillar"})
	if res.Total != 3 {
		t.Errorf("articles and documents: total %d, want 3", res.Total)
	}
	if res := mustSearch(t, e, store.SearchQuery{Lang: "fr", Types: []string{store.SubjectArticle, issuePage}, Limit: 1, Offset: 1}); len(res.Hits) != 1 || res.Hits[0].Subject.Type != issuePage {
		t.Errorf("articles and documents, second of one a page: %v", itemsOf(res))
	}
	// Words, but none to look for: nothing, as before.
	checkEqual(t, "only an exclusion", found(t, e, store.SearchQuery{Text: "-grève"}), []string{})
}
