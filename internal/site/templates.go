package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"sync"
)

// Pages that have a template; each is parsed with the layout and the partials.
var pageNames = []string{"home", "article", "list", "dossiers", "error", "mastodon", "search", "album", "photo"}

// templates holds one parsed template set per page, parsed once at start-up and never
// changed afterwards.
type templates struct {
	pages     map[string]*template.Template
	fragments *template.Template // the layout's named parts, rendered on their own
	bufs      sync.Pool
}

func parseTemplates(fsys fs.FS) (*templates, error) {
	funcs := template.FuncMap{
		"add": func(a, b int) int { return a + b },
	}
	t := &templates{pages: map[string]*template.Template{}}
	t.bufs.New = func() any { return new(bytes.Buffer) }
	var err error
	t.fragments, err = template.New("fragments").Funcs(funcs).ParseFS(fsys, "templates/layout.html", "templates/partials.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	for _, name := range pageNames {
		tmpl, err := template.New(name).Funcs(funcs).ParseFS(fsys,
			"templates/layout.html", "templates/partials.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		t.pages[name] = tmpl
	}
	return t, nil
}

// render executes a page into a fresh byte slice. Rendering into a buffer first means a
// template error becomes an error page instead of half a page.
func (t *templates) render(name string, data any) ([]byte, error) {
	tmpl, ok := t.pages[name]
	if !ok {
		return nil, fmt.Errorf("no template %q", name)
	}
	buf := t.bufs.Get().(*bytes.Buffer)
	defer t.bufs.Put(buf)
	buf.Reset()
	if err := tmpl.ExecuteTemplate(buf, "layout", data); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return bytes.Clone(buf.Bytes()), nil
}

// fragment renders one named part of the layout, for parts that are the same on many
// pages and are rendered once ahead of time.
func (t *templates) fragment(name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := t.fragments.ExecuteTemplate(&buf, name, data); err != nil {
		return "", fmt.Errorf("template %s: %w", name, err)
	}
	return template.HTML(buf.String()), nil // html/template escaped it
}
