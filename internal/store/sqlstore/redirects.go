package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// redirectSQL reads redirects on a conn.
type redirectSQL struct{ c conn }

// maxRedirectLen bounds both addresses of a redirect, in bytes: old links can be long,
// but not longer than a request line the site accepts.
const maxRedirectLen = 2048

const redirectColumns = `r.from_path, r.to_url, r.gone, r.created_at, COALESCE(r.created_by, 0)`

func scanRedirect(s scanner) (store.Redirect, error) {
	var r store.Redirect
	var created sql.NullInt64
	err := s.Scan(&r.From, &r.To, &r.Gone, &created, &r.CreatedBy)
	r.CreatedAt = fromUnix(created)
	return r, err
}

// FindRedirect returns the redirect of the first of froms that has one.
func (r redirectSQL) FindRedirect(ctx context.Context, froms []string) (store.Redirect, error) {
	if len(froms) == 0 {
		return store.Redirect{}, store.ErrNotFound
	}
	args := make([]any, len(froms))
	for i, f := range froms {
		args[i] = f
	}
	found, err := collect(scanRedirect)(r.c.queryOnce(ctx, `SELECT `+redirectColumns+` FROM redirects r
		WHERE r.from_path IN (`+placeholders(1, len(froms))+`)`, args...))
	if err != nil {
		return store.Redirect{}, err
	}
	for _, f := range froms {
		for _, rd := range found {
			if rd.From == f {
				return rd, nil
			}
		}
	}
	return store.Redirect{}, fmt.Errorf("redirect from %q: %w", froms[0], store.ErrNotFound)
}

// Redirects pages through redirects by old address.
func (r redirectSQL) Redirects(ctx context.Context, q store.RedirectQuery) ([]store.Redirect, error) {
	if err := pageBounds(q.Limit, q.Offset); err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit == 0 {
		limit = 100
	}
	d := r.c.dialect()
	return collect(scanRedirect)(r.c.query(ctx, `SELECT `+redirectColumns+` FROM redirects r
		WHERE `+d.contains("r.from_path", "$1")+` OR `+d.contains("r.to_url", "$1")+`
		ORDER BY r.from_path LIMIT $2 OFFSET $3`, q.Contains, limit, q.Offset))
}

// CountRedirects counts them all.
func (r redirectSQL) CountRedirects(ctx context.Context) (int, error) {
	var n int
	err := r.c.queryRow(ctx, `SELECT COUNT(*) FROM redirects`).Scan(&n)
	return n, err
}

// PutRedirect adds a redirect or replaces the one from the same old address.
func (t *tx) PutRedirect(ctx context.Context, r store.Redirect) error {
	if err := checkRedirect(r); err != nil {
		return err
	}
	created := orNow(r.CreatedAt, t.db.now().UTC().Truncate(time.Second))
	if _, err := t.exec(ctx, `INSERT INTO redirects (from_path, to_url, gone, created_at, created_by)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (from_path) DO UPDATE SET to_url = EXCLUDED.to_url, gone = EXCLUDED.gone,
			created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by`,
		r.From, r.To, r.Gone, toUnix(created), nullID(r.CreatedBy)); err != nil {
		return fmt.Errorf("redirect from %q: %w", r.From, err)
	}
	return nil
}

// checkRedirect refuses what no caller should send; editorial checks what people type.
func checkRedirect(r store.Redirect) error {
	switch {
	case !strings.HasPrefix(r.From, "/"), len(r.From) > maxRedirectLen, len(r.To) > maxRedirectLen:
		return fmt.Errorf("%w: redirect from %q", content.ErrInvalid, r.From)
	case r.Gone != (r.To == ""):
		return fmt.Errorf("%w: a redirect has a new address or is gone, not both", content.ErrInvalid)
	}
	return nil
}

// DeleteRedirect removes the redirect from an old address.
func (t *tx) DeleteRedirect(ctx context.Context, from string) error {
	res, err := t.exec(ctx, `DELETE FROM redirects WHERE from_path = $1`, from)
	if err != nil {
		return fmt.Errorf("redirect from %q: %w", from, err)
	}
	return oneRow(res, "redirect from "+from)
}
