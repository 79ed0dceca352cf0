package sqlstore

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// Times are stored as Unix seconds in UTC; a zero time is NULL.
func toUnix(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.Unix(), Valid: true}
}

func fromUnix(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(n.Int64, 0).UTC()
}

// nullID stores a zero reference as NULL, so that foreign keys hold.
func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

// placeholders returns "$from, $from+1, …" for n parameters, to expand IN lists in Go:
// PostgreSQL's "= ANY($1)" has no SQLite equivalent.
func placeholders(from, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(from + i))
	}
	return b.String()
}

// pageBounds refuses a negative limit or offset. SQLite reads LIMIT -1 as "no limit"
// and a negative OFFSET as none, PostgreSQL refuses both: neither is what a caller means,
// and both backends must answer alike.
func pageBounds(limit, offset int) error {
	if limit < 0 || offset < 0 {
		return fmt.Errorf("%w: negative limit %d or offset %d", content.ErrInvalid, limit, offset)
	}
	return nil
}

type scanner interface{ Scan(dest ...any) error }

// teaserColumns is what lists read of an article; scanTeaser reads them back.
// They need the featured photo joined (articleFrom, photoJoin).
const teaserColumns = `a.id, a.story_id, a.kind, a.lang, a.slug, a.title, a.standfirst, a.signature,
	COALESCE(a.section_id, 0), a.image_path, a.image_alt, a.image_caption, a.image_credit,
	a.publish_at, a.updated_at, COALESCE(fp.photo_id, 0), ` + joinedPhotoColumns

// teaserFields receives teaserColumns, and fills t with them once scanned.
type teaserFields struct {
	t                *content.Teaser
	publish, updated sql.NullInt64
	photo            photoFields
}

func (f *teaserFields) dest() []any {
	t := f.t
	f.photo.p = &t.Photo
	return append([]any{&t.ID, &t.StoryID, &t.Kind, &t.Lang, &t.Slug, &t.Title, &t.Standfirst, &t.Signature,
		&t.SectionID, &t.Image.Path, &t.Image.Alt, &t.Image.Caption, &t.Image.Credit, &f.publish, &f.updated,
		&t.PhotoID}, f.photo.dest()...)
}

func (f *teaserFields) fill() error {
	f.t.PublishAt, f.t.UpdatedAt = fromUnix(f.publish), fromUnix(f.updated)
	return f.photo.fill()
}

func scanTeaser(s scanner) (content.Teaser, error) {
	var t content.Teaser
	f := teaserFields{t: &t}
	if err := s.Scan(f.dest()...); err != nil {
		return t, err
	}
	return t, f.fill()
}

const personColumns = `p.id, p.slug, p.name, p.role, p.bio, p.bio_html, p.email, p.phone, p.created_at, p.updated_at`

func scanPerson(s scanner) (content.Person, error) {
	var p content.Person
	var created, updated sql.NullInt64
	err := s.Scan(&p.ID, &p.Slug, &p.Name, &p.Role, &p.Bio, &p.BioHTML, &p.Email, &p.Phone, &created, &updated)
	p.CreatedAt, p.UpdatedAt = fromUnix(created), fromUnix(updated)
	return p, err
}

const dossierColumns = `d.id, d.story_id, d.lang, d.slug, d.title, d.intro, d.intro_html, d.featured,
	d.image_path, d.image_alt, d.image_caption, d.image_credit, d.created_at, d.updated_at`

func scanDossier(s scanner) (content.Dossier, error) {
	var d content.Dossier
	var created, updated sql.NullInt64
	err := s.Scan(&d.ID, &d.StoryID, &d.Lang, &d.Slug, &d.Title, &d.Intro, &d.IntroHTML, &d.Featured,
		&d.Image.Path, &d.Image.Alt, &d.Image.Caption, &d.Image.Credit, &created, &updated)
	d.CreatedAt, d.UpdatedAt = fromUnix(created), fromUnix(updated)
	return d, err
}

// resultRows is a query's result: *rows from db.query, whose errors are translated, or a
// plain *sql.Rows whose caller translates.
type resultRows interface {
	scanner
	Next() bool
	Err() error
	Close() error
}

// collect scans every row with scan. It takes the query's error too, so that callers
// write collect(db.query(...)) in one line.
func collect[T any](scan func(scanner) (T, error)) func(resultRows, error) ([]T, error) {
	return func(rows resultRows, err error) ([]T, error) {
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []T
		for rows.Next() {
			v, err := scan(rows)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, rows.Err()
	}
}

var (
	collectTeasers  = collect(scanTeaser)
	collectPersons  = collect(scanPerson)
	collectDossiers = collect(scanDossier)
)
