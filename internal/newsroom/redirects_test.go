package newsroom

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
)

// onBothStores runs a test on SQLite and on PostgreSQL (skipped without one).
func onBothStores(t *testing.T, test func(t *testing.T, e *env)) {
	for _, backend := range []struct {
		name string
		env  func(testing.TB) *env
	}{{"sqlite", newEnv}, {"postgres", newPostgresEnv}} {
		t.Run(backend.name, func(t *testing.T) { test(t, backend.env(t)) })
	}
}

// upload posts a file as a browser's file field does.
func (c *client) upload(path, field, name string, data []byte) *page {
	c.e.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile(field, name)
	if err != nil {
		c.e.t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// follow opens the page a form sent the browser to.
func (c *client) follow(t *testing.T, p *page) *page {
	t.Helper()
	return c.get(p.wantRedirect(t, "/newsroom/")).want(t, http.StatusOK)
}

// redirectsInStore lists every redirect, by old address.
func (e *env) redirectsInStore() []store.Redirect {
	e.t.Helper()
	list, err := e.store.Redirects(context.Background(), store.RedirectQuery{Limit: 1000})
	if err != nil {
		e.t.Fatal(err)
	}
	return list
}

// rowTexts returns the text of each cell of the redirects table, a row at a time.
func rowTexts(t *testing.T, p *page, selector string) [][]string {
	t.Helper()
	var rows [][]string
	for _, tr := range p.all(t, selector+" tbody tr") {
		var cells []string
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Data == "td" {
				cells = append(cells, nodeText(td))
			}
		}
		rows = append(rows, cells)
	}
	return rows
}

func TestRedirectsAddFilterRemove(t *testing.T) {
	onBothStores(t, func(t *testing.T, e *env) {
		ed, editor := e.as(auth.RoleEditor)
		p := ed.follow(t, ed.post("/newsroom/redirects", url.Values{
			"from": {"https://old.example.org/2019/05/greve/?b=2&a=1"}, "to": {"/fr/article/greve"}}))
		if got := p.text(t, ".notice"); got != "Redirect saved." {
			t.Errorf("notice: %q", got)
		}
		ed.follow(t, ed.post("/newsroom/redirects", url.Values{"from": {"/ancien"}, "to": {""}}))
		cli := editorial.System("command line")
		if _, err := e.srv.cfg.Editorial.AddRedirects(context.Background(), cli, []editorial.RedirectLine{{From: "/?p=7", To: "/fr/sept"}}); err != nil {
			t.Fatal(err)
		}

		got := e.redirectsInStore()
		if len(got) != 3 || got[0].From != "/2019/05/greve/?a=1&b=2" || got[0].To != "/fr/article/greve" || got[0].CreatedBy != editor.ID ||
			got[1].From != "/?p=7" || got[1].CreatedBy != 0 || got[2].From != "/ancien" || !got[2].Gone {
			t.Fatalf("store: %+v", got)
		}
		when := e.srv.bundle.Printer("en", e.site().Location).DateTime(start)
		p = ed.get("/newsroom/redirects").want(t, http.StatusOK)
		want := [][]string{
			{"/2019/05/greve/?a=1&b=2", "/fr/article/greve", when, "editor", "Remove /2019/05/greve/?a=1&b=2"},
			{"/?p=7", "/fr/sept", when, "command line or import", "Remove /?p=7"},
			{"/ancien", "gone", when, "editor", "Remove /ancien"},
		}
		if rows := rowTexts(t, p, "table.redirects"); fmt.Sprint(rows) != fmt.Sprint(want) {
			t.Errorf("list:\n got %q\nwant %q", rows, want)
		}
		if got := p.text(t, "h2#list-heading"); got != "3 redirects" {
			t.Errorf("total: %q", got)
		}
		if got := p.attr(t, "table.redirects td.new a", "href"); got != "/fr/article/greve" {
			t.Errorf("link to the new address: %q", got)
		}

		// The filter looks in both addresses; the total stays the whole count.
		p = ed.get("/newsroom/redirects?q=greve").want(t, http.StatusOK)
		if rows := rowTexts(t, p, "table.redirects"); len(rows) != 1 || rows[0][0] != "/2019/05/greve/?a=1&b=2" {
			t.Errorf("filtered: %q", rows)
		}
		if got := p.attr(t, "#f-q", "value"); got != "greve" {
			t.Errorf("filter box: %q", got)
		}
		p = ed.get("/newsroom/redirects?q=nowhere").want(t, http.StatusOK)
		if p.count(t, "table.redirects") != 0 || !strings.Contains(p.text(t, "main"), "No redirect contains this text.") {
			t.Error("an empty result is not said")
		}
		ed.get("/newsroom/redirects?page=0").want(t, http.StatusBadRequest)

		// Removing names what went, and writes the audit log.
		p = ed.post("/newsroom/redirects/remove", url.Values{"from": {"/ancien"}})
		p = ed.follow(t, p)
		if got := p.text(t, ".notice"); got != "The redirect from /ancien is removed." {
			t.Errorf("notice: %q", got)
		}
		if got := e.redirectsInStore(); len(got) != 2 {
			t.Errorf("after removing: %+v", got)
		}
		ed.post("/newsroom/redirects/remove", url.Values{"from": {"/ancien"}}).want(t, http.StatusNotFound)
		// A notice for an address that still has its redirect is not believed.
		p = ed.get("/newsroom/redirects?done=redirectremoved&from="+url.QueryEscape("/?p=7")).want(t, http.StatusOK)
		if got := p.text(t, ".notice"); got != "Redirect removed." {
			t.Errorf("notice from a made-up link: %q", got)
		}

		entries := e.audit(store.AuditQuery{Action: "redirect."})
		var actions []string
		for _, en := range entries {
			if en.UserID == editor.ID {
				actions = append(actions, en.Action+" | "+en.Target+" | "+en.Detail)
			}
		}
		wantAudit := []string{"redirect.remove | redirects | /ancien", "redirect.add | redirects | /ancien gone",
			"redirect.add | redirects | /2019/05/greve/?a=1&b=2 → /fr/article/greve"}
		if fmt.Sprint(actions) != fmt.Sprint(wantAudit) {
			t.Errorf("audit:\n got %q\nwant %q", actions, wantAudit)
		}
	})
}

func TestRedirectsPages(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.as(auth.RoleEditor)
	lines := make([]editorial.RedirectLine, 105)
	for i := range lines {
		lines[i] = editorial.RedirectLine{From: fmt.Sprintf("/old/%03d", i), To: "/fr/new"}
	}
	if _, err := e.srv.cfg.Editorial.AddRedirects(context.Background(), editorial.System("import"), lines); err != nil {
		t.Fatal(err)
	}
	p := ed.get("/newsroom/redirects?q=old").want(t, http.StatusOK)
	if n := p.count(t, "table.redirects tbody tr"); n != redirectsSize {
		t.Errorf("first page: %d rows", n)
	}
	next := p.attr(t, ".pager a[rel=next]", "href")
	if next != "/newsroom/redirects?page=2&q=old" {
		t.Fatalf("next page: %q", next)
	}
	p = ed.get(next).want(t, http.StatusOK)
	if rows := rowTexts(t, p, "table.redirects"); len(rows) != 5 || rows[0][0] != "/old/100" {
		t.Errorf("second page: %q", rows)
	}
	if p.count(t, ".pager a[rel=next]") != 0 || p.attr(t, ".pager a[rel=prev]", "href") != "/newsroom/redirects?q=old" {
		t.Error("second page's pager")
	}
}

// A redirect the core refuses comes back with its problem next to the field and the
// form as typed; nothing is written.
func TestRedirectProblemsKeepTheForm(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.as(auth.RoleEditor)
	for _, tc := range []struct {
		from, to, field, want string
	}{
		{"ancien/page", "/fr/x", "from", "An old address starts with /"},
		{"ftp://old.example.org/a", "", "from", "An old address starts with /"},
		{"/ancien", "//evil.example.org/page", "to", "A new address is a path of this site"},
		{"/ancien", "javascript:alert(1)", "to", "A new address is a path of this site"},
		{"https://old.example.org/ancien", "/ancien", "to", "This is the old address itself"},
	} {
		p := ed.post("/newsroom/redirects", url.Values{"from": {tc.from}, "to": {tc.to}}).want(t, http.StatusUnprocessableEntity)
		if got := p.text(t, "#f-"+tc.field+"-error"); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s → %s: %s problem %q, want %q…", tc.from, tc.to, tc.field, got, tc.want)
		}
		if got := p.text(t, `.alert a[href="#f-`+tc.field+`"]`); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s → %s: summary %q", tc.from, tc.to, got)
		}
		if p.count(t, ".field-error") != 1 || p.attr(t, "#f-"+tc.field, "aria-invalid") != "true" {
			t.Errorf("%s → %s: not one problem on %s", tc.from, tc.to, tc.field)
		}
		if p.attr(t, "#f-from", "value") != tc.from || p.attr(t, "#f-to", "value") != tc.to {
			t.Errorf("%s → %s: the form is not kept", tc.from, tc.to)
		}
	}
	if got := e.redirectsInStore(); len(got) != 0 {
		t.Errorf("written: %+v", got)
	}
	// In French, with its typography.
	fr := e.user(auth.RoleEditor, "redaction@example.org")
	e.update(func(tx store.Tx) error {
		read := *fr
		fr.Lang = "fr"
		return tx.UpdateUser(context.Background(), read, fr)
	})
	c := e.client()
	c.signIn(fr.Email)
	p := c.post("/newsroom/redirects", url.Values{"from": {"/a"}, "to": {"/a"}}).want(t, http.StatusUnprocessableEntity)
	if got := p.text(t, "#f-to-error"); got != "C’est l’ancienne adresse elle-même\u202f: les lecteurs tourneraient en rond." {
		t.Errorf("in French: %q", got)
	}
}

