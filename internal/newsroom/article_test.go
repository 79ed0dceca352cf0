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
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// form is an article form: kind, language, title and body, then name/value pairs.
func form(title, body string, pairs ...string) url.Values {
	v := url.Values{"kind": {"article"}, "lang": {"fr"}, "title": {title}, "body": {body}}
	defaults := map[string]bool{"kind": true, "lang": true, "title": true, "body": true}
	for i := 0; i+1 < len(pairs); i += 2 {
		if defaults[pairs[i]] {
			v.Set(pairs[i], pairs[i+1])
		} else {
			v.Add(pairs[i], pairs[i+1])
		}
	}
	return v
}

// idFrom reads the article ID from a redirect to its editor.
func idFrom(t testing.TB, loc string) int64 {
	t.Helper()
	rest := strings.TrimPrefix(loc, "/newsroom/articles/")
	id, err := strconv.ParseInt(strings.SplitN(rest, "?", 2)[0], 10, 64)
	if err != nil {
		t.Fatalf("no article ID in %q", loc)
	}
	return id
}

func (e *env) article(id int64) *content.Article {
	e.t.Helper()
	a, err := e.store.ArticleByID(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return a
}

// create saves a new article through the editor and returns it.
func (c *client) create(t testing.TB, v url.Values) *content.Article {
	t.Helper()
	loc := c.post("/newsroom/articles/new", v).wantRedirect(t, "/newsroom/articles/")
	return c.e.article(idFrom(t, loc))
}

// edit sends the editor's form for a with changes, based on a's version.
func edit(a *content.Article, pairs ...string) url.Values {
	v := form(a.Title, a.Body, "version", strconv.FormatInt(a.Version, 10))
	v.Set("kind", string(a.Kind))
	v.Set("lang", string(a.Lang))
	if !a.PublishAt.IsZero() {
		brussels, _ := time.LoadLocation("Europe/Brussels")
		v.Set("publish_at", a.PublishAt.In(brussels).Format("2006-01-02T15:04"))
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Set(pairs[i], pairs[i+1])
	}
	return v
}

func apath(a *content.Article, action string) string {
	p := "/newsroom/articles/" + strconv.FormatInt(a.ID, 10)
	if action != "" {
		p += "/" + action
	}
	return p
}

func TestContributorWritesAndSubmits(t *testing.T) {
	e := newEnv(t)
	c, u := e.as(auth.RoleContributor)
	p := c.get("/newsroom/articles/new").want(t, http.StatusOK)
	if p.count(t, "#submit") != 1 || p.count(t, "#publish") != 0 || p.count(t, "#schedule") != 0 || p.count(t, "#f-new_tags") != 0 {
		t.Error("a contributor's editor offers the wrong buttons")
	}
	a := c.create(t, form("La grève : un succès !", "Les *cheminots* ont tenu bon !\n\nSuite.", "standfirst", "Un \"chapeau\"."))
	if a.Status != content.StatusDraft || a.Slug != "la-greve-un-succes" || a.CreatedBy != u.ID || a.UpdatedBy != u.ID {
		t.Errorf("saved: status %s, slug %q, by %d/%d", a.Status, a.Slug, a.CreatedBy, a.UpdatedBy)
	}
	if a.Title != "La grève\u202f: un succès\u202f!" || a.Standfirst != "Un «\u202fchapeau\u202f»." {
		t.Errorf("typography: %q / %q", a.Title, a.Standfirst)
	}
	if !strings.Contains(a.BodyHTML, "<em>cheminots</em> ont tenu bon\u202f!") {
		t.Errorf("body HTML: %q", a.BodyHTML)
	}
	if revs, _ := e.store.Revisions(context.Background(), store.ArticleSubject(a.ID)); len(revs) != 1 {
		t.Errorf("%d revisions after the first save", len(revs))
	}
	// Submitting saves the changes too.
	c.post(apath(a, "submit"), edit(a, "body", "Nouveau texte.")).wantRedirect(t, apath(a, "")+"?done=submitted")
	a = e.article(a.ID)
	if a.Status != content.StatusSubmitted || a.Body != "Nouveau texte." {
		t.Errorf("after submitting: %s, %q", a.Status, a.Body)
	}
	if got := e.audit(store.AuditQuery{Action: "article."}); len(got) != 2 || got[0].Action != "article.submit" || got[1].Action != "article.create" {
		t.Errorf("audit: %+v", got)
	}
	// A forged publish is refused and changes nothing.
	c.post(apath(a, "publish"), edit(a)).want(t, http.StatusForbidden)
	c.post(apath(a, "trash"), nil).want(t, http.StatusForbidden)
	if got := e.article(a.ID); got.Status != content.StatusSubmitted || got.Version != a.Version || !got.DeletedAt.IsZero() {
		t.Errorf("after forged requests: %+v", got)
	}
}

func TestEditorPublishesAndTheSiteSeesIt(t *testing.T) {
	e := newEnv(t)
	con, _ := e.as(auth.RoleContributor)
	a := con.create(t, form("Solidarité", "Texte."))
	con.post(apath(a, "submit"), edit(a)).want(t, http.StatusSeeOther)
	ed, _ := e.as(auth.RoleEditor)
	p := ed.get("/newsroom/articles?status=submitted").want(t, http.StatusOK)
	if !strings.Contains(p.text(t, "table.articles tbody"), "Solidarité") {
		t.Error("the editor's list of submitted articles misses it")
	}
	a = e.article(a.ID)
	ed.post(apath(a, "publish"), edit(a)).wantRedirect(t, apath(a, "")+"?done=published")
	got, err := e.store.Article(context.Background(), "fr", "solidarite")
	if err != nil || !got.Visible(e.clock.Now()) || !got.PublishAt.Equal(e.clock.Now()) {
		t.Fatalf("published article: %+v, %v", got, err)
	}
	if log := e.audit(store.AuditQuery{Action: "article.publish"}); len(log) != 1 || log[0].Detail != "Solidarité" {
		t.Errorf("audit: %+v", log)
	}
	// A contributor cannot change it any more; the editor can unpublish and archive.
	con.post(apath(a, ""), edit(got)).want(t, http.StatusForbidden)
	ed.post(apath(a, "unpublish"), edit(got)).wantRedirect(t, apath(a, "")+"?done=unpublished")
	if got = e.article(a.ID); got.Status != content.StatusDraft || got.Slug != "solidarite" {
		t.Errorf("after unpublishing: %s %s", got.Status, got.Slug)
	}
	ed.post(apath(a, "archive"), edit(got)).want(t, http.StatusSeeOther)
	if got = e.article(a.ID); got.Status != content.StatusArchived {
		t.Errorf("after archiving: %s", got.Status)
	}
	for _, action := range []string{"article.unpublish", "article.archive"} {
		if len(e.audit(store.AuditQuery{Action: action})) != 1 {
			t.Errorf("no %s in the audit log", action)
		}
	}
}

// A press release with a time in the future is under embargo until then; a time in
// the past cannot be scheduled; a date that is not one says so and keeps the text.
func TestScheduleAndDates(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.as(auth.RoleEditor)
	v := form("Communiqué", "Sous embargo.", "kind", "press_release", "publish_at", "2026-11-26T14:30")
	loc := ed.post("/newsroom/articles/new/schedule", v).wantRedirect(t, "/newsroom/articles/")
	a := e.article(idFrom(t, loc))
	want := time.Date(2026, 11, 26, 13, 30, 0, 0, time.UTC) // Brussels is UTC+1 in November
	if a.Status != content.StatusScheduled || !a.PublishAt.Equal(want) || !a.Embargoed(e.clock.Now()) {
		t.Fatalf("scheduled: %s at %v", a.Status, a.PublishAt)
	}
	p := ed.get(apath(a, "")).want(t, http.StatusOK)
	if got := p.text(t, ".warning"); !strings.Contains(got, "26 November 2026, 14:30") {
		t.Errorf("embargo notice: %q", got)
	}
	if got := p.attr(t, "#f-publish_at", "value"); got != "2026-11-26T14:30" {
		t.Errorf("publish time shown as %q", got)
	}
	// In the past: refused, nothing saved, the text kept.
	p = ed.post(apath(a, "schedule"), edit(a, "publish_at", "2026-11-24T10:00", "body", "Changé.")).want(t, http.StatusUnprocessableEntity)
	if p.text(t, "#f-publish_at-error") == "" || p.text(t, "#f-body") != "Changé." {
		t.Error("the problem is not shown or the text is lost")
	}
	for _, bad := range []string{"2026-13-45T99:00", "tomorrow", "2026-11-26T25:00"} {
		p = ed.post(apath(a, ""), edit(a, "publish_at", bad, "body", "Gardé.")).want(t, http.StatusUnprocessableEntity)
		if p.text(t, "#f-body") != "Gardé." || p.attr(t, "#f-publish_at", "value") != bad {
			t.Errorf("%q: the form lost what was typed", bad)
		}
	}
	if got := e.article(a.ID); got.Version != a.Version {
		t.Error("a refused form saved something")
	}
}

// Two people saving the same version: the second gets both versions side by side, and
// saving from the conflict screen is a deliberate overwrite.
func TestConcurrentEditsConflict(t *testing.T) {
	e := newEnv(t)
	one, _ := e.as(auth.RoleEditor)
	two := e.client()
	e.user(auth.RoleEditor, "two@example.org")
	two.signIn("two@example.org")
	a := one.create(t, form("Titre", "Ligne 1\nLigne 2"))
	opened := *a
	two.post(apath(a, ""), edit(a, "body", "Ligne 1\nLigne 2 de Deux")).want(t, http.StatusSeeOther)
	p := one.post(apath(a, ""), edit(&opened, "body", "Ligne 1\nLigne 2 de Un")).want(t, http.StatusConflict)
	if got := p.text(t, "#theirs-body"); got != "Ligne 1 Ligne 2 de Deux" {
		t.Errorf("theirs: %q", got)
	}
	if got := p.text(t, "#f-body"); got != "Ligne 1 Ligne 2 de Un" {
		t.Errorf("yours: %q", got)
	}
	if p.count(t, ".diff del") != 1 || p.count(t, ".diff ins") != 1 {
		t.Error("the diff does not show the change")
	}
	stored := e.article(a.ID)
	if stored.Body != "Ligne 1\nLigne 2 de Deux" {
		t.Fatalf("overwritten: %q", stored.Body)
	}
	if v := p.attr(t, `input[name="version"]`, "value"); v != strconv.FormatInt(stored.Version, 10) {
		t.Errorf("the conflict form is based on version %s, want %d", v, stored.Version)
	}
	merged := edit(stored, "body", "Ligne 1\nLigne 2 de Un et de Deux")
	one.post(apath(a, ""), merged).want(t, http.StatusSeeOther)
	if got := e.article(a.ID).Body; got != "Ligne 1\nLigne 2 de Un et de Deux" {
		t.Errorf("merged: %q", got)
	}
}

func TestBadRequestsLoseNothing(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.as(auth.RoleEditor)
	huge := form("Trop long", strings.Repeat("x", articleBody+1))
	p := ed.post("/newsroom/articles/new", huge).want(t, http.StatusRequestEntityTooLarge)
	if !strings.Contains(p.text(t, "main"), "2") {
		t.Errorf("413 page: %q", p.text(t, "main"))
	}
	if items, _ := e.store.NewsroomArticles(context.Background(), store.ArticleQuery{}); len(items) != 0 {
		t.Error("an oversize form saved something")
	}
	ed.get("/newsroom/articles/999").want(t, http.StatusNotFound)
	ed.get("/newsroom/articles/abc").want(t, http.StatusNotFound)
	ed.post("/newsroom/articles/999", form("x", "y")).want(t, http.StatusNotFound)
	ed.post("/newsroom/articles/new", form("x", "y", "section", "nope")).want(t, http.StatusBadRequest)
	ed.get("/newsroom/articles?status=nonsense").want(t, http.StatusBadRequest)
	p = ed.post("/newsroom/articles/new", form("", "Un corps sans titre.")).want(t, http.StatusUnprocessableEntity)
	if p.text(t, "#f-title-error") == "" || p.text(t, "#f-body") != "Un corps sans titre." {
		t.Error("a missing title is not explained, or the body is lost")
	}
}

func TestContributorsEditOnlyTheirOwnDrafts(t *testing.T) {
	e := newEnv(t)
	one, _ := e.as(auth.RoleContributor)
	a := one.create(t, form("À moi", "x"))
	two := e.client()
	e.user(auth.RoleContributor, "other@example.org")
	two.signIn("other@example.org")
	two.get(apath(a, "")).want(t, http.StatusForbidden)
	two.post(apath(a, ""), edit(a)).want(t, http.StatusForbidden)
	two.post(apath(a, "autosave"), edit(a)).want(t, http.StatusForbidden)
	// By default a contributor's list shows their own articles.
	if p := two.get("/newsroom/articles").want(t, http.StatusOK); p.count(t, "table.articles tbody tr") != 0 {
		t.Error("another contributor's draft is listed by default")
	}
	if p := two.get("/newsroom/articles?who=all").want(t, http.StatusOK); p.count(t, "table.articles tbody a") != 0 {
		t.Error("another contributor's draft is offered for editing")
	}
	if got := e.article(a.ID); got.Version != a.Version {
		t.Error("changed")
	}
	// New tags need the taxonomy right.
	one.post(apath(a, ""), edit(a, "new_tags", "grève")).want(t, http.StatusForbidden)
}

func TestTrashAndRestore(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.as(auth.RoleEditor)
	a := ed.create(t, form("À jeter", "x"))
	ed.post(apath(a, "trash"), nil).wantRedirect(t, "/newsroom/articles?done=trashed")
	if e.article(a.ID).DeletedAt.IsZero() {
		t.Fatal("not in the trash")
	}
	ed.post(apath(a, ""), edit(a)).want(t, http.StatusConflict)
	p := ed.get("/newsroom/trash").want(t, http.StatusOK)
	if !strings.Contains(p.text(t, "table.articles"), "À jeter") {
		t.Error("not listed in the trash")
	}
	if p := ed.get("/newsroom/articles").want(t, http.StatusOK); p.count(t, "table.articles") != 0 {
		t.Error("a trashed article is still in the list")
	}
	ed.post(apath(a, "restore"), nil).wantRedirect(t, apath(a, "")+"?done=restored")
	if !e.article(a.ID).DeletedAt.IsZero() {
		t.Error("not restored")
	}
	if len(e.audit(store.AuditQuery{Action: "article.delete"})) != 1 || len(e.audit(store.AuditQuery{Action: "article.restore"})) != 1 {
		t.Error("trash and restore are not audited")
	}
}

func TestSlugsAreUniquePerLanguage(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.as(auth.RoleEditor)
	first := ed.create(t, form("Grève générale", "x"))
	second := ed.create(t, form("Grève générale", "y"))
	dutch := ed.create(t, form("Grève générale", "z", "lang", "nl"))
	if first.Slug != "greve-generale" || second.Slug != "greve-generale-2" || dutch.Slug != "greve-generale" {
		t.Errorf("slugs: %s, %s, %s", first.Slug, second.Slug, dutch.Slug)
	}
	// The slug follows the title until the article is published, then stays.
	ed.post(apath(second, "publish"), edit(second, "title", "Une autre grève")).want(t, http.StatusSeeOther)
	second = e.article(second.ID)
	ed.post(apath(second, ""), edit(second, "title", "Titre changé")).want(t, http.StatusSeeOther)
	if got := e.article(second.ID).Slug; got != "une-autre-greve" {
		t.Errorf("slug after publishing and retitling: %s", got)
	}
}

func TestEditorPickers(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	tag := &content.Tag{Lang: "fr", Slug: "greve", Name: "Grève"}
	nlTag := &content.Tag{Lang: "nl", Slug: "staking", Name: "Staking"}
	person := &content.Person{Slug: "ada", Name: "Ada", Role: "porte-parole"}
	dossier := &content.Dossier{Lang: "fr", Slug: "solidarite", Title: "Solidarité"}
	section := &content.Section{Names: map[content.Lang]content.SectionName{"fr": {Slug: "monde", Name: "Monde"}}}
	e.update(func(tx store.Tx) error {
		for _, err := range []error{tx.CreateTag(ctx, tag), tx.CreateTag(ctx, nlTag), tx.CreatePerson(ctx, person),
			tx.CreateDossier(ctx, dossier), tx.CreateSection(ctx, section)} {
			if err != nil {
				return err
			}
		}
		return nil
	})
	ed, _ := e.as(auth.RoleEditor)
	other := ed.create(t, form("Autre article", "x"))
	nl := ed.create(t, form("Nederlandse versie", "x", "lang", "nl"))
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	a := ed.create(t, form("Communiqué", "x", "kind", "press_release", "tags", id(tag.ID), "new_tags", "Nouvelle, grève",
		"authors", id(person.ID), "contacts", id(person.ID), "dossiers", id(dossier.ID), "section", id(section.ID),
		"related", id(other.ID), "translation_of", id(nl.ID), "featured", "1"))
	if len(a.TagIDs) != 2 || len(a.AuthorIDs) != 1 || len(a.ContactIDs) != 1 || a.SectionID != section.ID ||
		len(a.RelatedIDs) != 1 || a.StoryID != nl.StoryID || !a.Featured {
		t.Errorf("relations: %+v", a)
	}
	if tags, _ := e.store.Tags(ctx, "fr"); len(tags) != 2 {
		t.Errorf("new tags: %+v (an existing name is reused, a new one created)", tags)
	}
	if ds, _ := e.store.ArticleDossiers(ctx, a.ID); len(ds) != 1 {
		t.Errorf("dossiers: %+v", ds)
	}
	p := ed.get(apath(a, "")).want(t, http.StatusOK)
	for _, sel := range []string{"#tag-" + id(tag.ID) + "[checked]", "#author-" + id(person.ID) + "[checked]",
		"#dossier-" + id(dossier.ID) + "[checked]", "#related-" + id(other.ID) + "[checked]", "#translation-" + id(nl.ID) + "[checked]"} {
		if p.count(t, sel) != 1 {
			t.Errorf("%s is not shown checked", sel)
		}
	}
	if p.count(t, "#tag-"+id(nlTag.ID)) != 0 {
		t.Error("a Dutch tag is offered for a French article")
	}
	// A tag of another language is refused with a message.
	p = ed.post(apath(a, ""), edit(e.article(a.ID), "tags", id(nlTag.ID))).want(t, http.StatusUnprocessableEntity)
	if p.count(t, "fieldset.invalid .field-error") == 0 {
		t.Error("no message for a tag in another language")
	}
	// Searching related reading and translations, without JavaScript.
	p = ed.post(apath(a, "refresh"), edit(e.article(a.ID), "related_q", "autre", "translation_q", "nederlandse", "body", "Vive la *grève* !")).
		want(t, http.StatusOK)
	if p.count(t, "#related-"+id(other.ID)) != 1 || p.count(t, "#translation-"+id(nl.ID)) != 1 {
		t.Error("search results are not offered")
	}
	if got := p.text(t, "#preview"); got != "Vive la grève\u202f!" {
		t.Errorf("preview: %q", got)
	}
	// Taking it out of the dossier.
	b := e.article(a.ID)
	v := edit(b)
	v.Del("dossiers")
	ed.post(apath(a, ""), v).want(t, http.StatusSeeOther)
	if ds, _ := e.store.ArticleDossiers(ctx, a.ID); len(ds) != 0 {
		t.Errorf("still in %+v", ds)
	}
}

func TestMarkdownPreviewEndpoint(t *testing.T) {
	e := newEnv(t)
	c, _ := e.as(auth.RoleContributor)
	p := c.post("/newsroom/preview", url.Values{"lang": {"fr"}, "body": {"## Titre\n\nC'est *beau* : <script>alert(1)</script>"}}).want(t, http.StatusOK)
	if !strings.Contains(p.body, "<h2") || !strings.Contains(p.body, "C’est <em>beau</em>\u202f:") || strings.Contains(p.body, "<script") {
		t.Errorf("preview: %s", p.body)
	}
	e.client().post("/newsroom/preview", url.Values{"body": {"x"}}).want(t, http.StatusUnauthorized)
}

func TestArticleListFiltersAndPages(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ed, u := e.as(auth.RoleEditor)
	e.update(func(tx store.Tx) error {
		for i := 0; i < listSize+5; i++ {
			a := &content.Article{Kind: content.KindArticle, Lang: "fr", Slug: "a-" + strconv.Itoa(i), Title: "Article " + strconv.Itoa(i),
				Status: content.StatusDraft, CreatedBy: u.ID}
			if i%2 == 0 {
				a.Lang, a.Kind = "nl", content.KindPressRelease
			}
			if err := tx.CreateArticle(ctx, a); err != nil {
				return err
			}
		}
		return nil
	})
	p := ed.get("/newsroom/articles").want(t, http.StatusOK)
	if n := p.count(t, "table.articles tbody tr"); n != listSize {
		t.Errorf("first page: %d rows", n)
	}
	next := p.attr(t, `.pager a[rel="next"]`, "href")
	if p2 := ed.get(next).want(t, http.StatusOK); p2.count(t, "table.articles tbody tr") != 5 {
		t.Errorf("%s: %d rows", next, p2.count(t, "table.articles tbody tr"))
	}
	if n := ed.get("/newsroom/articles?lang=nl&kind=press_release").want(t, http.StatusOK).count(t, "table.articles tbody tr"); n != 28 {
		t.Errorf("Dutch press releases: %d", n)
	}
	if p := ed.get("/newsroom/articles?q=article+12").want(t, http.StatusOK); p.count(t, "table.articles tbody tr") != 1 {
		t.Errorf("title search: %d rows", p.count(t, "table.articles tbody tr"))
	}
	ed.get("/newsroom/articles?page=0").want(t, http.StatusBadRequest)
}

// The list's search box looks in titles and texts through the full-text index, drafts
// included, with the list's filters; the trash is not searched. A contributor lists and
// finds their own articles, and of everyone's only the published ones.
func TestArticleListFullTextSearch(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ed, editor := e.as(auth.RoleEditor)
	co, contributor := e.as(auth.RoleContributor)
	var trashed int64
	e.update(func(tx store.Tx) error {
		for _, a := range []*content.Article{
			{Kind: content.KindArticle, Lang: "fr", Slug: "piquet", Title: "Piquet à l’aube", Body: "La grève de la verrerie tient bon.",
				Status: content.StatusDraft, CreatedBy: contributor.ID},
			{Kind: content.KindPressRelease, Lang: "fr", Slug: "appel", Title: "Appel à la solidarité", Body: "Soutenez les grèves de la verrerie.",
				Status: content.StatusSubmitted, CreatedBy: editor.ID},
			{Kind: content.KindArticle, Lang: "nl", Slug: "staking", Title: "Staking in de glasfabriek", Body: "De stakingen gaan door.",
				Status: content.StatusDraft, CreatedBy: editor.ID},
			{Kind: content.KindArticle, Lang: "fr", Slug: "jete", Title: "Grève jetée", Body: "Verrerie.", Status: content.StatusDraft, CreatedBy: editor.ID},
		} {
			if err := tx.CreateArticle(ctx, a); err != nil {
				return err
			}
			trashed = a.ID
		}
		return tx.TrashArticle(ctx, trashed, e.clock.Now())
	})
	titles := func(p *page) []string {
		var out []string
		for _, n := range p.all(t, "table.articles tbody td.title-cell a, table.articles tbody td.title-cell > span[lang]") {
			out = append(out, nodeText(n))
		}
		return out
	}
	// A word of the body, an accent left out, a plural: both French articles, not the trash.
	p := ed.get("/newsroom/articles?q=greve+verrerie").want(t, http.StatusOK)
	if got := titles(p); len(got) != 2 {
		t.Errorf("editor's search: %q", got)
	}
	if p.text(t, ".snippet mark") == "" {
		t.Error("no snippet marks the match")
	}
	if got := titles(ed.get("/newsroom/articles?q=verrerie&status=submitted")); len(got) != 1 || got[0] != "Appel à la solidarité" {
		t.Errorf("with a status: %q", got)
	}
	if got := titles(ed.get("/newsroom/articles?q=verrerie&kind=press_release")); len(got) != 1 {
		t.Errorf("with a kind: %q", got)
	}
	if got := titles(ed.get("/newsroom/articles?q=staking&lang=nl")); len(got) != 1 {
		t.Errorf("Dutch: %q", got)
	}
	// The contributor's own articles by default, everyone's when asked.
	if got := titles(co.get("/newsroom/articles?q=verrerie")); len(got) != 1 || got[0] != "Piquet à l’aube" {
		t.Errorf("contributor's search: %q", got)
	}
	// Everyone's, for a contributor, is what is published: other people's drafts and
	// embargoed releases are not theirs to read, and search results show their text.
	if got := titles(co.get("/newsroom/articles?q=verrerie&who=all")); len(got) != 0 {
		t.Errorf("contributor's search of everyone's unpublished articles: %q", got)
	}
	e.update(func(tx store.Tx) error {
		a, err := e.store.Article(ctx, "fr", "appel")
		if err != nil {
			return err
		}
		a.Status, a.PublishAt = content.StatusPublished, e.clock.Now().Add(-time.Minute)
		return tx.UpdateArticle(ctx, a)
	})
	if got := titles(co.get("/newsroom/articles?q=verrerie&who=all")); len(got) != 1 || got[0] != "Appel à la solidarité" {
		t.Errorf("contributor's search of everyone's: %q", got)
	}
	if got := titles(co.get("/newsroom/articles?q=verrerie&who=all&status=draft")); len(got) != 0 {
		t.Errorf("contributor's search of everyone's drafts: %q", got)
	}
	// The same holds for the list without words.
	if got := titles(co.get("/newsroom/articles?who=all")); len(got) != 1 || got[0] != "Appel à la solidarité" {
		t.Errorf("contributor's list of everyone's: %q", got)
	}
	if got := titles(co.get("/newsroom/articles?who=all&status=submitted")); len(got) != 0 {
		t.Errorf("contributor's list of everyone's submitted articles: %q", got)
	}
	if got := titles(co.get("/newsroom/articles")); len(got) != 1 || got[0] != "Piquet à l’aube" {
		t.Errorf("contributor's own list: %q", got)
	}
	// Query syntax and oddities are answered, never an error.
	for _, q := range []string{`"tient bon`, `-verrerie`, `'; DROP TABLE articles; --`, `*`, `NEAR(a b)`} {
		ed.get("/newsroom/articles?q="+url.QueryEscape(q)).want(t, http.StatusOK)
	}
}
