package newsroom

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/hosts"
	"github.com/roneo/roneo/internal/store"
)

// settingsForm is the settings form as the page sends it, with the other addresses.
func settingsForm(hostsText string) url.Values {
	return url.Values{"name": {"Le Stencil"}, "timezone": {"Europe/Brussels"}, "hosts": {hostsText}}
}

func (e *env) checkHosts(want ...string) {
	e.t.Helper()
	if got := e.site().Hosts; !slices.Equal(got, want) {
		e.t.Errorf("stored other addresses = %q, want %q", got, want)
	}
}

// An admin lists the other addresses, one a line, as written or not; they are stored
// as the site writes them, once each, and the audit entry names them.
func TestSettingsHostsSaved(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) { testSettingsHostsSaved(t, backend.env(t)) })
	}
}

func testSettingsHostsSaved(t *testing.T, e *env) {
	admin, _ := e.as(auth.RoleAdmin)
	p := admin.get("/newsroom/settings").want(t, http.StatusOK)
	if p.text(t, "label[for=f-hosts]") != "Other addresses of the site" || p.attr(t, "textarea#f-hosts", "name") != "hosts" {
		t.Fatal("no field for the other addresses")
	}
	if !strings.Contains(p.text(t, "#f-hosts-hint"), "when the main domain is blocked") || p.text(t, "textarea#f-hosts") != "" {
		t.Error("the field is not explained, or shows addresses none were saved")
	}

	typed := "https://Mirror.Example.net/\r\nhttp://abcdefghij234567.onion, https://mirror.example.net\r\n\r\n"
	admin.post("/newsroom/settings", settingsForm(typed)).wantRedirect(t, "/newsroom/settings")
	e.checkHosts("https://mirror.example.net", "http://abcdefghij234567.onion")
	audit := e.audit(store.AuditQuery{Action: "settings"})
	if len(audit) != 1 || !strings.Contains(audit[0].Detail, "other addresses: https://mirror.example.net, http://abcdefghij234567.onion") {
		t.Errorf("audit: %+v", audit)
	}
	p = admin.get("/newsroom/settings").want(t, http.StatusOK)
	if got := p.text(t, "textarea#f-hosts"); got != "https://mirror.example.net http://abcdefghij234567.onion" {
		t.Errorf("the page shows %q", got)
	}

	admin.post("/newsroom/settings", settingsForm("")).wantRedirect(t, "/newsroom/settings")
	e.checkHosts()
	if audit := e.audit(store.AuditQuery{Action: "settings", Limit: 1}); !strings.Contains(audit[0].Detail, "other addresses: none") {
		t.Errorf("audit of clearing them: %+v", audit)
	}
}

