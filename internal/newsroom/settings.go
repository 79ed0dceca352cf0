package newsroom

import (
	"net/http"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
)

type settingsPage struct {
	L        *Layout
	Name     string
	Zone     string
	Require  bool
	Taglines []taglineField
	Zones    []string
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
		Require: site.RequireSecondFactor, Zones: commonZones, Errors: fe}
	for _, l := range site.Langs {
		p.Taglines = append(p.Taglines, taglineField{Lang: l, Name: langName(l), Value: site.Taglines[l]})
	}
	return p
}

// settings shows the site's settings.
func (s *Server) settings(w http.ResponseWriter, r *request) error {
	return s.render(w, http.StatusOK, "settings", s.settingsPage(r, r.site, nil))
}

// saveSettings changes them, with an audit entry.
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
		return s.render(w, http.StatusUnprocessableEntity, "settings", page)
	}
	if err := s.cfg.Editorial.SaveSettings(ctx, editorial.Person(r.user), site); err != nil {
		return err
	}
	seeOther(w, r, withDone(prefix+"settings", "settings"))
	return nil
}
