package newsroom

import (
	"context"

	"github.com/roneo/roneo/internal/content"
)

// editorData is what the editor's pickers choose from, for the article's language.
type editorData struct {
	tree     *content.SectionTree
	tags     []content.Tag
	persons  []content.Person
	dossiers []content.Dossier
}

func (s *Server) loadEditorData(ctx context.Context, lang content.Lang) (*editorData, error) {
	d := &editorData{}
	sections, err := s.store.Sections(ctx)
	if err != nil {
		return nil, err
	}
	d.tree = content.NewSectionTree(sections)
	if d.tags, err = s.store.Tags(ctx, lang); err != nil {
		return nil, err
	}
	if d.persons, err = s.store.Persons(ctx); err != nil {
		return nil, err
	}
	if d.dossiers, err = s.store.Dossiers(ctx, lang, false, 500, 0); err != nil {
		return nil, err
	}
	return d, nil
}
