package newsroom

import (
	"net/http"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
)

type peoplePage struct {
	L      *Layout
	People []content.Person
}

// people lists the authors and press contacts.
func (s *Server) people(w http.ResponseWriter, r *request) error {
	ps, err := s.store.Persons(r.Context())
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "people", &peoplePage{L: s.layout(r, r.T("nr.people.title")), People: ps})
}

type personPage struct {
	L      *Layout
	P      *content.Person
	Errors fieldErrors
}

// personForm shows a person to edit, or a blank one ("new").
func (s *Server) personForm(w http.ResponseWriter, r *request) error {
	p, err := s.personOfPath(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "person", s.personPage(r, p, nil))
}

func (s *Server) personPage(r *request, p *content.Person, fe fieldErrors) *personPage {
	title := r.T("nr.people.new")
	if p.ID != 0 {
		title = p.Name
	}
	return &personPage{L: s.layout(r, title), P: p, Errors: fe}
}

// savePerson creates or changes a person; the bio is Markdown, rendered when saved.
func (s *Server) savePerson(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	p, err := s.personOfPath(r)
	if err != nil {
		return err
	}
	v := r.PostForm
	p.Name = strings.TrimSpace(v.Get("name"))
	p.Slug = strings.TrimSpace(v.Get("slug"))
	p.Role, p.Email, p.Phone = strings.TrimSpace(v.Get("role")), strings.TrimSpace(v.Get("email")), strings.TrimSpace(v.Get("phone"))
	p.Bio = normalizeNewlines(v.Get("bio"))
	err = s.cfg.Editorial.SavePerson(ctx, editorial.Person(r.user), p, r.site.DefaultLang())
	if err == nil {
		return s.taxonomyDone(w, r, prefix+"people")
	}
	fe, ok := problems(r, err)
	if !ok {
		return err
	}
	return s.render(w, http.StatusUnprocessableEntity, "person", s.personPage(r, p, fe))
}

func (s *Server) personOfPath(r *request) (*content.Person, error) {
	if r.PathValue("id") == "new" {
		return &content.Person{}, nil
	}
	id, ok := formID(r.PathValue("id"))
	if !ok {
		return nil, errNotFound
	}
	ps, err := s.store.Persons(r.Context())
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if p.ID == id {
			return &p, nil
		}
	}
	return nil, errNotFound
}
