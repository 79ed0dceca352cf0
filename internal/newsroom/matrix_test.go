package newsroom

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// session signs u in directly in the store, bypassing the sign-in form and its throttle.
func (e *env) session(u *auth.User) *client {
	e.t.Helper()
	secret, hash, err := auth.NewToken()
	if err != nil {
		e.t.Fatal(err)
	}
	now := e.clock.Now()
	err = e.store.CreateSession(context.Background(), store.Session{Hash: hash, UserID: u.ID, SecondFactor: true,
		CreatedAt: now, LastSeen: now, ExpiresAt: now.Add(e.srv.cfg.SessionIdle)})
	if err != nil {
		e.t.Fatal(err)
	}
	c := e.client()
	c.cookie = secret
	return c
}

// matrixFixture makes one of everything a route can name and returns the values for
// the path's wildcards.
func matrixFixture(t *testing.T, e *env, contributor *auth.User) map[string]string {
	ctx := context.Background()
	target := e.user(auth.RoleContributor, "target@example.org")
	a := &content.Article{Kind: content.KindPressRelease, Lang: "fr", Slug: "matrice", Title: "Matrice", Body: "x",
		Status: content.StatusDraft, CreatedBy: contributor.ID, UpdatedBy: contributor.ID}
	sec := &content.Section{Names: map[content.Lang]content.SectionName{"fr": {Slug: "monde", Name: "Monde"}}}
	d := &content.Dossier{Lang: "fr", Slug: "dossier", Title: "Dossier"}
	p := &content.Person{Slug: "ada", Name: "Ada"}
	e.update(func(tx store.Tx) error {
		for _, err := range []error{tx.CreateArticle(ctx, a), tx.CreateSection(ctx, sec), tx.CreateDossier(ctx, d), tx.CreatePerson(ctx, p)} {
			if err != nil {
				return err
			}
		}
		return nil
	})
	revs, err := e.store.Revisions(ctx, store.ArticleSubject(a.ID))
	if err != nil || len(revs) == 0 {
		t.Fatalf("revisions: %v", err)
	}
	css, _ := e.srv.assets.URL("newsroom.css")
	return map[string]string{
		"articles": idString(a.ID), "rev": idString(revs[0].ID), "users": idString(target.ID),
		"sections": idString(sec.ID), "dossiers": idString(d.ID), "people": idString(p.ID),
		"token": "not-a-token", "file": css[strings.LastIndexByte(css, '/')+1:],
	}
}

// concrete fills a route pattern's wildcards.
func concrete(pattern string, values map[string]string) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	path = strings.TrimSuffix(path, "{$}")
	parts := strings.Split(path, "/")
	for i, part := range parts {
		switch {
		case part == "{id}":
			parts[i] = values[parts[i-1]]
		case strings.HasPrefix(part, "{"):
			parts[i] = values[strings.Trim(part, "{}")]
		}
	}
	return method, strings.Join(parts, "/")
}

// For every route and every role, the server answers as the permission matrix says:
// anonymous requests go to sign in, roles below the route's action get 403, the others
// get through (whatever the handler then makes of an empty form). Nothing answers 5xx.
func TestRoleMatrixCoversEveryRoute(t *testing.T) {
	for _, backend := range []struct {
		name string
		env  func(testing.TB) *env
	}{{"sqlite", newEnv}, {"postgres", newPostgresEnv}} {
		t.Run(backend.name, func(t *testing.T) {
			e := backend.env(t)
			users := map[auth.Role]*auth.User{}
			for _, role := range auth.Roles {
				users[role] = e.user(role, string(role)+"@example.org")
			}
			values := matrixFixture(t, e, users[auth.RoleContributor])
			for _, rt := range e.srv.table {
				method, path := concrete(rt.pattern, values)
				for _, who := range []auth.Role{"", auth.RoleContributor, auth.RoleEditor, auth.RoleAdmin} {
					c := e.client()
					if who != "" {
						c = e.session(users[who])
					}
					var p *page
					if method == http.MethodGet {
						p = c.get(path)
					} else {
						p = c.post(path, nil)
					}
					checkMatrix(t, rt, who, users[who], p)
				}
			}
		})
	}
}

func checkMatrix(t *testing.T, rt route, who auth.Role, u *auth.User, p *page) {
	t.Helper()
	got, loc := p.StatusCode, p.Header.Get("Location")
	toSignIn := got == http.StatusUnauthorized || (got == http.StatusSeeOther && strings.HasPrefix(loc, "/newsroom/signin"))
	label := rt.pattern + " as " + string(who)
	if who == "" {
		label = rt.pattern + " anonymously"
	}
	switch {
	case got >= 500:
		t.Errorf("%s: %d", label, got)
	case rt.action == "":
		if got == http.StatusForbidden {
			t.Errorf("%s: 403 on an open route", label)
		}
	case who == "":
		if !toSignIn {
			t.Errorf("%s: %d (%s), want the way to sign in", label, got, loc)
		}
	case auth.Can(u, rt.action):
		if got == http.StatusForbidden || toSignIn {
			t.Errorf("%s: %d (%s), want through (%s may %s)", label, got, loc, who, rt.action)
		}
	default:
		if got != http.StatusForbidden {
			t.Errorf("%s: %d, want 403 (%s may not %s)", label, got, who, rt.action)
		}
	}
}

// The table names every action of the permission matrix, and no route is forgotten by
// the matrix test's wildcard values.
func TestRouteTableIsComplete(t *testing.T) {
	e := newEnv(t)
	seen := map[auth.Action]bool{}
	for _, rt := range e.srv.table {
		seen[rt.action] = true
		if _, path := concrete(rt.pattern, map[string]string{"articles": "1", "rev": "1", "users": "1", "sections": "1",
			"dossiers": "1", "people": "1", "token": "t", "file": "f"}); strings.Contains(path, "//") || strings.Contains(path, "{") {
			t.Errorf("%s: no value for a wildcard (%s)", rt.pattern, path)
		}
	}
	// Editing anyone's article is checked per article (auth.CanEdit), on the routes that
	// need ActWrite; TestContributorsEditOnlyTheirOwnDrafts covers it.
	seen[auth.ActEditAny] = true
	for _, a := range auth.Actions() {
		if !seen[a] {
			t.Errorf("no route needs %s", a)
		}
	}
}
