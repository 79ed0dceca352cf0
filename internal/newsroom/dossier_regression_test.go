package newsroom

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store/pgtest"
)

// submission is what a browser sends when the form matching selector is submitted with
// the button matching button ("" for one without a name): every control with a name,
// checkboxes and radio buttons only when checked, a select's chosen option (its first
// when none is marked). It returns the form's action and the values.
func submission(t testing.TB, p *page, selector, button string) (string, url.Values) {
	t.Helper()
	forms := p.all(t, selector)
	if len(forms) != 1 {
		t.Fatalf("%s: %d forms match %q", p.Request.URL, len(forms), selector)
	}
	form := forms[0]
	var pressed *html.Node
	if button != "" {
		if bs := cascadia.MustCompile(button).MatchAll(form); len(bs) == 1 {
			pressed = bs[0]
		} else {
			t.Fatalf("%s: %d buttons match %q in the form", p.Request.URL, len(bs), button)
		}
	}
	v := url.Values{}
	for _, n := range cascadia.MustCompile("input, select, textarea, button").MatchAll(form) {
		name := attrOf(n, "name")
		_, disabled := attrHas(n, "disabled")
		if name == "" || disabled {
			continue
		}
		switch n.Data {
		case "input":
			switch strings.ToLower(attrOf(n, "type")) {
			case "checkbox", "radio":
				if _, checked := attrHas(n, "checked"); checked {
					value, ok := attrHas(n, "value")
					if !ok {
						value = "on"
					}
					v.Add(name, value)
				}
			case "submit", "button", "image", "reset", "file":
				if n == pressed {
					v.Add(name, attrOf(n, "value"))
				}
			default:
				v.Add(name, attrOf(n, "value"))
			}
		case "button":
			if n == pressed {
				v.Add(name, attrOf(n, "value"))
			}
		case "textarea":
			v.Add(name, nodeRaw(n))
		case "select":
			options := cascadia.MustCompile("option").MatchAll(n)
			var chosen *html.Node
			for _, o := range options {
				if _, selected := attrHas(o, "selected"); selected {
					chosen = o
				}
			}
			if chosen == nil && len(options) > 0 {
				chosen = options[0]
			}
			if chosen != nil {
				value, ok := attrHas(chosen, "value")
				if !ok {
					value = nodeText(chosen)
				}
				v.Add(name, value)
			}
		}
	}
	action := attrOf(form, "action")
	if pressed != nil {
		if fa, ok := attrHas(pressed, "formaction"); ok {
			action = fa
		}
	}
	return action, v
}

