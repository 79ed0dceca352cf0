package newsroom

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

type usersPage struct {
	L     *Layout
	Users []userView
}

type userView struct {
	ID                         int64
	Name, Email, Role, Created string
	SecondFactor, Disabled     bool
}

// users lists the accounts.
func (s *Server) users(w http.ResponseWriter, r *request) error {
	users, err := s.store.Users(r.Context())
	if err != nil {
		return err
	}
	page := &usersPage{L: s.layout(r, r.T("nr.users.title"))}
	for _, u := range users {
		page.Users = append(page.Users, userView{ID: u.ID, Name: u.Name, Email: u.Email, Role: r.T("nr.role." + string(u.Role)),
			Created: r.p.Date(u.CreatedAt), SecondFactor: u.HasSecondFactor(), Disabled: u.Disabled})
	}
	return s.render(w, http.StatusOK, "users", page)
}

type userPage struct {
	L        *Layout
	U        *auth.User // nil: the invitation form
	Name     string
	Email    string
	Roles    []option
	Langs    []langOption
	Errors   fieldErrors
	Sessions []sessionView
	Self     bool // an admin cannot demote or disable themselves
}

func roleOptions(r *request, current auth.Role) []option {
	out := make([]option, len(auth.Roles))
	for i, role := range auth.Roles {
		out[i] = option{Value: string(role), Label: r.T("nr.role." + string(role)), Selected: role == current}
	}
	return out
}

// newUserForm shows the invitation form.
func (s *Server) newUserForm(w http.ResponseWriter, r *request) error {
	return s.render(w, http.StatusOK, "user", &userPage{L: s.layout(r, r.T("nr.users.new")),
		Roles: roleOptions(r, auth.RoleContributor), Langs: langOptions(r.user.Lang)})
}

// createUser invites someone: an account without a usable password and a link, sent by
// e-mail or shown to the admin, with which they choose one.
func (s *Server) createUser(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	u := &auth.User{Role: auth.Role(r.PostFormValue("role"))}
	fe := s.readAccount(r, u, false)
	if _, err := s.store.UserByEmail(ctx, u.Email); err == nil {
		fe["email"] = r.T("nr.problem.taken")
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if len(fe) > 0 {
		return s.render(w, http.StatusUnprocessableEntity, "user", &userPage{L: s.layout(r, r.T("nr.users.new")),
			Name: u.Name, Email: u.Email, Roles: roleOptions(r, u.Role), Langs: langOptions(u.Lang), Errors: fe})
	}
	// A password nobody knows: the account works once its owner sets one by the link.
	secret, _, err := auth.NewToken()
	if err != nil {
		return err
	}
	if u.PasswordHash, err = s.cfg.Hasher.Hash(ctx, secret); err != nil {
		return err
	}
	err = s.store.Update(ctx, func(tx store.Tx) error {
		if err := tx.CreateUser(ctx, u); err != nil {
			return err
		}
		return tx.Audit(ctx, s.entry(r.user, "user.create", userTarget(u.ID), u.Email+" "+string(u.Role)))
	})
	if errors.Is(err, store.ErrConflict) {
		fe["email"] = r.T("nr.problem.taken")
		return s.render(w, http.StatusUnprocessableEntity, "user", &userPage{L: s.layout(r, r.T("nr.users.new")),
			Name: u.Name, Email: u.Email, Roles: roleOptions(r, u.Role), Langs: langOptions(u.Lang), Errors: fe})
	}
	if err != nil {
		return err
	}
	return s.handOverLink(w, r, u, inviteLifetime, "nr.mail.invite")
}

type linkPage struct {
	L    *Layout
	U    *auth.User
	Link string // shown when no e-mail could be sent
	Sent bool
}

// handOverLink makes a password link for u and sends it by e-mail, or shows it to the
// admin to pass on when no mail server is configured (or it failed).
func (s *Server) handOverLink(w http.ResponseWriter, r *request, u *auth.User, life time.Duration, mailKey string) error {
	ctx := r.Context()
	link, err := newLink(ctx, s.store, s.base, PurposeReset, u.ID, s.now(), life, "reset/")
	if err != nil {
		return err
	}
	page := &linkPage{L: s.layout(r, r.T("nr.link.title")), U: u}
	if s.cfg.Mailer != nil {
		if err := s.mail(ctx, u, mailKey, link); err != nil {
			s.log.Warn("password link not sent", "user", u.ID, "err", err)
		} else {
			page.Sent = true
		}
	}
	if !page.Sent {
		page.Link = link
	}
	return s.render(w, http.StatusOK, "link", page)
}

// mail sends u a message in u's language: key+".subject" and key+".body" with the link.
func (s *Server) mail(ctx context.Context, u *auth.User, key, link string) error {
	p := s.bundle.Printer(uiLang(u.Lang), nil)
	site, err := s.store.Site(ctx)
	if err != nil {
		return err
	}
	return s.cfg.Mailer.Send(ctx, u.Email, p.T(key+".subject", site.Name), p.T(key+".body", u.Name, site.Name, link))
}
