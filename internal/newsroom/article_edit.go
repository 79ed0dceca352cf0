package newsroom

import (
	"html/template"
	"net/http"
	"strconv"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/urls"
)

// editorPage is the article editor: the form, its choices and what the person may do.
type editorPage struct {
	L         *Layout
	F         articleForm
	Stored    *content.Article // nil for a new article
	Errors    fieldErrors
	Action    string // where the form is sent: the article's path, or …/new
	Status    string
	Embargo   string // "under embargo until …" for a scheduled press release
	PublicURL string
	Zone      string
	Choices   editorChoices
	Can       editorCan
	Preview   template.HTML // the rendered body, on request (without JavaScript)
	Autosave  *autosaveOffer
	Conflict  *conflictView
	Album     *albumLink // nil for an article not yet saved
}

type editorChoices struct {
	Kinds, Langs, Sections, Tags, Dossiers, Authors, Contacts, Related, Translations []option
	Photos                                                                           []photoChoice
}

// editorCan says which buttons to show; the routes check the same rights again.
type editorCan struct {
	Submit, Publish, Unpublish, Archive, Trash, NewTags, Dossiers, Feature, Previews bool
}

// editArticle shows the editor for a stored article, or a blank one for …/new.
func (s *Server) editArticle(w http.ResponseWriter, r *request) error {
	stored, err := s.editable(r)
	if err != nil {
		return err
	}
	var f articleForm
	if stored == nil {
		f = articleForm{Kind: content.KindArticle, Lang: s.defaultArticleLang(r)}
	} else {
		ds, err := s.store.ArticleDossiers(r.Context(), stored.ID)
		if err != nil {
			return err
		}
		ids := make([]int64, len(ds))
		for i, d := range ds {
			ids[i] = d.ID
		}
		f = formFromArticle(stored, ids, r.site.Location)
	}
	offer, restored, err := s.autosaveFor(r, stored, &f)
	if err != nil {
		return err
	}
	page, err := s.editorPage(r, stored, f, nil)
	if err != nil {
		return err
	}
	page.Autosave = offer
	if restored {
		page.L.Notice = r.T("nr.autosave.restored")
	}
	return s.render(w, http.StatusOK, "editor", page)
}

// refreshArticle shows the editor again with what was typed, the body's preview and the
// related-reading and translation searches, saving nothing: the editor's preview and
// pickers without JavaScript.
func (s *Server) refreshArticle(w http.ResponseWriter, r *request) error {
	stored, err := s.editable(r)
	if err != nil {
		return err
	}
	f, err := readArticleForm(r)
	if err != nil {
		return err
	}
	if stored != nil {
		f.ID = stored.ID
	}
	page, err := s.editorPage(r, stored, f, nil)
	if err != nil {
		return err
	}
	html, err := s.cfg.Renderer.Markdown(string(page.F.Lang), f.Body)
	if err != nil {
		return err
	}
	page.Preview = template.HTML(html) // sanitised by the renderer
	return s.render(w, http.StatusOK, "editor", page)
}

// renderEditor shows the editor again, with problems or after a conflict.
func (s *Server) renderEditor(w http.ResponseWriter, r *request, status int, stored *content.Article, f articleForm, fe fieldErrors, c *conflictView) error {
	page, err := s.editorPage(r, stored, f, fe)
	if err != nil {
		return err
	}
	page.Conflict = c
	name := "editor"
	if c != nil {
		name = "conflict"
	}
	return s.render(w, status, name, page)
}

func (s *Server) defaultArticleLang(r *request) content.Lang {
	if l, err := content.ParseLang(r.URL.Query().Get("lang")); err == nil && r.site.HasLang(l) {
		return l
	}
	if r.site.HasLang(r.user.Lang) {
		return r.user.Lang
	}
	return r.site.DefaultLang()
}

func (s *Server) editorPage(r *request, stored *content.Article, f articleForm, fe fieldErrors) (*editorPage, error) {
	if !r.site.HasLang(f.Lang) {
		f.Lang = r.site.DefaultLang()
	}
	title := r.T("nr.editor.new")
	if stored != nil {
		title = stored.Title
	}
	p := &editorPage{
		L: s.layout(r, title), F: f, Stored: stored, Errors: fe, Action: prefix + "articles/new",
		Status: r.T("nr.status.draft"), Zone: r.site.Location.String(),
	}
	p.L.Wide = true
	editor := auth.Can(r.user, auth.ActEditAny)
	p.Can = editorCan{
		Submit:   !editor && (stored == nil || stored.Status == content.StatusDraft),
		Publish:  auth.Can(r.user, auth.ActPublish),
		NewTags:  auth.Can(r.user, auth.ActTaxonomy),
		Dossiers: editor, Feature: editor,
	}
	if stored != nil {
		p.Action = articlePath(stored.ID)
		p.Status = r.T("nr.status." + string(stored.Status))
		live := stored.Status == content.StatusPublished || stored.Status == content.StatusScheduled
		p.Can.Unpublish = p.Can.Publish && live
		p.Can.Archive = p.Can.Publish && stored.Status != content.StatusArchived
		p.Can.Trash = auth.Can(r.user, auth.ActTrash)
		p.Can.Previews = auth.Can(r.user, auth.ActPreview) && stored.Kind == content.KindPressRelease
		if stored.Embargoed(s.now()) {
			p.Embargo = r.T("nr.editor.embargo", r.p.DateTime(stored.PublishAt))
		}
		if stored.Status == content.StatusPublished {
			p.PublicURL = s.cfg.Scheme.Path(urls.Page{Kind: urls.Article, Lang: stored.Lang, Key: stored.Slug})
		}
		n, err := s.store.AlbumLen(r.Context(), stored.ID)
		if err != nil {
			return nil, err
		}
		p.Album = &albumLink{URL: articlePath(stored.ID) + "/album", Count: n}
	}
	var err error
	p.Choices, err = s.editorChoices(r, stored, &p.F)
	return p, err
}

func idString(id int64) string { return strconv.FormatInt(id, 10) }
