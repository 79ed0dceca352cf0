package newsroom

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/roneo/roneo/internal/auth"
)

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