func TestRedirectsImportCSV(t *testing.T) {
	onBothStores(t, func(t *testing.T, e *env) {
		ed, editor := e.as(auth.RoleEditor)
		csv := "old,new\n# from the old site\n/2019/greve/,/fr/article/greve\n\nhttps://old.example.org/?p=12,\n\"/a,b\",https://ailleurs.example.org/\n"
		p := ed.follow(t, ed.upload("/newsroom/redirects/import", "file", "redirects.csv", []byte(csv)))
		if got := p.text(t, ".notice"); got != "3 redirects imported." {
			t.Errorf("notice: %q", got)
		}
		got := e.redirectsInStore()
		if len(got) != 3 || got[0].From != "/2019/greve/" || got[1].From != "/?p=12" || !got[1].Gone ||
			got[2].From != "/a,b" || got[2].CreatedBy != editor.ID {
			t.Fatalf("store: %+v", got)
		}
		if a := e.audit(store.AuditQuery{Action: "redirect.add"}); len(a) != 1 || a[0].Detail != "3 redirects" || a[0].UserID != editor.ID {
			t.Errorf("audit: %+v", a)
		}

		// One bad line: nothing is written, and the message names the line.
		for _, tc := range []struct{ csv, want string }{
			{"/un,/fr/un\n/deux,/fr/deux\nancien,/fr/trois\n", "Line 3: the old address “ancien” must start with /"},
			{"/un,/fr/un\n/deux,ftp://ailleurs.example.org/\n", "Line 2: the new address “ftp://ailleurs.example.org/” must be"},
			{"old,new\n/un,/un\n", "Line 2: “/un” leads to itself."},
			{"/un,/fr/un\n/deux,/fr/deux,/fr/trois\n", "Line 2 cannot be read"},
			{"/un,/fr/un\n/deux,\"/fr/deux\n", "Line 2 cannot be read"},
			{"# nothing\n\n", "This file holds no redirects."},
		} {
			p := ed.upload("/newsroom/redirects/import", "file", "redirects.csv", []byte(tc.csv)).want(t, http.StatusUnprocessableEntity)
			if got := p.text(t, "#f-file-error"); !strings.HasPrefix(got, tc.want) {
				t.Errorf("%q: problem %q, want %q…", tc.csv, got, tc.want)
			}
		}
		if n := len(e.redirectsInStore()); n != 3 {
			t.Errorf("a refused file wrote: %d redirects", n)
		}
		p = ed.post("/newsroom/redirects/import", nil).want(t, http.StatusBadRequest)
		var empty bytes.Buffer
		mw := multipart.NewWriter(&empty)
		mw.WriteField("other", "x")
		mw.Close()
		req := httptest.NewRequest(http.MethodPost, "/newsroom/redirects/import", &empty)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		p = ed.do(req).want(t, http.StatusUnprocessableEntity)
		if got := p.text(t, "#f-file-error"); got != "Choose a CSV file." {
			t.Errorf("no file: %q", got)
		}
	})
}

