package newsroom

import (
	"net/http"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

type accountPage struct {
	L        *Layout
	U        *auth.User
	Langs    []langOption
	Sessions []sessionView
	Errors   fieldErrors
	Enrolled bool
	Codes    int // recovery codes left
}

// sessionView is a signed-in browser in a list of sessions.
type sessionView struct {
	Hash, Agent, Created, LastSeen string
	Current                        bool
}

// account shows the person's own settings: language, password, second factor, sessions.
func (s *Server) account(w http.ResponseWriter, r *request) error {
	page, err := s.accountPage(r, nil)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "account", page)
}

func (s *Server) accountPage(r *request, fe fieldErrors) (*accountPage, error) {
	page := &accountPage{L: s.layout(r, r.T("nr.account.title")), U: r.user, Langs: langOptions(r.user.Lang),
		Errors: fe, Enrolled: r.user.HasSecondFactor(), Codes: len(r.user.RecoveryCodes)}
	var err error
	page.Sessions, err = s.sessionViews(r, r.user.ID)
	return page, err
}

func (s *Server) sessionViews(r *request, userID int64) ([]sessionView, error) {
	sessions, err := s.store.UserSessions(r.Context(), userID, s.now())
	if err != nil {
		return nil, err
	}
	out := make([]sessionView, 0, len(sessions))
	for _, ss := range sessions {
		out = append(out, sessionView{Hash: ss.Hash, Agent: browserName(ss.UserAgent), Created: r.p.DateTime(ss.CreatedAt),
			LastSeen: r.p.DateTime(ss.LastSeen), Current: r.sess != nil && ss.Hash == r.sess.Hash})
	}
	return out, nil
}

// setLanguage changes the newsroom's language for this person.
func (s *Server) setLanguage(w http.ResponseWriter, r *request) error {
	u := *r.user
	u.Lang = uiLang(content.Lang(r.PostFormValue("lang")))
	ctx := r.Context()
	if err := s.store.Update(ctx, func(tx store.Tx) error { return tx.UpdateUser(ctx, *r.user, &u) }); err != nil {
		return err
	}
	seeOther(w, r, withDone(prefix+"account", "language"))
	return nil
}

// changePassword sets a new password, the current one typed again (and throttled, see
// recheckPassword), and signs the person out of their other sessions.
func (s *Server) changePassword(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	wrong, status, err := s.recheckPassword(r, r.PostFormValue("current"), "password change")
	if err != nil {
		return err
	}
	fe := s.passwordProblems(r)
	if wrong != "" {
		if fe == nil {
			fe = fieldErrors{}
		}
		fe["current"] = wrong
	}
	if len(fe) > 0 {
		page, err := s.accountPage(r, fe)
		if err != nil {
			return err
		}
		return s.render(w, max(status, http.StatusUnprocessableEntity), "account", page)
	}
	u := *r.user
	if u.PasswordHash, err = s.cfg.Hasher.Hash(ctx, r.PostFormValue("password")); err != nil {
		return err
	}
	err = s.store.Update(ctx, func(tx store.Tx) error {
		if err := tx.UpdateUser(ctx, *r.user, &u); err != nil {
			return err
		}
		return tx.Audit(ctx, s.entry(&u, "password.change", userTarget(u.ID), ""))
	})
	if err != nil {
		return err
	}
	if err := s.store.DeleteUserSessions(ctx, u.ID, r.sess.Hash); err != nil {
		return err
	}
	seeOther(w, r, withDone(prefix+"account", "password"))
	return nil
}

// revokeSession signs out one of the person's browsers, or all but this one.
func (s *Server) revokeSession(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	hash := r.PostFormValue("session")
	if hash == "others" {
		if err := s.store.DeleteUserSessions(ctx, r.user.ID, r.sess.Hash); err != nil {
			return err
		}
		seeOther(w, r, withDone(prefix+"account", "signedoutothers"))
		return nil
	}
	sessions, err := s.store.UserSessions(ctx, r.user.ID, s.now())
	if err != nil {
		return err
	}
	for _, ss := range sessions {
		if ss.Hash == hash { // only one's own sessions
			if err := s.store.DeleteSession(ctx, hash); err != nil {
				return err
			}
			if hash == r.sess.Hash {
				s.clearCookie(w)
				seeOther(w, r, withDone(prefix+"signin", "signedout"))
				return nil
			}
			seeOther(w, r, withDone(prefix+"account", "sessionrevoked"))
			return nil
		}
	}
	return errNotFound
}
