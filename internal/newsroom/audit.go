package newsroom

import (
	"fmt"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

// entry is an audit log line by u, written in the transaction of the change it records
// so that the log and the data never disagree.
func (s *Server) entry(u *auth.User, action, target, detail string) store.AuditEntry {
	e := store.AuditEntry{At: s.now(), Action: action, Target: target, Detail: truncate(detail, 500)}
	if u != nil {
		e.UserID, e.Actor = u.ID, u.Email
	}
	return e
}

func userTarget(id int64) string    { return fmt.Sprintf("user %d", id) }
func articleTarget(id int64) string { return fmt.Sprintf("article %d", id) }
