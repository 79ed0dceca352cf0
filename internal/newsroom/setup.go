package newsroom

import (
	"errors"
	"net/http"
	"strings"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

type setupPage struct {
	L      *Layout
	Name   string
	Email  string
	Langs  []langOption
	Errors fieldErrors
}

// setupForm shows the form that creates the first admin. Opening the link uses nothing
// up: only sending the form does.
func (s *Server) setupForm(w http.ResponseWriter, r *request) error {
	if done, err := s.hasUsers(r); done || err != nil {
		return s.alreadySetUp(w, r, err)
	}
	return s.render(w, http.StatusOK, "setup", &setupPage{
		L: s.layout(r, r.T("nr.setup.title")), Langs: langOptions(r.p.Lang()),
	})
}

// setup creates the first admin and signs them in. The link works once.
func (s *Server) setup(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	if done, err := s.hasUsers(r); done || err != nil {
		return s.alreadySetUp(w, r, err)
	}
	u := &auth.User{Role: auth.RoleAdmin}
	page := &setupPage{L: s.layout(r, r.T("nr.setup.title"))}
	page.Errors = s.readAccount(r, u, true)
	page.Name, page.Email, page.Langs = u.Name, u.Email, langOptions(u.Lang)
	if len(page.Errors) > 0 {
		return s.render(w, http.StatusUnprocessableEntity, "setup", page)
	}
	if _, err := s.store.UseToken(ctx, auth.HashToken(r.PathValue("token")), PurposeSetup, s.now()); err != nil {
		return s.linkExpired(w, r, err)
	}
	var err error
	if u.PasswordHash, err = s.cfg.Hasher.Hash(ctx, r.PostFormValue("password")); err != nil {
		return err
	}
	err = s.store.Update(ctx, func(tx store.Tx) error {
		if err := tx.CreateUser(ctx, u); err != nil {
			return err
		}
		return tx.Audit(ctx, s.entry(u, "user.create", userTarget(u.ID), "first admin"))
	})
	if err != nil {
		return err
	}
	if err := s.startSession(ctx, w, r, u, true); err != nil {
		return err
	}
	seeOther(w, r, withDone(prefix+"account", "welcome"))
	return nil
}

func (s *Server) hasUsers(r *request) (bool, error) {
	n, err := s.store.CountUsers(r.Context())
	return n > 0, err
}

func (s *Server) alreadySetUp(w http.ResponseWriter, r *request, err error) error {
	if err != nil {
		return err
	}
	return s.message(w, r, http.StatusConflict, "nr.setup.done", prefix+"signin", "nr.signin.title")
}

// linkExpired answers a one-time link that was used, has expired or never existed.
func (s *Server) linkExpired(w http.ResponseWriter, r *request, err error) error {
	if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	return s.message(w, r, http.StatusGone, "nr.link.expired", prefix+"signin", "nr.signin.title")
}

// readAccount fills u from an account form (name, e-mail, language and, with
// withPassword, a new password typed twice) and returns the problems.
func (s *Server) readAccount(r *request, u *auth.User, withPassword bool) fieldErrors {
	u.Name = strings.TrimSpace(r.PostFormValue("name"))
	u.Email = auth.NormalizeEmail(r.PostFormValue("email"))
	u.Lang = uiLang(content.Lang(r.PostFormValue("lang")))
	if u.PasswordHash == "" {
		u.PasswordHash = "unset" // Validate asks for a hash; the real one is made last
	}
	fe := fieldErrors{}
	if err := u.Validate(); err != nil {
		fe, _ = problems(r, err)
	}
	if withPassword {
		for k, v := range s.passwordProblems(r) {
			fe[k] = v
		}
	}
	return fe
}

// passwordProblems checks a new password and its confirmation.
func (s *Server) passwordProblems(r *request) fieldErrors {
	pw := r.PostFormValue("password")
	if err := auth.ValidatePassword(pw); err != nil {
		fe, _ := problems(r, err)
		return fe
	}
	if pw != r.PostFormValue("password2") {
		return fieldErrors{"password2": r.T("nr.problem.passwords differ")}
	}
	return nil
}
