package newsroom

import (
	"net/http"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/hosts"
)

type settingsPage struct {
	L        *Layout
	Name     string
	Zone     string
	Require  bool
	Taglines []taglineField
	Zones    []string
	// Hosts is the other addresses, one a line; HostsSet says that the server's --hosts
	// gave them, and the page only shows them.
	Hosts    string
	HostsSet bool
	Errors   fieldErrors
}

type taglineField struct {
	Lang        content.Lang
	Name, Value string
}

// commonZones are offered first; any IANA zone name is accepted.
var commonZones = []string{"Europe/Brussels", "Europe/Amsterdam", "Europe/Paris", "Europe/Luxembourg",
	"Europe/London", "Europe/Berlin", "Europe/Madrid", "Africa/Kinshasa", "America/Montreal", "UTC"}

func (s *Server) settingsPage(r *request, site content.Site, fe fieldErrors) *settingsPage {
	p := &settingsPage{L: s.layout(r, r.T("nr.settings.title")), Name: site.Name, Zone: site.Location.String(),
		Require: site.RequireSecondFactor, Zones: commonZones, Hosts: strings.Join(site.Hosts, "\n"), Errors: fe}
	for _, l := range site.Langs {
		p.Taglines = append(p.Taglines, taglineField{Lang: l, Name: langName(l), Value: site.Taglines[l]})
	}
	if s.cfg.Hosts != nil {
		p.Hosts, p.HostsSet = hosts.FormatList(s.cfg.Hosts), true
	}
	return p
}

// settings shows the site's settings.
func (s *Server) settings(w http.ResponseWriter, r *request) error {
	return s.render(w, http.StatusOK, "settings", s.settingsPage(r, r.site, nil))
}

// saveSettings changes them, with an audit entry. When --hosts gives the other
// addresses, the form has no field for them and whatever a request sends is ignored:
// the stored list stays as it is.
func (s *Server) saveSettings(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	site := r.site
	site.Name = strings.TrimSpace(r.PostFormValue("name"))
	site.RequireSecondFactor = r.PostFormValue("require_2fa") == "1"
	site.Taglines = map[content.Lang]string{}
	for _, l := range site.Langs {
		site.Taglines[l] = strings.TrimSpace(r.PostFormValue("tagline." + string(l)))
	}
	fe := fieldErrors{}
	zone := strings.TrimSpace(r.PostFormValue("timezone"))
	if loc, err := time.LoadLocation(zone); err != nil || zone == "" || zone == "Local" {
		fe["timezone"] = r.T("nr.problem.timezone")
	} else {
		site.Location = loc
	}
	var opts []editorial.SettingsOption
	typedHosts := r.PostFormValue("hosts")
	if s.cfg.Hosts != nil {
		opts = append(opts, editorial.KeepHosts)
	} else if list, problem := s.readHosts(r, typedHosts); problem != "" {
		fe["hosts"] = problem
	} else {
		site.Hosts = list
	}
	if err := site.Validate(); err != nil {
		more, ok := problems(r, err)
		if !ok {
			return err
		}
		for k, v := range more {
			fe[k] = v
		}
	}
	if len(fe) > 0 {
		page := s.settingsPage(r, site, fe)
		page.Zone = zone
		if !page.HostsSet {
			page.Hosts = typedHosts
		}
		return s.render(w, http.StatusUnprocessableEntity, "settings", page)
	}
	if err := s.cfg.Editorial.SaveSettings(ctx, editorial.Person(r.user), site, opts...); err != nil {
		return err
	}
	seeOther(w, r, withDone(prefix+"settings", "settings"))
	return nil
}

// readHosts reads the other addresses as typed, one a line (commas and spaces separate
// them too, as in --hosts), into the form the domain keeps, each once. A problem names
// the line, in the reader's language.
func (s *Server) readHosts(r *request, text string) (list []string, problem string) {
	seen := map[hosts.Origin]bool{}
	for i, line := range strings.Split(text, "\n") {
		origins, err := hosts.ParseList(line)
		if err != nil {
			return nil, r.T("nr.problem.hosts.line", i+1, shortAddress(line))
		}
		for _, o := range origins {
			switch {
			case o.Host == s.main.Host:
				return nil, r.T("nr.problem.hosts.main", o.String())
			case !seen[o]:
				seen[o] = true
				list = append(list, o.String())
			}
		}
	}
	return list, ""
}
