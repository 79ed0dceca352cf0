package newsroom

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
)

type sectionsPage struct {
	L        *Layout
	Sections []option // the tree, indented
}

// sections lists the section tree.
func (s *Server) sections(w http.ResponseWriter, r *request) error {
	all, err := s.store.Sections(r.Context())
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "sections", &sectionsPage{L: s.layout(r, r.T("nr.sections.title")),
		Sections: sectionOptions(content.NewSectionTree(all), r.p.Lang(), 0)})
}

type sectionPage struct {
	L        *Layout
	ID       int64
	Names    []sectionNameField
	Parents  []option
	Position int
	Errors   fieldErrors
}

type sectionNameField struct {
	Lang                    content.Lang
	LangName                string
	Name, Slug, Description string
}

// sectionForm shows a section to edit, or a blank one ("new").
func (s *Server) sectionForm(w http.ResponseWriter, r *request) error {
	sec, tree, err := s.sectionOfPath(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "section", s.sectionPage(r, sec, tree, nil))
}

func (s *Server) sectionPage(r *request, sec *content.Section, tree *content.SectionTree, fe fieldErrors) *sectionPage {
	title := r.T("nr.sections.new")
	if sec.ID != 0 {
		title = sectionName(*sec, r.p.Lang())
	}
	p := &sectionPage{L: s.layout(r, title), ID: sec.ID, Position: sec.Position, Errors: fe}
	for _, l := range r.site.Langs {
		n := sec.Names[l]
		p.Names = append(p.Names, sectionNameField{Lang: l, LangName: langName(l), Name: n.Name, Slug: n.Slug, Description: n.Description})
	}
	for _, o := range sectionOptions(tree, r.p.Lang(), sec.ParentID) {
		if o.Value != idString(sec.ID) || sec.ID == 0 {
			p.Parents = append(p.Parents, o)
		}
	}
	return p
}

// saveSection creates or changes a section: its names in each language (a slug is made
// from the name when left empty), its parent and its place among its siblings.
func (s *Server) saveSection(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	sec, tree, err := s.sectionOfPath(r)
	if err != nil {
		return err
	}
	sec.Names = map[content.Lang]content.SectionName{}
	for _, l := range r.site.Langs {
		n := content.SectionName{
			Name:        strings.TrimSpace(r.PostFormValue("name." + string(l))),
			Slug:        strings.TrimSpace(r.PostFormValue("slug." + string(l))),
			Description: strings.TrimSpace(r.PostFormValue("description." + string(l))),
		}
		if n.Name != "" || n.Slug != "" || n.Description != "" {
			sec.Names[l] = n
		}
	}
	fe := fieldErrors{}
	if raw := r.PostFormValue("parent"); raw != "" {
		id, ok := formID(raw)
		if _, exists := tree.Get(id); !ok || !exists {
			return badRequest(nil)
		}
		sec.ParentID = id
	} else {
		sec.ParentID = 0
	}
	if sec.Position, err = strconv.Atoi(strings.TrimSpace(r.PostFormValue("position"))); err != nil {
		sec.Position = 0
	}
	if sec.ID != 0 && contains(tree.Descendants(sec.ID), sec.ParentID) {
		fe["parent"] = r.T("nr.problem.parent")
	}
	if len(fe) == 0 {
		err := s.cfg.Editorial.SaveSection(ctx, editorial.Person(r.user), sec)
		if err == nil {
			return s.taxonomyDone(w, r, prefix+"sections")
		}
		if err := mergeProblems(r, fe, err); err != nil {
			return err
		}
	}
	return s.render(w, http.StatusUnprocessableEntity, "section", s.sectionPage(r, sec, tree, fe))
}

func (s *Server) sectionOfPath(r *request) (*content.Section, *content.SectionTree, error) {
	all, err := s.store.Sections(r.Context())
	if err != nil {
		return nil, nil, err
	}
	tree := content.NewSectionTree(all)
	if r.PathValue("id") == "new" {
		return &content.Section{Names: map[content.Lang]content.SectionName{}}, tree, nil
	}
	id, ok := formID(r.PathValue("id"))
	sec, exists := tree.Get(id)
	if !ok || !exists {
		return nil, nil, errNotFound
	}
	return &sec, tree, nil
}
