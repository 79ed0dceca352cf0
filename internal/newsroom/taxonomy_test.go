package newsroom

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func TestSectionsCreateAndEdit(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.as(auth.RoleEditor)
	ctx := context.Background()
	ed.get("/newsroom/sections/new").want(t, http.StatusOK)
	ed.post("/newsroom/sections/new", url.Values{"name.fr": {""}}).want(t, http.StatusUnprocessableEntity)
	ed.post("/newsroom/sections/new", url.Values{"name.fr": {"Monde"}, "name.nl": {"Wereld"}, "position": {"2"}}).
		wantRedirect(t, "/newsroom/sections")
	all, _ := e.store.Sections(ctx)
	if len(all) != 1 || all[0].Names["fr"].Slug != "monde" || all[0].Names["nl"].Name != "Wereld" || all[0].Position != 2 {
		t.Fatalf("sections: %+v", all)
	}
	world := all[0]
	ed.post("/newsroom/sections/new", url.Values{"name.fr": {"Europe"}, "parent": {idString(world.ID)}}).want(t, http.StatusSeeOther)
	all, _ = e.store.Sections(ctx)
	var europe content.Section
	for _, s := range all {
		if s.ID != world.ID {
			europe = s
		}
	}
	// A section cannot move inside its own subsection.
	p := ed.post("/newsroom/sections/"+idString(world.ID), url.Values{"name.fr": {"Monde"}, "parent": {idString(europe.ID)}}).
		want(t, http.StatusUnprocessableEntity)
	if p.text(t, ".field-error") == "" {
		t.Error("no explanation")
	}
	ed.post("/newsroom/sections/"+idString(world.ID), url.Values{"name.fr": {"Le monde"}, "slug.fr": {"monde"}, "name.nl": {"Wereld"}}).
		want(t, http.StatusSeeOther)
	if got := ed.get("/newsroom/sections").text(t, "ul.tree"); got != "Le monde — Europe" {
		t.Errorf("tree: %q", got)
	}
	if got := e.audit(store.AuditQuery{Action: "taxonomy."}); len(got) != 3 {
		t.Errorf("audit: %+v", got)
	}
	ed.get("/newsroom/sections/999").want(t, http.StatusNotFound)
}

func TestTagsAndPeople(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.as(auth.RoleEditor)
	ctx := context.Background()
	ed.post("/newsroom/tags", url.Values{"lang": {"nl"}, "name": {"Staking"}}).wantRedirect(t, "/newsroom/tags?lang=nl")
	p := ed.post("/newsroom/tags", url.Values{"lang": {"nl"}, "name": {"staking"}}).want(t, http.StatusUnprocessableEntity)
	if p.text(t, "#f-name-error") == "" {
		t.Error("a taken tag is not explained")
	}
	ed.post("/newsroom/tags", url.Values{"lang": {"xx"}, "name": {"x"}}).want(t, http.StatusBadRequest)
	if got := ed.get("/newsroom/tags?lang=nl").text(t, "ul.taglist"); got != "Staking staking" {
		t.Errorf("tags: %q", got)
	}
	ed.post("/newsroom/people/new", url.Values{"name": {"Jan Peeters"}, "phone": {"call me"}}).want(t, http.StatusUnprocessableEntity)
	ed.post("/newsroom/people/new", url.Values{"name": {"Jan Peeters"}, "role": {"woordvoerder"}, "email": {"jan@example.org"},
		"phone": {"+32 2 555 01 23"}, "bio": {"Jan *spreekt*."}}).wantRedirect(t, "/newsroom/people")
	ps, _ := e.store.Persons(ctx)
	if len(ps) != 1 || ps[0].Slug != "jan-peeters" || strings.TrimSpace(ps[0].BioHTML) != "<p>Jan <em>spreekt</em>.</p>" {
		t.Fatalf("people: %+v", ps)
	}
	ed.post("/newsroom/people/"+idString(ps[0].ID), url.Values{"name": {"Jan Peeters"}, "slug": {"jan-peeters"}, "role": {"perswoordvoerder"}}).
		want(t, http.StatusSeeOther)
	if ps, _ = e.store.Persons(ctx); ps[0].Role != "perswoordvoerder" {
		t.Errorf("not updated: %+v", ps[0])
	}
}

func TestDossierArticlesInOrder(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.as(auth.RoleEditor)
	ctx := context.Background()
	var ids []int64
	for _, title := range []string{"Un", "Deux", "Trois"} {
		a := ed.create(t, form(title, "x"))
		ed.post(apath(a, "publish"), edit(a)).want(t, http.StatusSeeOther)
		ids = append(ids, a.ID)
	}
	ed.post("/newsroom/dossiers/new?lang=fr", url.Values{"lang": {"fr"}, "title": {"Solidarité"}, "intro": {"Une *campagne*."},
		"add": {idString(ids[0]), idString(ids[1])}, "featured": {"1"}}).wantRedirect(t, "/newsroom/dossiers?lang=fr")
	d, err := e.store.Dossier(ctx, "fr", "solidarite")
	if err != nil || !d.Featured || strings.TrimSpace(d.IntroHTML) != "<p>Une <em>campagne</em>.</p>" {
		t.Fatalf("dossier: %+v %v", d, err)
	}
	// Searching offers the third; saving reorders and adds it, and removes the first.
	p := ed.post("/newsroom/dossiers/"+idString(d.ID), url.Values{"lang": {"fr"}, "title": {"Solidarité"}, "op": {"find"}, "q": {"trois"},
		"article": {idString(ids[0]), idString(ids[1])}}).want(t, http.StatusOK)
	if p.count(t, "#add-"+idString(ids[2])) != 1 {
		t.Fatal("search result not offered")
	}
	v := url.Values{"lang": {"fr"}, "title": {"Solidarité"}, "slug": {"solidarite"}, "article": {idString(ids[0]), idString(ids[1])},
		"pos." + idString(ids[1]): {"0"}, "add": {idString(ids[2])}}
	ed.post("/newsroom/dossiers/"+idString(d.ID), v).want(t, http.StatusSeeOther)
	list, _ := e.store.DossierArticles(ctx, d.ID, store.Readers, 10, 0)
	var got []int64
	for _, a := range list {
		got = append(got, a.ID)
	}
	if len(got) != 3 || got[0] != ids[1] || got[1] != ids[0] || got[2] != ids[2] {
		t.Errorf("order: %v, want %v %v %v", got, ids[1], ids[0], ids[2])
	}
	v.Set("remove", idString(ids[0]))
	v.Set("article", idString(ids[1]))
	v.Add("article", idString(ids[0]))
	v.Add("article", idString(ids[2]))
	v.Del("add")
	ed.post("/newsroom/dossiers/"+idString(d.ID), v).want(t, http.StatusSeeOther)
	if list, _ = e.store.DossierArticles(ctx, d.ID, store.Readers, 10, 0); len(list) != 2 {
		t.Errorf("after removing: %d articles", len(list))
	}
	ed.get("/newsroom/dossiers/"+strconv.Itoa(9999)).want(t, http.StatusNotFound)
	// A taken address is shown, not a failure.
	ed.post("/newsroom/dossiers/new", url.Values{"lang": {"fr"}, "title": {"Solidarité"}}).want(t, http.StatusUnprocessableEntity)
}
