package storetest

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// newsroom is a small newsroom's archive in three languages, for the search tests.
type newsroom struct {
	greves, greveTitle, staking, woningen, strike, housing, draft *content.Article
	work, city                                                    content.Section
	tag                                                           content.Tag
	author                                                        content.Person
	dossier                                                       content.Dossier
	editor                                                        auth.User
}

func newNewsroom(t *testing.T, e *env) *newsroom {
	n := &newsroom{
		work: mustSection(t, e.st, 0, 0, "travail"), city: mustSection(t, e.st, 0, 1, "ville"),
		tag: mustTag(t, e.st, "fr", "greve"), author: mustPerson(t, e.st, "alice"),
		editor: mustUser(t, e.st, "editor@example.org", "Édith", auth.RoleEditor),
	}
	now := e.now()
	day := 24 * time.Hour
	n.greves = mustArticle(t, e.st, &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: "cheminots",
		Title:      "Les cheminots reconduisent le mouvement",
		Standfirst: "Troisième semaine de grèves à la SNCB.",
		Body: "Les grèves touchent les gares de Liège et de Namur. « Le droit de grève n’est pas négociable », " +
			"répète la déléguée syndicale devant l’assemblée du personnel.",
		Status: content.StatusPublished, PublishAt: now.Add(-2 * day), SectionID: n.work.ID,
		TagIDs: []int64{n.tag.ID}, AuthorIDs: []int64{n.author.ID}, CreatedBy: n.editor.ID})
	n.greveTitle = mustArticle(t, e.st, &content.Article{Kind: content.KindPressRelease, Lang: "fr", Slug: "caterpillar",
		Title:  "Greve a l'usine Caterpillar de Gosselies",
		Body:   "Les ouvriers ont voté l’arrêt de travail à une large majorité. La direction refuse toute discussion.",
		Status: content.StatusPublished, PublishAt: now.Add(-40 * day), SectionID: n.work.ID})
	n.staking = mustArticle(t, e.st, &content.Article{Kind: content.KindArticle, Lang: "nl", Slug: "de-lijn",
		Title: "Staking bij De Lijn op maandag",
		Body: "De vakbonden kondigen een staking aan voor maandag. Reizigers moeten rekening houden met " +
			"ernstige hinder op alle buslijnen in Vlaanderen.",
		Status: content.StatusPublished, PublishAt: now.Add(-day), SectionID: n.work.ID})
	n.woningen = mustArticle(t, e.st, &content.Article{Kind: content.KindArticle, Lang: "nl", Slug: "huurprijzen",
		Title:  "Huurders betogen in Gent",
		Body:   "Duizend huurders eisen betaalbare woningen en een bevriezing van de huurprijzen.",
		Status: content.StatusPublished, PublishAt: now.Add(-5 * day), SectionID: n.city.ID})
	n.strike = mustArticle(t, e.st, &content.Article{Kind: content.KindPressRelease, Lang: "en", Slug: "dockers",
		Title: "Dockers strike over pensions",
		Body: "Workers striking at the port of Antwerp demand that the pension reform be withdrawn. " +
			"The union says the stoppage will last until the government talks.",
		Status: content.StatusPublished, PublishAt: now.Add(-3 * day), AuthorIDs: []int64{n.author.ID}})
	n.housing = mustArticle(t, e.st, &content.Article{Kind: content.KindPhotoReport, Lang: "en", Slug: "housing",
		Title:  "Housing crisis deepens",
		Body:   "Rents rose again this year; tenants’ unions call for a rent freeze and more social housing.",
		Status: content.StatusPublished, PublishAt: now.Add(-400 * day), SectionID: n.city.ID})
	n.draft = mustArticle(t, e.st, &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: "brouillon",
		Title: "Grève générale : les préparatifs", Body: "Le texte n’est pas encore relu.",
		Status: content.StatusDraft, CreatedBy: n.editor.ID, SectionID: n.city.ID})
	n.dossier = mustDossier(t, e.st, content.Dossier{Lang: "fr", Slug: "conflits"})
	mustSetDossierArticles(t, e.st, n.dossier.ID, n.greveTitle.ID)
	return n
}

