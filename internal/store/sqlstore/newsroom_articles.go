package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// ArticleByID loads an article whatever its status, in the trash or not.
func (r articleSQL) ArticleByID(ctx context.Context, id int64) (*content.Article, error) {
	a, err := r.loadArticle(ctx, `SELECT `+articleColumns+` FROM `+articleFrom+` WHERE a.id = $1`, id)
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	return a, nil
}

// TrashArticle moves an article to the trash: readers get 410 and no public list shows
// it. The version stays, so an editor who has it open may still save it. Trashing it
// again keeps the first time.
func (t *tx) TrashArticle(ctx context.Context, id int64, at time.Time) error {
	return t.setDeleted(ctx, id, `UPDATE articles SET deleted_at = COALESCE(deleted_at, $1) WHERE id = $2`, toUnix(at))
}

// RestoreArticle takes an article out of the trash, back where it was.
func (t *tx) RestoreArticle(ctx context.Context, id int64) error {
	return t.setDeleted(ctx, id, `UPDATE articles SET deleted_at = $1 WHERE id = $2`, sql.NullInt64{})
}

func (t *tx) setDeleted(ctx context.Context, id int64, query string, at sql.NullInt64) error {
	res, err := t.exec(ctx, query, at, id)
	if err != nil {
		return fmt.Errorf("article %d: %w", id, err)
	}
	if err := oneRow(res, "article "+strconv.FormatInt(id, 10)); err != nil {
		return err
	}
	t.wroteContent()
	return nil
}

// NewsroomArticles lists articles of every status for the newsroom, the most recently
// changed first. A zero limit is the default page.
//
// The page's IDs are chosen first, from the columns the newsroom's indexes hold, so that
// the scan reads index entries only; the rows of the page are read afterwards. On 100,000
// articles, a title word that matches nothing is the worst case: the whole index is read.
func (r articleSQL) NewsroomArticles(ctx context.Context, q store.ArticleQuery) ([]store.NewsroomItem, error) {
	if err := pageBounds(q.Limit, q.Offset); err != nil {
		return nil, err
	}
	f := &filter{}
	if err := r.newsroomFilter(ctx, f, q); err != nil {
		return nil, err
	}
	page := `SELECT n.id FROM articles n WHERE ` + strings.Join(f.where, " AND ") +
		` ORDER BY n.updated_at DESC, n.id DESC LIMIT ` + f.arg(pageSize(q.Limit)) + ` OFFSET ` + f.arg(q.Offset)
	query := `SELECT ` + teaserColumns + `, a.status, COALESCE(a.created_by, 0), COALESCE(a.updated_by, 0),
		a.deleted_at, a.version
	FROM ` + articleFrom + ` WHERE a.id IN (` + page + `) ORDER BY a.updated_at DESC, a.id DESC`
	return collect(scanNewsroomItem)(r.c.queryOnce(ctx, query, f.args...))
}

// filter collects the conditions of a query and their parameters.
type filter struct {
	where []string
	args  []any
}

func (f *filter) arg(v any) string {
	f.args = append(f.args, v)
	return "$" + strconv.Itoa(len(f.args))
}

// newsroomFilter turns q into conditions on articles n.
func (r articleSQL) newsroomFilter(ctx context.Context, f *filter, q store.ArticleQuery) error {
	if q.Deleted {
		f.where = append(f.where, "n.deleted_at IS NOT NULL")
	} else {
		f.where = append(f.where, "n.deleted_at IS NULL")
	}
	if len(q.Statuses) > 0 {
		var ps []string
		for _, s := range q.Statuses {
			if !s.Valid() {
				return fmt.Errorf("%w: unknown status %q", content.ErrInvalid, s)
			}
			ps = append(ps, f.arg(s))
		}
		f.where = append(f.where, "n.status IN ("+strings.Join(ps, ", ")+")")
	}
	if q.Kind != "" {
		f.where = append(f.where, "n.kind = "+f.arg(q.Kind))
	}
	if q.Lang != "" {
		f.where = append(f.where, "n.lang = "+f.arg(q.Lang))
	}
	if q.SectionID != 0 {
		f.where = append(f.where, "n.section_id = "+f.arg(q.SectionID))
	}
	if q.CreatedBy != 0 {
		f.where = append(f.where, "n.created_by = "+f.arg(q.CreatedBy))
	}
	if q.AuthorID != 0 {
		cond, err := r.authorFilter(ctx, q.AuthorID, f.arg(q.AuthorID))
		if err != nil {
			return err
		}
		f.where = append(f.where, cond)
	}
	words := titleWords(q.Title)
	if len(words) > maxTitleWords {
		return fmt.Errorf("%w: a title search of more than %d words", content.ErrInvalid, maxTitleWords)
	}
	for _, w := range words {
		f.where = append(f.where, "n.title_folded LIKE "+f.arg("%"+w+"%"))
	}
	return nil
}

// fewArticles is how many articles of one author are read and sorted rather than found
// by walking the list in order.
const fewArticles = 1000

// authorFilter picks how to find an author's articles. Someone with few articles: read
// them all and sort them. Someone with many: walk the list in order and check each
// article, which stops once the page is full. SQLite's planner cannot tell the two apart
// (it keeps no statistics of values), so the store counts first, through an index.
func (r articleSQL) authorFilter(ctx context.Context, personID int64, param string) (string, error) {
	var n int
	if err := r.c.queryRow(ctx, `SELECT COUNT(*) FROM article_authors WHERE person_id = $1`, personID).Scan(&n); err != nil {
		return "", err
	}
	if n <= fewArticles {
		return "n.id IN (SELECT article_id FROM article_authors WHERE person_id = " + param + ")", nil
	}
	return "EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = n.id AND x.person_id = " + param + ")", nil
}

func scanNewsroomItem(s scanner) (store.NewsroomItem, error) {
	var it store.NewsroomItem
	var deleted sql.NullInt64
	tf := teaserFields{t: &it.Teaser}
	if err := s.Scan(append(tf.dest(), &it.Status, &it.CreatedBy, &it.UpdatedBy, &deleted, &it.Version)...); err != nil {
		return it, err
	}
	it.DeletedAt = fromUnix(deleted)
	return it, tf.fill()
}
