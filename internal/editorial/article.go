package editorial

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// MaxRelated bounds the manual related-reading picks: the site shows five.
const MaxRelated = 20

// ArticleInput is what a person asks an article to become: the editor's fields.
type ArticleInput struct {
	ID, Version int64 // 0: a new article; Version is the one the person read
	Kind        content.Kind
	Lang        content.Lang
	Title       string
	Standfirst  string
	Signature   string
	Body        string // Markdown
	SectionID   int64
	TagIDs      []int64
	NewTags     []string // names of tags to create in the article's language
	// DossierIDs are the dossiers the article is to be in; nil leaves them as they are.
	DossierIDs    []int64
	AuthorIDs     []int64
	ContactIDs    []int64
	RelatedIDs    []int64
	TranslationOf int64 // another language version of the same story
	Featured      bool
	PublishAt     time.Time
	Image         content.Image
	// PhotoID is the featured photo, 0 for none.
	PhotoID int64
	// Unreadable are fields the caller could not read (a date that is no date), with
	// their problem: reported with the use case's own, so a form shows them all at once.
	Unreadable map[string]string
}

// SaveArticle saves an article and takes a step of the workflow. It returns the article
// as stored, or a *content.ValidationError listing every problem (nothing is written
// then), a *ConflictError, ErrForbidden, ErrTrashed or store.ErrNotFound.
func (s *Service) SaveArticle(ctx context.Context, actor Actor, in ArticleInput, step content.Transition) (*content.Article, error) {
	a := &content.Article{Kind: in.Kind, Lang: in.Lang, Title: in.Title, Standfirst: in.Standfirst,
		Signature: in.Signature, Body: in.Body}
	if err := s.Typeset(a); err != nil {
		return nil, err
	}
	var saved *content.Article
	err := s.update(ctx, func(tx store.Tx) error {
		var err error
		saved, err = s.saveArticle(ctx, tx, actor, in, a, step)
		return err
	})
	if err != nil {
		return nil, err
	}
	return saved, nil
}

