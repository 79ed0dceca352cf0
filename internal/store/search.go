package store

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// SearchQuery asks the full-text index. Text is what the reader typed; the store parses
// it with the search package, so nothing in it is ever syntax for the database. A blank
// Text lists what the filters select, newest first (by publication time), unranked.
type SearchQuery struct {
	Text string
	// Langs are the languages the query's words are analysed for: the site's languages,
	// or the one the reader filters on. Empty: French, Dutch and English.
	Langs []content.Lang

	// Filters; zero values select everything.
	Lang       content.Lang
	SectionID  int64
	SectionIDs []int64 // any of these sections (a section and those below it)
	TagID      int64
	DossierID  int64
	Kind       content.Kind
	AuthorID   int64     // a person among the authors
	From, To   time.Time // publication date range, To exclusive

	// Staff searches the newsroom: every status but the trash instead of what readers
	// see (published, live at Now). CreatedBy narrows it to one account's articles.
	Staff     bool
	CreatedBy int64
	Statuses  []content.Status // with Staff: only these statuses; empty: all
	// Now is the reader's moment: an article published at a later minute (an embargo
	// that has not lifted) is not found. Zero: the store's clock.
	Now time.Time

	// Types are the content types searched: SubjectArticle and the types of documents
	// (SearchDocument.Subject.Type, such as "issue-page"). Empty: articles only.
	//
	// Documents of other types have a language, a publication time and a visibility,
	// nothing else: Lang, From, To, Staff and Now apply to them, and a filter that only
	// articles have (a section, a tag, a dossier, a kind, an author, CreatedBy, Statuses)
	// leaves them out, as it leaves out the articles it does not name.
	Types []string

	Limit  int
	Offset int
}

// SearchHit is one article or document found, best first.
type SearchHit struct {
	// Subject is what was found: ArticleSubject(ID) for an article, the document's
	// subject for another type. Part is the document's part (an issue's page), 0 for an
	// article.
	Subject Subject
	Part    int
	// NewsroomItem is the article found. For a document, only Title, Lang and PublishAt
	// are set, to the document's own; the rest (ID, Slug, Status…) belongs to articles
	// and stays zero.
	NewsroomItem
	// Body is the article's standfirst and Markdown body, or the document's text, for
	// the caller to cut a snippet from with search.Snippet.
	Body string
	Rank float64 // higher is better; only comparable within one result
}

// SearchResult is one page of hits and how many articles and documents match in all.
type SearchResult struct {
	Hits  []SearchHit
	Total int
}

// IndexStats describe the search index, for operators and the benchmark.
type IndexStats struct {
	Articles  int   // articles in the index
	Documents int   // documents of other types in the index
	Bytes     int64 // space the index takes in the database, as well as it can tell
}

// SearchDocument is one entry of the search index for content that is not an article:
// a page of a printed issue, an event. Its owner writes it (SearchIndexWriter) in the
// transaction that saves the content, from text only the owner can produce (a PDF
// page's), and the store keeps that text: a reindex analyses it again, a copy or a
// backup carries it, and a hit hands it back for the snippet.
type SearchDocument struct {
	// Subject is the content the document belongs to, typed as readers see it found: a
	// page of issue 42 is {Type: "issue-page", ID: 42}. Its type is anything but
	// SubjectArticle: lowercase letters, digits and hyphens.
	Subject Subject
	// Part tells a subject's documents apart: the page number within an issue, each
	// page found, ranked and linked on its own; 0 for a subject indexed whole.
	Part int
	// Lang is the language the text is analysed (stemmed) in.
	Lang content.Lang
	// Title counts as much as it does for articles: ten times the body. For an issue's
	// page, say, the paper's name, the number and the page's headlines.
	Title, Body string
	// Visible says that readers may find the document from PublishAt on (an issue
	// published, or scheduled); the newsroom finds every document. As for articles,
	// PublishAt is tested when the search runs, so an embargo lifts with no write.
	// PublishAt also gives the recency of the ranking and the date From and To filter
	// on; a visible document must have one.
	Visible   bool
	PublishAt time.Time
}

// documentType is what a document's type may be: a word for addresses and forms.
var documentType = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// maxDocumentType bounds the length of a document's type.
const maxDocumentType = 40

// Validate reports a document the index cannot hold.
func (d SearchDocument) Validate() error {
	switch {
	case d.Subject.Type == SubjectArticle:
		return fmt.Errorf("%w: search document: articles are indexed as they are written", content.ErrInvalid)
	case len(d.Subject.Type) > maxDocumentType || !documentType.MatchString(d.Subject.Type):
		return fmt.Errorf("%w: search document: type %q", content.ErrInvalid, d.Subject.Type)
	case d.Subject.ID <= 0 || d.Part < 0:
		return fmt.Errorf("%w: search document %s %d, part %d", content.ErrInvalid, d.Subject.Type, d.Subject.ID, d.Part)
	case d.Visible && d.PublishAt.IsZero():
		return fmt.Errorf("%w: search document %s %d: visible without a publication time", content.ErrInvalid, d.Subject.Type, d.Subject.ID)
	}
	if l, err := content.ParseLang(string(d.Lang)); err != nil || l != d.Lang {
		return fmt.Errorf("%w: search document %s %d: language %q", content.ErrInvalid, d.Subject.Type, d.Subject.ID, d.Lang)
	}
	return nil
}

// SearchIndexWriter writes documents of other types than articles into the search
// index, in the transaction that saves their content: the entry exists if and only if
// the content's save commits, and it is found as soon as it does.
type SearchIndexWriter interface {
	// IndexDocument adds a document, or replaces the one with the same subject and part.
	IndexDocument(ctx context.Context, d SearchDocument) error
	// UnindexDocument removes every part of a subject (an issue deleted, or its PDF
	// replaced by one with fewer pages, before its pages are indexed again). Removing
	// what is not indexed is no error.
	UnindexDocument(ctx context.Context, s Subject) error
}

// Searcher is the full-text search over articles and documents of other types. Every
// write to an article updates the index in the same transaction, so a publish is
// searchable when it commits and an unpublish or a deletion is gone from readers'
// results at once; documents follow their owners' transactions (SearchIndexWriter).
type Searcher interface {
	// Search never fails on what a reader typed: unbalanced quotes or query syntax give
	// a best-effort result, words with nothing to look for (only an exclusion) an empty
	// one, not an error; a blank query lists what the filters select, newest first.
	Search(ctx context.Context, q SearchQuery) (SearchResult, error)
	// Reindex rebuilds the whole index while the site keeps answering, in batches, and
	// reports its progress after each one: the articles, then the documents of other
	// types, analysed again from the text the index keeps of them.
	Reindex(ctx context.Context, progress func(done, total int)) error
	IndexStats(ctx context.Context) (IndexStats, error)
}
