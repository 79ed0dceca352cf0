package newsroom

import (
	"context"
	"errors"
	"net/http"

	"github.com/roneo/roneo/internal/store"
)

// Sections, tags, dossiers and people are managed by editors. Each change is one
// transaction with its audit entry ("taxonomy.section.update" …); a taken slug comes
// back from the store as a conflict and is shown on the form.

// writeTaxonomy runs write and the audit entry in one transaction. taken reports a slug
// that another item already has.
func (s *Server) writeTaxonomy(ctx context.Context, r *request, action, target string, detail func() string, write func(tx store.Tx) error) (taken bool, err error) {
	err = s.store.Update(ctx, func(tx store.Tx) error {
		if err := write(tx); err != nil {
			return err
		}
		return tx.Audit(ctx, s.entry(r.user, "taxonomy."+action, target, detail()))
	})
	if errors.Is(err, store.ErrConflict) {
		return true, nil
	}
	return false, err
}

// mergeProblems adds a validation error's problems to fe; other errors are returned.
func mergeProblems(r *request, fe fieldErrors, err error) error {
	if err == nil {
		return nil
	}
	more, ok := problems(r, err)
	if !ok {
		return err
	}
	for k, v := range more {
		if _, dup := fe[k]; !dup {
			fe[k] = v
		}
	}
	return nil
}

func (s *Server) taxonomyDone(w http.ResponseWriter, r *request, path string) error {
	seeOther(w, r, path+"?done=taxonomy")
	return nil
}
