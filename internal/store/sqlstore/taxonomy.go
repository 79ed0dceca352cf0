package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// taxonomySQL reads settings, sections, tags and people on a conn.
type taxonomySQL struct{ c conn }

func scanTag(s scanner) (content.Tag, error) {
	var t content.Tag
	err := s.Scan(&t.ID, &t.Lang, &t.Slug, &t.Name)
	return t, err
}

// Site reads the settings, filling in defaults for what was never set.
func (r taxonomySQL) Site(ctx context.Context) (content.Site, error) {
	site := content.DefaultSite()
	rows, err := r.c.query(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return site, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return site, err
		}
		if err := applySetting(&site, k, v); err != nil {
			return site, err
		}
	}
	return site, rows.Err()
}

func applySetting(site *content.Site, k, v string) error {
	switch {
	case k == "name":
		site.Name = v
	case k == "langs":
		site.Langs = nil
		for _, l := range strings.Split(v, ",") {
			site.Langs = append(site.Langs, content.Lang(l))
		}
	case k == "timezone":
		loc, err := time.LoadLocation(v)
		if err != nil {
			return fmt.Errorf("setting timezone: %w", err)
		}
		site.Location = loc
	case k == "hosts":
		// One address a line; an empty value is no address. Older versions never wrote
		// the key and ignore it.
		site.Hosts = nil
		if list := strings.Fields(v); len(list) > 0 {
			site.Hosts = list
		}
	case k == "require_2fa":
		site.RequireSecondFactor = v == "true"
	case k == "updated_at":
		var n sql.NullInt64
		if err := n.Scan(v); err == nil {
			site.UpdatedAt = fromUnix(n)
		}
	case strings.HasPrefix(k, "tagline."):
		site.Taglines[content.Lang(strings.TrimPrefix(k, "tagline."))] = v
	}
	return nil
}

// Sections returns every section with its names in all languages, parents first.
func (r taxonomySQL) Sections(ctx context.Context) ([]content.Section, error) {
	rows, err := r.c.query(ctx, `SELECT s.id, COALESCE(s.parent_id, 0), s.position, n.lang, n.slug, n.name, n.description
		FROM sections s JOIN section_names n ON n.section_id = s.id ORDER BY s.position, s.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []content.Section
	index := map[int64]int{}
	for rows.Next() {
		var s content.Section
		var lang content.Lang
		var n content.SectionName
		if err := rows.Scan(&s.ID, &s.ParentID, &s.Position, &lang, &n.Slug, &n.Name, &n.Description); err != nil {
			return nil, err
		}
		i, ok := index[s.ID]
		if !ok {
			s.Names = map[content.Lang]content.SectionName{}
			out = append(out, s)
			i = len(out) - 1
			index[s.ID] = i
		}
		out[i].Names[lang] = n
	}
	return out, rows.Err()
}

// Tag finds a tag by language and slug.
func (r taxonomySQL) Tag(ctx context.Context, lang content.Lang, slug string) (content.Tag, error) {
	t, err := scanTag(r.c.queryRow(ctx, `SELECT id, lang, slug, name FROM tags WHERE lang = $1 AND slug = $2`, lang, slug))
	if err != nil {
		return t, fmt.Errorf("tag %s/%s: %w", lang, slug, err)
	}
	return t, nil
}

// Person finds a person by slug.
func (r taxonomySQL) Person(ctx context.Context, slug string) (content.Person, error) {
	p, err := scanPerson(r.c.queryRow(ctx, `SELECT `+personColumns+` FROM persons p WHERE p.slug = $1`, slug))
	if err != nil {
		return p, fmt.Errorf("person %s: %w", slug, err)
	}
	return p, nil
}

// PersonByID finds a person by ID.
func (r taxonomySQL) PersonByID(ctx context.Context, id int64) (content.Person, error) {
	p, err := scanPerson(r.c.queryRow(ctx, `SELECT `+personColumns+` FROM persons p WHERE p.id = $1`, id))
	if err != nil {
		return p, fmt.Errorf("person %d: %w", id, err)
	}
	return p, nil
}
