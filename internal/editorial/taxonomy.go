package editorial

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// SaveSection creates or changes a section: its names in each language (a slug is made
// from the name when left empty), its parent and its place among its siblings. Every
// page shows the section menu, so the change touches every page. A taken slug is a
// problem on "names".
func (s *Service) SaveSection(ctx context.Context, actor Actor, sec *content.Section) error {
	if !actor.can(auth.ActTaxonomy) {
		return ErrForbidden
	}
	for lang, n := range sec.Names {
		if n.Slug == "" {
			n.Slug = content.Slugify(n.Name)
		}
		n.Name = s.Text(lang, n.Name)
		sec.Names[lang] = n
	}
	err := s.update(ctx, func(tx store.Tx) error {
		for lang, n := range sec.Names {
			if s.scheme.Reserved(lang, n.Slug) {
				return problem("slug."+string(lang), "reserved")
			}
		}
		action := "section.update"
		var err error
		if sec.ID == 0 {
			action = "section.create"
			err = tx.CreateSection(ctx, sec)
		} else {
			err = tx.UpdateSection(ctx, sec)
		}
		if err != nil {
			return err
		}
		tx.AffectAll()
		return tx.Audit(ctx, actor.entry(s.now(), "taxonomy."+action, "section", sectionName(*sec)))
	})
	if errors.Is(err, store.ErrConflict) {
		return problem("names", "taken")
	}
	return err
}

// sectionName is a section's name in the first language it has, for the audit log.
func sectionName(sec content.Section) string {
	for _, n := range sec.Names {
		return n.Name
	}
	return ""
}

// CreateTag adds a tag named name in lang. A name whose slug is taken is a problem on
// "name". No page shows a tag before an article carries it.
func (s *Service) CreateTag(ctx context.Context, actor Actor, lang content.Lang, name string) (*content.Tag, error) {
	if !actor.can(auth.ActTaxonomy) {
		return nil, ErrForbidden
	}
	name = strings.Join(strings.Fields(name), " ")
	t := &content.Tag{Lang: lang, Slug: content.Slugify(name), Name: s.Text(lang, name)}
	err := s.update(ctx, func(tx store.Tx) error {
		if s.scheme.Reserved(lang, t.Slug) {
			return problem("name", "reserved")
		}
		if err := tx.CreateTag(ctx, t); err != nil {
			return err
		}
		tx.Affect(content.KeyTag(t.ID))
		return tx.Audit(ctx, actor.entry(s.now(), "taxonomy.tag.create", "tag", string(lang)+" "+t.Name))
	})
	var ve *content.ValidationError
	switch {
	case errors.Is(err, store.ErrConflict):
		return nil, problem("name", "taken")
	case errors.As(err, &ve) && ve.Problems["slug"] != "" && ve.Problems["name"] == "":
		return nil, problem("name", ve.Problems["slug"]) // the slug is made from the name
	}
	return t, err
}

// SavePerson creates or changes a person; the bio is Markdown, rendered in lang. A
// taken slug is a problem on "slug".
func (s *Service) SavePerson(ctx context.Context, actor Actor, p *content.Person, lang content.Lang) error {
	if !actor.can(auth.ActTaxonomy) {
		return ErrForbidden
	}
	if p.Slug == "" {
		p.Slug = content.Slugify(p.Name)
	}
	var err error
	if p.BioHTML, err = s.Markdown(lang, p.Bio); err != nil {
		return err
	}
	err = s.update(ctx, func(tx store.Tx) error {
		if s.scheme.Reserved(lang, p.Slug) {
			return problem("slug", "reserved")
		}
		action := "person.update"
		if p.ID == 0 {
			action = "person.create"
			err = tx.CreatePerson(ctx, p)
		} else {
			err = tx.UpdatePerson(ctx, p)
		}
		if err != nil {
			return err
		}
		tx.Affect(content.KeyPerson(p.ID))
		return tx.Audit(ctx, actor.entry(s.now(), "taxonomy."+action, "person", p.Name))
	})
	if errors.Is(err, store.ErrConflict) {
		return problem("slug", "taken")
	}
	return err
}

// SettingsOption changes what SaveSettings saves.
type SettingsOption int

// KeepHosts leaves the stored list of other addresses as it is, whatever the settings
// given hold: the server's --hosts sets the addresses, and a form that only shows them
// must not overwrite the list kept for when the option is gone.
const KeepHosts SettingsOption = 1

// SaveSettings changes the site's settings, with an audit entry saying what changed.
// The site's name and taglines are on every page.
func (s *Service) SaveSettings(ctx context.Context, actor Actor, site content.Site, opts ...SettingsOption) error {
	if !actor.can(auth.ActSettings) {
		return ErrForbidden
	}
	taglines := map[content.Lang]string{}
	for l, tagline := range site.Taglines {
		taglines[l] = s.Text(l, tagline)
	}
	site.Taglines = taglines
	return s.update(ctx, func(tx store.Tx) error {
		before, err := tx.Site(ctx)
		if err != nil {
			return err
		}
		if slices.Contains(opts, KeepHosts) {
			site.Hosts = before.Hosts
		}
		if err := tx.PutSite(ctx, site); err != nil {
			return err
		}
		tx.AffectAll()
		return tx.Audit(ctx, actor.entry(s.now(), "settings", "settings", settingsDetail(before, site)))
	})
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
	if !slices.Equal(before.Hosts, after.Hosts) {
		list := strings.Join(after.Hosts, ", ")
		if list == "" {
			list = "none"
		}
		parts = append(parts, "other addresses: "+list)
	}
	return strings.Join(parts, "; ")
}
