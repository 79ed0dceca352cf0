package storetest

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func testPreviews(t *testing.T, e *env) {
	ctx := t.Context()
	ana := mustUser(t, e.st, "ana@example.org", "Ana", auth.RoleEditor)
	now := e.now()
	release := newArticle("fr", "embargo", now.Add(24*time.Hour))
	release.Kind, release.Status = content.KindPressRelease, content.StatusScheduled
	mustArticle(t, e.st, release)
	other := mustArticle(t, e.st, newArticle("fr", "other", now))
	create := func(p store.Preview) store.Preview {
		t.Helper()
		MustUpdate(t, e.st, func(tx store.Tx) error { return tx.CreatePreview(ctx, p) })
		return p
	}
	valid := create(store.Preview{Hash: "valid", ArticleID: release.ID, CreatedBy: ana.ID, CreatedAt: now,
		ExpiresAt: release.PublishAt, Note: "Le Soir"})
	e.clock.Advance(time.Minute)
	revoked := create(store.Preview{Hash: "revoked", ArticleID: release.ID, CreatedBy: ana.ID, ExpiresAt: release.PublishAt})
	revoked.CreatedAt = e.now() // none given: now
	create(store.Preview{Hash: "elsewhere", ArticleID: other.ID, ExpiresAt: release.PublishAt})

	a, p, err := e.st.PreviewByHash(ctx, "valid", now)
	if err != nil {
		t.Fatalf("PreviewByHash: %v", err)
	}
	checkEqual(t, "preview", p, valid)
	checkEqual(t, "preview's article", a.ID, release.ID)
	checkEqual(t, "preview's article is whole", a.Title, release.Title)
	_, _, err = e.st.PreviewByHash(ctx, "valid", valid.ExpiresAt)
	checkErr(t, "preview once the embargo lifts", err, store.ErrNotFound)
	_, _, err = e.st.PreviewByHash(ctx, "unknown", now)
	checkErr(t, "unknown preview", err, store.ErrNotFound)
	checkErr(t, "duplicate hash", e.st.Update(ctx, func(tx store.Tx) error { return tx.CreatePreview(ctx, valid) }), store.ErrConflict)

	revokedAt := e.now()
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.RevokePreview(ctx, "revoked", revokedAt) })
	e.clock.Advance(time.Minute)
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.RevokePreview(ctx, "revoked", e.now()) })
	revoked.RevokedAt = revokedAt // revoking again keeps the first time
	_, _, err = e.st.PreviewByHash(ctx, "revoked", now)
	checkErr(t, "revoked preview", err, store.ErrNotFound)
	err = e.st.Update(ctx, func(tx store.Tx) error { return tx.RevokePreview(ctx, "unknown", e.now()) })
	checkErr(t, "RevokePreview(unknown)", err, store.ErrNotFound)

	ps, err := e.st.Previews(ctx, release.ID)
	if err != nil {
		t.Fatalf("Previews: %v", err)
	}
	checkEqual(t, "the article's previews, newest first", ps, []store.Preview{revoked, valid})

	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.TrashArticle(ctx, release.ID, e.now()) })
	_, _, err = e.st.PreviewByHash(ctx, "valid", now)
	checkErr(t, "preview of an article in the trash", err, store.ErrNotFound)
}

func testAutosaves(t *testing.T, e *env) {
	ctx := t.Context()
	ana := mustUser(t, e.st, "ana@example.org", "Ana", auth.RoleEditor)
	bob := mustUser(t, e.st, "bob@example.org", "Bob", auth.RoleEditor)
	existing := mustArticle(t, e.st, newArticle("fr", "existing", e.now()))
	put := func(s store.Autosave) {
		t.Helper()
		if err := e.st.PutAutosave(ctx, s); err != nil {
			t.Fatalf("PutAutosave: %v", err)
		}
	}
	get := func(articleID, userID int64) store.Autosave {
		t.Helper()
		s, err := e.st.Autosave(ctx, articleID, userID)
		if err != nil {
			t.Fatalf("Autosave(%d, %d): %v", articleID, userID, err)
		}
		return s
	}
	// Half-typed text need not be valid: no title yet, a NUL pasted in.
	draft := content.Article{Lang: "fr", Body: "Début\x00", TagIDs: []int64{7}, PublishAt: time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)}
	put(store.Autosave{ArticleID: 0, UserID: ana.ID, Article: draft})
	checkEqual(t, "autosave of a new article", get(0, ana.ID), store.Autosave{UserID: ana.ID, SavedAt: e.now(), Article: draft})

	e.clock.Advance(time.Minute)
	draft.Title = "Titre"
	put(store.Autosave{ArticleID: 0, UserID: ana.ID, Article: draft})
	checkEqual(t, "autosave replaced", get(0, ana.ID), store.Autosave{UserID: ana.ID, SavedAt: e.now(), Article: draft})
	edit := *existing
	edit.Title = "Changed"
	put(store.Autosave{ArticleID: existing.ID, UserID: bob.ID, Article: edit})
	checkEqual(t, "another person's autosave", get(existing.ID, bob.ID).Article.Title, "Changed")
	_, err := e.st.Autosave(ctx, existing.ID, ana.ID)
	checkErr(t, "autosave of someone else", err, store.ErrNotFound)

	for range 2 {
		if err := e.st.DeleteAutosave(ctx, 0, ana.ID); err != nil {
			t.Fatalf("DeleteAutosave: %v", err)
		}
	}
	_, err = e.st.Autosave(ctx, 0, ana.ID)
	checkErr(t, "deleted autosave", err, store.ErrNotFound)
	checkEqual(t, "the other autosave stays", get(existing.ID, bob.ID).UserID, bob.ID)
}