func mustSearch(tb testing.TB, e *env, q store.SearchQuery) store.SearchResult {
	tb.Helper()
	res, err := e.st.Search(tb.Context(), q)
	if err != nil {
		tb.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}

// found lists the slugs a search finds, best first.
func found(tb testing.TB, e *env, q store.SearchQuery) []string {
	tb.Helper()
	slugs := []string{}
	for _, h := range mustSearch(tb, e, q).Hits {
		slugs = append(slugs, h.Slug)
	}
	return slugs
}

// foundSet lists them in alphabetical order, where ranking is not the question.
func foundSet(tb testing.TB, e *env, q store.SearchQuery) []string {
	tb.Helper()
	s := found(tb, e, q)
	slices.Sort(s)
	return s
}

func testSearchLanguages(t *testing.T, e *env) {
	newNewsroom(t, e)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"grève", []string{"caterpillar", "cheminots"}},    // grèves, and greve without its accent
		{"greve", []string{"caterpillar", "cheminots"}},    // typed without the accent
		{"GRÈVES", []string{"caterpillar", "cheminots"}},   // plural, capitals
		{"stakingen", []string{"de-lijn"}},                 // Dutch plural finds the singular
		{"woning", []string{"huurprijzen"}},                // and the singular the plural
		{"strikes", []string{"dockers"}},                   // English stems: strike
		{"striking pension", []string{"dockers"}},          // striking, pensions
		{"syndicale assemblée", []string{"cheminots"}},     // in the body
		{"l’assemblée", []string{"cheminots"}},             // elision
		{"Liège Namur", []string{"cheminots"}},             // proper names, accents
		{"tenants unions", []string{"housing"}},            // “tenants’”
		{"nothing of the sort", []string{}},                // all words required
		{"grève staking strike", []string{}},               // one language each
		{"huurders gent", []string{"huurprijzen"}},         // title words
		{"travail", []string{"caterpillar"}},               // not the section's name
		{"Trois", []string{"cheminots"}},                   // the standfirst, as a prefix
		{"troisième semaine", []string{"cheminots"}},       // the standfirst
		{"dockers strike pensions", []string{"dockers"}},   // the title
		{"préparatifs", []string{}},                        // a draft: not for readers
		{"caterpillar gosselies", []string{"caterpillar"}}, // a press release
	} {
		checkEqual(t, "search "+c.text, foundSet(t, e, store.SearchQuery{Text: c.text}), c.want)
	}
	// A language's own analysis when the reader filters on it.
	checkEqual(t, "grèves in French", foundSet(t, e, store.SearchQuery{Text: "grèves", Lang: "fr", Langs: []content.Lang{"fr"}}),
		[]string{"caterpillar", "cheminots"})
	checkEqual(t, "stakingen in Dutch", foundSet(t, e, store.SearchQuery{Text: "stakingen", Langs: []content.Lang{"nl"}}),
		[]string{"de-lijn"})
}

func testSearchSyntax(t *testing.T, e *env) {
	newNewsroom(t, e)
	for _, c := range []struct {
		text string
		want []string
	}{
		{`"droit de grève"`, []string{"cheminots"}},
		{`« droit de grève »`, []string{"cheminots"}},
		{`"grève de droit"`, []string{}},
		{`"port of Antwerp"`, []string{"dockers"}},
		{`"Antwerp port"`, []string{}},
		{`"rekening houden"`, []string{"de-lijn"}},
		{`grève -caterpillar`, []string{"cheminots"}},
		{`grève -"large majorité"`, []string{"cheminots"}},
		{`grève -liège`, []string{"caterpillar"}},
		{`-grève`, []string{}},                      // only an exclusion: nothing to look for
		{`chem`, []string{"cheminots"}},             // typing "cheminots"
		{`Dock`, []string{"dockers"}},               // typing "Dockers"
		{`staking bij De Lij`, []string{"de-lijn"}}, // the last word is being typed
		{`grè`, []string{"caterpillar", "cheminots"}},
		{`état-major`, []string{}},
		{`arrêt-de-travail`, []string{"caterpillar"}}, // hyphens make a phrase
	} {
		checkEqual(t, "search "+c.text, foundSet(t, e, store.SearchQuery{Text: c.text}), c.want)
	}
}

