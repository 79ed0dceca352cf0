package newsroom

import (
	"strings"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
)

// Layout is what every newsroom page shows around its content. The printer is a named
// field, as in the public site's layout: templates look fields up by name.
type Layout struct {
	Printer  *i18n.Printer
	Title    string
	SiteName string
	User     *auth.User // nil on the sign-in pages
	Nav      []navLink
	Notice   string // a confirmation after a redirect ("Saved.")
	Wide     bool   // the editor and the conflict screen use the whole width
}

type navLink struct {
	Label, URL string
	Current    bool
}

func (l *Layout) T(key string, args ...any) string { return l.Printer.T(key, args...) }
func (l *Layout) Lang() content.Lang               { return l.Printer.Lang() }

// N chooses between a singular and a plural by n: {{.L.N "nr.photos.uses" .Uses}}.
func (l *Layout) N(key string, n int, args ...any) string { return l.Printer.N(key, n, args...) }

// navItems are the newsroom's sections, each shown to those who may use it.
var navItems = []struct {
	key, path string
	action    auth.Action
}{
	{"nr.nav.articles", "articles", auth.ActWrite},
	{"nr.nav.new", "articles/new", auth.ActWrite},
	{"nr.nav.photos", "photos", auth.ActWrite},
	{"nr.nav.trash", "trash", auth.ActTrash},
	{"nr.nav.sections", "sections", auth.ActTaxonomy},
	{"nr.nav.tags", "tags", auth.ActTaxonomy},
	{"nr.nav.dossiers", "dossiers", auth.ActTaxonomy},
	{"nr.nav.people", "people", auth.ActTaxonomy},
	{"nr.nav.redirects", "redirects", auth.ActTaxonomy},
	{"nr.nav.users", "users", auth.ActUsers},
	{"nr.nav.settings", "settings", auth.ActSettings},
	{"nr.nav.jobs", "jobs", auth.ActSettings},
	{"nr.nav.audit", "audit", auth.ActAuditView},
}

// layout builds the frame of a page for the request's person.
func (s *Server) layout(r *request, title string) *Layout {
	l := &Layout{Printer: r.p, Title: title, SiteName: r.site.Name, User: r.user}
	if r.user == nil || (r.site.RequireSecondFactor && !r.user.HasSecondFactor()) {
		return l
	}
	best := ""
	for _, it := range navItems {
		if auth.Can(r.user, it.action) {
			u := prefix + it.path
			l.Nav = append(l.Nav, navLink{Label: r.T(it.key), URL: u})
			if (r.URL.Path == u || strings.HasPrefix(r.URL.Path, u+"/")) && len(u) > len(best) {
				best = u
			}
		}
	}
	for i := range l.Nav {
		l.Nav[i].Current = l.Nav[i].URL == best
	}
	if done := r.URL.Query().Get("done"); done != "" && len(done) < 40 {
		if key := "nr.done." + done; r.T(key) != key {
			l.Notice = r.T(key)
		}
	}
	return l
}
