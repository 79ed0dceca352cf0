package editorial_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/storetest"
)

// TestBulkCreateArticle: the bulk path gives articles a unique slug unless they bring
// one, queues the publication of scheduled ones, keeps no revision, records one audit
// entry per batch, and touches every page.
func TestBulkCreateArticle(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		MustSave(t, svc, editor, draft("Grève"), content.Publish)
		heard := listen(t, st)
		n := len(heard.all())
		at := stored(clock.Now().Add(time.Hour))
		article := func(title, slug string, status content.Status, publishAt time.Time) *content.Article {
			return &content.Article{Kind: content.KindArticle, Lang: "fr", Title: title, Slug: slug, Body: "Texte.",
				Status: status, PublishAt: publishAt}
		}
		batch := []struct {
			a    *content.Article
			slug string
		}{
			{article("Grève", "", content.StatusPublished, clock.Now().Add(-time.Hour)), "greve-2"},
			{article("Grève", "", content.StatusDraft, time.Time{}), "greve-3"},
			{article("Grève", "adresse-choisie", content.StatusPublished, time.Time{}), "adresse-choisie"},
			{article("Recherche", "", content.StatusDraft, time.Time{}), "recherche-2"},
			{article("Plus tard", "", content.StatusScheduled, at), "plus-tard"},
			{article("Publié demain", "", content.StatusPublished, at.Add(24*time.Hour)), "publie-demain"},
		}
		err := svc.Bulk(t.Context(), editorial.System("import"), func(b *editorial.Batch) error {
			for _, item := range batch {
				if err := b.CreateArticle(item.a); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, item := range batch {
			got := MustArticle(t, st, item.a.ID)
			if got.Slug != item.slug || got.Title != item.a.Title {
				t.Errorf("%q: slug %q, want %q", item.a.Title, got.Slug, item.slug)
			}
			if revs := MustRevisions(t, st, item.a.ID); len(revs) != 0 {
				t.Errorf("%q: %d revisions, want none", item.a.Title, len(revs))
			}
		}
		// A published article whose time has not come is scheduled, and queued too.
		if got := MustArticle(t, st, batch[5].a.ID); got.Status != content.StatusScheduled {
			t.Errorf("an imported article published tomorrow is %s", got.Status)
		}
		checkHeard(t, "a batch", heard.since(t, st, n), store.Change{All: true, Jobs: true})
		entries := MustAudit(t, st, store.AuditQuery{Action: "bulk."})
		if len(entries) != 1 || entries[0].Action != "bulk.import" || entries[0].Actor != "import" || entries[0].UserID != 0 ||
			entries[0].Detail != "6 articles, 0 sections, 0 tags, 0 dossiers, 0 people" {
			t.Errorf("audit: %+v", entries)
		}

		// A slug that is taken is a conflict, and the batch writes nothing.
		err = svc.Bulk(t.Context(), editorial.System("import"), func(b *editorial.Batch) error {
			if err := b.CreateArticle(article("Autre", "", content.StatusDraft, time.Time{})); err != nil {
				return err
			}
			return b.CreateArticle(article("Encore", "adresse-choisie", content.StatusDraft, time.Time{}))
		})
		if !errors.Is(err, store.ErrConflict) {
			t.Errorf("a taken slug: %v, want ErrConflict", err)
		}
		if _, err := st.Article(t.Context(), "fr", "autre"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a failed batch kept an article: %v", err)
		}
		if e := MustAudit(t, st, store.AuditQuery{Action: "bulk."}); len(e) != 1 {
			t.Errorf("a failed batch was audited: %+v", e)
		}
		if err := svc.Bulk(t.Context(), editor, func(*editorial.Batch) error { return nil }); !errors.Is(err, editorial.ErrForbidden) {
			t.Errorf("a person's batch: %v, want ErrForbidden", err)
		}
		// A second batch is a second entry.
		err = svc.Bulk(t.Context(), editorial.System("demo"), func(b *editorial.Batch) error {
			return b.CreateTag(&content.Tag{Lang: "fr", Slug: "greve", Name: "Grève"})
		})
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range MustAudit(t, st, store.AuditQuery{Action: "bulk."}) {
			actions = append(actions, e.Action)
		}
		if !slices.Equal(actions, []string{"bulk.demo", "bulk.import"}) {
			t.Errorf("audit: %v", actions)
		}

		// The scheduled ones are published when their time comes.
		checkPendingAt(t, st, at)
		checkPendingAt(t, st, at.Add(24*time.Hour))
	})
}
