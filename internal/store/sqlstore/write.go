package sqlstore

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// PutSite saves the site settings.
func (t *tx) PutSite(ctx context.Context, s content.Site) error {
	if err := s.Validate(); err != nil {
		return err
	}
	langs := ""
	for i, l := range s.Langs {
		if i > 0 {
			langs += ","
		}
		langs += string(l)
	}
	values := map[string]string{
		"name": s.Name, "langs": langs, "timezone": s.Location.String(),
		"require_2fa": strconv.FormatBool(s.RequireSecondFactor),
		"hosts":       strings.Join(s.Hosts, "\n"),
		"updated_at":  strconv.FormatInt(t.db.now().Unix(), 10),
	}
	// Taglines are one row per language: clear them so that a language dropped from the
	// form does not keep its old tagline.
	if _, err := t.exec(ctx, `DELETE FROM settings WHERE key LIKE 'tagline.%'`); err != nil {
		return fmt.Errorf("clearing taglines: %w", err)
	}
	for l, tagline := range s.Taglines {
		values["tagline."+string(l)] = tagline
	}
	for k, v := range values {
		if _, err := t.exec(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
			ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, k, v); err != nil {
			return fmt.Errorf("setting %s: %w", k, err)
		}
	}
	t.wroteContent()
	return nil
}

// CreatePerson stores a new person and sets its ID.
func (t *tx) CreatePerson(ctx context.Context, p *content.Person) error {
	if err := p.Validate(); err != nil {
		return err
	}
	now := t.db.now()
	row := t.queryRow(ctx, `INSERT INTO persons (slug, name, role, bio, bio_html, email, phone, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
		p.Slug, p.Name, p.Role, p.Bio, p.BioHTML, p.Email, p.Phone, toUnix(now))
	if err := row.Scan(&p.ID); err != nil {
		return fmt.Errorf("person %s: %w", p.Slug, t.db.dialect.translate(err))
	}
	p.CreatedAt, p.UpdatedAt = now.UTC().Truncate(time.Second), now.UTC().Truncate(time.Second)
	t.wroteContent()
	return nil
}

// CreateSection stores a new section with its names and sets its ID.
func (t *tx) CreateSection(ctx context.Context, s *content.Section) error {
	if err := s.Validate(); err != nil {
		return err
	}
	row := t.queryRow(ctx, `INSERT INTO sections (parent_id, position) VALUES ($1, $2) RETURNING id`,
		nullID(s.ParentID), s.Position)
	if err := row.Scan(&s.ID); err != nil {
		return fmt.Errorf("section: %w", t.db.dialect.translate(err))
	}
	for lang, n := range s.Names {
		if _, err := t.exec(ctx, `INSERT INTO section_names (section_id, lang, slug, name, description)
			VALUES ($1, $2, $3, $4, $5)`, s.ID, lang, n.Slug, n.Name, n.Description); err != nil {
			return fmt.Errorf("section name %s/%s: %w", lang, n.Slug, err)
		}
	}
	t.wroteContent()
	return nil
}

// CreateTag stores a new tag and sets its ID.
func (t *tx) CreateTag(ctx context.Context, tag *content.Tag) error {
	if err := tag.Validate(); err != nil {
		return err
	}
	row := t.queryRow(ctx, `INSERT INTO tags (lang, slug, name) VALUES ($1, $2, $3) RETURNING id`,
		tag.Lang, tag.Slug, tag.Name)
	if err := row.Scan(&tag.ID); err != nil {
		return fmt.Errorf("tag %s/%s: %w", tag.Lang, tag.Slug, t.db.dialect.translate(err))
	}
	t.wroteContent()
	return nil
}

// CreateDossier stores a new dossier and sets its ID and StoryID.
func (t *tx) CreateDossier(ctx context.Context, d *content.Dossier) error {
	if err := d.Validate(); err != nil {
		return err
	}
	now := t.db.now()
	row := t.queryRow(ctx, `INSERT INTO dossiers (story_id, lang, slug, title, intro, intro_html, featured,
			image_path, image_alt, image_caption, image_credit, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
		d.StoryID, d.Lang, d.Slug, d.Title, d.Intro, d.IntroHTML, d.Featured,
		d.Image.Path, d.Image.Alt, d.Image.Caption, d.Image.Credit, toUnix(now))
	if err := row.Scan(&d.ID); err != nil {
		return fmt.Errorf("dossier %s/%s: %w", d.Lang, d.Slug, t.db.dialect.translate(err))
	}
	if d.StoryID == 0 {
		d.StoryID = d.ID
		if _, err := t.exec(ctx, `UPDATE dossiers SET story_id = id WHERE id = $1`, d.ID); err != nil {
			return err
		}
	}
	d.CreatedAt, d.UpdatedAt = now.UTC().Truncate(time.Second), now.UTC().Truncate(time.Second)
	t.wroteContent()
	return nil
}

// SetDossierArticles replaces a dossier's ordered article list.
func (t *tx) SetDossierArticles(ctx context.Context, dossierID int64, articleIDs []int64) error {
	if _, err := t.exec(ctx, `DELETE FROM dossier_articles WHERE dossier_id = $1`, dossierID); err != nil {
		return err
	}
	for i, id := range articleIDs {
		if _, err := t.exec(ctx, `INSERT INTO dossier_articles (dossier_id, article_id, position) VALUES ($1, $2, $3)`,
			dossierID, id, i); err != nil {
			return fmt.Errorf("dossier %d article %d: %w", dossierID, id, err)
		}
	}
	if _, err := t.exec(ctx, `UPDATE dossiers SET updated_at = $1 WHERE id = $2`, toUnix(t.db.now()), dossierID); err != nil {
		return err
	}
	t.wroteContent()
	return nil
}