// attrHas returns an attribute's value and whether the element has it at all.
func attrHas(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// nodeRaw is the text inside an element as the browser keeps it: a textarea's value.
func nodeRaw(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// postgresEnvRequired is newPostgresEnv for a test that must not be skipped: without
// the test database, it fails.
func postgresEnvRequired(t testing.TB) *env {
	t.Helper()
	if os.Getenv(pgtest.Env) == "" {
		t.Fatalf("%s is not set: this test runs on PostgreSQL too", pgtest.Env)
	}
	return newPostgresEnv(t)
}

// TestDossierFormsKeepUnpublishedArticles is the regression test of dossiers that lost
// their drafts and scheduled articles: saving a dossier from its form, or an article
// from its editor with its dossier checkboxes, rebuilt the dossier's list from the
// articles readers see. A dossier holding a draft, a scheduled and a published article
// keeps all three, in order, after both forms are submitted as a browser submits them.
func TestDossierFormsKeepUnpublishedArticles(t *testing.T) {
	for _, backend := range []struct {
		name string
		env  func(testing.TB) *env
	}{{"sqlite", newEnv}, {"postgres", postgresEnvRequired}} {
		t.Run(backend.name, func(t *testing.T) {
			t.Parallel()
			e := backend.env(t)
			ctx := context.Background()
			ed, _ := e.as(auth.RoleEditor)

			drafted := ed.create(t, form("Un brouillon", "Pas encore."))
			loc := ed.post("/newsroom/articles/new/schedule", form("Sous embargo", "Demain.", "publish_at", "2026-11-26T14:30")).
				wantRedirect(t, "/newsroom/articles/")
			scheduled := e.article(idFrom(t, loc))
			published := ed.create(t, form("Déjà publié", "Lu par tous."))
			ed.post(apath(published, "publish"), edit(published)).wantRedirect(t, apath(published, ""))
			for _, a := range []struct {
				id   int64
				want content.Status
			}{{drafted.ID, content.StatusDraft}, {scheduled.ID, content.StatusScheduled}, {published.ID, content.StatusPublished}} {
				if got := e.article(a.id).Status; got != a.want {
					t.Fatalf("article %d is %s, want %s", a.id, got, a.want)
				}
			}
			order := []int64{drafted.ID, scheduled.ID, published.ID}
			var add []string
			for _, id := range order {
				add = append(add, idString(id))
			}
			ed.post("/newsroom/dossiers/new?lang=fr", url.Values{"lang": {"fr"}, "title": {"La campagne"}, "add": add}).
				wantRedirect(t, "/newsroom/dossiers?lang=fr")
			ed.post("/newsroom/dossiers/new?lang=fr", url.Values{"lang": {"fr"}, "title": {"Une autre campagne"}}).
				wantRedirect(t, "/newsroom/dossiers?lang=fr")
			d, err := e.store.Dossier(ctx, "fr", "la-campagne")
			if err != nil {
				t.Fatal(err)
			}
			other, err := e.store.Dossier(ctx, "fr", "une-autre-campagne")
			if err != nil {
				t.Fatal(err)
			}
			members := func(what string, dossierID int64, want ...int64) {
				t.Helper()
				got, err := e.store.DossierMembers(ctx, dossierID)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: dossier %d holds %v, want %v", what, dossierID, got, want)
				}
			}
			members("as created", d.ID, order...)
			dossierPath := "/newsroom/dossiers/" + idString(d.ID)

			// The dossier's form shows all three, and saving it as it is keeps them.
			p := ed.get(dossierPath).want(t, http.StatusOK)
			if got := p.count(t, `input[type=hidden][name=article]`); got != 3 {
				t.Errorf("the dossier's form shows %d articles, want 3:\n%s", got, p.text(t, "ol.ordered"))
			}
			action, v := submission(t, p, "form[action='"+dossierPath+"']", "button[name=op][value=save]")
			ed.post(action, v).wantRedirect(t, "/newsroom/dossiers?lang=fr")
			members("after saving the dossier's form", d.ID, order...)
			// And with a new title.
			action, v = submission(t, ed.get(dossierPath).want(t, http.StatusOK), "form[action='"+dossierPath+"']", "button[name=op][value=save]")
			v.Set("title", "La campagne d'hiver")
			ed.post(action, v).wantRedirect(t, "/newsroom/dossiers?lang=fr")
			members("after retitling the dossier", d.ID, order...)
			if got, _ := e.store.DossierByID(ctx, d.ID); got.Slug != "la-campagne" || !strings.HasPrefix(got.Title, "La campagne d") {
				t.Errorf("the dossier after retitling: %q %q", got.Slug, got.Title)
			}

			// Each article's editor, saved as it is: its checkbox for the dossier is ticked,
			// and the dossier keeps everyone.
			editor := func(a *content.Article) (string, url.Values) {
				t.Helper()
				p := ed.get(apath(a, "")).want(t, http.StatusOK)
				if p.count(t, "#dossier-"+idString(d.ID)+"[checked]") != 1 || p.count(t, "#dossier-"+idString(other.ID)+"[checked]") != 0 {
					t.Errorf("article %d: the editor does not show its dossiers as they are", a.ID)
				}
				return submission(t, p, "#article-form", "#save")
			}
			for _, a := range []*content.Article{drafted, scheduled, published} {
				action, v := editor(a)
				ed.post(action, v).wantRedirect(t, apath(a, "")+"?done=saved")
				members("after saving article "+idString(a.ID)+" from its editor", d.ID, order...)
			}
			// Ticking the other dossier on the draft and the scheduled article adds them
			// there, last, and changes nothing here.
			for _, a := range []*content.Article{drafted, scheduled} {
				action, v := editor(a)
				v.Add("dossiers", idString(other.ID))
				ed.post(action, v).wantRedirect(t, apath(a, "")+"?done=saved")
			}
			members("after ticking another dossier", d.ID, order...)
			members("the other dossier", other.ID, drafted.ID, scheduled.ID)
			// Unticking this dossier on the scheduled article takes it out, and only it.
			action, v = submission(t, ed.get(apath(scheduled, "")).want(t, http.StatusOK), "#article-form", "#save")
			v["dossiers"] = slices.DeleteFunc(v["dossiers"], func(s string) bool { return s == idString(d.ID) })
			ed.post(action, v).wantRedirect(t, apath(scheduled, "")+"?done=saved")
			members("after unticking the dossier on the scheduled article", d.ID, drafted.ID, published.ID)
			members("the other dossier keeps it", other.ID, drafted.ID, scheduled.ID)
			// The dossier's form, saved again, keeps the draft.
			action, v = submission(t, ed.get(dossierPath).want(t, http.StatusOK), "form[action='"+dossierPath+"']", "button[name=op][value=save]")
			ed.post(action, v).wantRedirect(t, "/newsroom/dossiers?lang=fr")
			members("after saving the dossier's form again", d.ID, drafted.ID, published.ID)

			// Saving from the editors changed no article's state.
			for _, a := range []struct {
				id   int64
				want content.Status
			}{{drafted.ID, content.StatusDraft}, {scheduled.ID, content.StatusScheduled}, {published.ID, content.StatusPublished}} {
				if got := e.article(a.id); got.Status != a.want {
					t.Errorf("article %d is %s after the forms, want %s", a.id, got.Status, a.want)
				}
			}
			if got := e.article(scheduled.ID); !got.PublishAt.Equal(scheduled.PublishAt) {
				t.Errorf("the scheduled article moved from %v to %v", scheduled.PublishAt, got.PublishAt)
			}
		})
	}
}
