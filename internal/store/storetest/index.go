package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// testArticleIndex: the sitemaps' walk sees every published article once, in id order,
// by pages, and nothing readers cannot see.
func testArticleIndex(t *testing.T, e *env) {
	ctx := t.Context()
	if n, updated, err := e.st.CountListed(ctx); err != nil || n != 0 || !updated.IsZero() {
		t.Fatalf("CountListed of an empty site = %d %v %v", n, updated, err)
	}
	base := e.now().Add(-time.Hour)
	var listed []int64
	for i, lang := range []content.Lang{"fr", "nl", "fr", "en", "fr"} {
		a := mustArticle(t, e.st, newArticle(lang, "idx-"+string(rune('a'+i)), base))
		listed = append(listed, a.ID)
	}
	draft := newArticle("fr", "idx-draft", base)
	draft.Status = content.StatusDraft
	mustArticle(t, e.st, draft)
	scheduled := newArticle("fr", "idx-later", base.Add(48*time.Hour))
	scheduled.Status = content.StatusScheduled
	mustArticle(t, e.st, scheduled)
	trashed := mustArticle(t, e.st, newArticle("nl", "idx-trash", base))
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.TrashArticle(ctx, trashed.ID, e.now()) })

	n, updated, err := e.st.CountListed(ctx)
	if err != nil || n != len(listed) {
		t.Fatalf("CountListed = %d, %v; want %d", n, err, len(listed))
	}
	checkTime(t, "the last change", updated, e.now())

	var got []int64
	for offset := 0; offset < n+2; offset += 2 {
		err := e.st.EachListed(ctx, offset, 2, func(a store.ListedArticle) error {
			if a.Slug == "" || a.Lang == "" || a.UpdatedAt.IsZero() {
				t.Errorf("listed article %+v lacks its address or time", a)
			}
			got = append(got, a.ID)
			return nil
		})
		if err != nil {
			t.Fatalf("EachListed(%d, 2): %v", offset, err)
		}
	}
	checkEqual(t, "every published article once, by id", got, listed)

	stop := errors.New("enough")
	calls := 0
	err = e.st.EachListed(ctx, 0, 10, func(store.ListedArticle) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("an error of fn: %v after %d calls, want it back after 1", err, calls)
	}
	checkErr(t, "EachListed with a negative offset", e.st.EachListed(ctx, -1, 2, func(store.ListedArticle) error { return nil }), content.ErrInvalid)
}
