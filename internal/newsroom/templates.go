package newsroom

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"sync"

	"github.com/roneo/roneo/internal/webkit"
)

// Pages that have a template in templates/newsroom/; each is parsed with the layout and
// the shared form fragments.
var pageNames = []string{
	"error", "message", "signin", "code", "setup", "enrol", "recovery",
	"articles", "editor", "conflict", "revisions", "diff", "previews",
	"forgot", "reset", "account", "users", "user", "link", "settings", "audit",
	"sections", "section", "tags", "dossiers", "dossier", "people", "person",
	"redirects", "jobs", "photos", "upload", "photo", "album",
}

// templates holds one parsed template set per page, parsed once at start-up and never
// changed afterwards.
type templates struct {
	pages map[string]*template.Template
	bufs  sync.Pool
}

func parseTemplates(fsys fs.FS, a *webkit.Assets) (*templates, error) {
	funcs := template.FuncMap{
		"asset": a.URL,
		"add":   func(a, b int) int { return a + b },
		"join":  strings.Join,
		"dict":  dict,
		// langname names a language in itself: "Nederlands".
		"langname": langName,
	}
	t := &templates{pages: map[string]*template.Template{}}
	t.bufs.New = func() any { return new(bytes.Buffer) }
	for _, name := range pageNames {
		tmpl, err := template.New(name).Funcs(funcs).ParseFS(fsys,
			"templates/newsroom/layout.html", "templates/newsroom/forms.html", "templates/newsroom/articleform.html",
			"templates/newsroom/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("newsroom templates: %w", err)
		}
		t.pages[name] = tmpl
	}
	return t, nil
}

// dict makes a map of name/value pairs, so that a template can hand several values to
// a fragment: {{template "input" (dict "Name" "email" "Value" .Email)}}.
func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		k, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", pairs[i])
		}
		m[k] = pairs[i+1]
	}
	return m, nil
}

// execute renders a page into a fresh byte slice. Rendering into a buffer first means a
// template error becomes an error page instead of half a page.
func (t *templates) execute(name string, data any) ([]byte, error) {
	tmpl, ok := t.pages[name]
	if !ok {
		return nil, fmt.Errorf("no newsroom template %q", name)
	}
	buf := t.bufs.Get().(*bytes.Buffer)
	defer t.bufs.Put(buf)
	buf.Reset()
	if err := tmpl.ExecuteTemplate(buf, "layout", data); err != nil {
		return nil, fmt.Errorf("newsroom template %s: %w", name, err)
	}
	return bytes.Clone(buf.Bytes()), nil
}

// render writes a whole page with status.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) error {
	body, err := s.tmpl.execute(name, data)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(body)
	return nil
}
