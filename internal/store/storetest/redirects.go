package storetest

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func testRedirects(t *testing.T, e *env) {
	ctx := t.Context()
	put := func(r store.Redirect) error {
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.PutRedirect(ctx, r) })
	}
	find := func(froms ...string) (store.Redirect, error) { return e.st.FindRedirect(ctx, froms) }

	for _, r := range []store.Redirect{
		{From: "/?p=123", To: "/fr/article/greve"},
		{From: "/2019/05/greve/", To: "/fr/article/greve"},
		{From: "/old-campaign", Gone: true},
		{From: "/солидарность", To: "https://other.example.org/x?y=1"},
	} {
		if err := put(r); err != nil {
			t.Fatalf("PutRedirect(%+v): %v", r, err)
		}
	}
	got, err := find("/?p=123")
	if err != nil {
		t.Fatalf("FindRedirect: %v", err)
	}
	checkEqual(t, "redirect read back", got, store.Redirect{From: "/?p=123", To: "/fr/article/greve", CreatedAt: e.now()})
	got, _ = find("/?p=123&utm_source=x", "/?p=123", "/")
	checkEqual(t, "the first of several addresses that has one", got.From, "/?p=123")
	got, _ = find("/солидарность")
	checkEqual(t, "a non-Latin path", got.To, "https://other.example.org/x?y=1")
	got, _ = find("/old-campaign")
	checkEqual(t, "a gone address", got.Gone && got.To == "", true)
	_, err = find("/2019/05/greve")
	checkErr(t, "a path that differs by its slash", err, store.ErrNotFound)
	_, err = find()
	checkErr(t, "no address", err, store.ErrNotFound)

	// Putting the same old address replaces its redirect.
	e.clock.Advance(time.Hour)
	if err := put(store.Redirect{From: "/?p=123", Gone: true}); err != nil {
		t.Fatal(err)
	}
	got, _ = find("/?p=123")
	checkEqual(t, "replaced", got, store.Redirect{From: "/?p=123", Gone: true, CreatedAt: e.now()})

	// Bad redirects are refused, whatever the caller.
	for _, bad := range []store.Redirect{
		{From: "no-slash", To: "/x"},
		{From: "/both", To: "/x", Gone: true},
		{From: "/neither"},
	} {
		checkErr(t, "PutRedirect(bad)", put(bad), content.ErrInvalid)
	}

	list, err := e.st.Redirects(ctx, store.RedirectQuery{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var froms []string
	for _, r := range list {
		froms = append(froms, r.From)
	}
	checkEqual(t, "listed by old address", froms, []string{"/2019/05/greve/", "/?p=123", "/old-campaign", "/солидарность"})
	list, _ = e.st.Redirects(ctx, store.RedirectQuery{Contains: "greve", Limit: 10})
	checkEqual(t, "filtered on either address, exactly", len(list), 1)
	list, _ = e.st.Redirects(ctx, store.RedirectQuery{Contains: "GREVE", Limit: 10})
	checkEqual(t, "the filter keeps case", len(list), 0)
	list, _ = e.st.Redirects(ctx, store.RedirectQuery{Contains: "%", Limit: 10})
	checkEqual(t, "the filter's characters are literal", len(list), 0)
	if n, err := e.st.CountRedirects(ctx); err != nil || n != 4 {
		t.Errorf("CountRedirects = %d, %v", n, err)
	}

	if err := e.st.Update(ctx, func(tx store.Tx) error { return tx.DeleteRedirect(ctx, "/old-campaign") }); err != nil {
		t.Fatal(err)
	}
	_, err = find("/old-campaign")
	checkErr(t, "a removed redirect", err, store.ErrNotFound)
	err = e.st.Update(ctx, func(tx store.Tx) error { return tx.DeleteRedirect(ctx, "/old-campaign") })
	checkErr(t, "removing it again", err, store.ErrNotFound)

	// Readers inside a transaction see what it wrote.
	MustUpdate(t, e.st, func(tx store.Tx) error {
		if err := tx.PutRedirect(ctx, store.Redirect{From: "/in-tx", To: "/fr/"}); err != nil {
			return err
		}
		r, err := tx.FindRedirect(ctx, []string{"/in-tx"})
		checkEqual(t, "read through the transaction", r.To, "/fr/")
		return err
	})
}
