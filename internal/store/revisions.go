package store

import (
	"context"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// Subject names what a revision is of: a content type and an ID of that type.
// Articles are the first type; newspaper issues and events keep their history the same
// way.
type Subject struct {
	Type string
	ID   int64
}

// SubjectArticle is the type of articles' revisions.
const SubjectArticle = "article"

// ArticleSubject names an article.
func ArticleSubject(id int64) Subject { return Subject{Type: SubjectArticle, ID: id} }

// Revision is one saved state of something, kept whole.
type Revision struct {
	ID      int64
	Subject Subject
	Version int64
	UserID  int64 // 0: nobody signed in (the scheduler, an import)
	SavedAt time.Time
	// Snapshot is the saved state as JSON, in the subject type's own encoding.
	Snapshot []byte
	// Article is the snapshot decoded, for an article's revision: its fields and its
	// relations as IDs.
	Article content.Article
}

// RevisionReader reads saved states.
type RevisionReader interface {
	// Revisions lists a subject's saved states, the newest first.
	Revisions(ctx context.Context, s Subject) ([]Revision, error)
	Revision(ctx context.Context, id int64) (Revision, error)
}

// RevisionWriter keeps a saved state. Articles record theirs as they are written; other
// content types call it in the transaction that saves them.
type RevisionWriter interface {
	RecordRevision(ctx context.Context, r Revision) error
}