func testSearchRanking(t *testing.T, e *env) {
	now := e.now()
	pub := func(slug, title, body string, age time.Duration) *content.Article {
		return mustArticle(t, e.st, &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: slug,
			Title: title, Body: body, Status: content.StatusPublished, PublishAt: now.Add(-age)})
	}
	day := 24 * time.Hour
	// Same age: the title hit first, however often the body repeats the word.
	pub("corps", "Conseil communal de mardi", "On y a parlé de logement, de logement social et encore de logement.", day)
	pub("titre", "Logement : la ville recule", "Le conseil communal a reporté le vote du plan.", day)
	checkEqual(t, "title hit first", found(t, e, store.SearchQuery{Text: "logement"}), []string{"titre", "corps"})

	// Equal matches: the newest first, whichever was written first.
	pub("ancien", "Hôpital de Mons : les urgences débordent", "Le personnel soignant alerte.", 2*365*day)
	pub("recent", "Hôpital de Mons : les urgences débordent", "Le personnel soignant alerte.", 3*day)
	pub("moyen", "Hôpital de Mons : les urgences débordent", "Le personnel soignant alerte.", 200*day)
	res := mustSearch(t, e, store.SearchQuery{Text: "urgences hôpital"})
	checkEqual(t, "newest first", hitSlugs(res), []string{"recent", "moyen", "ancien"})
	if r := res.Hits; r[0].Rank <= r[1].Rank || r[1].Rank <= r[2].Rank || r[2].Rank <= 0 {
		t.Errorf("ranks %v, %v, %v: want positive and decreasing", r[0].Rank, r[1].Rank, r[2].Rank)
	}
	// The boost fades but does not erase relevance: an old title hit beats a fresh body hit.
	pub("vieux-titre", "Chômage : les chiffres de la FGTB", "Un article de fond.", 3*365*day)
	pub("neuf-corps", "Semaine sociale", "Il y est question de chômage.", 0)
	checkEqual(t, "old title hit before a new body hit", found(t, e, store.SearchQuery{Text: "chômage"}), []string{"vieux-titre", "neuf-corps"})
}

func hitSlugs(res store.SearchResult) []string {
	s := []string{}
	for _, h := range res.Hits {
		s = append(s, h.Slug)
	}
	return s
}

