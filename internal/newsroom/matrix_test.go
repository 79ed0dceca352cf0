package newsroom

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

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
	ph := e.photo("Matrice", "Collectif", nil)
	return map[string]string{
		"articles": idString(a.ID), "rev": idString(revs[0].ID), "users": idString(target.ID),
		"sections": idString(sec.ID), "dossiers": idString(d.ID), "people": idString(p.ID),
		"token": "not-a-token", "file": css[strings.LastIndexByte(css, '/')+1:], "photos": idString(ph.ID),
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

// oneUserPerRole makes an account for each role, named after it.
func (e *env) oneUserPerRole() map[auth.Role]*auth.User {
	users := map[auth.Role]*auth.User{}
	for _, role := range auth.Roles {
		users[role] = e.user(role, string(role)+"@example.org")
	}
	return users
}

// For every route and every role, the server answers as the permission matrix says:
// anonymous requests go to sign in, roles below the route's action get 403, the others
// get through (whatever the handler then makes of an empty form). Nothing answers 5xx.
func TestRoleMatrixCoversEveryRoute(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) {
			e := backend.env(t)
			users := e.oneUserPerRole()
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
			"dossiers": "1", "people": "1", "token": "t", "file": "f", "photos": "1"}); strings.Contains(path, "//") || strings.Contains(path, "{") {
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

// secrets are the titles of articles a contributor may not read: another person's
// drafts in two languages, an embargoed press release, a published article in the
// trash. Each holds the word the pickers search for.
var secrets = []string{"Brouillon secret Zanzibar", "Geheim concept Zanzibar", "Communiqué sous embargo Zanzibar", "Article jeté Zanzibar"}

// showFixture is what the pages that list, pick or name articles draw from: the
// secrets, one published article of another person that everyone may read, and the
// contributor's own draft, which an editor linked to two of the secrets (a related
// pick and the original it translates) and put in a dossier with them.
type showFixture struct {
	own, draft, nlDraft, embargo, trashed, public, dossier int64
	rev                                                    int64
	photo                                                  int64 // in the albums of the draft, the embargo and the trashed article
}

func newShowFixture(t *testing.T, e *env, contributor, other, editor *auth.User) showFixture {
	ctx := context.Background()
	article := func(by *auth.User, kind content.Kind, lang content.Lang, slug, title string, st content.Status) *content.Article {
		a := &content.Article{Kind: kind, Lang: lang, Slug: slug, Title: title, Body: "Texte " + title,
			Status: st, CreatedBy: by.ID, UpdatedBy: by.ID}
		switch st {
		case content.StatusScheduled:
			a.PublishAt = e.clock.Now().Add(48 * time.Hour)
		case content.StatusPublished:
			a.PublishAt = e.clock.Now().Add(-time.Hour)
		}
		return a
	}
	draft := article(other, content.KindArticle, "fr", "brouillon-secret", secrets[0], content.StatusDraft)
	nlDraft := article(other, content.KindArticle, "nl", "geheim-concept", secrets[1], content.StatusDraft)
	embargo := article(editor, content.KindPressRelease, "fr", "communique-embargo", secrets[2], content.StatusScheduled)
	trashed := article(other, content.KindArticle, "fr", "article-jete", secrets[3], content.StatusPublished)
	public := article(other, content.KindArticle, "fr", "publie", "Publié Zanzibar", content.StatusPublished)
	own := article(contributor, content.KindArticle, "en", "mine", "My own draft", content.StatusDraft)
	d := &content.Dossier{Lang: "fr", Slug: "zanzibar", Title: "Dossier Zanzibar"}
	e.update(func(tx store.Tx) error {
		for _, a := range []*content.Article{draft, nlDraft, embargo, trashed, public} {
			if err := tx.CreateArticle(ctx, a); err != nil {
				return err
			}
		}
		own.RelatedIDs, own.StoryID = []int64{draft.ID, embargo.ID, public.ID}, nlDraft.ID
		if err := tx.CreateArticle(ctx, own); err != nil {
			return err
		}
		if err := tx.CreateDossier(ctx, d); err != nil {
			return err
		}
		if err := tx.SetDossierArticles(ctx, d.ID, []int64{draft.ID, embargo.ID, trashed.ID, public.ID}); err != nil {
			return err
		}
		return tx.TrashArticle(ctx, trashed.ID, e.clock.Now())
	})
	ph := e.photo("Zanzibar", "Collectif", map[content.Lang]string{"fr": "Zanzibar"})
	e.update(func(tx store.Tx) error {
		for _, id := range []int64{draft.ID, embargo.ID, trashed.ID} {
			if err := tx.SetAlbum(ctx, id, []content.AlbumItem{{PhotoID: ph.ID}}); err != nil {
				return err
			}
		}
		return nil
	})
	e.clock.Advance(time.Minute)
	e.update(func(tx store.Tx) error {
		own.Body = "Texte changé"
		return tx.UpdateArticle(ctx, own)
	})
	revs, err := e.store.Revisions(ctx, store.ArticleSubject(own.ID))
	if err != nil || len(revs) < 2 {
		t.Fatalf("revisions: %d, %v", len(revs), err)
	}
	return showFixture{own: own.ID, draft: draft.ID, nlDraft: nlDraft.ID, embargo: embargo.ID, trashed: trashed.ID,
		public: public.ID, dossier: d.ID, rev: revs[len(revs)-1].ID, photo: ph.ID}
}

// shownPage is a page that lists, picks or names articles, with the secrets an editor
// finds on it.
type shownPage struct {
	method, path string
	form         url.Values
	editorSees   []string
}

func (f showFixture) pages() []shownPage {
	own, id := articlePath(f.own), idString
	ownForm := func(extra url.Values) url.Values {
		v := url.Values{"version": {"2"}, "kind": {"article"}, "lang": {"en"}, "title": {"My own draft"}, "body": {"Texte"},
			"related": {id(f.draft), id(f.embargo), id(f.public)}, "translation_of": {id(f.nlDraft)}}
		for k, vs := range extra {
			v[k] = vs
		}
		return v
	}
	newForm := func(v url.Values) url.Values {
		v.Set("kind", "article")
		v.Set("title", "Nouveau")
		return v
	}
	search := url.Values{"lang": {"fr"}, "related_q": {"Zanzibar"}}
	return []shownPage{
		{"GET", "/newsroom/articles", nil, secrets[:3]},
		{"GET", "/newsroom/articles?who=all", nil, secrets[:3]},
		{"GET", "/newsroom/articles?who=all&q=Zanzibar", nil, secrets[:3]},
		{"GET", "/newsroom/articles?who=all&status=draft", nil, secrets[:2]},
		{"GET", "/newsroom/articles?who=all&status=scheduled", nil, secrets[2:3]},
		{"GET", "/newsroom/articles?who=all&kind=press_release", nil, secrets[2:3]},
		{"POST", "/newsroom/articles/new/refresh", newForm(search), []string{secrets[0], secrets[2]}},
		{"POST", "/newsroom/articles/new/refresh", newForm(url.Values{"lang": {"en"}, "translation_q": {"Zanzibar"}}), secrets[:3]},
		{"POST", "/newsroom/articles/new/refresh", newForm(url.Values{"lang": {"en"}, "related": {id(f.draft), id(f.embargo), id(f.trashed)},
			"translation_of": {id(f.nlDraft)}}), secrets},
		{"GET", own, nil, secrets[:3]},
		{"POST", own + "/refresh", ownForm(url.Values{"related_q": {"Zanzibar"}, "translation_q": {"Zanzibar"}}), secrets[:3]},
		{"POST", own, ownForm(url.Values{"version": {"1"}}), secrets[:3]}, // a conflict: someone saved meanwhile
		{"GET", own + "/revisions", nil, nil},
		{"GET", own + "/revisions/" + id(f.rev), nil, nil},
		{"GET", own + "/revisions/" + id(f.rev) + "?with=current", nil, nil},
		{"GET", articlePath(f.draft), nil, secrets[:1]},
		{"GET", articlePath(f.embargo) + "/revisions", nil, nil},
		{"GET", articlePath(f.embargo) + "/previews", nil, secrets[2:3]},
		{"GET", "/newsroom/trash", nil, secrets[3:]},
		{"GET", "/newsroom/dossiers/" + id(f.dossier), nil, []string{secrets[0], secrets[2], secrets[3]}},
		{"POST", "/newsroom/dossiers/" + id(f.dossier), url.Values{"op": {"find"}, "lang": {"fr"}, "title": {"Dossier Zanzibar"},
			"slug": {"zanzibar"}, "q": {"Zanzibar"}}, []string{secrets[0], secrets[2]}},
		{"GET", "/newsroom/audit", nil, nil},
		{"GET", photoPath(f.photo), nil, []string{secrets[0], secrets[2], secrets[3]}},
		{"GET", "/newsroom/photos?q=Zanzibar", nil, nil},
	}
}

// The role matrix for what pages show: on every page that lists, picks or names
// articles, a contributor never sees the title of an article they could not open —
// another person's draft, an embargoed press release, the trash — whatever the form
// asks for, while editors and admins find them there. A link an editor made to such an
// article stays in the contributor's form under words that name nothing.
func TestRoleMatrixCoversWhatPagesShow(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) {
			e := backend.env(t)
			users := e.oneUserPerRole()
			other := e.user(auth.RoleContributor, "other@example.org")
			f := newShowFixture(t, e, users[auth.RoleContributor], other, users[auth.RoleEditor])
			for _, pg := range f.pages() {
				for _, role := range auth.Roles {
					c := e.session(users[role])
					var p *page
					if pg.method == http.MethodGet {
						p = c.get(pg.path)
					} else {
						p = c.post(pg.path, pg.form)
					}
					label := pg.method + " " + pg.path + " as " + string(role)
					if p.StatusCode >= 500 {
						t.Errorf("%s: %d", label, p.StatusCode)
					}
					if role == auth.RoleContributor {
						for _, s := range secrets {
							if strings.Contains(p.body, s) || strings.Contains(p.body, html.EscapeString(s)) {
								t.Errorf("%s (%d): shows %q", label, p.StatusCode, s)
							}
						}
						continue
					}
					for _, s := range pg.editorSees {
						if !strings.Contains(p.body, html.EscapeString(s)) {
							t.Errorf("%s (%d): does not show %q", label, p.StatusCode, s)
						}
					}
				}
			}
			checkContributorPickers(t, e, users[auth.RoleContributor], f)
		})
	}
}

