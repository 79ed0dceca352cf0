package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func testUpdateArticleVersion(t *testing.T, e *env) {
	ctx := t.Context()
	alice, bob := mustPerson(t, e.st, "alice"), mustPerson(t, e.st, "bob")
	tag := mustTag(t, e.st, "fr", "climat")
	created := e.now()
	a := newArticle("fr", "a", created)
	a.AuthorIDs = []int64{alice.ID}
	mustArticle(t, e.st, a)
	mustArticle(t, e.st, newArticle("fr", "other", created))

	e.clock.Advance(time.Hour)
	r := mustReadArticle(t, e.st, "fr", "a")
	r.Title, r.AuthorIDs, r.TagIDs = "New title", []int64{bob.ID}, []int64{tag.ID}
	mustUpdateArticle(t, e.st, r)
	checkEqual(t, "Version after save", r.Version, int64(2))
	checkTime(t, "UpdatedAt after save", r.UpdatedAt, e.now())

	got := mustReadArticle(t, e.st, "fr", "a")
	checkEqual(t, "title", got.Title, "New title")
	checkEqual(t, "Version read back", got.Version, int64(2))
	checkTime(t, "UpdatedAt read back", got.UpdatedAt, e.now())
	checkTime(t, "CreatedAt unchanged", got.CreatedAt, created)
	checkEqual(t, "authors replaced", got.AuthorIDs, []int64{bob.ID})
	checkEqual(t, "tags replaced", got.TagIDs, []int64{tag.ID})

	mustUpdateArticle(t, e.st, got)
	checkEqual(t, "Version after second save", mustReadArticle(t, e.st, "fr", "a").Version, int64(3))

	update := func(a *content.Article) error {
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.UpdateArticle(ctx, a) })
	}
	ghost := newArticle("fr", "ghost", created)
	ghost.ID, ghost.Version = 9999, 1
	checkErr(t, "UpdateArticle(unknown ID)", update(ghost), store.ErrNotFound)

	taken := mustReadArticle(t, e.st, "fr", "a")
	taken.Slug = "other"
	checkErr(t, "rename to a taken slug", update(taken), store.ErrConflict)
	after := mustReadArticle(t, e.st, "fr", "a")
	checkEqual(t, "Version after failed rename", after.Version, int64(3))
	_, err := e.st.SlugRedirect(ctx, "fr", "a")
	checkErr(t, "no redirect from a failed rename", err, store.ErrNotFound)
}

func testUpdateArticleStale(t *testing.T, e *env) {
	ctx := t.Context()
	x, y := mustTag(t, e.st, "fr", "x"), mustTag(t, e.st, "fr", "y")
	a := newArticle("fr", "a", e.now())
	a.TagIDs = []int64{x.ID}
	mustArticle(t, e.st, a)

	first, second := mustReadArticle(t, e.st, "fr", "a"), mustReadArticle(t, e.st, "fr", "a")
	first.Title = "First"
	mustUpdateArticle(t, e.st, first)

	second.Title, second.TagIDs, second.Slug = "Second", []int64{y.ID}, "moved"
	err := e.st.Update(ctx, func(tx store.Tx) error { return tx.UpdateArticle(ctx, second) })
	checkErr(t, "saving a stale version", err, store.ErrConflict)

	got := mustReadArticle(t, e.st, "fr", "a")
	checkEqual(t, "title after stale save", got.Title, "First")
	checkEqual(t, "Version after stale save", got.Version, int64(2))
	checkEqual(t, "tags after stale save", got.TagIDs, []int64{x.ID})
	_, err = e.st.Article(ctx, "fr", "moved")
	checkErr(t, "slug of the stale save", err, store.ErrNotFound)
	_, err = e.st.SlugRedirect(ctx, "fr", "a")
	checkErr(t, "redirect of the stale save", err, store.ErrNotFound)

	// Whoever lost re-reads and saves on top.
	got.Title = "Second"
	mustUpdateArticle(t, e.st, got)
	checkEqual(t, "Version after re-read save", mustReadArticle(t, e.st, "fr", "a").Version, int64(3))
}

