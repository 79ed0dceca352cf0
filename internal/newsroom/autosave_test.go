package newsroom

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
)

func TestAutosaveIsOfferedBack(t *testing.T) {
	e := newEnv(t)
	c, u := e.as(auth.RoleContributor)
	a := c.create(t, form("Titre", "Texte enregistré."))
	e.clock.Advance(time.Minute)
	p := c.post(apath(a, "autosave"), edit(a, "body", "Texte en cours de frappe.")).want(t, http.StatusOK)
	var answer map[string]string
	if err := json.Unmarshal([]byte(p.body), &answer); err != nil || answer["saved"] == "" {
		t.Fatalf("autosave answer %q: %v", p.body, err)
	}
	p = c.get(apath(a, "")).want(t, http.StatusOK)
	if p.count(t, ".autosave-offer") != 1 || p.text(t, "#f-body") != "Texte enregistré." {
		t.Fatal("the newer autosave is not offered, or replaced the saved text unasked")
	}
	p = c.get(p.attr(t, ".autosave-offer a", "href")).want(t, http.StatusOK)
	if p.text(t, "#f-body") != "Texte en cours de frappe." || p.attr(t, `input[name="version"]`, "value") != strconv.FormatInt(a.Version, 10) {
		t.Error("restoring did not bring the autosave back on its version")
	}
	// Saving removes it.
	c.post(apath(a, ""), edit(a, "body", "Texte en cours de frappe.")).want(t, http.StatusSeeOther)
	if _, err := e.store.Autosave(context.Background(), a.ID, u.ID); err == nil {
		t.Error("the autosave survives the save")
	}
	if p := c.get(apath(a, "")).want(t, http.StatusOK); p.count(t, ".autosave-offer") != 0 {
		t.Error("an autosave older than the saved version is offered")
	}
	// A new article's autosave, discarded.
	c.post("/newsroom/articles/new/autosave", form("Pas encore", "brouillon")).want(t, http.StatusOK)
	p = c.get("/newsroom/articles/new").want(t, http.StatusOK)
	c.post(p.attr(t, ".autosave-offer form", "action"), nil).wantRedirect(t, "/newsroom/articles/new")
	if p := c.get("/newsroom/articles/new"); p.count(t, ".autosave-offer") != 0 {
		t.Error("a discarded autosave is still offered")
	}
}

// A save that arrives after the session expired keeps the text through signing in, and
// lands, saved, in the editor.
func TestDraftSurvivesSessionExpiry(t *testing.T) {
	e := newEnv(t)
	c, u := e.as(auth.RoleContributor)
	a := c.create(t, form("Titre", "Avant."))
	e.clock.Advance(25 * time.Hour) // the session is gone
	text := "Écrit pendant la réunion — « rien ne se perd » !"
	p := c.post(apath(a, ""), edit(a, "body", text)).want(t, http.StatusUnauthorized)
	if got := p.attr(t, `input[name="carry.body"]`, "value"); got != text {
		t.Fatalf("carried body: %q", got)
	}
	if p.attr(t, `input[name="resume"]`, "value") != apath(a, "") || p.count(t, ".alert") == 0 {
		t.Fatal("the sign-in page does not say why or where it goes on to")
	}
	// A wrong password keeps carrying it.
	v := url.Values{"email": {u.Email}, "password": {"wrong wrong wrong"}, "resume": {apath(a, "")}}
	for _, in := range p.all(t, `input[type="hidden"]`) {
		name, value := attrOf(in, "name"), attrOf(in, "value")
		if strings.HasPrefix(name, "carry.") {
			v.Add(name, value)
		}
	}
	p = c.post("/newsroom/signin", v).want(t, http.StatusUnauthorized)
	if p.attr(t, `input[name="carry.body"]`, "value") != text {
		t.Fatal("the text is lost after a wrong password")
	}
	v.Set("password", testPassword)
	c.post("/newsroom/signin", v).wantRedirect(t, apath(a, "")+"?done=saved")
	if got := e.article(a.ID).Body; got != text {
		t.Errorf("saved body: %q", got)
	}
	if p := c.get(apath(a, "")).want(t, http.StatusOK); p.text(t, "#f-body") != text {
		t.Error("the editor does not show the text")
	}
}

// With a second factor, the text goes through the code form too.
func TestDraftSurvivesSessionExpiryWithSecondFactor(t *testing.T) {
	e := newEnv(t)
	c, u := e.as(auth.RoleEditor)
	secret, _ := enrolSecondFactor(t, e, c)
	e.clock.Advance(25 * time.Hour)
	p := c.post("/newsroom/articles/new", form("Nouveau", "Texte neuf.")).want(t, http.StatusUnauthorized)
	v := url.Values{"email": {u.Email}, "password": {testPassword}, "resume": {"/newsroom/articles/new"}}
	for _, in := range p.all(t, `input[type="hidden"]`) {
		if name := attrOf(in, "name"); strings.HasPrefix(name, "carry.") {
			v.Add(name, attrOf(in, "value"))
		}
	}
	p = c.post("/newsroom/signin", v).want(t, http.StatusOK)
	if p.attr(t, `input[name="carry.body"]`, "value") != "Texte neuf." || p.count(t, "#f-code") != 1 {
		t.Fatal("the code form does not carry the text")
	}
	cv := url.Values{"code": {totpCode(t, secret, e.clock.Now())}}
	for _, in := range p.all(t, `form[action="/newsroom/signin/code"] input[type="hidden"]`) {
		cv.Add(attrOf(in, "name"), attrOf(in, "value"))
	}
	loc := c.post("/newsroom/signin/code", cv).wantRedirect(t, "/newsroom/articles/")
	if got := e.article(idFrom(t, loc)); got.Body != "Texte neuf." || got.CreatedBy != u.ID {
		t.Errorf("created: %+v", got)
	}
}
