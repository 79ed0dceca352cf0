package storetest

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// issuePage is the type the printed issues' pages are indexed as.
const issuePage = "issue-page"

// indexWriter is the transaction's writer of documents.
func indexWriter(tb testing.TB, tx store.Tx) store.SearchIndexWriter {
	tb.Helper()
	w, ok := tx.(store.SearchIndexWriter)
	if !ok {
		tb.Fatalf("%T does not write documents into the search index", tx)
	}
	return w
}

func mustIndex(tb testing.TB, e *env, docs ...store.SearchDocument) {
	tb.Helper()
	MustUpdate(tb, e.st, func(tx store.Tx) error {
		for _, d := range docs {
			if err := indexWriter(tb, tx).IndexDocument(tb.Context(), d); err != nil {
				return err
			}
		}
		return nil
	})
}

func mustUnindex(tb testing.TB, e *env, s store.Subject) {
	tb.Helper()
	MustUpdate(tb, e.st, func(tx store.Tx) error { return indexWriter(tb, tx).UnindexDocument(tb.Context(), s) })
}

// pageOf is an issue's page as the tests index it.
func pageOf(issue int64, part int, lang content.Lang, at time.Time, title, body string) store.SearchDocument {
	return store.SearchDocument{Subject: store.Subject{Type: issuePage, ID: issue}, Part: part, Lang: lang,
		Title: title, Body: body, Visible: true, PublishAt: at}
}

// archive is a few printed issues: 42 in French and 43 in Dutch, published; 44 not
// published; 45 published in two hours.
type archive struct {
	pages []store.SearchDocument
}

func newArchive(t *testing.T, e *env) *archive {
	now, day := e.now(), 24*time.Hour
	a := &archive{pages: []store.SearchDocument{
		pageOf(42, 1, "fr", now.Add(-3*day), "Le Rappel n° 42, page 1",
			"Édito : la rentrée sociale s’annonce chaude dans les entreprises wallonnes."),
		pageOf(42, 2, "fr", now.Add(-3*day), "Le Rappel n° 42, page 2",
			"Petites annonces, météo et programme des cinémas de la région."),
		pageOf(42, 3, "fr", now.Add(-3*day), "Le Rappel n° 42, page 3",
			"Les grévistes de Caterpillar occupent l’usine de Gosselies depuis lundi. Le piquet tient bon."),
		pageOf(43, 1, "nl", now.Add(-10*day), "De Roneo nr. 43, pagina 1",
			"Havenarbeiders leggen het werk neer: de stakingen in de haven van Antwerpen duren voort."),
		pageOf(43, 2, "nl", now.Add(-10*day), "De Roneo nr. 43, pagina 2", "Sportuitslagen en het weer."),
		pageOf(44, 1, "fr", now.Add(-day), "Le Rappel n° 44, page 1", "Épreuve non publiée : les grévistes de Charleroi."),
		pageOf(45, 1, "fr", now.Add(2*time.Hour), "Le Rappel n° 45, page 1", "Édition de demain : les grévistes de Liège défilent."),
	}}
	a.pages[5].Visible = false
	mustIndex(t, e, a.pages...)
	return a
}

// foundItems lists what a search finds, best first: "slug" for an article,
// "type:ID/part" for a document.
func foundItems(tb testing.TB, e *env, q store.SearchQuery) []string {
	tb.Helper()
	return itemsOf(mustSearch(tb, e, q))
}

func itemsOf(res store.SearchResult) []string {
	out := []string{}
	for _, h := range res.Hits {
		if h.Subject.Type == store.SubjectArticle {
			out = append(out, h.Slug)
		} else {
			out = append(out, fmt.Sprintf("%s:%d/%d", h.Subject.Type, h.Subject.ID, h.Part))
		}
	}
	return out
}

func foundItemSet(tb testing.TB, e *env, q store.SearchQuery) []string {
	tb.Helper()
	s := foundItems(tb, e, q)
	slices.Sort(s)
	return s
}

// pages is the query for issues' pages.
func pages(text string) store.SearchQuery {
	return store.SearchQuery{Text: text, Types: []string{issuePage}}
}

