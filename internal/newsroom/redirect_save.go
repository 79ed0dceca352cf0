package newsroom

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
)

// addRedirect adds one redirect from the form, or says the old address is gone when no
// new one is given. A redirect from the same old address is replaced.
func (s *Server) addRedirect(w http.ResponseWriter, r *request) error {
	line := editorial.RedirectLine{From: r.PostFormValue("from"), To: r.PostFormValue("to")}
	_, err := s.cfg.Editorial.AddRedirects(r.Context(), editorial.Person(r.user), []editorial.RedirectLine{line})
	if err == nil {
		seeOther(w, r, prefix+"redirects?done=redirect")
		return nil
	}
	fe, ok := redirectProblems(r, err, line)
	if !ok {
		return err
	}
	return s.redirectsAgain(w, r, fe, line)
}

// redirectsAgain shows the list again with a form's problems, the add form as typed.
func (s *Server) redirectsAgain(w http.ResponseWriter, r *request, fe fieldErrors, typed editorial.RedirectLine) error {
	page, err := s.redirectsPage(r, "", 1)
	if err != nil {
		return err
	}
	page.From, page.To, page.Errors = typed.From, typed.To, fe
	return s.render(w, http.StatusUnprocessableEntity, "redirects", page)
}

// removeRedirect removes the redirect from the old address in the form. The list then
// says which one went, since nothing asked first.
func (s *Server) removeRedirect(w http.ResponseWriter, r *request) error {
	from := r.PostFormValue("from")
	if err := s.cfg.Editorial.RemoveRedirect(r.Context(), editorial.Person(r.user), from); err != nil {
		return err
	}
	old, err := editorial.OldAddress(from)
	if err != nil {
		return err
	}
	seeOther(w, r, prefix+"redirects?done=redirectremoved&from="+url.QueryEscape(old))
	return nil
}

// redirectProblems explains why the editorial core refused a typed redirect, next to
// the field at fault. The core's refusals are English sentences naming what was typed;
// the field is found again with the core's own checks, so that the page can say it in
// the person's language. ok is false for errors that are not about the input.
func redirectProblems(r *request, err error, l editorial.RedirectLine) (fieldErrors, bool) {
	if fe, ok := problems(r, err); ok {
		return fe, true
	}
	if !errors.Is(err, content.ErrInvalid) {
		return nil, false
	}
	p := lineProblem(l)
	if p == "" {
		return fieldErrors{"from": problemText(r, err.Error())}, true
	}
	return fieldErrors{addressProblems[p].field: r.T(addressProblems[p].key)}, true
}

// What the core refuses in a redirect: the old address, the new one, or both the same.
const (
	badFrom = "from"
	badTo   = "to"
	badSelf = "self"
)

// addressProblems are the field each problem is shown next to, what to say there, and
// what to say about a line of a file.
var addressProblems = map[string]struct{ field, key, line string }{
	badFrom: {"from", "nr.redirects.problem.from", "nr.redirects.problem.line.from"},
	badTo:   {"to", "nr.redirects.problem.to", "nr.redirects.problem.line.to"},
	badSelf: {"to", "nr.redirects.problem.self", "nr.redirects.problem.line.self"},
}

// lineProblem says what the core refuses in a redirect, or "" when these checks find
// nothing wrong with it.
func lineProblem(l editorial.RedirectLine) string {
	from, err := editorial.OldAddress(l.From)
	if err != nil {
		return badFrom
	}
	if strings.TrimSpace(l.To) == "" {
		return ""
	}
	to, err := editorial.NewAddress(l.To)
	switch {
	case err != nil:
		return badTo
	case to == from:
		return badSelf
	}
	return ""
}
