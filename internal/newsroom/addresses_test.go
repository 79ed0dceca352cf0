package newsroom

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/auth"
)

// "next" is judged as a browser will follow it: whatever the spelling, the address it
// leads to after sign-in is a newsroom page of this site, or the newsroom's home.
func TestNextStaysInTheNewsroom(t *testing.T) {
	for next, want := range map[string]string{
		"/newsroom/articles":                     "/newsroom/articles",
		"/newsroom/articles?status=draft":        "/newsroom/articles?status=draft",
		"/newsroom/articles/12#body":             "/newsroom/articles/12",
		"/newsroom/":                             "/newsroom/",
		"/newsroom/./articles":                   "/newsroom/articles",
		"/newsroom/tags/../articles":             "/newsroom/articles",
		"/newsroom/a%20b":                        "/newsroom/a%20b",
		"/newsroom/%252e%252e/x":                 "/newsroom/%252e%252e/x", // a name, not a dot segment
		"/newsroom/../../x":                      prefix,
		"/newsroom/..":                           prefix,
		"/newsroom/articles/../../x":             prefix,
		"/newsroom/%2e%2e/x":                     prefix,
		"/newsroom/%2E%2E/%2e%2e/x":              prefix,
		"/newsroom/.%2e/x":                       prefix,
		"/newsroom/..%2f..%2fx":                  prefix,
		"/newsroom/%2f%2fevil.example":           prefix,
		"/newsroom//evil.example":                prefix,
		"/newsroom/\\evil.example":               prefix,
		"/newsroom/%5c%5cevil.example":           prefix,
		"/newsroom/%5C..%5C..%5Cx":               prefix,
		"/newsroom/\t/evil.example":              prefix,
		"/newsroom/\r\nLocation: /x":             prefix,
		"//evil.example/newsroom/":               prefix,
		"///evil.example/newsroom/":              prefix,
		"\\\\evil.example/newsroom/":             prefix,
		"/\\evil.example/newsroom/":              prefix,
		"https://evil.example/newsroom/":         prefix,
		"https:/newsroom/x":                      prefix,
		"javascript:alert(1)//newsroom/":         prefix,
		"http://news.example.org/newsroom/":      prefix,
		"//user@evil.example/newsroom/":          prefix,
		"/newsroom":                              prefix,
		"/newsroomx/":                            prefix,
		"/x/../newsroom/articles":                "/newsroom/articles",
		"/%6eewsroom/articles":                   "/newsroom/articles",
		"newsroom/articles":                      prefix,
		"":                                       prefix,
		"/":                                      prefix,
		"/newsroom/articles?next=//evil.example": "/newsroom/articles?next=%2F%2Fevil.example",
	} {
		got := localPath(next)
		if got != want {
			t.Errorf("localPath(%q) = %q, want %q", next, got, want)
		}
		// However a browser reads it, it stays on this host and in the newsroom.
		base, _ := url.Parse("https://news.example.org/newsroom/signin")
		ref, err := url.Parse(got)
		if err != nil {
			t.Errorf("localPath(%q) = %q: %v", next, got, err)
			continue
		}
		if to := base.ResolveReference(ref); to.Host != base.Host || !strings.HasPrefix(to.Path, prefix) ||
			strings.ContainsAny(got, "\\\t\r\n") || strings.Contains(strings.ToLower(got), "%2e") {
			t.Errorf("localPath(%q) = %q leads to %s", next, got, to)
		}
	}
}

// Signing in with a "next" that climbs out of the newsroom lands on its home.
func TestSignInNextCannotLeaveTheNewsroom(t *testing.T) {
	e := newEnv(t)
	u := e.user(auth.RoleEditor, "ed@example.org")
	for _, next := range []string{"/newsroom/../../x", "/newsroom/%2e%2e/%2e%2e/x", "/newsroom/..%5c..%5cx"} {
		p := e.client().post("/newsroom/signin", url.Values{"email": {u.Email}, "password": {testPassword}, "next": {next}})
		if loc := p.wantRedirect(t, prefix); loc != prefix {
			t.Errorf("next %q: signed in to %q, want %q", next, loc, prefix)
		}
		q := e.client().get("/newsroom/signin?next="+url.QueryEscape(next)).want(t, http.StatusOK)
		if got := q.attr(t, `input[name="next"]`, "value"); got != prefix {
			t.Errorf("next %q: the form carries %q", next, got)
		}
	}
}

// A page reached after a change says what was done, and keeps the query it had: the
// tags of the language the tag was made in.
func TestDoneKeepsTheAddressQuery(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.as(auth.RoleEditor)
	loc := ed.post("/newsroom/tags", url.Values{"lang": {"fr"}, "name": {"Grève"}}).wantRedirect(t, "/newsroom/tags")
	u, err := url.Parse(loc)
	if err != nil || u.Path != "/newsroom/tags" || u.Query().Get("lang") != "fr" || u.Query().Get("done") != "taxonomy" {
		t.Fatalf("after creating a tag: %q", loc)
	}
	p := ed.get(loc).want(t, http.StatusOK)
	if p.count(t, ".notice") == 0 {
		t.Errorf("%s: no notice of what was done", loc)
	}
	for addr, want := range map[string]string{
		"/newsroom/tags?lang=fr": "/newsroom/tags?lang=fr&done=taxonomy",
		"/newsroom/people":       "/newsroom/people?done=taxonomy",
		"/newsroom/articles/3":   "/newsroom/articles/3?done=taxonomy",
	} {
		if got := withDone(addr, "taxonomy"); got != want {
			t.Errorf("withDone(%q) = %q, want %q", addr, got, want)
		}
	}
}