func testSearchDocuments(t *testing.T, e *env) {
	newNewsroom(t, e)
	newArchive(t, e)
	now := e.now()
	with := func(q store.SearchQuery, change func(*store.SearchQuery)) store.SearchQuery { change(&q); return q }
	for _, c := range []struct {
		name string
		q    store.SearchQuery
		want []string
	}{
		{"accents and plural", pages("gréviste"), []string{"issue-page:42/3"}},
		{"capitals, no accent", pages("GREVISTES"), []string{"issue-page:42/3"}},
		{"Dutch plural", pages("stakingen"), []string{"issue-page:43/1"}},
		{"Dutch singular finds the plural", pages("staking"), []string{"issue-page:43/1"}},
		{"Dutch, analysed in Dutch", with(pages("stakingen"), func(q *store.SearchQuery) { q.Langs = []content.Lang{"nl"} }), []string{"issue-page:43/1"}},
		{"French, elision", pages("l’usine"), []string{"issue-page:42/3"}},
		{"phrase", pages(`"piquet tient bon"`), []string{"issue-page:42/3"}},
		{"phrase in another order", pages(`"bon piquet"`), []string{}},
		{"being typed", pages("havenarb"), []string{"issue-page:43/1"}},
		{"title", pages("rappel page 2"), []string{"issue-page:42/2"}},
		{"every page of an issue", pages("rappel 42"), []string{"issue-page:42/1", "issue-page:42/2", "issue-page:42/3"}},
		{"excluded words", pages("rappel 42 -petites -grévistes"), []string{"issue-page:42/1"}},
		{"language", with(pages("grévistes"), func(q *store.SearchQuery) { q.Lang = "nl" }), []string{}},
		{"language nl", with(pages("stakingen"), func(q *store.SearchQuery) { q.Lang = "nl" }), []string{"issue-page:43/1"}},
		{"from", with(pages("grévistes"), func(q *store.SearchQuery) { q.From = now.Add(-5 * 24 * time.Hour) }), []string{"issue-page:42/3"}},
		{"to", with(pages("grévistes"), func(q *store.SearchQuery) { q.To = now.Add(-5 * 24 * time.Hour) }), []string{}},
		{"articles only by default", store.SearchQuery{Text: "grévistes"}, []string{}},
		{"articles only when asked", store.SearchQuery{Text: "grévistes", Types: []string{store.SubjectArticle}}, []string{}},
		{"another type", store.SearchQuery{Text: "grévistes", Types: []string{"event"}}, []string{}},
		{"a filter of articles", with(pages("grévistes"), func(q *store.SearchQuery) { q.Kind = content.KindArticle }), []string{}},
		{"nothing of the sort", pages("zanzibar"), []string{}},
	} {
		checkEqual(t, c.name, foundItemSet(t, e, c.q), c.want)
	}
}

func testSearchDocumentHits(t *testing.T, e *env) {
	a := newArchive(t, e)
	res := mustSearch(t, e, pages("caterpillar"))
	if len(res.Hits) != 1 || res.Total != 1 {
		t.Fatalf("hits %+v, total %d", res.Hits, res.Total)
	}
	h, p := res.Hits[0], a.pages[2]
	checkEqual(t, "hit", []any{h.Subject, h.Part, h.Title, h.Lang, h.Body, h.ID, h.Slug},
		[]any{p.Subject, 3, p.Title, content.Lang("fr"), p.Body, int64(0), ""})
	checkTime(t, "hit's publication", h.PublishAt, p.PublishAt)
	if h.Rank <= 0 {
		t.Errorf("rank %v, want positive", h.Rank)
	}
	stats, err := e.st.IndexStats(t.Context())
	if err != nil || stats.Documents != len(a.pages) || stats.Articles != 0 || stats.Bytes <= 0 {
		t.Errorf("IndexStats = %+v, %v; want %d documents, no articles, some bytes", stats, err, len(a.pages))
	}
}

