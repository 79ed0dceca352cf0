package newsroom

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
)

type revisionsPage struct {
	L         *Layout
	A         *content.Article
	Revisions []revisionView
}

type revisionView struct {
	ID      int64
	Version int64
	At      string
	By      string
	Current bool
}

type diffPage struct {
	L                   *Layout
	A                   *content.Article
	Rev                 revisionView
	Against             string // what the revision is compared with
	Fields              []fieldChange
	Body                []diffLine
	Changed             bool
	Version             int64 // the current version, for restoring
	OtherURL, OtherText string
}

// fieldChange is a field that differs between two versions.
type fieldChange struct{ Label, Before, After string }

// revisions lists an article's saved versions, newest first.
func (s *Server) revisions(w http.ResponseWriter, r *request) error {
	a, err := s.editableAny(r)
	if err != nil {
		return err
	}
	revs, err := s.store.Revisions(r.Context(), store.ArticleSubject(a.ID))
	if err != nil {
		return err
	}
	names := s.userNames(r)
	page := &revisionsPage{L: s.layout(r, r.T("nr.revisions.title")), A: a}
	for _, rev := range revs {
		page.Revisions = append(page.Revisions, revisionView{ID: rev.ID, Version: rev.Version,
			At: r.p.DateTime(rev.SavedAt), By: names(rev.UserID), Current: rev.Version == a.Version})
	}
	return s.render(w, http.StatusOK, "revisions", page)
}

// revisionDiff shows what one save changed (against the version before it), or how a
// revision differs from the current version (?with=current).
func (s *Server) revisionDiff(w http.ResponseWriter, r *request) error {
	a, rev, revs, err := s.revisionOfPath(r)
	if err != nil {
		return err
	}
	page := &diffPage{L: s.layout(r, r.T("nr.diff.title", rev.Version)), A: a, Version: a.Version}
	page.Rev = revisionView{ID: rev.ID, Version: rev.Version, At: r.p.DateTime(rev.SavedAt), By: s.userNames(r)(rev.UserID)}
	self := r.URL.Path
	var before, after content.Article
	if r.URL.Query().Get("with") == "current" {
		before, after = rev.Article, *a
		page.Against = r.T("nr.diff.againstcurrent")
		page.OtherURL, page.OtherText = self, r.T("nr.diff.showprevious")
	} else {
		after = rev.Article
		page.Against = r.T("nr.diff.againstprevious")
		for _, other := range revs {
			if other.Version < rev.Version && (before.Version == 0 || other.Version > before.Version) {
				before = other.Article
			}
		}
		page.OtherURL, page.OtherText = self+"?with=current", r.T("nr.diff.showcurrent")
	}
	lb, err := s.labels(r, a.Lang)
	if err != nil {
		return err
	}
	page.Fields = s.fieldChanges(r, lb, &before, &after)
	page.Body = lineDiff(before.Body, after.Body)
	page.Changed = len(page.Fields) > 0 || changed(page.Body)
	return s.render(w, http.StatusOK, "diff", page)
}

// restoreRevision saves a revision's text and choices as a new version; its status and
// publication time stay as they are now, so restoring never publishes or hides anything.
func (s *Server) restoreRevision(w http.ResponseWriter, r *request) error {
	a, rev, _, err := s.revisionOfPath(r)
	if err != nil {
		return err
	}
	v, err := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	if err != nil {
		return badRequest(err)
	}
	_, err = s.cfg.Editorial.RevertArticle(r.Context(), editorial.Person(r.user), a.ID, rev.ID, v)
	if errors.Is(err, store.ErrConflict) {
		return &httpError{Status: http.StatusConflict, Key: "409", Err: err}
	}
	if err != nil {
		return err
	}
	seeOther(w, r, withDone(articlePath(a.ID), "reverted"))
	return nil
}

// editableAny loads the path's article if the person may change it, trash or not: its
// history stays readable in the trash.
func (s *Server) editableAny(r *request) (*content.Article, error) {
	a, err := s.articleOfPath(r)
	if err != nil {
		return nil, err
	}
	if !editorial.Person(r.user).MayEdit(a) {
		return nil, forbidden(errors.New("not this person's article"))
	}
	return a, nil
}