func testSearchFilters(t *testing.T, e *env) {
	n := newNewsroom(t, e)
	now := e.now()
	checkEqual(t, "OR is a word, not syntax", foundSet(t, e, store.SearchQuery{Text: "grève OR staking"}), []string{})
	for _, c := range []struct {
		name string
		q    store.SearchQuery
		want []string
	}{
		{"lang", store.SearchQuery{Text: "grève", Lang: "nl"}, []string{}},
		{"lang fr", store.SearchQuery{Text: "grève", Lang: "fr"}, []string{"caterpillar", "cheminots"}},
		{"section", store.SearchQuery{Text: "grève", SectionID: n.work.ID}, []string{"caterpillar", "cheminots"}},
		{"other section", store.SearchQuery{Text: "grève", SectionID: n.city.ID}, []string{}},
		{"sections", store.SearchQuery{Text: "grève", SectionIDs: []int64{n.work.ID, n.city.ID}}, []string{"caterpillar", "cheminots"}},
		{"staff, sections", store.SearchQuery{Text: "grève", Staff: true, SectionIDs: []int64{n.city.ID}}, []string{"brouillon"}},
		{"tag", store.SearchQuery{Text: "grève", TagID: n.tag.ID}, []string{"cheminots"}},
		{"dossier", store.SearchQuery{Text: "grève", DossierID: n.dossier.ID}, []string{"caterpillar"}},
		{"kind", store.SearchQuery{Text: "grève", Kind: content.KindPressRelease}, []string{"caterpillar"}},
		{"author", store.SearchQuery{Text: "grève", AuthorID: n.author.ID}, []string{"cheminots"}},
		{"author, other language", store.SearchQuery{Text: "strike", AuthorID: n.author.ID}, []string{"dockers"}},
		{"from", store.SearchQuery{Text: "grève", From: now.Add(-7 * 24 * time.Hour)}, []string{"cheminots"}},
		{"to", store.SearchQuery{Text: "grève", To: now.Add(-7 * 24 * time.Hour)}, []string{"caterpillar"}},
		{"from and to", store.SearchQuery{Text: "grève", From: now.Add(-50 * 24 * time.Hour), To: n.greves.PublishAt}, []string{"caterpillar"}},
		{"to is exclusive", store.SearchQuery{Text: "grève", From: n.greves.PublishAt, To: n.greves.PublishAt.Add(time.Second)}, []string{"cheminots"}},
		{"staff", store.SearchQuery{Text: "grève", Staff: true}, []string{"brouillon", "caterpillar", "cheminots"}},
		{"staff, created by", store.SearchQuery{Text: "grève", Staff: true, CreatedBy: n.editor.ID}, []string{"brouillon", "cheminots"}},
		{"created by, for readers", store.SearchQuery{Text: "grève", CreatedBy: n.editor.ID}, []string{"cheminots"}},
		{"staff, section", store.SearchQuery{Text: "grève", Staff: true, SectionID: n.city.ID}, []string{"brouillon"}},
		{"staff, drafts", store.SearchQuery{Text: "grève", Staff: true, Statuses: []content.Status{content.StatusDraft}}, []string{"brouillon"}},
		{"staff, two statuses", store.SearchQuery{Text: "grève", Staff: true, Statuses: []content.Status{content.StatusDraft, content.StatusPublished}},
			[]string{"brouillon", "caterpillar", "cheminots"}},
		{"statuses are for staff", store.SearchQuery{Text: "grève", Statuses: []content.Status{content.StatusDraft}}, []string{"caterpillar", "cheminots"}},
		{"everything", store.SearchQuery{Text: "grève", Lang: "fr", SectionID: n.work.ID, TagID: n.tag.ID, Kind: content.KindArticle,
			AuthorID: n.author.ID, From: now.Add(-3 * 24 * time.Hour), To: now, CreatedBy: n.editor.ID}, []string{"cheminots"}},
	} {
		checkEqual(t, c.name, foundSet(t, e, c.q), c.want)
	}
}

// Readers find what is published, live and not in the trash, from the moment it is; the
// newsroom finds drafts too, never the trash.
func testSearchVisibility(t *testing.T, e *env) {
	n := newNewsroom(t, e)
	ctx := t.Context()
	public := store.SearchQuery{Text: "grève"}
	staff := store.SearchQuery{Text: "grève", Staff: true}
	check := func(when string, wantPublic, wantStaff []string) {
		t.Helper()
		checkEqual(t, when+", readers", foundSet(t, e, public), wantPublic)
		checkEqual(t, when+", newsroom", foundSet(t, e, staff), wantStaff)
	}
	check("at first", []string{"caterpillar", "cheminots"}, []string{"brouillon", "caterpillar", "cheminots"})

	n.greves.Status = content.StatusDraft // unpublished
	mustUpdateArticle(t, e.st, n.greves)
	check("unpublished", []string{"caterpillar"}, []string{"brouillon", "caterpillar", "cheminots"})

	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.TrashArticle(ctx, n.greveTitle.ID, e.now()) })
	check("in the trash", []string{}, []string{"brouillon", "cheminots"})
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.RestoreArticle(ctx, n.greveTitle.ID) })
	check("restored", []string{"caterpillar"}, []string{"brouillon", "caterpillar", "cheminots"})

	// An embargo: scheduled for an hour from now, found when it is published.
	n.draft.Status, n.draft.PublishAt = content.StatusPublished, e.now().Add(time.Hour)
	mustUpdateArticle(t, e.st, n.draft)
	check("embargoed", []string{"caterpillar"}, []string{"brouillon", "caterpillar", "cheminots"})
	e.clock.Advance(time.Hour)
	mustPublishDue(t, e.st, e.clock.Now())
	check("embargo lifted", []string{"brouillon", "caterpillar"}, []string{"brouillon", "caterpillar", "cheminots"})

	// A reader's moment before publication does not see it (the Now of the query).
	early := store.SearchQuery{Text: "grève", Now: e.now().Add(-30 * time.Minute)}
	checkEqual(t, "before the embargo lifted", foundSet(t, e, early), []string{"caterpillar"})

	// A new title is found at once, the old one no longer.
	n.greveTitle.Title = "Occupation de l’usine Caterpillar"
	n.greveTitle.Body = "Les ouvriers occupent le site."
	mustUpdateArticle(t, e.st, n.greveTitle)
	checkEqual(t, "after a save, old words", foundSet(t, e, public), []string{"brouillon"})
	checkEqual(t, "after a save, new words", foundSet(t, e, store.SearchQuery{Text: "occupation"}), []string{"caterpillar"})
}