// Articles and pages found by one search, ranked together.
func testSearchDocumentsWithArticles(t *testing.T, e *env) {
	n := newNewsroom(t, e)
	newArchive(t, e)
	both := func(text string) store.SearchQuery {
		return store.SearchQuery{Text: text, Types: []string{store.SubjectArticle, issuePage}}
	}
	checkEqual(t, "articles and pages", foundItemSet(t, e, both("caterpillar gosselies")), []string{"caterpillar", "issue-page:42/3"})
	checkEqual(t, "the types' order does not matter", foundItemSet(t, e, store.SearchQuery{Text: "usine",
		Types: []string{issuePage, store.SubjectArticle, issuePage}}), []string{"caterpillar", "issue-page:42/3"})
	res := mustSearch(t, e, both("grève gréviste stakingen staking"))
	checkEqual(t, "no word in all", itemsOf(res), []string{})

	res = mustSearch(t, e, store.SearchQuery{Text: "caterpillar", Types: []string{store.SubjectArticle, issuePage}, Staff: true})
	checkEqual(t, "newsroom", foundSetOf(res), []string{"caterpillar", "issue-page:42/3"})
	for i, h := range res.Hits {
		if h.Rank <= 0 || i > 0 && h.Rank > res.Hits[i-1].Rank {
			t.Errorf("hit %d (%s) ranked %v after %v: want positive ranks, best first", i, h.Subject.Type, h.Rank, res.Hits[i-1].Rank)
		}
	}
	if res.Total != 2 {
		t.Errorf("total %d, want 2", res.Total)
	}
	// A filter only articles have leaves the pages out; one both have applies to both.
	checkEqual(t, "section", foundItemSet(t, e, func() store.SearchQuery {
		q := both("caterpillar")
		q.SectionID = n.work.ID
		return q
	}()), []string{"caterpillar"})
	checkEqual(t, "language", foundItemSet(t, e, func() store.SearchQuery {
		q := both("staking")
		q.Lang = "nl"
		return q
	}()), []string{"de-lijn", "issue-page:43/1"})
	// Pages follow one another.
	var seen []string
	for offset := 0; offset < 4; offset++ {
		seen = append(seen, itemsOf(mustSearch(t, e, store.SearchQuery{Text: "caterpillar usine", Types: []string{store.SubjectArticle, issuePage},
			Limit: 1, Offset: offset}))...)
	}
	slices.Sort(seen)
	checkEqual(t, "one hit a page", seen, []string{"caterpillar", "issue-page:42/3"})
}

func foundSetOf(res store.SearchResult) []string {
	s := itemsOf(res)
	slices.Sort(s)
	return s
}

// Readers find visible documents from their publication on; the newsroom finds all.
func testSearchDocumentsVisibility(t *testing.T, e *env) {
	a := newArchive(t, e)
	readers, staff := pages("grévistes"), pages("grévistes")
	staff.Staff = true
	check := func(when string, wantReaders, wantStaff []string) {
		t.Helper()
		checkEqual(t, when+", readers", foundItemSet(t, e, readers), wantReaders)
		checkEqual(t, when+", newsroom", foundItemSet(t, e, staff), wantStaff)
	}
	all := []string{"issue-page:42/3", "issue-page:44/1", "issue-page:45/1"}
	check("at first", []string{"issue-page:42/3"}, all)

	e.clock.Advance(2 * time.Hour)
	check("embargo lifted", []string{"issue-page:42/3", "issue-page:45/1"}, all)
	early := pages("grévistes")
	early.Now = e.now().Add(-time.Hour)
	checkEqual(t, "a reader's moment before the embargo", foundItemSet(t, e, early), []string{"issue-page:42/3"})

	unpublished, published := a.pages[2], a.pages[5]
	unpublished.Visible, published.Visible = false, true
	mustIndex(t, e, unpublished, published)
	check("one page withdrawn, another published", []string{"issue-page:44/1", "issue-page:45/1"}, all)
}

