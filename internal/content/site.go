package content

import (
	"fmt"
	"slices"
	"time"

	"github.com/roneo/roneo/internal/hosts"
)

// Site holds the settings that shape the public site.
type Site struct {
	Name     string
	Taglines map[Lang]string
	Langs    []Lang // languages the site publishes in; the first is the default
	Location *time.Location
	// RequireSecondFactor makes every newsroom account enrol a TOTP second factor
	// before it can do anything else.
	RequireSecondFactor bool
	// Hosts are the site's other addresses, where readers reach it when the main
	// domain is blocked (a mirror domain, an onion service), written as
	// hosts.Origin.String() writes them: "https://mirror.example.net". The main domain
	// is the command line's --base-url, which the domain does not know.
	Hosts     []string
	UpdatedAt time.Time
}

// MaxHosts bounds the other addresses: each is matched against every request's Host.
const MaxHosts = 20

// DefaultSite is what a new site starts with: French, Dutch and English, Brussels time.
func DefaultSite() Site {
	loc, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		loc = time.UTC // no tzdata on the machine; the binary embeds it, so this is rare
	}
	return Site{Name: "Roneo", Langs: []Lang{"fr", "nl", "en"}, Location: loc, Taglines: map[Lang]string{}}
}

// DefaultLang is the language "/" sends readers to.
func (s Site) DefaultLang() Lang { return s.Langs[0] }

// HasLang reports whether the site publishes in l.
func (s Site) HasLang(l Lang) bool { return slices.Contains(s.Langs, l) }

// Validate checks the settings.
func (s Site) Validate() error {
	p := problems{}
	checkText(p, "name", s.Name, 100, true)
	if len(s.Langs) == 0 {
		p.add("langs", "at least one language is required")
	}
	for _, l := range s.Langs {
		if pl, err := ParseLang(string(l)); err != nil || pl != l {
			p.add("langs", fmt.Sprintf("%q is not a canonical language tag", l))
		}
	}
	if s.Location == nil {
		p.add("timezone", "required")
	}
	checkHosts(p, s.Hosts)
	return p.err()
}

// checkHosts accepts what hosts.ParseList gives, written as Origin.String() writes it:
// a list read back from the store must mean the same addresses it meant when saved.
func checkHosts(p problems, list []string) {
	if len(list) > MaxHosts {
		p.add("hosts", "too many addresses")
	}
	seen := map[string]bool{}
	for _, h := range list {
		o, err := hosts.ParseOrigin(h)
		switch {
		case err != nil:
			p.add("hosts", err.Error())
		case o.String() != h:
			p.add("hosts", fmt.Sprintf("%q is not written as %s", h, o))
		case seen[h]:
			p.add("hosts", fmt.Sprintf("%s is listed twice", h))
		}
		seen[h] = true
	}
}