func (s *Server) revisionOfPath(r *request) (*content.Article, store.Revision, []store.Revision, error) {
	a, err := s.editableAny(r)
	if err != nil {
		return nil, store.Revision{}, nil, err
	}
	id, ok := formID(r.PathValue("rev"))
	if !ok {
		return nil, store.Revision{}, nil, errNotFound
	}
	revs, err := s.store.Revisions(r.Context(), store.ArticleSubject(a.ID))
	if err != nil {
		return nil, store.Revision{}, nil, err
	}
	for _, rev := range revs {
		if rev.ID == id {
			return a, rev, revs, nil
		}
	}
	return nil, store.Revision{}, nil, errNotFound // not a revision of this article
}

// fieldChanges lists the fields other than the body that differ.
func (s *Server) fieldChanges(r *request, lb *labels, before, after *content.Article) []fieldChange {
	var out []fieldChange
	add := func(key, b, a string) {
		if b != a {
			out = append(out, fieldChange{Label: r.T(key), Before: b, After: a})
		}
	}
	add("nr.field.title", before.Title, after.Title)
	add("nr.field.standfirst", before.Standfirst, after.Standfirst)
	add("nr.field.signature", before.Signature, after.Signature)
	add("nr.field.kind", kindName(r, before.Kind), kindName(r, after.Kind))
	add("nr.field.articlelang", string(before.Lang), string(after.Lang))
	add("nr.col.status", statusName(r, before.Status), statusName(r, after.Status))
	add("nr.field.publishat", dateOrNone(r, before), dateOrNone(r, after))
	add("nr.field.section", lb.list(lb.sections, []int64{before.SectionID}), lb.list(lb.sections, []int64{after.SectionID}))
	add("nr.field.tags", lb.list(lb.tags, before.TagIDs), lb.list(lb.tags, after.TagIDs))
	add("nr.field.authors", lb.list(lb.persons, before.AuthorIDs), lb.list(lb.persons, after.AuthorIDs))
	add("nr.field.contacts", lb.list(lb.persons, before.ContactIDs), lb.list(lb.persons, after.ContactIDs))
	add("nr.field.related", idList(before.RelatedIDs), idList(after.RelatedIDs))
	return out
}

func kindName(r *request, k content.Kind) string {
	if k == "" {
		return ""
	}
	return r.T("nr.kind." + string(k))
}

func statusName(r *request, st content.Status) string {
	if st == "" {
		return ""
	}
	return r.T("nr.status." + string(st))
}

func dateOrNone(r *request, a *content.Article) string {
	if a.PublishAt.IsZero() {
		return ""
	}
	return r.p.DateTime(a.PublishAt)
}

// labels name the sections, tags and people a diff mentions by ID.
type labels struct {
	sections, tags, persons map[int64]string
}

func (s *Server) labels(r *request, lang content.Lang) (*labels, error) {
	d, err := s.loadEditorData(r.Context(), lang)
	if err != nil {
		return nil, err
	}
	lb := &labels{sections: map[int64]string{}, tags: map[int64]string{}, persons: map[int64]string{}}
	for _, o := range sectionOptions(d.tree, lang, 0) {
		id, _ := strconv.ParseInt(o.Value, 10, 64)
		lb.sections[id] = strings.TrimLeft(o.Label, "— ")
	}
	for _, t := range d.tags {
		lb.tags[t.ID] = t.Name
	}
	for _, p := range d.persons {
		lb.persons[p.ID] = p.Name
	}
	return lb, nil
}

func (lb *labels) list(names map[int64]string, ids []int64) string {
	var parts []string
	for _, id := range ids {
		if n, ok := names[id]; ok {
			parts = append(parts, n)
		} else if id != 0 {
			parts = append(parts, "#"+strconv.FormatInt(id, 10))
		}
	}
	return strings.Join(parts, ", ")
}

func idList(ids []int64) string {
	var parts []string
	for _, id := range ids {
		if id != 0 {
			parts = append(parts, "#"+strconv.FormatInt(id, 10))
		}
	}
	return strings.Join(parts, ", ")
}

// userNames returns a lookup of account names, for lists that name who did what.
func (s *Server) userNames(r *request) func(id int64) string {
	users, err := s.store.Users(r.Context())
	names := map[int64]string{}
	if err == nil {
		for _, u := range users {
			names[u.ID] = u.Name
		}
	}
	return func(id int64) string {
		if n, ok := names[id]; ok {
			return n
		}
		if id == 0 {
			return "—"
		}
		return "#" + strconv.FormatInt(id, 10)
	}
}
