package newsroom

import (
	"net/http"
)

// Sections, tags, dossiers and people are managed by editors. Each change is one
// transaction with its audit entry ("taxonomy.section.update" …); a taken slug comes
// back from the store as a conflict and is shown on the form.

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
	seeOther(w, r, withDone(path, "taxonomy"))
	return nil
}
