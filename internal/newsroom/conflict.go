package newsroom

import (
	"net/http"

	"github.com/roneo/roneo/internal/content"
)

// conflictView is what the conflict screen shows beside the person's own version: the
// version someone else saved meanwhile, and how the two bodies differ.
type conflictView struct {
	Theirs   articleForm
	By       string // who saved it
	At       string // when
	Section  string
	BodyDiff []diffLine
}

// conflict answers a save whose article moved on since the form was opened. The person
// sees both versions side by side; their own stays in the form, now based on the
// stored version, so that saving it again is a deliberate choice — to keep theirs, to
// keep their own, or to merge by editing.
func (s *Server) conflict(w http.ResponseWriter, r *request, stored *content.Article, yours articleForm) error {
	ds, err := s.store.ArticleDossiers(r.Context(), stored.ID)
	if err != nil {
		return err
	}
	ids := make([]int64, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	theirs := formFromArticle(stored, ids, r.site.Location)
	c := &conflictView{Theirs: theirs, At: r.p.DateTime(stored.UpdatedAt), By: r.T("nr.conflict.someone")}
	if u, err := s.store.User(r.Context(), stored.UpdatedBy); err == nil {
		c.By = u.Name
	}
	c.BodyDiff = lineDiff(theirs.Body, yours.Body)
	yours.ID, yours.Version = stored.ID, stored.Version
	return s.renderEditor(w, r, http.StatusConflict, stored, yours, nil, c)
}