// A file over the limit is refused whole with the 413 page.
func TestRedirectsImportTooLarge(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.as(auth.RoleEditor)
	var b strings.Builder
	for i := 0; b.Len() <= redirectsUpload; i++ {
		fmt.Fprintf(&b, "/old/%07d,/fr/article/%07d\n", i, i)
	}
	p := ed.upload("/newsroom/redirects/import", "file", "huge.csv", []byte(b.String())).want(t, http.StatusRequestEntityTooLarge)
	if got := p.text(t, "h1"); got != "File too large" {
		t.Errorf("413 page: %q", got)
	}
	if n := len(e.redirectsInStore()); n != 0 {
		t.Errorf("%d redirects written", n)
	}
	if a := e.audit(store.AuditQuery{Action: "redirect."}); len(a) != 0 {
		t.Errorf("audit: %+v", a)
	}
}

// Editors and admins find the redirects in the navigation, admins the jobs too.
func TestNavigationLinks(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		role      auth.Role
		redirects bool
		jobs      bool
	}{
		{auth.RoleContributor, false, false},
		{auth.RoleEditor, true, false},
		{auth.RoleAdmin, true, true},
	} {
		c, _ := e.as(tc.role)
		p := c.get("/newsroom/articles").want(t, http.StatusOK)
		if got := p.count(t, `.nr-nav a[href="/newsroom/redirects"]`) == 1; got != tc.redirects {
			t.Errorf("%s: link to redirects %v", tc.role, got)
		}
		if got := p.count(t, `.nr-nav a[href="/newsroom/jobs"]`) == 1; got != tc.jobs {
			t.Errorf("%s: link to jobs %v", tc.role, got)
		}
	}
	p := e.session(e.user(auth.RoleEditor, "desk@example.org")).get("/newsroom/redirects").want(t, http.StatusOK)
	if got := p.attr(t, `.nr-nav a[href="/newsroom/redirects"]`, "aria-current"); got != "page" {
		t.Errorf("the redirects page is not the current one in the navigation: %q", got)
	}
}
