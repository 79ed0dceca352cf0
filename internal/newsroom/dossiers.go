package newsroom

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
)

// maxDossierArticles bounds a dossier's list as the editor shows it.
const maxDossierArticles = 1000

type dossiersPage struct {
	L        *Layout
	Lang     content.Lang
	Langs    []option
	Dossiers []content.Dossier
}

// dossiers lists a language's dossiers.
func (s *Server) dossiers(w http.ResponseWriter, r *request) error {
	lang, err := s.langParam(r)
	if err != nil {
		return err
	}
	ds, err := s.store.Dossiers(r.Context(), lang, false, 500, 0)
	if err != nil {
		return err
	}
	p := &dossiersPage{L: s.layout(r, r.T("nr.dossiers.title")), Lang: lang, Dossiers: ds}
	for _, l := range r.site.Langs {
		p.Langs = append(p.Langs, option{Value: string(l), Label: langName(l), Selected: l == lang})
	}
	return s.render(w, http.StatusOK, "dossiers", p)
}

func (s *Server) langParam(r *request) (content.Lang, error) {
	raw := r.URL.Query().Get("lang")
	if raw == "" {
		return r.site.DefaultLang(), nil
	}
	l, err := content.ParseLang(raw)
	if err != nil || !r.site.HasLang(l) {
		return "", badRequest(err)
	}
	return l, nil
}

type dossierPage struct {
	L        *Layout
	D        *content.Dossier
	Langs    []option
	Articles []option // in the dossier, in order
	Found    []option // search results to add
	Q        string
	Errors   fieldErrors
}

// dossierForm shows a dossier to edit, or a blank one ("new").
func (s *Server) dossierForm(w http.ResponseWriter, r *request) error {
	d, err := s.dossierOfPath(r)
	if err != nil {
		return err
	}
	var ids []int64
	if d.ID != 0 {
		// Every member, drafts and scheduled ones included: the form sends back the whole
		// list, and what it leaves out is taken out of the dossier.
		if ids, err = s.store.DossierMembers(r.Context(), d.ID); err != nil {
			return err
		}
	}
	page, err := s.dossierPage(r, d, ids, "", nil)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "dossier", page)
}

func (s *Server) dossierPage(r *request, d *content.Dossier, ids []int64, q string, fe fieldErrors) (*dossierPage, error) {
	title := r.T("nr.dossiers.new")
	if d.ID != 0 {
		title = d.Title
	}
	p := &dossierPage{L: s.layout(r, title), D: d, Q: q, Errors: fe}
	for _, l := range r.site.Langs {
		p.Langs = append(p.Langs, option{Value: string(l), Label: langName(l), Selected: l == d.Lang})
	}
	var members []int64
	if d.ID != 0 {
		var err error
		if members, err = s.store.DossierMembers(r.Context(), d.ID); err != nil {
			return nil, err
		}
	}
	for _, id := range ids {
		o, ok, err := s.linkedOption(r, id, contains(members, id))
		if err != nil {
			return nil, err
		}
		if ok { // else gone since, or not the person's to see
			o.Lang = ""
			p.Articles = append(p.Articles, o)
		}
	}
	if q != "" {
		found, err := s.findArticles(r.Context(), r.user, store.ArticleQuery{Title: q, Lang: d.Lang, Limit: searchSize})
		if err != nil {
			return nil, err
		}
		for _, it := range found {
			if !contains(ids, it.ID) {
				p.Found = append(p.Found, option{Value: idString(it.ID), Label: it.Title})
			}
		}
	}
	return p, nil
}

// saveDossier creates or changes a dossier and its ordered list of articles. "Find"
// shows the form again with articles to add, saving nothing.
func (s *Server) saveDossier(w http.ResponseWriter, r *request) error {
	d, err := s.dossierOfPath(r)
	if err != nil {
		return err
	}
	v := r.PostForm
	if l, err := content.ParseLang(v.Get("lang")); err == nil && r.site.HasLang(l) {
		d.Lang = l
	}
	d.Title = strings.TrimSpace(v.Get("title"))
	d.Slug = strings.TrimSpace(v.Get("slug"))
	d.Intro, d.Featured = normalizeNewlines(v.Get("intro")), v.Get("featured") == "1"
	ids, err := dossierOrder(v)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(v.Get("q"))
	if v.Get("op") == "find" {
		page, err := s.dossierPage(r, d, ids, q, nil)
		if err != nil {
			return err
		}
		return s.render(w, http.StatusOK, "dossier", page)
	}
	saved, err := s.cfg.Editorial.SaveDossier(r.Context(), editorial.Person(r.user), editorial.DossierInput{
		ID: d.ID, Lang: d.Lang, Title: d.Title, Slug: d.Slug, Intro: d.Intro, Featured: d.Featured,
		Image: d.Image, Members: ids,
	})
	if err == nil {
		return s.taxonomyDone(w, r, prefix+"dossiers?lang="+string(saved.Lang))
	}
	fe, ok := problems(r, err)
	if !ok {
		return err
	}
	page, err := s.dossierPage(r, d, ids, q, fe)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusUnprocessableEntity, "dossier", page)
}

// dossierOrder reads the list from the form: the articles kept, in the order of their
// position fields (ties keep the form's order), then the ones added.
func dossierOrder(v map[string][]string) ([]int64, error) {
	current, err := formIDs(v["article"])
	if err != nil {
		return nil, err
	}
	removed, err := formIDs(v["remove"])
	if err != nil {
		return nil, err
	}
	added, err := formIDs(v["add"])
	if err != nil {
		return nil, err
	}
	type item struct {
		id  int64
		pos int
	}
	var items []item
	for i, id := range current {
		if contains(removed, id) {
			continue
		}
		pos := i + 1
		if raw := strings.TrimSpace(first(v["pos."+idString(id)])); raw != "" {
			if n, err := strconv.Atoi(raw); err == nil {
				pos = n
			}
		}
		items = append(items, item{id, pos})
	}
	slices.SortStableFunc(items, func(a, b item) int { return cmp.Compare(a.pos, b.pos) })
	ids := make([]int64, 0, len(items)+len(added))
	for _, it := range items {
		ids = append(ids, it.id)
	}
	for _, id := range added {
		if !contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

func (s *Server) dossierOfPath(r *request) (*content.Dossier, error) {
	if r.PathValue("id") == "new" {
		lang, err := s.langParam(r)
		return &content.Dossier{Lang: lang}, err
	}
	id, ok := formID(r.PathValue("id"))
	if !ok {
		return nil, errNotFound
	}
	d, err := s.store.DossierByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return &d, nil
}
