package store

import (
	"context"

	"github.com/roneo/roneo/internal/content"
)

// TaxonomyReader reads the site's settings, sections, tags and people.
type TaxonomyReader interface {
	Site(ctx context.Context) (content.Site, error)
	// Sections returns every section with its names in all languages.
	Sections(ctx context.Context) ([]content.Section, error)
	Tag(ctx context.Context, lang content.Lang, slug string) (content.Tag, error)
	// Tags lists a language's tags by name.
	Tags(ctx context.Context, lang content.Lang) ([]content.Tag, error)
	Person(ctx context.Context, slug string) (content.Person, error)
	PersonByID(ctx context.Context, id int64) (content.Person, error)
	// Persons lists everyone the site names, by name.
	Persons(ctx context.Context) ([]content.Person, error)
}

// TaxonomyWriter changes them.
type TaxonomyWriter interface {
	PutSite(ctx context.Context, s content.Site) error
	CreatePerson(ctx context.Context, p *content.Person) error
	UpdatePerson(ctx context.Context, p *content.Person) error
	CreateSection(ctx context.Context, s *content.Section) error
	// UpdateSection saves a section's place and replaces its names in every language.
	UpdateSection(ctx context.Context, s *content.Section) error
	CreateTag(ctx context.Context, t *content.Tag) error
}
