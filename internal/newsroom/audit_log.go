package newsroom

import (
	"net/http"
	"strconv"
	"time"

	"github.com/roneo/roneo/internal/store"
)

// auditSize is how many entries a page of the audit log shows.
const auditSize = 100

// auditFamilies are the action filters the log offers: each a prefix or an action.
var auditFamilies = []string{"signin", "signin.failed", "article.", "user.", "password.", "2fa.", "preview.", "settings", "taxonomy.", "redirect."}

type auditPage struct {
	L       *Layout
	Entries []auditView
	Users   []option
	Actions []option
	Since   string
	Before  string
	Pager   pager
}

type auditView struct {
	At, Actor, Action, Target, Detail string
}

// audit shows the audit log, newest first, filtered. It cannot be changed from here or
// anywhere: the store only ever adds to it.
func (s *Server) audit(w http.ResponseWriter, r *request) error {
	v := r.URL.Query()
	q := store.AuditQuery{Limit: auditSize + 1}
	page := &auditPage{L: s.layout(r, r.T("nr.audit.title")), Since: v.Get("since"), Before: v.Get("before")}
	page.L.Wide = true
	if raw := v.Get("user"); raw != "" {
		id, ok := formID(raw)
		if !ok {
			return badRequest(nil)
		}
		q.UserID = id
	}
	action := v.Get("action")
	for _, f := range auditFamilies {
		page.Actions = append(page.Actions, option{Value: f, Label: r.T("nr.audit.family." + f), Selected: f == action})
		if f == action {
			q.Action = f
		}
	}
	if action != "" && q.Action == "" {
		return badRequest(nil)
	}
	var err error
	if q.Since, err = dayStart(page.Since, r.site.Location, 0); err != nil {
		return badRequest(err)
	}
	if q.Before, err = dayStart(page.Before, r.site.Location, 1); err != nil {
		return badRequest(err)
	}
	n := 1
	if raw := v.Get("page"); raw != "" {
		if n, err = strconv.Atoi(raw); err != nil || n < 1 || n > 100_000 {
			return badRequest(err)
		}
	}
	q.Offset = (n - 1) * auditSize
	entries, err := s.store.AuditLog(r.Context(), q)
	if err != nil {
		return err
	}
	hasNext := len(entries) > auditSize
	if hasNext {
		entries = entries[:auditSize]
	}
	for _, e := range entries {
		page.Entries = append(page.Entries, auditView{At: r.p.DateTime(e.At), Actor: e.Actor, Action: e.Action, Target: e.Target, Detail: e.Detail})
	}
	users, err := s.store.Users(r.Context())
	if err != nil {
		return err
	}
	for _, u := range users {
		page.Users = append(page.Users, option{Value: idString(u.ID), Label: u.Name + " <" + u.Email + ">", Selected: u.ID == q.UserID})
	}
	page.Pager = newPager(r, r.URL, n, hasNext)
	return s.render(w, http.StatusOK, "audit", page)
}

// dayStart reads a date (YYYY-MM-DD) in the site's zone as the start of that day plus
// days; empty is zero.
func dayStart(s string, loc *time.Location, days int) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	d, err := time.ParseInLocation("2006-01-02", s, loc)
	if err != nil {
		return time.Time{}, err
	}
	return d.AddDate(0, 0, days), nil
}
