package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// photoSQL reads photos and albums on a conn.
type photoSQL struct{ c conn }

const photoColumns = `ph.id, ph.hash, ph.format, ph.width, ph.height, ph.bytes, ph.alt, ph.caption, ph.credit,
	ph.focus_x, ph.focus_y, ph.widths, ph.created_at, ph.updated_at, COALESCE(ph.created_by, 0)`

// joinedPhotoColumns are photoColumns read through photoJoin, which finds no photo for
// an article without one: zero values then, as the photo of such an article is.
const joinedPhotoColumns = `COALESCE(ph.id, 0), COALESCE(ph.hash, ''), COALESCE(ph.format, ''),
	COALESCE(ph.width, 0), COALESCE(ph.height, 0), COALESCE(ph.bytes, 0), COALESCE(ph.alt, ''),
	COALESCE(ph.caption, ''), COALESCE(ph.credit, ''), COALESCE(ph.focus_x, 0), COALESCE(ph.focus_y, 0),
	COALESCE(ph.widths, ''), ph.created_at, ph.updated_at, COALESCE(ph.created_by, 0)`

// photoJoin joins the articles a to their featured photos ph, in the same query: a list
// of 200 teasers is one query, not 201. Each is found by a primary key: the article's
// in featured_photos, the photo's in photos.
const photoJoin = ` LEFT JOIN featured_photos fp ON fp.article_id = a.id LEFT JOIN photos ph ON ph.id = fp.photo_id`

// photoFields receives photoColumns, and fills p with them once scanned.
type photoFields struct {
	p                *content.Photo
	alt, widths      string
	created, updated sql.NullInt64
}

func (f *photoFields) dest() []any {
	p := f.p
	return []any{&p.ID, &p.Hash, &p.Format, &p.Width, &p.Height, &p.Bytes, &f.alt, &p.Caption, &p.Credit,
		&p.FocusX, &p.FocusY, &f.widths, &f.created, &f.updated, &p.CreatedBy}
}

func (f *photoFields) fill() error {
	var err error
	if f.p.Alt, err = decodeAlt(f.alt); err != nil {
		return fmt.Errorf("photo %d: %w", f.p.ID, err)
	}
	if f.p.Widths, err = decodeWidths(f.widths); err != nil {
		return fmt.Errorf("photo %d: %w", f.p.ID, err)
	}
	f.p.CreatedAt, f.p.UpdatedAt = fromUnix(f.created), fromUnix(f.updated)
	return nil
}

func scanPhoto(s scanner) (content.Photo, error) {
	var p content.Photo
	f := photoFields{p: &p}
	if err := s.Scan(f.dest()...); err != nil {
		return p, err
	}
	return p, f.fill()
}

// encodeAlt stores alt texts as a JSON object, its keys in order; empty texts are none.
func encodeAlt(alt map[content.Lang]string) (string, error) {
	kept := map[content.Lang]string{}
	for l, s := range alt {
		if s != "" {
			kept[l] = s
		}
	}
	b, err := json.Marshal(kept)
	if err != nil {
		return "", fmt.Errorf("alt texts: %w", err)
	}
	return string(b), nil
}

// decodeAlt reads what encodeAlt wrote: nil for no alt text, as a new photo has.
func decodeAlt(s string) (map[content.Lang]string, error) {
	var alt map[content.Lang]string
	if s != "" {
		if err := json.Unmarshal([]byte(s), &alt); err != nil {
			return nil, fmt.Errorf("alt texts: %w", err)
		}
	}
	if len(alt) == 0 {
		return nil, nil
	}
	return alt, nil
}

// encodeWidths stores widths as "400,800,1600".
func encodeWidths(ws []int) string {
	s := make([]string, len(ws))
	for i, w := range ws {
		s[i] = strconv.Itoa(w)
	}
	return strings.Join(s, ",")
}

func decodeWidths(s string) ([]int, error) {
	if s == "" {
		return nil, nil
	}
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		w, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("widths %q: %w", s, err)
		}
		out = append(out, w)
	}
	return out, nil
}

// foldPhoto is what the library's search looks in: the caption, the credit and every
// alt text, folded as titles are (foldText), one per line.
func foldPhoto(p *content.Photo) string {
	parts := []string{foldText(p.Caption), foldText(p.Credit)}
	for _, l := range slices.Sorted(maps.Keys(p.Alt)) {
		parts = append(parts, foldText(p.Alt[l]))
	}
	return strings.Join(parts, "\n")
}

// PhotoByID loads a photo.
func (r photoSQL) PhotoByID(ctx context.Context, id int64) (content.Photo, error) {
	p, err := scanPhoto(r.c.queryRow(ctx, `SELECT `+photoColumns+` FROM photos ph WHERE ph.id = $1`, id))
	if err != nil {
		return p, fmt.Errorf("photo %d: %w", id, err)
	}
	return p, nil
}

// PhotoByHash loads the photo whose cleaned original has the SHA-256 hash.
func (r photoSQL) PhotoByHash(ctx context.Context, hash string) (content.Photo, error) {
	p, err := scanPhoto(r.c.queryRow(ctx, `SELECT `+photoColumns+` FROM photos ph WHERE ph.hash = $1`, hash))
	if err != nil {
		return p, fmt.Errorf("photo %s: %w", hash, err)
	}
	return p, nil
}