// checkContributorPickers: what a contributor does see. Searches find their own and
// the published articles; the links an editor made to articles they cannot open stay
// checked, so that saving keeps them, under words that name nothing.
func checkContributorPickers(t *testing.T, e *env, u *auth.User, f showFixture) {
	c := e.session(u)
	p := c.post("/newsroom/articles/new/refresh", url.Values{"kind": {"article"}, "lang": {"en"}, "title": {"x"},
		"related_q": {"Zanzibar"}, "translation_q": {"Zanzibar"}}).want(t, http.StatusOK)
	if got := p.text(t, `label[for="translation-`+idString(f.public)+`"]`); got != "Publié Zanzibar (fr)" {
		t.Errorf("a published article offered as the original: %q", got)
	}
	p = c.post("/newsroom/articles/new/refresh", url.Values{"kind": {"article"}, "lang": {"fr"}, "title": {"x"},
		"related_q": {"Zanzibar"}}).want(t, http.StatusOK)
	if p.count(t, "#related-"+idString(f.public)) != 1 {
		t.Error("a published article is not offered as related reading")
	}
	p = c.get(articlePath(f.own)).want(t, http.StatusOK)
	hidden := e.srv.bundle.Printer("en", time.UTC).T("nr.editor.hiddenpick")
	for _, sel := range []string{"#related-" + idString(f.draft), "#related-" + idString(f.embargo), "#translation-" + idString(f.nlDraft)} {
		if _, checked := attrHas(p.all(t, sel)[0], "checked"); !checked {
			t.Errorf("%s: an editor's link is not kept", sel)
		}
		if got := p.text(t, `label[for="`+strings.TrimPrefix(sel, "#")+`"]`); got != hidden {
			t.Errorf("%s: labelled %q, want %q", sel, got, hidden)
		}
	}
	if got := p.text(t, `label[for="related-`+idString(f.public)+`"]`); got != "Publié Zanzibar" {
		t.Errorf("a published related article: %q", got)
	}
	// Typed into a form, the ID of an article they may not read shows nothing at all.
	p = c.post("/newsroom/articles/new/refresh", url.Values{"kind": {"article"}, "lang": {"en"}, "title": {"x"},
		"related": {idString(f.draft)}, "translation_of": {idString(f.embargo)}}).want(t, http.StatusOK)
	if n := p.count(t, "#related-"+idString(f.draft)) + p.count(t, "#translation-"+idString(f.embargo)); n != 0 || strings.Contains(p.body, hidden) {
		t.Error("an article typed by ID into a contributor's form is shown")
	}
}
