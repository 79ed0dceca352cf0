package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// testRelatedReading runs RelatedSources into content.RelatedReading, as the article page
// does, with candidates of every kind and the ones that must never be suggested.
func testRelatedReading(t *testing.T, e *env) {
	ctx := t.Context()
	now := e.now()
	secS, secO := mustSection(t, e.st, 0, 0, "s"), mustSection(t, e.st, 0, 1, "o")
	x, y := mustTag(t, e.st, "fr", "x"), mustTag(t, e.st, "fr", "y")
	create := func(lang content.Lang, slug string, age time.Duration, change func(a *content.Article)) *content.Article {
		t.Helper()
		a := newArticle(lang, slug, now.Add(-age))
		change(a)
		return mustArticle(t, e.st, a)
	}
	none := func(*content.Article) {}
	draft := func(a *content.Article) { a.Status, a.PublishAt = content.StatusDraft, time.Time{} }

	m1 := create("fr", "m1", 48*time.Hour, func(a *content.Article) { a.TagIDs = []int64{x.ID} })
	m2 := create("fr", "m2", 72*time.Hour, none)
	mDraft := create("fr", "m-draft", 0, draft)
	n := create("nl", "n", time.Hour, none)
	b := create("fr", "b", 1*time.Hour, none)
	c := create("fr", "c", 2*time.Hour, none)
	dDraft := create("fr", "d-draft", 0, draft)
	t1 := create("fr", "t1", 3*time.Hour, func(a *content.Article) { a.TagIDs, a.SectionID = []int64{x.ID, y.ID}, secO.ID })
	t2 := create("fr", "t2", 4*time.Hour, func(a *content.Article) { a.TagIDs, a.SectionID = []int64{x.ID}, secO.ID })
	s1 := create("fr", "s1", 5*time.Hour, func(a *content.Article) { a.SectionID = secS.ID })
	create("fr", "unrelated", time.Hour, func(a *content.Article) { a.SectionID = secO.ID })
	a := create("fr", "a", 6*time.Hour, func(a *content.Article) {
		a.TagIDs, a.SectionID = []int64{x.ID, y.ID}, secS.ID
		a.RelatedIDs = []int64{m2.ID, mDraft.ID, m1.ID, n.ID}
	})
	aNL := create("nl", "a-nl", time.Hour, func(v *content.Article) { v.StoryID = a.ID })
	d := mustDossier(t, e.st, content.Dossier{Lang: "fr", Slug: "d"})
	mustSetDossierArticles(t, e.st, d.ID, a.ID, b.ID, dDraft.ID, c.ID, aNL.ID)

	// A manual pick of the article itself is dropped when saving.
	self := mustReadArticle(t, e.st, "fr", "a")
	self.RelatedIDs = append(self.RelatedIDs, self.ID)
	mustUpdateArticle(t, e.st, self)

	got := mustReadArticle(t, e.st, "fr", "a")
	checkEqual(t, "RelatedIDs (self dropped)", got.RelatedIDs, articleIDs(m2, mDraft, m1, n))
	src, err := e.st.RelatedSources(ctx, got, 10)
	if err != nil {
		t.Fatalf("RelatedSources: %v", err)
	}
	checkEqual(t, "manual picks in French", inLang(src.Manual, "fr"), articleIDs(m2, m1))
	checkSource(t, "dossier", src.Dossier, []int64{b.ID, c.ID}, a.ID, mDraft.ID, dDraft.ID)
	checkSource(t, "tag x", src.ByTag[x.ID], articleIDs(m1, t1, t2), a.ID, mDraft.ID, dDraft.ID)
	checkSource(t, "tag y", src.ByTag[y.ID], articleIDs(t1), a.ID, mDraft.ID, dDraft.ID)
	checkSource(t, "section", src.Section, articleIDs(s1), a.ID, mDraft.ID, dDraft.ID)
	checkSource(t, "manual", src.Manual, nil, mDraft.ID)

	reading := content.RelatedReading(got, src, e.clock.Now(), 10)
	checkEqual(t, "related reading", reading, articleIDs(m2, m1, b, c, t1, t2, s1))
	checkEqual(t, "related reading, first three", content.RelatedReading(got, src, e.clock.Now(), 3),
		articleIDs(m2, m1, b))

	// The page loads the winners in full, in their order, published ones only.
	teasers, err := e.st.Teasers(ctx, append([]int64{mDraft.ID, 999999}, reading...), store.Readers)
	if err != nil {
		t.Fatalf("Teasers: %v", err)
	}
	checkEqual(t, "teasers of the related reading", teaserIDs(teasers), reading)
	if teasers[0].Title == "" || teasers[0].Slug != "m2" || teasers[0].PublishAt.IsZero() {
		t.Errorf("teaser not loaded in full: %+v", teasers[0])
	}
	if none, err := e.st.Teasers(ctx, nil, store.Readers); err != nil || len(none) != 0 {
		t.Errorf("Teasers(nil) = %v, %v", none, err)
	}

	small, err := e.st.RelatedSources(ctx, got, 1)
	if err != nil {
		t.Fatalf("RelatedSources(1): %v", err)
	}
	if len(small.Dossier) > 1 || len(small.ByTag[x.ID]) > 1 || len(small.Section) > 1 {
		t.Errorf("RelatedSources(per 1) gave %d dossier, %d tag, %d section candidates; want at most 1 each",
			len(small.Dossier), len(small.ByTag[x.ID]), len(small.Section))
	}
}

// checkSource reports a candidate list that misses one of want or holds one of never.
func checkSource(tb testing.TB, what string, list []content.Candidate, want []int64, never ...int64) {
	tb.Helper()
	ids := candidateIDs(list)
	for _, id := range want {
		if !slices.Contains(ids, id) {
			tb.Errorf("%s candidates %v miss article %d", what, ids, id)
		}
	}
	for _, id := range never {
		if slices.Contains(ids, id) {
			tb.Errorf("%s candidates %v hold article %d, which must never be suggested", what, ids, id)
		}
	}
}

func candidateIDs(cs []content.Candidate) []int64 {
	ids := []int64{}
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	return ids
}

func inLang(ts []content.Candidate, lang content.Lang) []int64 {
	ids := []int64{}
	for _, t := range ts {
		if t.Lang == lang {
			ids = append(ids, t.ID)
		}
	}
	return ids
}