func testSearchHits(t *testing.T, e *env) {
	n := newNewsroom(t, e)
	res := mustSearch(t, e, store.SearchQuery{Text: "cheminots", Staff: true})
	if len(res.Hits) != 1 || res.Total != 1 {
		t.Fatalf("hits %+v, total %d", res.Hits, res.Total)
	}
	h := res.Hits[0]
	checkEqual(t, "hit", []any{h.ID, h.Slug, h.Lang, h.Title, h.Status, h.CreatedBy, h.SectionID, h.Version},
		[]any{n.greves.ID, "cheminots", content.Lang("fr"), n.greves.Title, content.StatusPublished, n.editor.ID, n.work.ID, int64(1)})
	checkTime(t, "hit's publication", h.PublishAt, n.greves.PublishAt)
	if !strings.HasPrefix(h.Body, n.greves.Standfirst) || !strings.HasSuffix(h.Body, n.greves.Body) {
		t.Errorf("hit's body %q: want the standfirst, then the body", h.Body)
	}
	if h.Rank <= 0 {
		t.Errorf("rank %v, want positive", h.Rank)
	}
}

func testSearchPagination(t *testing.T, e *env) {
	now := e.now()
	MustUpdate(t, e.st, func(tx store.Tx) error {
		for i := range 25 {
			a := &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: "conseil-" + string(rune('a'+i)),
				Title: "Conseil communal", Body: "Le budget de la culture est voté.",
				Status: content.StatusPublished, PublishAt: now.Add(-time.Duration(i) * time.Hour)}
			if err := tx.CreateArticle(t.Context(), a); err != nil {
				return err
			}
		}
		return nil
	})
	seen := map[string]bool{}
	var order []string
	for _, page := range []struct{ offset, want int }{{0, 10}, {10, 10}, {20, 5}, {25, 0}, {40, 0}} {
		res := mustSearch(t, e, store.SearchQuery{Text: "budget culture", Limit: 10, Offset: page.offset})
		if res.Total != 25 || len(res.Hits) != page.want {
			t.Errorf("offset %d: %d hits of %d, want %d of 25", page.offset, len(res.Hits), res.Total, page.want)
		}
		for _, h := range res.Hits {
			if seen[h.Slug] {
				t.Errorf("offset %d: %s again", page.offset, h.Slug)
			}
			seen[h.Slug] = true
			order = append(order, h.Slug)
		}
	}
	if len(order) != 25 || order[0] != "conseil-a" || order[24] != "conseil-y" {
		t.Errorf("pages hold %v: want every article once, the newest first", order)
	}
	for _, c := range []struct{ limit, offset, want int }{{0, 0, 20}, {1000, 0, 25}, {-5, -3, 20}, {3, 24, 1}} {
		res := mustSearch(t, e, store.SearchQuery{Text: "conseil", Limit: c.limit, Offset: c.offset})
		if len(res.Hits) != c.want || res.Total != 25 {
			t.Errorf("limit %d offset %d: %d hits of %d, want %d of 25", c.limit, c.offset, len(res.Hits), res.Total, c.want)
		}
	}
}

