package newsroom

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// Who sees which article is auth.CanRead: editors every one; contributors their own, and
// of other people's the published ones. The article list applies it in its query
// (readFilter); every other page that names articles — the editor's pickers, the
// dossier form, the conflict screen — goes through the two functions below, so that no
// title reaches a page its reader could not open.

// findArticles runs a picker's search under that rule. For a contributor it is two
// queries, their own articles and the published ones, merged in the list's order (the
// most recently changed first) and cut at the limit: the first page of the search the
// rule allows, not a filtered page of one that ignores it.
func (s *Server) findArticles(ctx context.Context, u *auth.User, q store.ArticleQuery) ([]store.NewsroomItem, error) {
	if auth.Can(u, auth.ActEditAny) {
		return s.store.NewsroomArticles(ctx, q)
	}
	if q.Offset != 0 {
		return nil, fmt.Errorf("finding articles for user %d: a merged search has no pages after the first", u.ID)
	}
	own := q
	own.CreatedBy = u.ID
	found, err := s.store.NewsroomArticles(ctx, own)
	if err != nil {
		return nil, err
	}
	if len(q.Statuses) == 0 || slices.Contains(q.Statuses, content.StatusPublished) {
		published := q
		published.Statuses = []content.Status{content.StatusPublished}
		more, err := s.store.NewsroomArticles(ctx, published)
		if err != nil {
			return nil, err
		}
		found = append(found, more...)
	}
	slices.SortFunc(found, func(a, b store.NewsroomItem) int {
		return cmp.Or(b.UpdatedAt.Compare(a.UpdatedAt), cmp.Compare(b.ID, a.ID))
	})
	found = slices.CompactFunc(found, func(a, b store.NewsroomItem) bool { return a.ID == b.ID })
	found = slices.DeleteFunc(found, func(it store.NewsroomItem) bool { return !mayReadItem(u, it) })
	if q.Limit > 0 && len(found) > q.Limit {
		found = found[:q.Limit]
	}
	return found, nil
}

// mayReadItem is auth.CanRead for a line of a list.
func mayReadItem(u *auth.User, it store.NewsroomItem) bool {
	return auth.CanRead(u, &content.Article{CreatedBy: it.CreatedBy, Status: it.Status, DeletedAt: it.DeletedAt})
}

// linkedOption is the checked choice of a picker for an article the form links to (a
// related pick, the original of a translation, a dossier's member). ok is false when
// there is nothing to show: the article is gone, or the person may not read it and it is
// not already linked — an ID typed into a form tells nothing about what exists. An
// article an editor linked that the person may not read keeps its place, so that saving
// keeps the link, under words that name nothing of it.
func (s *Server) linkedOption(r *request, id int64, alreadyLinked bool) (o option, ok bool, err error) {
	a, err := s.store.ArticleByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return option{}, false, nil
	}
	if err != nil {
		return option{}, false, err
	}
	o = option{Value: idString(id), Selected: true}
	switch {
	case auth.CanRead(r.user, a):
		o.Label, o.Lang = a.Title, a.Lang
	case alreadyLinked:
		o.Label = r.T("nr.editor.hiddenpick")
	default:
		return option{}, false, nil
	}
	return o, true, nil
}