// saveArticle is SaveArticle inside its transaction; typeset holds the typeset text.
func (s *Service) saveArticle(ctx context.Context, tx store.Tx, actor Actor, in ArticleInput, typeset *content.Article, step content.Transition) (*content.Article, error) {
	stored, err := s.editable(ctx, tx, actor, in.ID)
	if err != nil {
		return nil, err
	}
	if stored != nil && in.Version != stored.Version {
		return nil, &ConflictError{Current: stored}
	}
	if err := s.mayStep(actor, stored, step); err != nil {
		return nil, err
	}
	a := &content.Article{Status: content.StatusDraft, CreatedBy: actor.userID()}
	if stored != nil {
		cp := *stored
		a = &cp
	}
	p := problems{}
	for f, m := range in.Unreadable {
		p.add(f, m)
	}
	site, err := tx.Site(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.applyInput(ctx, tx, actor, site, in, typeset, a, p); err != nil {
		return nil, err
	}
	now := s.now().UTC().Truncate(time.Second)
	action, detail := auditAction(step, stored, a, now, p)
	if err := s.applyPhotos(ctx, tx, in, a, p); err != nil {
		return nil, err
	}
	if err := s.finish(ctx, tx, stored, a, p); err != nil {
		return nil, err
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	a.UpdatedBy = actor.userID()
	return a, s.writeArticle(ctx, tx, actor, stored, a, in, action, detail)
}

// editable loads the article of id (nil for a new one) if the actor may change it.
func (s *Service) editable(ctx context.Context, tx store.Tx, actor Actor, id int64) (*content.Article, error) {
	if id == 0 {
		if !actor.can(auth.ActWrite) {
			return nil, ErrForbidden
		}
		return nil, nil
	}
	a, err := tx.ArticleByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !actor.MayEdit(a) {
		return nil, fmt.Errorf("%w: article %d is not this person's to change", ErrForbidden, id)
	}
	if !a.DeletedAt.IsZero() {
		return nil, fmt.Errorf("article %d: %w", id, ErrTrashed)
	}
	return a, nil
}

// MayEdit is auth.CanEdit without the trash: whether the article is in the trash is a
// state of its own, answered with its own error.
func (a Actor) MayEdit(art *content.Article) bool {
	if a.User == nil {
		return true
	}
	live := *art
	live.DeletedAt = time.Time{}
	return auth.CanEdit(a.User, &live)
}

// mayStep checks the role a workflow step needs.
func (s *Service) mayStep(actor Actor, stored *content.Article, step content.Transition) error {
	need := auth.ActWrite
	switch step {
	case content.Submit:
		need = auth.ActSubmit
	case content.Publish, content.Schedule, content.Unpublish, content.Archive:
		need = auth.ActPublish
	case content.Keep:
	default:
		return fmt.Errorf("%w: unknown step %q", content.ErrInvalid, step)
	}
	if !actor.can(need) {
		return fmt.Errorf("%w: %s", ErrForbidden, need)
	}
	return nil
}

// applyInput copies the input onto a, checking every choice against what exists, in the
// transaction. What the actor's role may not change stays as it was; what only a forged
// form could send is an error.
func (s *Service) applyInput(ctx context.Context, tx store.Tx, actor Actor, site content.Site, in ArticleInput, typeset, a *content.Article, p problems) error {
	lang := in.Lang
	if !site.HasLang(lang) {
		p.add("lang", "not a language tag")
		lang = site.DefaultLang()
	}
	a.Kind, a.Lang = in.Kind, lang
	a.Title, a.Standfirst, a.Signature = typeset.Title, typeset.Standfirst, typeset.Signature
	a.Body, a.BodyHTML = typeset.Body, typeset.BodyHTML
	a.PublishAt, a.Image = in.PublishAt, in.Image
	if actor.can(auth.ActEditAny) {
		a.Featured = in.Featured
	}
	if err := s.applyTaxonomy(ctx, tx, actor, in, a, p); err != nil {
		return err
	}
	return s.applyLinks(ctx, tx, actor, in, a, p)
}

// applyTaxonomy sets the section, tags, authors and press contacts.
func (s *Service) applyTaxonomy(ctx context.Context, tx store.Tx, actor Actor, in ArticleInput, a *content.Article, p problems) error {
	sections, err := tx.Sections(ctx)
	if err != nil {
		return err
	}
	if _, ok := content.NewSectionTree(sections).Get(in.SectionID); in.SectionID != 0 && !ok {
		p.add("section", "gone")
	}
	a.SectionID = in.SectionID
	tags, err := tx.Tags(ctx, a.Lang)
	if err != nil {
		return err
	}
	if !allIn(in.TagIDs, tags, func(t content.Tag) int64 { return t.ID }) {
		p.add("tags", "other language tags")
	}
	if len(in.NewTags) > 0 && !actor.can(auth.ActTaxonomy) {
		return fmt.Errorf("%w: a contributor may not create tags", ErrForbidden)
	}
	a.TagIDs = slices.Clone(in.TagIDs)
	persons, err := tx.Persons(ctx)
	if err != nil {
		return err
	}
	personID := func(p content.Person) int64 { return p.ID }
	if !allIn(in.AuthorIDs, persons, personID) || !allIn(in.ContactIDs, persons, personID) {
		p.add("authors", "gone")
	}
	a.AuthorIDs, a.ContactIDs = in.AuthorIDs, in.ContactIDs
	if a.Kind != content.KindPressRelease {
		a.ContactIDs = nil // press contacts are for press releases only
	}
	return nil
}

// applyLinks checks the related picks and the translation link. An article the actor may
// not open is "gone" to them, as one that does not exist, unless the link was there
// already (an editor made it): a contributor learns nothing of other people's drafts and
// embargoed releases by posting their IDs.
func (s *Service) applyLinks(ctx context.Context, tx store.Tx, actor Actor, in ArticleInput, a *content.Article, p problems) error {
	if len(in.RelatedIDs) > MaxRelated {
		p.add("related", "too many")
	}
	linked := make(map[int64]bool, len(a.RelatedIDs))
	for _, id := range a.RelatedIDs { // a is a copy of the stored article, or new
		linked[id] = true
	}
	for _, id := range in.RelatedIDs {
		other, err := tx.ArticleByID(ctx, id)
		switch {
		case errors.Is(err, store.ErrNotFound) || id == a.ID:
			p.add("related", "gone")
		case err != nil:
			return err
		case !linked[id] && !actor.mayRead(other):
			p.add("related", "gone")
		}
	}
	a.RelatedIDs = in.RelatedIDs
	switch {
	case in.TranslationOf != 0 && in.TranslationOf != a.ID:
		other, err := tx.ArticleByID(ctx, in.TranslationOf)
		if errors.Is(err, store.ErrNotFound) || err == nil && other.StoryID != a.StoryID && !actor.mayRead(other) {
			p.add("translation_of", "gone")
			return nil
		}
		if err != nil {
			return err
		}
		if other.Lang == a.Lang {
			p.add("translation_of", "same language")
		}
		a.StoryID = other.StoryID
	case a.ID != 0:
		a.StoryID = a.ID
	default:
		a.StoryID = 0
	}
	return nil
}

// auditAction applies the workflow step to a and says what the audit log records (""
// for nothing: saving a draft is not news).
func auditAction(step content.Transition, stored, a *content.Article, now time.Time, p problems) (action, detail string) {
	before := a.Status
	if err := p.merge(a.Apply(step, now)); err != nil {
		p.add("status", err.Error())
	}
	switch step {
	case content.Publish:
		detail = a.Title
	case content.Schedule:
		detail = a.PublishAt.UTC().Format("2006-01-02 15:04 UTC")
	}
	switch {
	case a.Status != before:
		return "article." + string(step), detail
	case stored == nil:
		return "article.create", a.Title
	case a.Status == content.StatusPublished || a.Status == content.StatusScheduled:
		return "article.update", a.Title // a change readers see, or will
	}
	return "", ""
}

// finish gives a its slug and adds the domain's own checks to p.
func (s *Service) finish(ctx context.Context, tx store.Tx, stored, a *content.Article, p problems) error {
	if content.SlugFollowsTitle(stored, a.Lang) {
		slug, err := content.UniqueSlug(a.Title, string(a.Kind), func(cand string) (bool, error) {
			if s.scheme.Reserved(a.Lang, cand) {
				return true, nil
			}
			other, err := tx.Article(ctx, a.Lang, cand)
			if errors.Is(err, store.ErrNotFound) {
				return false, nil
			}
			return err == nil && other.ID != a.ID, err
		})
		if err != nil {
			return err
		}
		a.Slug = slug
	}
	a.NormalizeStatus(s.now())
	return p.merge(a.Validate())
}

// allIn reports whether every ID is among items.
func allIn[T any](ids []int64, items []T, id func(T) int64) bool {
	for _, want := range ids {
		if !slices.ContainsFunc(items, func(it T) bool { return id(it) == want }) {
			return false
		}
	}
	return true
}