// A list with a mistake is explained at the field, in the reader's language, the form
// keeps what was typed, and nothing is saved.
func TestSettingsHostsRefused(t *testing.T) {
	e := newEnv(t)
	admin, _ := e.as(auth.RoleAdmin)
	admin.post("/newsroom/settings", settingsForm("https://mirror.example.net")).wantRedirect(t, "/newsroom/settings")
	many := make([]string, 21)
	for i := range many {
		many[i] = fmt.Sprintf("https://m%d.example.net", i)
	}
	for _, tc := range []struct{ name, typed, problem string }{
		{"not an address", "https://ok.example.net\nmirror.example.net/fr", "Line 2: “mirror.example.net/fr” is not an address"},
		{"a path", "https://ok.example.net/fr/", "Line 1: “https://ok.example.net/fr/”"},
		{"the main address", "https://ok.example.net\nhttps://news.example.org", "https://news.example.org is the site’s main address"},
		{"too many", strings.Join(many, "\n"), "20 at most"},
		{"a very long line", "https://" + strings.Repeat("a", 500), "…”"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := len(e.audit(store.AuditQuery{}))
			p := admin.post("/newsroom/settings", settingsForm(tc.typed)).want(t, http.StatusUnprocessableEntity)
			if got := p.text(t, "#f-hosts-error"); !strings.Contains(got, tc.problem) || len(got) > 300 {
				t.Errorf("problem %q, want it to say %q", got, tc.problem)
			}
			if p.attr(t, "textarea#f-hosts", "aria-invalid") != "true" || !strings.Contains(p.attr(t, "textarea#f-hosts", "aria-describedby"), "f-hosts-error") {
				t.Error("the field is not marked invalid")
			}
			if got := p.text(t, "textarea#f-hosts"); got != strings.Join(strings.Fields(tc.typed), " ") {
				t.Errorf("the form shows %q, not what was typed", got)
			}
			e.checkHosts("https://mirror.example.net")
			if len(e.audit(store.AuditQuery{})) != n {
				t.Error("a refused save wrote to the audit log")
			}
		})
	}

	fr := e.user(auth.RoleAdmin, "redaction@example.org")
	e.update(func(tx store.Tx) error {
		read := *fr
		fr.Lang = "fr"
		return tx.UpdateUser(context.Background(), read, fr)
	})
	frClient := e.client()
	frClient.signIn(fr.Email)
	p := frClient.post("/newsroom/settings", settingsForm("ftp://miroir.example.net")).want(t, http.StatusUnprocessableEntity)
	if got := p.text(t, "#f-hosts-error"); !strings.Contains(got, "Ligne\u202f1") && !strings.Contains(got, "Ligne 1") || !strings.Contains(got, "n’est pas une adresse") {
		t.Errorf("a French admin reads %q", got)
	}
}

// With --hosts, the page shows the server's list and no field sends one, and a request
// that sends one anyway changes nothing of the stored list.
func TestSettingsHostsFromCommandLine(t *testing.T) {
	flag, err := hosts.ParseList("https://mirror.example.net, http://abcdefghij234567.onion")
	if err != nil {
		t.Fatal(err)
	}
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) {
			e := backend.env(t)
			e.reconfigure(func(c *Config) { c.Hosts = flag })
			testSettingsHostsFromCommandLine(t, e)
		})
	}
}

func testSettingsHostsFromCommandLine(t *testing.T, e *env) {
	admin, _ := e.as(auth.RoleAdmin)
	site := e.site()
	site.Hosts = []string{"https://stored.example.net"}
	e.update(func(tx store.Tx) error { return tx.PutSite(context.Background(), site) })

	p := admin.get("/newsroom/settings").want(t, http.StatusOK)
	if got := p.text(t, "textarea#f-hosts"); got != "https://mirror.example.net http://abcdefghij234567.onion" {
		t.Errorf("the page shows %q, not the server's list", got)
	}
	if p.count(t, "textarea#f-hosts[readonly]") != 1 || p.count(t, "[name=hosts]") != 0 {
		t.Error("the server's list can be edited or is sent with the form")
	}
	if !strings.Contains(p.text(t, "#f-hosts-set"), "--hosts") {
		t.Error("the page does not say where the list comes from")
	}

	for _, typed := range []string{"https://evil.example", "", "not an address"} {
		admin.post("/newsroom/settings", settingsForm(typed)).wantRedirect(t, "/newsroom/settings")
		e.checkHosts("https://stored.example.net")
	}
	for _, a := range e.audit(store.AuditQuery{Action: "settings"}) {
		if strings.Contains(a.Detail, "addresses") {
			t.Errorf("audit says the addresses changed: %q", a.Detail)
		}
	}
	if e.site().Name != "Le Stencil" {
		t.Error("the rest of the form was not saved")
	}
}

// Only admins change the settings, the other addresses among them.
func TestSettingsHostsAdminsOnly(t *testing.T) {
	e := newEnv(t)
	for _, role := range []auth.Role{auth.RoleEditor, auth.RoleContributor} {
		c, _ := e.as(role)
		c.post("/newsroom/settings", settingsForm("https://evil.example")).want(t, http.StatusForbidden)
	}
	e.checkHosts()
}
