package newsroom

import (
	"errors"
	"net/http"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

// editUser shows an account to an admin: its role, its sessions, what can be done.
func (s *Server) editUser(w http.ResponseWriter, r *request) error {
	u, err := s.userOfPath(r)
	if err != nil {
		return err
	}
	page := &userPage{L: s.layout(r, u.Name), U: u, Roles: roleOptions(r, u.Role), Self: u.ID == r.user.ID}
	if page.Sessions, err = s.sessionViews(r, u.ID); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "user", page)
}

func (s *Server) userOfPath(r *request) (*auth.User, error) {
	id, ok := formID(r.PathValue("id"))
	if !ok {
		return nil, errNotFound
	}
	u, err := s.store.User(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// userAction is one thing an admin does to an account: it changes u, says what the
// audit log records, and whether the account's sessions end.
type userAction func(r *request, u *auth.User) (action, detail string, signOut bool, err error)

// userHandler applies an action to the path's account in one transaction with its audit
// entry. An admin cannot act on their own account here: demoting or disabling oneself
// could leave the newsroom without an admin.
func (s *Server) userHandler(act userAction) handler {
	return func(w http.ResponseWriter, r *request) error {
		ctx := r.Context()
		u, err := s.userOfPath(r)
		if err != nil {
			return err
		}
		if u.ID == r.user.ID {
			return forbidden(errors.New("an admin acting on their own account"))
		}
		read := *u
		action, detail, signOut, err := act(r, u)
		if err != nil {
			return err
		}
		err = s.store.Update(ctx, func(tx store.Tx) error {
			if err := tx.UpdateUser(ctx, read, u); err != nil {
				return err
			}
			return tx.Audit(ctx, s.entry(r.user, action, userTarget(u.ID), detail))
		})
		if err != nil {
			return err
		}
		if signOut {
			if err := s.store.DeleteUserSessions(ctx, u.ID, ""); err != nil {
				return err
			}
		}
		seeOther(w, r, withDone(userPath(u.ID), "user"))
		return nil
	}
}

func setRole(r *request, u *auth.User) (string, string, bool, error) {
	role := auth.Role(r.PostFormValue("role"))
	if !role.Valid() {
		return "", "", false, badRequest(errors.New("unknown role"))
	}
	detail := string(u.Role) + " → " + string(role)
	u.Role = role
	return "user.role", detail, false, nil
}

func disableUser(r *request, u *auth.User) (string, string, bool, error) {
	u.Disabled = true
	return "user.disable", u.Email, true, nil
}

func enableUser(r *request, u *auth.User) (string, string, bool, error) {
	u.Disabled = false
	return "user.enable", u.Email, false, nil
}

func signOutUser(r *request, u *auth.User) (string, string, bool, error) {
	return "user.signout", u.Email, true, nil
}

// removeSecondFactor helps someone who lost both their phone and their recovery codes.
func removeSecondFactor(r *request, u *auth.User) (string, string, bool, error) {
	u.TOTPSecret, u.TOTPLastStep, u.RecoveryCodes = "", 0, nil
	return "user.2fa_remove", u.Email, true, nil
}

// resetLink makes a password link for someone else, sent or shown.
func (s *Server) resetLink(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	u, err := s.userOfPath(r)
	if err != nil {
		return err
	}
	if err := s.store.Update(ctx, func(tx store.Tx) error {
		return tx.Audit(ctx, s.entry(r.user, "user.reset_link", userTarget(u.ID), u.Email))
	}); err != nil {
		return err
	}
	return s.handOverLink(w, r, u, resetLifetime, "nr.mail.reset")
}

func userPath(id int64) string { return prefix + "users/" + idString(id) }
