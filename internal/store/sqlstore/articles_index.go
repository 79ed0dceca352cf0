package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"github.com/roneo/roneo/internal/store"
)

// listedCondition is store.Readers' view of an article.
const listedCondition = "a.status = 'published' AND a.deleted_at IS NULL"

// CountListed is the number of published articles and the time the last one changed.
func (r articleSQL) CountListed(ctx context.Context) (int, time.Time, error) {
	var n int
	var updated sql.NullInt64
	err := r.c.queryRow(ctx, `SELECT COUNT(*), MAX(a.updated_at) FROM articles a WHERE `+listedCondition).Scan(&n, &updated)
	return n, fromUnix(updated), err
}

// EachListed streams published articles in id order.
func (r articleSQL) EachListed(ctx context.Context, offset, limit int, fn func(store.ListedArticle) error) error {
	if err := pageBounds(limit, offset); err != nil {
		return err
	}
	rs, err := r.c.query(ctx, `SELECT a.id, a.lang, a.slug, a.updated_at FROM articles a WHERE `+listedCondition+`
		ORDER BY a.id LIMIT $1 OFFSET $2`, limit, offset)
	if err != nil {
		return err
	}
	defer rs.Close()
	for rs.Next() {
		var a store.ListedArticle
		var updated sql.NullInt64
		if err := rs.Scan(&a.ID, (*string)(&a.Lang), &a.Slug, &updated); err != nil {
			return err
		}
		a.UpdatedAt = fromUnix(updated)
		if err := fn(a); err != nil {
			return err
		}
	}
	return rs.Err()
}

var _ store.ArticleIndex = articleSQL{}
