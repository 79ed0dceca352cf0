package newsroom

import (
	"net/http"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
)

type tagsPage struct {
	L      *Layout
	Lang   content.Lang
	Langs  []option
	Tags   []content.Tag
	Name   string
	Errors fieldErrors
}

// tags lists a language's tags and adds new ones. The store has no way to rename a
// tag yet; a wrong one is replaced by a new one on the articles.
func (s *Server) tags(w http.ResponseWriter, r *request) error {
	lang := r.site.DefaultLang()
	if raw := r.URL.Query().Get("lang"); raw != "" {
		l, err := content.ParseLang(raw)
		if err != nil || !r.site.HasLang(l) {
			return badRequest(err)
		}
		lang = l
	}
	page, err := s.tagsPage(r, lang, "", nil)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "tags", page)
}

func (s *Server) tagsPage(r *request, lang content.Lang, name string, fe fieldErrors) (*tagsPage, error) {
	p := &tagsPage{L: s.layout(r, r.T("nr.tags.title")), Lang: lang, Name: name, Errors: fe}
	for _, l := range r.site.Langs {
		p.Langs = append(p.Langs, option{Value: string(l), Label: langName(l), Selected: l == lang})
	}
	var err error
	p.Tags, err = s.store.Tags(r.Context(), lang)
	return p, err
}

// createTag adds a tag in a language.
func (s *Server) createTag(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	lang, err := content.ParseLang(r.PostFormValue("lang"))
	if err != nil || !r.site.HasLang(lang) {
		return badRequest(err)
	}
	name := strings.Join(strings.Fields(r.PostFormValue("name")), " ")
	_, err = s.cfg.Editorial.CreateTag(ctx, editorial.Person(r.user), lang, name)
	if err == nil {
		return s.taxonomyDone(w, r, prefix+"tags?lang="+string(lang))
	}
	fe, ok := problems(r, err)
	if !ok {
		return err
	}
	page, err := s.tagsPage(r, lang, name, fe)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusUnprocessableEntity, "tags", page)
}
