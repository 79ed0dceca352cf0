package newsroom

import (
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// searchSize is how many articles a related-reading or translation search offers.
const searchSize = 10

// editorChoices fills the editor's pickers for the form's language.
func (s *Server) editorChoices(r *request, stored *content.Article, f *articleForm) (editorChoices, error) {
	c := editorChoices{}
	d, err := s.loadEditorData(r.Context(), f.Lang)
	if err != nil {
		return c, err
	}
	for _, k := range content.Kinds {
		c.Kinds = append(c.Kinds, option{Value: string(k), Label: r.T("nr.kind." + string(k)), Selected: k == f.Kind})
	}
	for _, l := range r.site.Langs {
		c.Langs = append(c.Langs, option{Value: string(l), Label: langName(l), Selected: l == f.Lang})
	}
	c.Sections = sectionOptions(d.tree, f.Lang, f.SectionID)
	tagIDs := make([]int64, len(d.tags))
	for i, t := range d.tags {
		tagIDs[i] = t.ID
	}
	c.Tags = idOptions(tagIDs, f.TagIDs, func(i int) string { return d.tags[i].Name })
	dossierIDs := make([]int64, len(d.dossiers))
	for i, x := range d.dossiers {
		dossierIDs[i] = x.ID
	}
	c.Dossiers = idOptions(dossierIDs, f.DossierIDs, func(i int) string { return d.dossiers[i].Title })
	personIDs := make([]int64, len(d.persons))
	for i, p := range d.persons {
		personIDs[i] = p.ID
	}
	person := func(i int) string {
		if d.persons[i].Role != "" {
			return d.persons[i].Name + " (" + d.persons[i].Role + ")"
		}
		return d.persons[i].Name
	}
	c.Authors = idOptions(personIDs, f.AuthorIDs, person)
	c.Contacts = idOptions(personIDs, f.ContactIDs, person)
	if c.Related, err = s.relatedChoices(r, stored, f); err != nil {
		return c, err
	}
	if c.Translations, err = s.translationChoices(r, stored, f); err != nil {
		return c, err
	}
	c.Photos, err = s.photoChoices(r, f)
	return c, err
}

// relatedChoices are the current picks, checked, then the search results: what the
// person may read (see findArticles, linkedOption).
func (s *Server) relatedChoices(r *request, stored *content.Article, f *articleForm) ([]option, error) {
	var out []option
	for _, id := range f.RelatedIDs {
		o, ok, err := s.linkedOption(r, id, stored != nil && contains(stored.RelatedIDs, id))
		if err != nil {
			return nil, err
		}
		if ok {
			o.Lang = "" // the picks are in the article's language
			out = append(out, o)
		}
	}
	if f.RelatedQ == "" {
		return out, nil
	}
	found, err := s.findArticles(r.Context(), r.user, store.ArticleQuery{Title: f.RelatedQ, Lang: f.Lang, Limit: searchSize})
	if err != nil {
		return nil, err
	}
	for _, it := range found {
		if (stored == nil || it.ID != stored.ID) && !contains(f.RelatedIDs, it.ID) {
			out = append(out, option{Value: idString(it.ID), Label: it.Title})
		}
	}
	return out, nil
}

// translationChoices are the article this one translates, checked, then the search
// results in the other languages: what the person may read.
func (s *Server) translationChoices(r *request, stored *content.Article, f *articleForm) ([]option, error) {
	var out []option
	if f.TranslationOf != 0 {
		linked := stored != nil && stored.StoryID == f.TranslationOf && stored.StoryID != stored.ID
		o, ok, err := s.linkedOption(r, f.TranslationOf, linked)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, o)
		}
	}
	if f.TranslationQ == "" {
		return out, nil
	}
	found, err := s.findArticles(r.Context(), r.user, store.ArticleQuery{Title: f.TranslationQ, Limit: searchSize})
	if err != nil {
		return nil, err
	}
	for _, it := range found {
		if it.Lang != f.Lang && it.ID != f.TranslationOf && (stored == nil || it.ID != stored.ID) {
			out = append(out, option{Value: idString(it.ID), Label: it.Title, Lang: it.Lang})
		}
	}
	return out, nil
}