// A document is replaced by its subject and part, and leaves with its subject.
func testSearchDocumentsReplaceAndRemove(t *testing.T, e *env) {
	a := newArchive(t, e)
	p := a.pages[2]
	p.Title, p.Body = "Le Rappel n° 42, page 3 (deuxième édition)", "La fanfare de Binche ouvre le carnaval."
	mustIndex(t, e, p)
	checkEqual(t, "old words", foundItemSet(t, e, pages("caterpillar")), []string{})
	checkEqual(t, "new words", foundItemSet(t, e, pages("fanfare binche")), []string{"issue-page:42/3"})
	checkEqual(t, "new title", foundItems(t, e, pages("deuxième édition")), []string{"issue-page:42/3"})
	checkDocuments(t, e, len(a.pages))

	mustUnindex(t, e, store.Subject{Type: issuePage, ID: 42})
	checkEqual(t, "after removing issue 42", foundItemSet(t, e, pages("rappel")), []string{})
	staff := pages("rappel")
	staff.Staff = true
	checkEqual(t, "after removing issue 42, newsroom", foundItemSet(t, e, staff), []string{"issue-page:44/1", "issue-page:45/1"})
	checkEqual(t, "another issue stays", foundItemSet(t, e, pages("havenarbeiders")), []string{"issue-page:43/1"})
	checkDocuments(t, e, len(a.pages)-3)

	mustUnindex(t, e, store.Subject{Type: issuePage, ID: 42})   // again
	mustUnindex(t, e, store.Subject{Type: "event", ID: 43})     // another type, same ID
	mustUnindex(t, e, store.Subject{Type: issuePage, ID: 9999}) // never indexed
	checkEqual(t, "removing what is not there", foundItemSet(t, e, pages("havenarbeiders")), []string{"issue-page:43/1"})

	// Indexed again, as when an issue's PDF is replaced.
	mustIndex(t, e, pageOf(42, 1, "fr", e.now(), "Le Rappel n° 42, page 1", "Nouvelle édition : la fanfare joue."))
	checkEqual(t, "indexed again", foundItemSet(t, e, pages("fanfare")), []string{"issue-page:42/1"})
	checkDocuments(t, e, len(a.pages)-2)
}

func checkDocuments(tb testing.TB, e *env, want int) {
	tb.Helper()
	stats, err := e.st.IndexStats(tb.Context())
	if err != nil || stats.Documents != want {
		tb.Errorf("IndexStats = %+v, %v; want %d documents", stats, err, want)
	}
}

// The index changes with its owner's transaction: a rollback leaves nothing behind, and
// within one transaction the last change of a document wins.
func testSearchDocumentsSameTransaction(t *testing.T, e *env) {
	a := newArchive(t, e)
	ctx := t.Context()
	failure := errors.New("the PDF could not be read to the end")
	err := e.st.Update(ctx, func(tx store.Tx) error {
		w := indexWriter(t, tx)
		if err := w.IndexDocument(ctx, pageOf(46, 1, "fr", e.now(), "Le Rappel n° 46", "Zanzibar en une.")); err != nil {
			return err
		}
		replaced := a.pages[3]
		replaced.Body = "Zanzibar ook hier."
		if err := w.IndexDocument(ctx, replaced); err != nil {
			return err
		}
		if err := w.UnindexDocument(ctx, store.Subject{Type: issuePage, ID: 42}); err != nil {
			return err
		}
		return failure
	})
	checkErr(t, "Update", err, failure)
	staff := pages("zanzibar")
	staff.Staff = true
	checkEqual(t, "rolled back", foundItemSet(t, e, staff), []string{})
	checkEqual(t, "the replaced page as it was", foundItemSet(t, e, pages("havenarbeiders")), []string{"issue-page:43/1"})
	checkEqual(t, "the removed issue as it was", foundItemSet(t, e, pages("rappel 42")), []string{"issue-page:42/1", "issue-page:42/2", "issue-page:42/3"})
	checkDocuments(t, e, len(a.pages))

	MustUpdate(t, e.st, func(tx store.Tx) error {
		w := indexWriter(t, tx)
		if err := w.IndexDocument(ctx, pageOf(47, 1, "fr", e.now(), "Le Rappel n° 47", "Zanzibar en une.")); err != nil {
			return err
		}
		if err := w.UnindexDocument(ctx, store.Subject{Type: issuePage, ID: 47}); err != nil {
			return err
		}
		if err := w.UnindexDocument(ctx, store.Subject{Type: issuePage, ID: 43}); err != nil {
			return err
		}
		return w.IndexDocument(ctx, pageOf(43, 1, "nl", e.now(), "De Roneo nr. 43, pagina 1", "Zanzibar ook hier."))
	})
	checkEqual(t, "indexed, then removed", foundItemSet(t, e, staff), []string{"issue-page:43/1"})
	checkEqual(t, "removed, then indexed", foundItemSet(t, e, pages("havenarbeiders sportuitslagen")), []string{})
	checkDocuments(t, e, len(a.pages)-1)
}

