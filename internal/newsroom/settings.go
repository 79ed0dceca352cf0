package newsroom

import (
	"net/http"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
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
		site.Taglines[l] = s.cfg.Renderer.Text(string(l), strings.TrimSpace(r.PostFormValue("tagline."+string(l))))
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
	err := s.store.Update(ctx, func(tx store.Tx) error {
		if err := tx.PutSite(ctx, site); err != nil {
			return err
		}
		return tx.Audit(ctx, s.entry(r.user, "settings", "settings", settingsDetail(r.site, site)))
	})
	if err != nil {
		return err
	}
	seeOther(w, r, prefix+"settings?done=settings")
	return nil
}

// settingsDetail says what changed, for the audit log.
func settingsDetail(before, after content.Site) string {
	var parts []string
	if before.Name != after.Name {
		parts = append(parts, "name: "+after.Name)
	}
	if before.Location.String() != after.Location.String() {
		parts = append(parts, "time zone: "+after.Location.String())
	}
	if before.RequireSecondFactor != after.RequireSecondFactor {
		parts = append(parts, map[bool]string{true: "second factor required", false: "second factor optional"}[after.RequireSecondFactor])
	}
	for _, l := range after.Langs {
		if before.Taglines[l] != after.Taglines[l] {
			parts = append(parts, "tagline "+string(l))
		}
	}
	return strings.Join(parts, "; ")
}
