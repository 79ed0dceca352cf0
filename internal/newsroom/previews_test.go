package newsroom

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

func TestPreviewLinks(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.as(auth.RoleEditor)
	draft := ed.create(t, form("Pas sous embargo", "x", "kind", "press_release"))
	ed.get(apath(draft, "previews")).want(t, http.StatusOK)
	ed.post(apath(draft, "previews"), url.Values{"note": {"Le Soir"}}).want(t, http.StatusConflict)

	loc := ed.post("/newsroom/articles/new/schedule", form("Sous embargo", "x", "kind", "press_release", "publish_at", "2026-11-25T18:00")).
		wantRedirect(t, "/newsroom/articles/")
	a := e.article(idFrom(t, loc))
	if p := ed.get(apath(a, "")); p.count(t, `a[href$="/previews"]`) != 1 {
		t.Error("the editor does not link to the preview links")
	}
	ed.post(apath(a, "previews"), url.Values{"note": {"  "}}).want(t, http.StatusUnprocessableEntity)
	p := ed.post(apath(a, "previews"), url.Values{"note": {"Le Soir, J. Dupont"}}).want(t, http.StatusOK)
	link := p.text(t, "#new-link")
	if !strings.HasPrefix(link, "http://news.example.org/fr/preview/") {
		t.Fatalf("link %q", link)
	}
	secret := strings.TrimPrefix(link, "http://news.example.org/fr/preview/")
	got, pv, err := e.store.PreviewByHash(context.Background(), auth.HashToken(secret), e.clock.Now())
	if err != nil || got.ID != a.ID || !pv.ExpiresAt.Equal(a.PublishAt) || pv.Note != "Le Soir, J. Dupont" {
		t.Fatalf("stored preview: %+v %+v %v", got, pv, err)
	}
	p = ed.get(apath(a, "previews")).want(t, http.StatusOK)
	if strings.Contains(p.body, secret) {
		t.Error("the secret is shown again")
	}
	ed.post(apath(a, "previews/revoke"), url.Values{"hash": {"nope"}}).want(t, http.StatusNotFound)
	ed.post(apath(a, "previews/revoke"), url.Values{"hash": {pv.Hash}}).wantRedirect(t, apath(a, "previews"))
	if _, _, err := e.store.PreviewByHash(context.Background(), pv.Hash, e.clock.Now()); err == nil {
		t.Error("a revoked link still works")
	}
	for _, action := range []string{"preview.create", "preview.revoke"} {
		if len(e.audit(store.AuditQuery{Action: action})) != 1 {
			t.Errorf("no %s in the audit log", action)
		}
	}
	// Contributors may not make links.
	con, _ := e.as(auth.RoleContributor)
	con.get(apath(a, "previews")).want(t, http.StatusForbidden)
	con.post(apath(a, "previews"), url.Values{"note": {"x"}}).want(t, http.StatusForbidden)
	// An expired link is listed as expired.
	e.clock.Advance(12 * time.Hour)
	if p := ed.get(apath(a, "previews")); p.count(t, "table.previews button") != 0 {
		t.Error("an expired link can still be revoked")
	}
}