// A reindex analyses the documents again from the text the index keeps.
func testSearchDocumentsReindex(t *testing.T, e *env) {
	newNewsroom(t, e)
	a := newArchive(t, e)
	queries := []store.SearchQuery{pages("grévistes"), pages("stakingen"), pages(`"piquet tient bon"`), pages("rappel"),
		{Text: "grévistes", Types: []string{issuePage}, Staff: true},
		{Text: "caterpillar", Types: []string{store.SubjectArticle, issuePage}},
		{Text: "grève"}}
	var before []store.SearchResult
	for _, q := range queries {
		before = append(before, mustSearch(t, e, q))
	}
	var last [2]int
	if err := e.st.Reindex(t.Context(), func(done, total int) { last = [2]int{done, total} }); err != nil {
		t.Fatalf("Reindex: %v", err)
	}
	if want := 7 + len(a.pages); last != [2]int{want, want} {
		t.Errorf("progress ended at %v, want %d of %d", last, want, want)
	}
	for i, q := range queries {
		checkEqual(t, "after Reindex, "+q.Text, mustSearch(t, e, q), before[i])
	}
	stats, err := e.st.IndexStats(t.Context())
	if err != nil || stats.Articles != 7 || stats.Documents != len(a.pages) {
		t.Errorf("IndexStats after Reindex = %+v, %v; want 7 articles and %d documents", stats, err, len(a.pages))
	}
}

func testSearchDocumentsInvalid(t *testing.T, e *env) {
	ok := pageOf(42, 1, "fr", e.now(), "Le Rappel", "Texte.")
	for _, c := range []struct {
		name   string
		change func(*store.SearchDocument)
	}{
		{"an article", func(d *store.SearchDocument) { d.Subject.Type = store.SubjectArticle }},
		{"no type", func(d *store.SearchDocument) { d.Subject.Type = "" }},
		{"a type with spaces", func(d *store.SearchDocument) { d.Subject.Type = "issue page" }},
		{"a type in capitals", func(d *store.SearchDocument) { d.Subject.Type = "Issue" }},
		{"no ID", func(d *store.SearchDocument) { d.Subject.ID = 0 }},
		{"a negative part", func(d *store.SearchDocument) { d.Part = -1 }},
		{"no language", func(d *store.SearchDocument) { d.Lang = "" }},
		{"a language not canonical", func(d *store.SearchDocument) { d.Lang = "FR" }},
		{"visible with no date", func(d *store.SearchDocument) { d.PublishAt = time.Time{} }},
	} {
		d := ok
		c.change(&d)
		err := e.st.Update(t.Context(), func(tx store.Tx) error { return indexWriter(t, tx).IndexDocument(t.Context(), d) })
		checkErr(t, c.name, err, content.ErrInvalid)
	}
	hidden := ok
	hidden.Visible, hidden.PublishAt = false, time.Time{}
	mustIndex(t, e, hidden) // a draft may have no date
	staff := pages("rappel")
	staff.Staff = true
	checkEqual(t, "only the valid one", foundItemSet(t, e, staff), []string{"issue-page:42/1"})
	checkEqual(t, "not for readers", foundItemSet(t, e, pages("rappel")), []string{})
}
