package newsroom

import "github.com/roneo/roneo/internal/auth"

// routes is every newsroom route with the action it needs. The server checks the action
// on every request (see authorize); buttons a role may not use are also hidden, but that
// is a courtesy, not the protection. The role matrix test walks this table.
func (s *Server) routes() []route {
	const nr = "/newsroom/"
	return []route{
		{pattern: "GET " + nr + "static/{file}", h: s.serveAsset},
		{pattern: "GET " + nr + "{$}", action: auth.ActNewsroom, h: s.home},

		// Signing in and out, the first admin, lost passwords: open to anyone.
		{pattern: "GET " + nr + "signin", h: s.signinForm},
		{pattern: "POST " + nr + "signin", h: s.signin, limit: signInForm},
		{pattern: "GET " + nr + "signin/code", h: s.codeForm},
		{pattern: "POST " + nr + "signin/code", h: s.code, limit: signInForm},
		{pattern: "POST " + nr + "signout", h: s.signout},
		{pattern: "GET " + nr + "setup/{token}", h: s.setupForm},
		{pattern: "POST " + nr + "setup/{token}", h: s.setup},
		{pattern: "GET " + nr + "forgot", h: s.forgotForm},
		{pattern: "POST " + nr + "forgot", h: s.forgot},
		{pattern: "GET " + nr + "reset/{token}", h: s.resetForm},
		{pattern: "POST " + nr + "reset/{token}", h: s.reset},

		// One's own account, reachable before enrolling a second factor.
		{pattern: "GET " + nr + "account", action: auth.ActNewsroom, h: s.account, enrol: true},
		{pattern: "POST " + nr + "account/language", action: auth.ActNewsroom, h: s.setLanguage, enrol: true},
		{pattern: "POST " + nr + "account/password", action: auth.ActNewsroom, h: s.changePassword, enrol: true},
		{pattern: "POST " + nr + "account/sessions/revoke", action: auth.ActNewsroom, h: s.revokeSession, enrol: true},

		// The second factor: reachable before enrolment when the site requires one.
		{pattern: "GET " + nr + "account/2fa", action: auth.ActNewsroom, h: s.enrolForm, enrol: true},
		{pattern: "GET " + nr + "account/2fa/qr.png", action: auth.ActNewsroom, h: s.enrolQR, enrol: true},
		{pattern: "POST " + nr + "account/2fa", action: auth.ActNewsroom, h: s.enrol, enrol: true},
		{pattern: "POST " + nr + "account/2fa/remove", action: auth.ActNewsroom, h: s.unenrol, enrol: true},

		// Articles. {id} is a number, or "new" for one not yet saved. Forms that carry an
		// article keep their fields through an expired session (keep).
		{pattern: "GET " + nr + "articles", action: auth.ActWrite, h: s.articles},
		{pattern: "GET " + nr + "articles/{id}", action: auth.ActWrite, h: s.editArticle},
		{pattern: "POST " + nr + "articles/{id}", action: auth.ActWrite, h: s.saveHandler(opSave), keep: true, limit: articleBody},
		{pattern: "POST " + nr + "articles/{id}/refresh", action: auth.ActWrite, h: s.refreshArticle, keep: true, limit: articleBody},
		{pattern: "POST " + nr + "articles/{id}/submit", action: auth.ActSubmit, h: s.saveHandler(opSubmit), keep: true, limit: articleBody},
		{pattern: "POST " + nr + "articles/{id}/publish", action: auth.ActPublish, h: s.saveHandler(opPublish), keep: true, limit: articleBody},
		{pattern: "POST " + nr + "articles/{id}/schedule", action: auth.ActPublish, h: s.saveHandler(opSchedule), keep: true, limit: articleBody},
		{pattern: "POST " + nr + "articles/{id}/unpublish", action: auth.ActPublish, h: s.saveHandler(opUnpublish), keep: true, limit: articleBody},
		{pattern: "POST " + nr + "articles/{id}/archive", action: auth.ActPublish, h: s.saveHandler(opArchive), keep: true, limit: articleBody},
		{pattern: "POST " + nr + "articles/{id}/trash", action: auth.ActTrash, h: s.trashArticle, limit: articleBody},
		{pattern: "POST " + nr + "articles/{id}/restore", action: auth.ActTrash, h: s.restoreArticle},
		{pattern: "POST " + nr + "articles/{id}/autosave", action: auth.ActWrite, h: s.autosave, limit: articleBody},
		{pattern: "POST " + nr + "articles/{id}/autosave/discard", action: auth.ActWrite, h: s.discardAutosave},
		{pattern: "POST " + nr + "preview", action: auth.ActWrite, h: s.previewMarkdown, limit: articleBody},
		{pattern: "GET " + nr + "trash", action: auth.ActTrash, h: s.trash},
		{pattern: "GET " + nr + "articles/{id}/revisions", action: auth.ActWrite, h: s.revisions},
		{pattern: "GET " + nr + "articles/{id}/revisions/{rev}", action: auth.ActWrite, h: s.revisionDiff},
		{pattern: "POST " + nr + "articles/{id}/revisions/{rev}/restore", action: auth.ActWrite, h: s.restoreRevision},
		{pattern: "GET " + nr + "articles/{id}/previews", action: auth.ActPreview, h: s.previews},
		{pattern: "POST " + nr + "articles/{id}/previews", action: auth.ActPreview, h: s.createPreview},
		{pattern: "POST " + nr + "articles/{id}/previews/revoke", action: auth.ActPreview, h: s.revokePreview},

		// Photos: the library, uploads and photo reports' albums. Whoever writes may add
		// photos and describe them; deleting one is an editor's. Uploads are read as they
		// arrive, a file at a time (stream).
		{pattern: "GET " + nr + "photos", action: auth.ActWrite, h: s.library},
		{pattern: "GET " + nr + "photos/upload", action: auth.ActWrite, h: s.uploadFormPage},
		{pattern: "POST " + nr + "photos/upload", action: auth.ActWrite, h: s.uploadPhotos, stream: true},
		{pattern: "GET " + nr + "photos/{id}", action: auth.ActWrite, h: s.photoForm},
		{pattern: "POST " + nr + "photos/{id}", action: auth.ActWrite, h: s.savePhoto},
		{pattern: "GET " + nr + "photos/{id}/original", action: auth.ActWrite, h: s.photoOriginal},
		{pattern: "POST " + nr + "photos/{id}/delete", action: auth.ActEditAny, h: s.deletePhoto},
		{pattern: "GET " + nr + "articles/{id}/album", action: auth.ActWrite, h: s.album},
		{pattern: "POST " + nr + "articles/{id}/album", action: auth.ActWrite, h: s.saveAlbum, limit: albumForm},
		{pattern: "POST " + nr + "articles/{id}/album/upload", action: auth.ActWrite, h: s.uploadToAlbum, stream: true},

		// Sections, tags, dossiers, people and press contacts: editors. {id} may be "new".
		{pattern: "GET " + nr + "sections", action: auth.ActTaxonomy, h: s.sections},
		{pattern: "GET " + nr + "sections/{id}", action: auth.ActTaxonomy, h: s.sectionForm},
		{pattern: "POST " + nr + "sections/{id}", action: auth.ActTaxonomy, h: s.saveSection},
		{pattern: "GET " + nr + "tags", action: auth.ActTaxonomy, h: s.tags},
		{pattern: "POST " + nr + "tags", action: auth.ActTaxonomy, h: s.createTag},
		{pattern: "GET " + nr + "dossiers", action: auth.ActTaxonomy, h: s.dossiers},
		{pattern: "GET " + nr + "dossiers/{id}", action: auth.ActTaxonomy, h: s.dossierForm},
		{pattern: "POST " + nr + "dossiers/{id}", action: auth.ActTaxonomy, h: s.saveDossier},
		{pattern: "GET " + nr + "people", action: auth.ActTaxonomy, h: s.people},
		{pattern: "GET " + nr + "people/{id}", action: auth.ActTaxonomy, h: s.personForm},
		{pattern: "POST " + nr + "people/{id}", action: auth.ActTaxonomy, h: s.savePerson},

		// Old addresses that lead to new ones, or are gone: editors.
		{pattern: "GET " + nr + "redirects", action: auth.ActTaxonomy, h: s.redirects},
		{pattern: "POST " + nr + "redirects", action: auth.ActTaxonomy, h: s.addRedirect},
		{pattern: "POST " + nr + "redirects/remove", action: auth.ActTaxonomy, h: s.removeRedirect},
		{pattern: "POST " + nr + "redirects/import", action: auth.ActTaxonomy, h: s.importRedirects, limit: redirectsUpload},

		// Accounts, settings, background jobs and the audit log: admins.
		{pattern: "GET " + nr + "users", action: auth.ActUsers, h: s.users},
		{pattern: "GET " + nr + "users/new", action: auth.ActUsers, h: s.newUserForm},
		{pattern: "POST " + nr + "users", action: auth.ActUsers, h: s.createUser},
		{pattern: "GET " + nr + "users/{id}", action: auth.ActUsers, h: s.editUser},
		{pattern: "POST " + nr + "users/{id}/role", action: auth.ActUsers, h: s.userHandler(setRole)},
		{pattern: "POST " + nr + "users/{id}/disable", action: auth.ActUsers, h: s.userHandler(disableUser)},
		{pattern: "POST " + nr + "users/{id}/enable", action: auth.ActUsers, h: s.userHandler(enableUser)},
		{pattern: "POST " + nr + "users/{id}/signout", action: auth.ActUsers, h: s.userHandler(signOutUser)},
		{pattern: "POST " + nr + "users/{id}/remove-2fa", action: auth.ActUsers, h: s.userHandler(removeSecondFactor)},
		{pattern: "POST " + nr + "users/{id}/reset-link", action: auth.ActUsers, h: s.resetLink},
		{pattern: "GET " + nr + "settings", action: auth.ActSettings, h: s.settings},
		{pattern: "POST " + nr + "settings", action: auth.ActSettings, h: s.saveSettings},
		{pattern: "GET " + nr + "jobs", action: auth.ActSettings, h: s.jobs},
		{pattern: "GET " + nr + "audit", action: auth.ActAuditView, h: s.audit},
	}
}
