package auth

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// A contributor sees their own articles whatever their state, and of other people's
// only the published ones; editors and admins see everything; a disabled account,
// nothing.
func TestCanRead(t *testing.T) {
	const me, other = 1, 2
	trashed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	users := map[string]*User{
		"contributor": {ID: me, Role: RoleContributor},
		"editor":      {ID: me, Role: RoleEditor},
		"admin":       {ID: me, Role: RoleAdmin},
		"disabled":    {ID: me, Role: RoleAdmin, Disabled: true},
	}
	for _, tt := range []struct {
		name        string
		a           content.Article
		contributor bool
	}{
		{"my draft", content.Article{CreatedBy: me, Status: content.StatusDraft}, true},
		{"my trashed draft", content.Article{CreatedBy: me, Status: content.StatusDraft, DeletedAt: trashed}, true},
		{"my scheduled press release", content.Article{CreatedBy: me, Kind: content.KindPressRelease, Status: content.StatusScheduled}, true},
		{"another's published article", content.Article{CreatedBy: other, Status: content.StatusPublished}, true},
		{"another's draft", content.Article{CreatedBy: other, Status: content.StatusDraft}, false},
		{"another's submitted draft", content.Article{CreatedBy: other, Status: content.StatusSubmitted}, false},
		{"an embargoed press release", content.Article{CreatedBy: other, Kind: content.KindPressRelease, Status: content.StatusScheduled}, false},
		{"another's archived article", content.Article{CreatedBy: other, Status: content.StatusArchived}, false},
		{"another's published article in the trash", content.Article{CreatedBy: other, Status: content.StatusPublished, DeletedAt: trashed}, false},
		{"an article made by the system", content.Article{Status: content.StatusDraft}, false},
	} {
		for who, u := range users {
			want := who == "editor" || who == "admin" || (who == "contributor" && tt.contributor)
			if got := CanRead(u, &tt.a); got != want {
				t.Errorf("%s reading %s: %v, want %v", who, tt.name, got, want)
			}
		}
	}
	if CanRead(nil, &content.Article{Status: content.StatusPublished}) {
		t.Error("nobody reads as someone")
	}
}
