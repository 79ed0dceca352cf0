package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
)

func scanTag(s scanner) (content.Tag, error) {
	var t content.Tag
	err := s.Scan(&t.ID, &t.Lang, &t.Slug, &t.Name)
	return t, err
}

// Site reads the settings, filling in defaults for what was never set.
func (db *DB) Site(ctx context.Context) (content.Site, error) {
	site := content.DefaultSite()
	rows, err := db.query(ctx, `SELECT key, value FROM settings`)
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
func (db *DB) Sections(ctx context.Context) ([]content.Section, error) {
	rows, err := db.query(ctx, `SELECT s.id, COALESCE(s.parent_id, 0), s.position, n.lang, n.slug, n.name, n.description
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
func (db *DB) Tag(ctx context.Context, lang content.Lang, slug string) (content.Tag, error) {
	row, err := db.queryRow(ctx, `SELECT id, lang, slug, name FROM tags WHERE lang = $1 AND slug = $2`, lang, slug)
	if err != nil {
		return content.Tag{}, err
	}
	t, err := scanTag(row)
	if err != nil {
		return t, fmt.Errorf("tag %s/%s: %w", lang, slug, db.dialect.translate(err))
	}
	return t, nil
}

// Person finds a person by slug.
func (db *DB) Person(ctx context.Context, slug string) (content.Person, error) {
	row, err := db.queryRow(ctx, `SELECT `+personColumns+` FROM persons p WHERE p.slug = $1`, slug)
	if err != nil {
		return content.Person{}, err
	}
	p, err := scanPerson(row)
	if err != nil {
		return p, fmt.Errorf("person %s: %w", slug, db.dialect.translate(err))
	}
	return p, nil
}

// Dossier finds a dossier by language and slug.
func (db *DB) Dossier(ctx context.Context, lang content.Lang, slug string) (content.Dossier, error) {
	row, err := db.queryRow(ctx, `SELECT `+dossierColumns+` FROM dossiers d WHERE d.lang = $1 AND d.slug = $2`, lang, slug)
	if err != nil {
		return content.Dossier{}, err
	}
	d, err := scanDossier(row)
	if err != nil {
		return d, fmt.Errorf("dossier %s/%s: %w", lang, slug, db.dialect.translate(err))
	}
	return d, nil
}

// Dossiers lists a language's dossiers, most recently updated first.
func (db *DB) Dossiers(ctx context.Context, lang content.Lang, featuredOnly bool, limit, offset int) ([]content.Dossier, error) {
	if err := pageBounds(limit, offset); err != nil {
		return nil, err
	}
	return collectDossiers(db.query(ctx, `SELECT `+dossierColumns+` FROM dossiers d
		WHERE d.lang = $1 AND (d.featured = TRUE OR $2 = FALSE)
		ORDER BY d.updated_at DESC, d.id DESC LIMIT $3 OFFSET $4`, lang, featuredOnly, limit, offset))
}

// DossierVersions returns the language versions of a dossier.
func (db *DB) DossierVersions(ctx context.Context, storyID int64) ([]content.Dossier, error) {
	return collectDossiers(db.query(ctx, `SELECT `+dossierColumns+` FROM dossiers d
		WHERE d.story_id = $1 ORDER BY d.lang`, storyID))
}

// DossierArticles lists a dossier's published articles in the editors' order.
func (db *DB) DossierArticles(ctx context.Context, dossierID int64, limit, offset int) ([]content.Teaser, error) {
	if err := pageBounds(limit, offset); err != nil {
		return nil, err
	}
	return collectTeasers(db.query(ctx, `SELECT `+teaserColumns+`
		FROM dossier_articles da JOIN articles a ON a.id = da.article_id
		WHERE da.dossier_id = $1 AND a.status = 'published' AND a.deleted_at IS NULL
		ORDER BY da.position, a.id LIMIT $2 OFFSET $3`, dossierID, limit, offset))
}

// ArticleDossiers lists the dossiers an article belongs to.
func (db *DB) ArticleDossiers(ctx context.Context, articleID int64) ([]content.Dossier, error) {
	return collectDossiers(db.query(ctx, `SELECT `+dossierColumns+`
		FROM dossier_articles da JOIN dossiers d ON d.id = da.dossier_id
		WHERE da.article_id = $1 ORDER BY d.title`, articleID))
}
