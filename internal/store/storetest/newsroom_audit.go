package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func testAudit(t *testing.T, e *env) {
	ctx := t.Context()
	t0 := e.now()
	appendAt := func(at time.Duration, user int64, action string) {
		t.Helper()
		err := e.st.AppendAudit(ctx, store.AuditEntry{At: t0.Add(at), UserID: user, Actor: "someone@example.org",
			Action: action, Target: "article 1", Detail: "d"})
		if err != nil {
			t.Fatalf("AppendAudit(%s): %v", action, err)
		}
	}
	appendAt(0, 0, "signin.failed")
	appendAt(time.Minute, 1, "signin")
	appendAt(2*time.Minute, 1, "article.publish")
	appendAt(2*time.Minute, 2, "article.trash") // same second: the later entry comes first
	appendAt(3*time.Minute, 2, "articles.odd")
	appendAt(4*time.Minute, 2, "user.role")

	// Inside a transaction, an entry commits with the change or not at all.
	e.clock.Advance(5 * time.Minute)
	MustUpdate(t, e.st, func(tx store.Tx) error {
		return tx.Audit(ctx, store.AuditEntry{UserID: 1, Actor: "ana@example.org", Action: "settings.change", Target: "settings"})
	})
	boom := errors.New("boom")
	err := e.st.Update(ctx, func(tx store.Tx) error {
		if err := tx.Audit(ctx, store.AuditEntry{UserID: 1, Action: "tag.create", Target: "tag"}); err != nil {
			return err
		}
		if err := tx.CreateTag(ctx, &content.Tag{Lang: "fr", Slug: "t", Name: "T"}); err != nil {
			return err
		}
		return boom
	})
	checkErr(t, "Update returning an error", err, boom)

	all := mustAudit(t, e, store.AuditQuery{})
	checkEqual(t, "every entry, newest first", auditActions(all), []string{"settings.change", "user.role",
		"articles.odd", "article.trash", "article.publish", "signin", "signin.failed"})
	checkTime(t, "entry without a time is dated now", all[0].At, e.now())
	checkEqual(t, "entry fields", all[1], store.AuditEntry{ID: all[1].ID, At: t0.Add(4 * time.Minute), UserID: 2,
		Actor: "someone@example.org", Action: "user.role", Target: "article 1", Detail: "d"})

	tests := []struct {
		name string
		q    store.AuditQuery
		want []string
	}{
		{"one person", store.AuditQuery{UserID: 2}, []string{"user.role", "articles.odd", "article.trash"}},
		{"exact action", store.AuditQuery{Action: "signin"}, []string{"signin"}},
		{"family", store.AuditQuery{Action: "article."}, []string{"article.trash", "article.publish"}},
		{"family of sign-ins", store.AuditQuery{Action: "signin."}, []string{"signin.failed"}},
		{"family and person", store.AuditQuery{Action: "article.", UserID: 1}, []string{"article.publish"}},
		{"prefix without a dot is exact", store.AuditQuery{Action: "article"}, []string{}},
		{"since, inclusive", store.AuditQuery{Since: t0.Add(3 * time.Minute)}, []string{"settings.change", "user.role", "articles.odd"}},
		{"before, exclusive", store.AuditQuery{Before: t0.Add(time.Minute)}, []string{"signin.failed"}},
		{"between", store.AuditQuery{Since: t0.Add(time.Minute), Before: t0.Add(3 * time.Minute)},
			[]string{"article.trash", "article.publish", "signin"}},
		{"a page", store.AuditQuery{Limit: 2, Offset: 3}, []string{"article.trash", "article.publish"}},
	}
	for _, tc := range tests {
		checkEqual(t, tc.name, auditActions(mustAudit(t, e, tc.q)), tc.want)
	}
	_, err = e.st.AuditLog(ctx, store.AuditQuery{Limit: -1})
	checkErr(t, "negative limit", err, content.ErrInvalid)
}

func mustAudit(tb testing.TB, e *env, q store.AuditQuery) []store.AuditEntry {
	tb.Helper()
	if q.Limit == 0 {
		q.Limit = 100
	}
	entries, err := e.st.AuditLog(tb.Context(), q)
	if err != nil {
		tb.Fatalf("AuditLog(%+v): %v", q, err)
	}
	return entries
}

func auditActions(entries []store.AuditEntry) []string {
	out := []string{}
	for _, x := range entries {
		out = append(out, x.Action)
	}
	return out
}
