package auth

import "github.com/roneo/roneo/internal/content"

// Action is something an account may or may not do. Every newsroom route names the
// action it needs, and the server checks it on every request.
type Action string

const (
	ActWrite     Action = "article.write"    // create drafts; edit one's own drafts
	ActSubmit    Action = "article.submit"   // send one's own draft for review
	ActEditAny   Action = "article.edit_any" // edit anyone's article, whatever its status
	ActPublish   Action = "article.publish"  // publish, schedule, unpublish, archive
	ActTrash     Action = "article.trash"    // move to the trash and restore
	ActPreview   Action = "article.preview"  // make and revoke embargoed preview links
	ActTaxonomy  Action = "taxonomy.manage"  // sections, tags, dossiers, people and press contacts
	ActUsers     Action = "users.manage"     // accounts, roles, other people's sessions
	ActSettings  Action = "settings.manage"  // site settings, the 2FA requirement
	ActAuditView Action = "audit.view"       // the audit log
	ActNewsroom  Action = "newsroom.use"     // sign in and see the newsroom at all
)

// minimum is the least role each action needs: the whole permission matrix.
var minimum = map[Action]Role{
	ActNewsroom:  RoleContributor,
	ActWrite:     RoleContributor,
	ActSubmit:    RoleContributor,
	ActEditAny:   RoleEditor,
	ActPublish:   RoleEditor,
	ActTrash:     RoleEditor,
	ActPreview:   RoleEditor,
	ActTaxonomy:  RoleEditor,
	ActUsers:     RoleAdmin,
	ActSettings:  RoleAdmin,
	ActAuditView: RoleAdmin,
}

// Actions lists every action, for tests and the role overview.
func Actions() []Action {
	out := make([]Action, 0, len(minimum))
	for a := range minimum {
		out = append(out, a)
	}
	return out
}

// MinimumRole is the least role that may do a.
func MinimumRole(a Action) Role { return minimum[a] }

// Can reports whether u may do a. Disabled accounts may do nothing; unknown actions are
// refused.
func Can(u *User, a Action) bool {
	min, ok := minimum[a]
	return ok && u != nil && !u.Disabled && u.Role.AtLeast(min)
}

// CanEdit reports whether u may change article a: editors any article, contributors
// their own while it is a draft or waiting for review.
func CanEdit(u *User, a *content.Article) bool {
	if Can(u, ActEditAny) {
		return true
	}
	return Can(u, ActWrite) && a.CreatedBy == u.ID &&
		(a.Status == content.StatusDraft || a.Status == content.StatusSubmitted) && a.DeletedAt.IsZero()
}

// CanRead reports whether u may see article a in the newsroom: its title in a list, a
// picker, a label. Editors see every article; contributors their own, and of other
// people's only what readers see, the published ones: not their drafts, not an
// embargoed press release, nothing in the trash. Every page that names an article
// applies it, as the article list does.
func CanRead(u *User, a *content.Article) bool {
	if Can(u, ActEditAny) {
		return true
	}
	return Can(u, ActWrite) && (a.CreatedBy == u.ID || (a.Status == content.StatusPublished && a.DeletedAt.IsZero()))
}
