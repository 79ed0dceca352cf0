package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// Persons lists everyone the site names, by name, for the editor's pickers.
func (r taxonomySQL) Persons(ctx context.Context) ([]content.Person, error) {
	ps, err := collectPersons(r.c.query(ctx, `SELECT `+personColumns+` FROM persons p`))
	if err != nil {
		return nil, err
	}
	sortByName(ps, func(p content.Person) string { return p.Name }, func(p content.Person) int64 { return p.ID })
	return ps, nil
}

// Tags lists a language's tags by name.
func (r taxonomySQL) Tags(ctx context.Context, lang content.Lang) ([]content.Tag, error) {
	ts, err := collect(scanTag)(r.c.query(ctx, `SELECT id, lang, slug, name FROM tags WHERE lang = $1`, lang))
	if err != nil {
		return nil, err
	}
	sortByName(ts, func(t content.Tag) string { return t.Name }, func(t content.Tag) int64 { return t.ID })
	return ts, nil
}

// UpdatePerson saves a changed person and sets its times.
func (t *tx) UpdatePerson(ctx context.Context, p *content.Person) error {
	if err := p.Validate(); err != nil {
		return err
	}
	now := t.db.now().UTC().Truncate(time.Second)
	row := t.queryRow(ctx, `UPDATE persons SET slug = $1, name = $2, role = $3, bio = $4, bio_html = $5,
			email = $6, phone = $7, updated_at = $8
		WHERE id = $9 RETURNING created_at`,
		p.Slug, p.Name, p.Role, p.Bio, p.BioHTML, p.Email, p.Phone, toUnix(now), p.ID)
	var created sql.NullInt64
	if err := row.Scan(&created); err != nil {
		return fmt.Errorf("person %d: %w", p.ID, t.db.dialect.translate(err))
	}
	p.CreatedAt, p.UpdatedAt = fromUnix(created), now
	t.wroteContent()
	return nil
}

// maxSectionDepth bounds the walk up a section's parents.
const maxSectionDepth = 100

// UpdateSection saves a section's place and replaces its names in every language: a
// language missing from s.Names loses its name.
func (t *tx) UpdateSection(ctx context.Context, s *content.Section) error {
	if err := s.Validate(); err != nil {
		return err
	}
	if err := t.checkParent(ctx, s.ID, s.ParentID); err != nil {
		return err
	}
	res, err := t.exec(ctx, `UPDATE sections SET parent_id = $1, position = $2 WHERE id = $3`,
		nullID(s.ParentID), s.Position, s.ID)
	if err != nil {
		return fmt.Errorf("section %d: %w", s.ID, err)
	}
	if err := oneRow(res, fmt.Sprint("section ", s.ID)); err != nil {
		return err
	}
	if _, err := t.exec(ctx, `DELETE FROM section_names WHERE section_id = $1`, s.ID); err != nil {
		return err
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

// checkParent refuses a parent that is the section itself or one of its descendants:
// the tree would become a loop.
func (t *tx) checkParent(ctx context.Context, id, parent int64) error {
	for depth := 0; parent != 0; depth++ {
		if parent == id || depth > maxSectionDepth {
			return &content.ValidationError{Problems: map[string]string{"parent": "a section cannot be under itself"}}
		}
		row := t.queryRow(ctx, `SELECT COALESCE(parent_id, 0) FROM sections WHERE id = $1`, parent)
		if err := row.Scan(&parent); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return &content.ValidationError{Problems: map[string]string{"parent": "no such section"}}
			}
			return t.db.dialect.translate(err)
		}
	}
	return nil
}

// UpdateDossier saves a changed dossier. A zero StoryID keeps the stored one.
func (t *tx) UpdateDossier(ctx context.Context, d *content.Dossier) error {
	if err := d.Validate(); err != nil {
		return err
	}
	now := t.db.now().UTC().Truncate(time.Second)
	row := t.queryRow(ctx, `UPDATE dossiers SET story_id = COALESCE($1, story_id), lang = $2, slug = $3,
			title = $4, intro = $5, intro_html = $6, featured = $7, image_path = $8, image_alt = $9,
			image_caption = $10, image_credit = $11, updated_at = $12
		WHERE id = $13 RETURNING story_id, created_at`,
		nullID(d.StoryID), d.Lang, d.Slug, d.Title, d.Intro, d.IntroHTML, d.Featured,
		d.Image.Path, d.Image.Alt, d.Image.Caption, d.Image.Credit, toUnix(now), d.ID)
	var created sql.NullInt64
	if err := row.Scan(&d.StoryID, &created); err != nil {
		return fmt.Errorf("dossier %d: %w", d.ID, t.db.dialect.translate(err))
	}
	d.CreatedAt, d.UpdatedAt = fromUnix(created), now
	t.wroteContent()
	return nil
}
