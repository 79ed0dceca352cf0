package editorial

import (
	"context"
	"errors"
	"fmt"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// Batch is the bulk path: content made by a program rather than typed in the newsroom
// (the demo, an import), written many items to one transaction. Articles come typeset
// (Typeset, which callers run on every CPU beforehand); a batch gives them a slug when
// they have none, checks them, writes them without a revision (the first change of an
// imported article keeps the original state instead, so a large import does not double
// its size), queues the publication of scheduled ones, and records one audit entry.
// Every page may show what a batch adds: it touches everything.
type Batch struct {
	s     *Service
	tx    store.Tx
	ctx   context.Context
	count map[string]int
}

// Bulk runs fn in one transaction for actor, which is Roneo itself doing what its name
// says ("demo", "import").
func (s *Service) Bulk(ctx context.Context, actor Actor, fn func(b *Batch) error) error {
	if actor.User != nil {
		return fmt.Errorf("%w: the bulk path is for programs, not accounts", ErrForbidden)
	}
	return s.update(ctx, func(tx store.Tx) error {
		b := &Batch{s: s, tx: tx, ctx: ctx, count: map[string]int{}}
		if err := fn(b); err != nil {
			return err
		}
		tx.AffectAll()
		if len(b.count) == 0 {
			return nil
		}
		return tx.Audit(ctx, actor.entry(s.now(), "bulk."+actor.Name, "content", b.summary()))
	})
}

func (b *Batch) summary() string {
	s := fmt.Sprintf("%d articles, %d sections, %d tags, %d dossiers, %d people",
		b.count["article"], b.count["section"], b.count["tag"], b.count["dossier"], b.count["person"])
	if n := b.count["photo"]; n > 0 {
		s += fmt.Sprintf(", %d photos", n)
	}
	return s
}

// Tx is the batch's transaction, for what the bulk path reads.
func (b *Batch) Tx() store.Reader { return b.tx }

// CreateArticle checks and writes a typeset article. One without a slug gets its
// title's, made unique; one with a slug keeps it, and a taken one is a conflict.
func (b *Batch) CreateArticle(a *content.Article) error {
	if a.Slug == "" {
		slug, err := content.UniqueSlug(a.Title, string(a.Kind), func(cand string) (bool, error) {
			if b.s.scheme.Reserved(a.Lang, cand) {
				return true, nil
			}
			_, err := b.tx.Article(b.ctx, a.Lang, cand)
			if errors.Is(err, store.ErrNotFound) {
				return false, nil
			}
			return err == nil, err
		})
		if err != nil {
			return err
		}
		a.Slug = slug
	}
	a.NormalizeStatus(b.s.now())
	if err := b.tx.CreateArticle(b.ctx, a); err != nil {
		return err
	}
	if len(BodyPhotoIDs(a.Body)) > 0 {
		if err := setBodyPhotos(b.ctx, b.tx, a); err != nil {
			return err
		}
	}
	b.count["article"]++
	return b.s.queuePublication(b.ctx, b.tx, a)
}

// CreateSection writes a section whose names are typeset.
func (b *Batch) CreateSection(sec *content.Section) error {
	b.count["section"]++
	return b.tx.CreateSection(b.ctx, sec)
}

// CreateTag writes a tag.
func (b *Batch) CreateTag(t *content.Tag) error {
	b.count["tag"]++
	return b.tx.CreateTag(b.ctx, t)
}

// CreatePerson writes a person.
func (b *Batch) CreatePerson(p *content.Person) error {
	b.count["person"]++
	return b.tx.CreatePerson(b.ctx, p)
}

// CreateDossier writes a dossier and its members.
func (b *Batch) CreateDossier(d *content.Dossier, members []int64) error {
	b.count["dossier"]++
	if err := b.tx.CreateDossier(b.ctx, d); err != nil {
		return err
	}
	if len(members) == 0 {
		return nil
	}
	return b.tx.SetDossierArticles(b.ctx, d.ID, dedupe(members))
}

// SetDossierMembers replaces a dossier's list of articles.
func (b *Batch) SetDossierMembers(dossierID int64, members []int64) error {
	return b.tx.SetDossierArticles(b.ctx, dossierID, dedupe(members))
}

// PutSite writes the settings.
func (b *Batch) PutSite(site content.Site) error { return b.tx.PutSite(b.ctx, site) }

// AddRedirect writes a redirect checked as AddRedirects checks them.
func (b *Batch) AddRedirect(l RedirectLine) error {
	r, err := redirectOf(l)
	if err != nil {
		return err
	}
	return b.tx.PutRedirect(b.ctx, r)
}

// AddPhoto records a cleaned photo (photo.Clean) and queues its derivatives, or fills p
// with the photo already stored under its hash.
func (b *Batch) AddPhoto(p *content.Photo) (created bool, err error) {
	created, err = b.s.storePhoto(b.ctx, b.tx, p)
	if created {
		b.count["photo"]++
	}
	return created, err
}

// SetAlbum replaces an article's album.
func (b *Batch) SetAlbum(articleID int64, items []content.AlbumItem) error {
	return b.tx.SetAlbum(b.ctx, articleID, items)
}

// SetPhotoWidths records the derivative widths a photo has, for content whose
// derivatives were made before it was written (the demo).
func (b *Batch) SetPhotoWidths(id int64, widths []int) error {
	return b.tx.SetPhotoWidths(b.ctx, id, widths)
}