// PhotosByID loads the photos among ids that exist.
func (r photoSQL) PhotosByID(ctx context.Context, ids []int64) (map[int64]content.Photo, error) {
	ids = dedupe(ids)
	out := make(map[int64]content.Photo, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	// Not prepared: each number of photos would be a statement of its own.
	ps, err := collect(scanPhoto)(r.c.queryOnce(ctx, `SELECT `+photoColumns+` FROM photos ph
		WHERE ph.id IN (`+placeholders(1, len(ids))+`)`, args...))
	if err != nil {
		return nil, fmt.Errorf("photos: %w", err)
	}
	for _, p := range ps {
		out[p.ID] = p
	}
	return out, nil
}

// Photos lists the library, the newest first, and counts the photos q matches. Each word
// of q.Q must be found in the caption, the credit or an alt text, folded alike; a zero
// limit is the default page.
func (r photoSQL) Photos(ctx context.Context, q store.PhotoQuery) ([]content.Photo, int, error) {
	if err := pageBounds(q.Limit, q.Offset); err != nil {
		return nil, 0, err
	}
	words := titleWords(q.Q)
	if len(words) > maxTitleWords {
		return nil, 0, fmt.Errorf("%w: a search of more than %d words", content.ErrInvalid, maxTitleWords)
	}
	f := &filter{where: []string{"TRUE"}}
	for _, w := range words {
		f.where = append(f.where, "ph.folded LIKE "+f.arg("%"+w+"%"))
	}
	where := strings.Join(f.where, " AND ")
	var total int
	if err := r.c.queryRow(ctx, `SELECT COUNT(*) FROM photos ph WHERE `+where, f.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("photos: %w", err)
	}
	query := `SELECT ` + photoColumns + ` FROM photos ph WHERE ` + where +
		` ORDER BY ph.created_at DESC, ph.id DESC LIMIT ` + f.arg(pageSize(q.Limit)) + ` OFFSET ` + f.arg(q.Offset)
	ps, err := collect(scanPhoto)(r.c.queryOnce(ctx, query, f.args...))
	if err != nil {
		return nil, 0, fmt.Errorf("photos: %w", err)
	}
	return ps, total, nil
}

// photoUsesQuery finds the articles that use photo $1, in the trash or not: featured,
// in an album (once, however many times the album holds it) or in the text. The last
// column orders the roles of one article.
const photoUsesQuery = `
SELECT a.id, a.title, a.lang, a.status, a.deleted_at, 'featured', 0 FROM featured_photos x
JOIN articles a ON a.id = x.article_id WHERE x.photo_id = $1
UNION ALL
SELECT a.id, a.title, a.lang, a.status, a.deleted_at, 'album', 1 FROM articles a
WHERE a.id IN (SELECT article_id FROM album_items WHERE photo_id = $1)
UNION ALL
SELECT a.id, a.title, a.lang, a.status, a.deleted_at, 'body', 2 FROM body_photos x JOIN articles a ON a.id = x.article_id
WHERE x.photo_id = $1
ORDER BY 1 DESC, 7`

// PhotoUses lists the uses of a photo, the newest article first.
func (r photoSQL) PhotoUses(ctx context.Context, photoID int64) ([]content.PhotoUse, error) {
	uses, err := collect(scanPhotoUse)(r.c.query(ctx, photoUsesQuery, photoID))
	if err != nil {
		return nil, fmt.Errorf("uses of photo %d: %w", photoID, err)
	}
	return uses, nil
}

func scanPhotoUse(s scanner) (content.PhotoUse, error) {
	var u content.PhotoUse
	var deleted sql.NullInt64
	var order int
	err := s.Scan(&u.ArticleID, &u.Title, &u.Lang, &u.Status, &deleted, &u.Role, &order)
	u.Trashed = deleted.Valid
	return u, err
}

// Album returns an article's album in order, each photo with it, in one query.
func (r photoSQL) Album(ctx context.Context, articleID int64) ([]content.AlbumItem, error) {
	items, err := collect(scanAlbumItem)(r.c.query(ctx, `SELECT x.photo_id, x.caption, `+photoColumns+`
		FROM album_items x JOIN photos ph ON ph.id = x.photo_id
		WHERE x.article_id = $1 ORDER BY x.position`, articleID))
	if err != nil {
		return nil, fmt.Errorf("album of article %d: %w", articleID, err)
	}
	return items, nil
}

func scanAlbumItem(s scanner) (content.AlbumItem, error) {
	var it content.AlbumItem
	f := photoFields{p: &it.Photo}
	if err := s.Scan(append([]any{&it.PhotoID, &it.Caption}, f.dest()...)...); err != nil {
		return it, err
	}
	return it, f.fill()
}

// AlbumLen counts the photos of an article's album.
func (r photoSQL) AlbumLen(ctx context.Context, articleID int64) (int, error) {
	var n int
	if err := r.c.queryRow(ctx, `SELECT COUNT(*) FROM album_items WHERE article_id = $1`, articleID).Scan(&n); err != nil {
		return 0, fmt.Errorf("album of article %d: %w", articleID, err)
	}
	return n, nil
}
