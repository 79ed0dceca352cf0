package newsroom

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

func TestRevisionsDiffAndRestore(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.as(auth.RoleEditor)
	a := ed.create(t, form("Premier titre", "Un\nDeux\nTrois"))
	e.clock.Advance(time.Minute)
	ed.post(apath(a, ""), edit(a, "title", "Second titre", "body", "Un\nDeux bis\nTrois")).want(t, http.StatusSeeOther)
	revs, err := e.store.Revisions(context.Background(), store.ArticleSubject(a.ID))
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions: %d, %v", len(revs), err)
	}
	p := ed.get(apath(a, "revisions")).want(t, http.StatusOK)
	if n := p.count(t, "table.revisions tbody tr"); n != 2 {
		t.Errorf("%d rows", n)
	}
	newest, oldest := revs[0], revs[1]
	p = ed.get(apath(a, "revisions/"+strconv.FormatInt(newest.ID, 10))).want(t, http.StatusOK)
	if p.text(t, ".diff del") != "Deux" || p.text(t, ".diff ins") != "Deux bis" {
		t.Errorf("body diff: %q / %q", p.text(t, ".diff del"), p.text(t, ".diff ins"))
	}
	if got := p.text(t, "table.fields tbody"); !strings.Contains(got, "Premier titre") || !strings.Contains(got, "Second titre") {
		t.Errorf("field changes: %q", got)
	}
	// Restoring the first version saves it as a third.
	current := e.article(a.ID)
	ed.post(apath(a, "revisions/"+strconv.FormatInt(oldest.ID, 10)+"/restore"), url.Values{"version": {strconv.FormatInt(current.Version-1, 10)}}).
		want(t, http.StatusConflict)
	ed.post(apath(a, "revisions/"+strconv.FormatInt(oldest.ID, 10)+"/restore"), url.Values{"version": {strconv.FormatInt(current.Version, 10)}}).
		wantRedirect(t, apath(a, "")+"?done=reverted")
	got := e.article(a.ID)
	if got.Title != "Premier titre" || got.Body != "Un\nDeux\nTrois" || got.Version != current.Version+1 || !strings.Contains(got.BodyHTML, "Deux") {
		t.Errorf("restored: %+v", got)
	}
	if log := e.audit(store.AuditQuery{Action: "article.revert"}); len(log) != 1 {
		t.Errorf("audit: %+v", log)
	}
	// A revision of another article is not found through this one.
	b := ed.create(t, form("Autre", "x"))
	ed.get(apath(b, "revisions/"+strconv.FormatInt(oldest.ID, 10))).want(t, http.StatusNotFound)
	// Contributors see the history of their own articles only.
	con, _ := e.as(auth.RoleContributor)
	con.get(apath(a, "revisions")).want(t, http.StatusForbidden)
}