func testSlugRedirects(t *testing.T, e *env) {
	ctx := t.Context()
	redirect := func(lang content.Lang, slug string) string {
		t.Helper()
		s, err := e.st.SlugRedirect(ctx, lang, slug)
		if err != nil {
			t.Errorf("SlugRedirect(%s, %s): %v", lang, slug, err)
		}
		return s
	}
	noRedirect := func(lang content.Lang, slug string) {
		t.Helper()
		_, err := e.st.SlugRedirect(ctx, lang, slug)
		checkErr(t, "SlugRedirect("+string(lang)+", "+slug+")", err, store.ErrNotFound)
	}
	rename := func(a *content.Article, slug string) {
		t.Helper()
		a.Slug = slug
		mustUpdateArticle(t, e.st, a)
	}
	servedBy := func(slug string) int64 { t.Helper(); return mustReadArticle(t, e.st, "fr", slug).ID }

	x := mustArticle(t, e.st, newArticle("fr", "a", e.now()))
	noRedirect("fr", "a")
	rename(x, "b")
	checkEqual(t, "a redirects", redirect("fr", "a"), "b")
	_, err := e.st.Article(ctx, "fr", "a")
	checkErr(t, "Article(old slug)", err, store.ErrNotFound)
	noRedirect("nl", "a")
	noRedirect("fr", "b")

	rename(x, "c")
	checkEqual(t, "a redirects after second rename", redirect("fr", "a"), "c")
	checkEqual(t, "b redirects after second rename", redirect("fr", "b"), "c")

	// A new article may take an old slug; the old redirect must not shadow it.
	y := mustArticle(t, e.st, newArticle("fr", "a", e.now()))
	noRedirect("fr", "a")
	checkEqual(t, "article at reused slug", servedBy("a"), y.ID)
	checkEqual(t, "b still redirects", redirect("fr", "b"), "c")

	// Going back to a former slug makes it current again.
	rename(x, "b")
	noRedirect("fr", "b")
	checkEqual(t, "article back at b", servedBy("b"), x.ID)
	checkEqual(t, "c redirects back", redirect("fr", "c"), "b")

	// Another article renamed onto x's former slug takes it over.
	rename(y, "c")
	noRedirect("fr", "c")
	checkEqual(t, "article at c", servedBy("c"), y.ID)
	checkEqual(t, "y's former slug", redirect("fr", "a"), "c")
}

func testStatusNormalisation(t *testing.T, e *env) {
	ctx := t.Context()
	now := e.now()
	mustArticle(t, e.st, newArticle("fr", "future", now.Add(2*time.Hour)))
	zero := mustArticle(t, e.st, newArticle("fr", "zero", time.Time{}))
	// "Publish now" with the clock's own reading, nanoseconds and all.
	instant := mustArticle(t, e.st, newArticle("fr", "instant", e.clock.Now()))
	mustArticle(t, e.st, newArticle("fr", "past", now.Add(-time.Hour)))

	got := mustReadArticle(t, e.st, "fr", "future")
	checkEqual(t, "published in the future: status", got.Status, content.StatusScheduled)
	checkTime(t, "published in the future: PublishAt", got.PublishAt, now.Add(2*time.Hour))
	got = mustReadArticle(t, e.st, "fr", "zero")
	checkEqual(t, "published without a time: status", got.Status, content.StatusPublished)
	checkTime(t, "published without a time: PublishAt", got.PublishAt, now)
	got = mustReadArticle(t, e.st, "fr", "instant")
	checkEqual(t, "published at the clock's time: status", got.Status, content.StatusPublished)
	checkTime(t, "published at the clock's time: PublishAt", got.PublishAt, now)

	// The same holds when saving.
	p := mustReadArticle(t, e.st, "fr", "past")
	p.PublishAt = now.Add(time.Hour)
	mustUpdateArticle(t, e.st, p)
	checkEqual(t, "saved as published in the future", mustReadArticle(t, e.st, "fr", "past").Status, content.StatusScheduled)

	checkEqual(t, "Articles lists what is visible now",
		mustArticles(t, e.st, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: 10}), articleIDs(instant, zero))
	at, err := e.st.NextScheduled(ctx)
	if err != nil {
		t.Fatalf("NextScheduled: %v", err)
	}
	checkTime(t, "NextScheduled", at, now.Add(time.Hour))
}

// testIgnoredErrorRollsBack: a caller that ignores a failed write and returns nil still
// gets everything rolled back, on every backend.
func testIgnoredErrorRollsBack(t *testing.T, e *env) {
	ctx := t.Context()
	err := e.st.Update(ctx, func(tx store.Tx) error {
		if err := tx.CreateTag(ctx, &content.Tag{Lang: "fr", Slug: "garde", Name: "garde"}); err != nil {
			return err
		}
		tx.CreateTag(ctx, &content.Tag{Lang: "fr", Slug: "garde", Name: "doublon"}) // conflict, ignored
		return nil
	})
	if !errors.Is(err, store.ErrConflict) {
		t.Errorf("Update after an ignored conflict = %v, want ErrConflict", err)
	}
	if _, err := e.st.Tag(ctx, "fr", "garde"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the tag written before the failure was kept: %v", err)
	}
}
