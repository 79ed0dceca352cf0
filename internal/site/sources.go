package site

import (
	"errors"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/webkit"
)

// The lists of articles that a list page shows and its feed carries: found by the
// page's key, they record the keys of what decides their entries, and fetch them newest
// first. A list that does not exist is a 404.

// articleList fetches one stretch of a list's articles.
type articleList func(limit, offset int) ([]content.Teaser, error)

// readersList is the articles readers see in the page's language that q selects.
func (s *Server) readersList(b *build, q store.ListQuery) articleList {
	return func(limit, offset int) ([]content.Teaser, error) {
		q.Audience, q.Lang, q.Limit, q.Offset = store.Readers, b.lang, limit, offset
		return s.store.Articles(b.ctx, q)
	}
}

// latestList is every article of the language; pressList its press releases. Every
// publish in the language touches KeyLatest.
func (s *Server) latestList(b *build) articleList {
	b.show(content.KeyLatest(b.lang))
	return s.readersList(b, store.ListQuery{})
}

func (s *Server) pressList(b *build) articleList {
	b.show(content.KeyLatest(b.lang))
	return s.readersList(b, store.ListQuery{Kind: content.KindPressRelease})
}

// sectionList is a section's articles and its subsections'.
func (s *Server) sectionList(b *build, slug string) (content.Section, articleList, error) {
	sec, ok := b.st.sections.BySlug(b.lang, slug)
	if !ok {
		return sec, nil, webkit.NotFound(errors.New("no such section"))
	}
	ids := b.st.sections.Descendants(sec.ID)
	for _, id := range ids {
		b.show(content.KeySection(id, b.lang))
	}
	return sec, s.readersList(b, store.ListQuery{SectionIDs: ids}), nil
}

func (s *Server) tagList(b *build, slug string) (content.Tag, articleList, error) {
	t, err := s.store.Tag(b.ctx, b.lang, slug)
	if err != nil {
		return t, nil, err
	}
	b.show(content.KeyTag(t.ID))
	return t, s.readersList(b, store.ListQuery{TagID: t.ID}), nil
}

func (s *Server) authorList(b *build, slug string) (content.Person, articleList, error) {
	person, err := s.store.Person(b.ctx, slug)
	if err != nil {
		return person, nil, err
	}
	b.show(content.KeyPerson(person.ID), content.KeyAuthor(person.ID, b.lang))
	return person, s.readersList(b, store.ListQuery{AuthorID: person.ID}), nil
}

// dossierList is a dossier's articles in the dossier's order.
func (s *Server) dossierList(b *build, slug string) (content.Dossier, articleList, error) {
	d, err := s.store.Dossier(b.ctx, b.lang, slug)
	if err != nil {
		return d, nil, err
	}
	b.show(content.KeyDossier(d.ID))
	return d, func(limit, offset int) ([]content.Teaser, error) {
		return s.store.DossierArticles(b.ctx, d.ID, store.Readers, limit, offset)
	}, nil
}
