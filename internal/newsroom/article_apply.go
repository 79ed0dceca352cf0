package newsroom

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// maxRelated bounds the manual related-reading picks: the site shows five.
const maxRelated = 20

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

// applyForm copies the form onto a — a stored article or a new one — typeset and
// rendered, and returns the problems a person can fix. What the person's role may not
// change stays as it was; what only a forged form could send is an error.
func (s *Server) applyForm(r *request, d *editorData, f *articleForm, a *content.Article) (fieldErrors, error) {
	fe := fieldErrors{}
	lang, err := content.ParseLang(string(f.Lang))
	if err != nil || !r.site.HasLang(lang) {
		fe["lang"] = r.T("nr.problem.not a language tag")
		lang = r.site.DefaultLang()
	}
	f.Lang = lang
	L := string(lang)
	a.Kind, a.Lang = f.Kind, lang
	a.Title = s.cfg.Renderer.Text(L, strings.TrimSpace(f.Title))
	a.Standfirst = s.cfg.Renderer.Text(L, strings.TrimSpace(f.Standfirst))
	a.Signature = s.cfg.Renderer.Text(L, strings.TrimSpace(f.Signature))
	a.Body = f.Body
	if a.BodyHTML, err = s.cfg.Renderer.Markdown(L, f.Body); err != nil {
		return nil, err
	}
	if _, ok := d.tree.Get(f.SectionID); f.SectionID != 0 && !ok {
		fe["section"] = r.T("nr.problem.gone")
	}
	a.SectionID = f.SectionID
	if !allIn(f.TagIDs, d.tags, func(t content.Tag) int64 { return t.ID }) {
		fe["tags"] = r.T("nr.problem.other language tags")
	}
	if f.NewTags != "" && !auth.Can(r.user, auth.ActTaxonomy) {
		return nil, forbidden(errors.New("a contributor may not create tags"))
	}
	a.TagIDs = f.TagIDs
	personID := func(p content.Person) int64 { return p.ID }
	if !allIn(f.AuthorIDs, d.persons, personID) || !allIn(f.ContactIDs, d.persons, personID) {
		fe["authors"] = r.T("nr.problem.gone")
	}
	a.AuthorIDs, a.ContactIDs = f.AuthorIDs, f.ContactIDs
	if a.Kind != content.KindPressRelease {
		a.ContactIDs = nil // the pickers say they are for press releases only
	}
	if auth.Can(r.user, auth.ActEditAny) {
		a.Featured = f.Featured
	}
	if err := s.applyLinks(r, f, a, fe); err != nil {
		return nil, err
	}
	t, ok := publishTime(f.PublishAt, r.site.Location)
	if !ok {
		fe["publish_at"] = r.T("nr.problem.date")
	}
	a.PublishAt = t
	return fe, nil
}

// applyLinks checks the related picks and the translation link.
func (s *Server) applyLinks(r *request, f *articleForm, a *content.Article, fe fieldErrors) error {
	ctx := r.Context()
	if len(f.RelatedIDs) > maxRelated {
		fe["related"] = r.T("nr.problem.too many")
	}
	for _, id := range f.RelatedIDs {
		if _, err := s.store.ArticleByID(ctx, id); errors.Is(err, store.ErrNotFound) || id == a.ID {
			fe["related"] = r.T("nr.problem.gone")
		} else if err != nil {
			return err
		}
	}
	a.RelatedIDs = f.RelatedIDs
	switch {
	case f.TranslationOf != 0 && f.TranslationOf != a.ID:
		other, err := s.store.ArticleByID(ctx, f.TranslationOf)
		if errors.Is(err, store.ErrNotFound) {
			fe["translation_of"] = r.T("nr.problem.gone")
			return nil
		}
		if err != nil {
			return err
		}
		if other.Lang == a.Lang {
			fe["translation_of"] = r.T("nr.problem.same language")
		}
		a.StoryID = other.StoryID
	case a.ID != 0:
		a.StoryID = a.ID
	default:
		a.StoryID = 0
	}
	return nil
}

func allIn[T any](ids []int64, items []T, id func(T) int64) bool {
	for _, want := range ids {
		if !slices.ContainsFunc(items, func(it T) bool { return id(it) == want }) {
			return false
		}
	}
	return true
}

// uniqueSlug gives a the slug of its title, unique in its language: "greve", then
// "greve-2", "greve-3"…
func (s *Server) uniqueSlug(ctx context.Context, a *content.Article) error {
	base := content.Slugify(a.Title)
	if base == "" {
		base = string(a.Kind)
		base = strings.ReplaceAll(base, "_", "-")
	}
	if len(base) > content.MaxSlugLen-4 {
		base = strings.TrimRight(content.Slugify(base[:content.MaxSlugLen-4]), "-")
	}
	for i := 1; i <= 1000; i++ {
		cand := base
		if i > 1 {
			cand = base + "-" + strconv.Itoa(i)
		}
		other, err := s.store.Article(ctx, a.Lang, cand)
		if errors.Is(err, store.ErrNotFound) || (err == nil && other.ID == a.ID) {
			a.Slug = cand
			return nil
		}
		if err != nil {
			return err
		}
	}
	return fmt.Errorf("no free slug for %q: %w", base, store.ErrConflict)
}