// What a reader types is never an error, whatever it holds.
func testSearchBadInput(t *testing.T, e *env) {
	newNewsroom(t, e)
	for _, text := range []string{
		"", "   ", "\t\n", "-", "--", `"`, `""`, `" "`, "«", "-\"\"", "*", "^", ":", "'", "''", `\`, "\x00",
		strings.Repeat("grève ", 1700), // 10,000 characters
		strings.Repeat("é", 10_000),
		strings.Repeat("a", 10_000),
		strings.Repeat(`"`, 10_000),
		`"droit de grève`, `droit" de grève"`, `grève "`,
		`grève OR NEAR(a b) AND NOT x*`, `title:grève`, `{title body}: grève`, `grève^2`, `"a" + "b"`,
		`'grève' & !'droit' | x:* <-> y <2> z`, `grève:*A`, `(grève`, `grève)`,
		`'; DROP TABLE articles; --`, `grève' OR '1'='1`, `$1 $2 ?`, `%_%`,
		"\xff\xfe invalid utf-8 grève", "e\u0301\u0301\u0301", "👩‍👩‍👧 ✊", "ᄀᄁ", "اضراب", "罢工",
		"a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7 8 9",
	} {
		res, err := e.st.Search(t.Context(), store.SearchQuery{Text: text})
		if err != nil {
			t.Errorf("Search(%.40q): %v", text, err)
		}
		if strings.TrimSpace(text) == "" && res.Total != 6 { // a listing (testSearchWithoutWords)
			t.Errorf("Search(%q) lists %d articles, want the 6 published", text, res.Total)
		}
	}
	if got := foundSet(t, e, store.SearchQuery{Text: `"droit de grève`}); !slices.Equal(got, []string{"cheminots"}) {
		t.Errorf("an unclosed quote: found %v, want the phrase up to the end", got)
	}
	if got := foundSet(t, e, store.SearchQuery{Text: strings.Repeat("grève ", 1700)}); len(got) != 2 {
		t.Errorf("a pasted page of grève: found %v", got)
	}
}

func testSearchReindex(t *testing.T, e *env) {
	newNewsroom(t, e)
	queries := []store.SearchQuery{{Text: "grève"}, {Text: "grève", Staff: true}, {Text: `"droit de grève"`},
		{Text: "stakingen"}, {Text: "strike"}, {Text: "housing"}}
	var before []store.SearchResult
	for _, q := range queries {
		before = append(before, mustSearch(t, e, q))
	}
	var calls [][2]int
	if err := e.st.Reindex(t.Context(), func(done, total int) { calls = append(calls, [2]int{done, total}) }); err != nil {
		t.Fatalf("Reindex: %v", err)
	}
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{7, 7} {
		t.Errorf("progress %v: want it to end at 7 of 7", calls)
	}
	for i, q := range queries {
		checkEqual(t, "after Reindex, "+q.Text, mustSearch(t, e, q), before[i])
	}
	stats, err := e.st.IndexStats(t.Context())
	if err != nil || stats.Articles != 7 || stats.Bytes <= 0 {
		t.Errorf("IndexStats = %+v, %v; want 7 articles and some bytes", stats, err)
	}
	if err := e.st.Reindex(t.Context(), nil); err != nil {
		t.Errorf("Reindex without progress: %v", err)
	}
}

// The index changes with the article, in its transaction: a rolled-back save leaves
// nothing behind, and a committed one is searchable at once.
func testSearchSameTransaction(t *testing.T, e *env) {
	n := newNewsroom(t, e)
	ctx := t.Context()
	failure := errors.New("the editor's browser went away")
	err := e.st.Update(ctx, func(tx store.Tx) error {
		a := *n.staking
		a.Title = "Zanzibar"
		if err := tx.UpdateArticle(ctx, &a); err != nil {
			return err
		}
		b := &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: "fantome", Title: "Zanzibar fantôme",
			Status: content.StatusPublished, PublishAt: e.now()}
		if err := tx.CreateArticle(ctx, b); err != nil {
			return err
		}
		return failure
	})
	checkErr(t, "Update", err, failure)
	checkEqual(t, "rolled back", foundSet(t, e, store.SearchQuery{Text: "zanzibar", Staff: true}), []string{})
	checkEqual(t, "the old title", foundSet(t, e, store.SearchQuery{Text: "staking"}), []string{"de-lijn"})
	stats, err := e.st.IndexStats(ctx)
	if err != nil || stats.Articles != 7 {
		t.Errorf("IndexStats after a rollback = %+v, %v; want 7 articles", stats, err)
	}
}
