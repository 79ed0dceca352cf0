package editorial

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/store"
)

// JobDerive makes the derivatives of one photo; its key is the photo's hash, so that a
// photo uploaded twice while its first job waits is derived once.
const JobDerive = "photo.derive"

// ErrPhotoInUse: a photo cannot be deleted while an article uses it. The error is a
// *PhotoInUseError listing the uses.
var ErrPhotoInUse = errors.New("the photo is in use")

// PhotoInUseError lists the articles that keep a photo from being deleted.
type PhotoInUseError struct {
	Uses []content.PhotoUse
}

func (e *PhotoInUseError) Error() string {
	return fmt.Sprintf("the photo is used by %d article(s)", len(e.Uses))
}
func (e *PhotoInUseError) Unwrap() error { return ErrPhotoInUse }

// AddPhoto records a photo the image pipeline has cleaned and stored (photo.Clean), with
// whatever words came with it, and queues its derivatives. The same photo uploaded again
// is the photo already there: p is filled with it, created is false, and its words are
// left as they are.
func (s *Service) AddPhoto(ctx context.Context, actor Actor, p *content.Photo) (created bool, err error) {
	if !actor.can(auth.ActWrite) {
		return false, ErrForbidden
	}
	p.CreatedBy = actor.userID()
	p.Widths = nil
	err = s.update(ctx, func(tx store.Tx) error {
		tx.Affect() // no page shows a photo no article uses yet
		var err error
		if created, err = s.storePhoto(ctx, tx, p); err != nil || !created {
			return err
		}
		return tx.Audit(ctx, actor.entry(s.now(), "photo.add", photoTarget(p.ID), p.Hash[:12]))
	})
	return created, err
}

// storePhoto writes a new photo, centred on its middle unless it says otherwise, or
// fills p with the one stored under its hash; and queues the derivatives it lacks.
func (s *Service) storePhoto(ctx context.Context, tx store.Tx, p *content.Photo) (created bool, err error) {
	if p.FocusX == 0 && p.FocusY == 0 {
		p.FocusX, p.FocusY = 50, 50
	}
	if err := p.Validate(); err != nil {
		return false, err
	}
	if created, err = tx.CreatePhoto(ctx, p); err != nil {
		return false, err
	}
	if !slices.Equal(p.Widths, content.WantedWidths(p.Width)) {
		err = s.queueDerive(ctx, tx, p)
	}
	return created, err
}

// DerivePayload is what a derivative job carries.
func DerivePayload(id int64) []byte { return strconv.AppendInt(nil, id, 10) }

// DeriveJobPhoto reads the photo ID of a derivative job.
func DeriveJobPhoto(job store.Job) (int64, error) {
	id, err := strconv.ParseInt(string(job.Payload), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("photo job %d: payload %q is no photo ID", job.ID, job.Payload)
	}
	return id, nil
}

func (s *Service) queueDerive(ctx context.Context, tx store.Tx, p *content.Photo) error {
	_, err := tx.EnqueueJob(ctx, store.NewJob{Kind: JobDerive, Key: p.Hash, Payload: DerivePayload(p.ID)})
	return err
}

// QueueMissingDerivatives queues the derivative job of every photo among the library
// that lacks some of its derivatives: serve calls it at start, so that photos whose job
// was given up are not left without them.
func (s *Service) QueueMissingDerivatives(ctx context.Context) (int, error) {
	n := 0
	err := s.update(ctx, func(tx store.Tx) error {
		tx.Affect()
		for offset := 0; ; offset += 500 {
			page, _, err := tx.Photos(ctx, store.PhotoQuery{Limit: 500, Offset: offset})
			if err != nil {
				return err
			}
			for i := range page {
				if !slices.Equal(page[i].Widths, content.WantedWidths(page[i].Width)) {
					if err := s.queueDerive(ctx, tx, &page[i]); err != nil {
						return err
					}
					n++
				}
			}
			if len(page) < 500 {
				return nil
			}
		}
	})
	return n, err
}

// PhotoDerived records the derivative widths of a photo that now exist, and purges the
// pages that show it so that they list them.
func (s *Service) PhotoDerived(ctx context.Context, id int64, widths []int) error {
	return s.update(ctx, func(tx store.Tx) error {
		p, err := tx.PhotoByID(ctx, id)
		if err != nil {
			return err
		}
		if slices.Equal(p.Widths, widths) {
			tx.Affect()
			return nil
		}
		tx.Affect(content.KeyPhoto(id))
		return tx.SetPhotoWidths(ctx, id, widths)
	})
}

// PhotoInput is what a person asks a photo's words to become.
type PhotoInput struct {
	ID      int64
	Alt     map[content.Lang]string // languages left out keep their alt text
	Caption string
	Credit  string
	// FocusX and FocusY are percent from the top left.
	FocusX, FocusY int
}

// UpdatePhoto saves a photo's alt texts, caption, credit and focal point. An alt text
// cannot be emptied in a language in which a published or scheduled article uses it.
func (s *Service) UpdatePhoto(ctx context.Context, actor Actor, in PhotoInput) (content.Photo, error) {
	if !actor.can(auth.ActWrite) {
		return content.Photo{}, ErrForbidden
	}
	var out content.Photo
	err := s.update(ctx, func(tx store.Tx) error {
		p, err := tx.PhotoByID(ctx, in.ID)
		if err != nil {
			return err
		}
		pr := problems{}
		alt := maps.Clone(p.Alt)
		if alt == nil {
			alt = map[content.Lang]string{}
		}
		for l, text := range in.Alt {
			if text = strings.TrimSpace(text); text == "" {
				delete(alt, l)
			} else {
				alt[l] = text
			}
		}
		uses, err := tx.PhotoUses(ctx, p.ID)
		if err != nil {
			return err
		}
		for _, u := range uses {
			if (u.Status == content.StatusPublished || u.Status == content.StatusScheduled) && alt[u.Lang] == "" {
				pr.add("alt_"+string(u.Lang), "needed: “"+u.Title+"” shows this photo")
			}
		}
		p.Alt = alt
		p.Caption, p.Credit = strings.TrimSpace(in.Caption), strings.TrimSpace(in.Credit)
		p.FocusX, p.FocusY = in.FocusX, in.FocusY
		if err := pr.merge(p.Validate()); err != nil {
			return err
		}
		if err := pr.err(); err != nil {
			return err
		}
		if err := tx.UpdatePhoto(ctx, &p); err != nil {
			return err
		}
		tx.Affect(content.KeyPhoto(p.ID))
		out = p
		return tx.Audit(ctx, actor.entry(s.now(), "photo.update", photoTarget(p.ID), p.Caption))
	})
	return out, err
}

// DeletePhoto deletes a photo's record, refused with a *PhotoInUseError while an article
// (even one in the trash) uses it. It returns the deleted photo, whose files the caller
// removes from the media store once this has returned.
func (s *Service) DeletePhoto(ctx context.Context, actor Actor, id int64) (content.Photo, error) {
	if !actor.can(auth.ActEditAny) {
		return content.Photo{}, ErrForbidden
	}
	var out content.Photo
	err := s.update(ctx, func(tx store.Tx) error {
		p, err := tx.PhotoByID(ctx, id)
		if err != nil {
			return err
		}
		uses, err := tx.PhotoUses(ctx, id)
		if err != nil {
			return err
		}
		if len(uses) > 0 {
			return &PhotoInUseError{Uses: uses}
		}
		if err := tx.DeletePhoto(ctx, id); err != nil {
			if errors.Is(err, store.ErrConflict) {
				uses, _ := tx.PhotoUses(ctx, id)
				return &PhotoInUseError{Uses: uses}
			}
			return err
		}
		tx.Affect(content.KeyPhoto(id))
		out = p
		return tx.Audit(ctx, actor.entry(s.now(), "photo.delete", photoTarget(id), p.Hash[:12]))
	})
	return out, err
}

// SetAlbum replaces an article's photo report album by items, in order. The actor must
// be allowed to edit the article; a published or scheduled article's photos must all
// have an alt text in its language.
func (s *Service) SetAlbum(ctx context.Context, actor Actor, articleID int64, items []content.AlbumItem) error {
	if len(items) > content.MaxAlbumLen {
		return &content.ValidationError{Problems: map[string]string{"album": fmt.Sprintf("at most %d photos", content.MaxAlbumLen)}}
	}
	return s.update(ctx, func(tx store.Tx) error {
		a, err := s.editable(ctx, tx, actor, articleID)
		if err != nil {
			return err
		}
		pr := problems{}
		ids := make([]int64, 0, len(items))
		for i := range items {
			items[i].Caption = strings.TrimSpace(items[i].Caption)
			if err := checkCaption(items[i].Caption); err != "" {
				pr.add("album", fmt.Sprintf("photo %d: %s", i+1, err))
			}
			ids = append(ids, items[i].PhotoID)
		}
		photos, err := tx.PhotosByID(ctx, ids)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if _, ok := photos[id]; !ok {
				pr.add("album", "a photo is gone")
			}
		}
		if shown(a) {
			for i, id := range ids {
				if p, ok := photos[id]; ok && p.AltIn(a.Lang) == "" {
					pr.add("album", fmt.Sprintf("photo %d needs an alt text in %s before the article can show it", i+1, a.Lang))
				}
			}
		}
		if err := pr.err(); err != nil {
			return err
		}
		if err := tx.SetAlbum(ctx, articleID, items); err != nil {
			return err
		}
		tx.Affect(content.KeyArticle(articleID))
		return tx.Audit(ctx, actor.entry(s.now(), "article.album", articleTarget(articleID), fmt.Sprintf("%d photos", len(items))))
	})
}

func checkCaption(c string) string {
	p := content.Photo{Caption: c}
	pr := problems{}
	_ = pr.merge(p.Validate())
	return pr["caption"]
}

// shown reports whether readers see the article now or will at its time: its photos
// need their alt text.
func shown(a *content.Article) bool {
	return a.Status == content.StatusPublished || a.Status == content.StatusScheduled
}

// BodyPhotoIDs returns the photos an article's Markdown places, each once, in the order
// the rendered text shows them: those the renderer writes as <img data-photo="N">,
// whether from ![…](photo:N) or raw HTML.
func BodyPhotoIDs(markdown string) []int64 {
	if !strings.Contains(strings.ToLower(markdown), "photo") {
		return nil // the common case, without parsing the text again
	}
	return render.PhotoRefs(markdown)
}

// applyPhotos checks the featured photo and the photos the body places; a shown article
// needs an alt text in its language for each of them and for its album's.
func (s *Service) applyPhotos(ctx context.Context, tx store.Tx, in ArticleInput, a *content.Article, p problems) error {
	a.PhotoID = in.PhotoID
	body := BodyPhotoIDs(a.Body)
	ids := body
	if a.PhotoID != 0 {
		ids = append([]int64{a.PhotoID}, body...)
	}
	photos, err := tx.PhotosByID(ctx, ids)
	if err != nil {
		return err
	}
	if _, ok := photos[a.PhotoID]; a.PhotoID != 0 && !ok {
		p.add("photo", "gone")
	}
	for _, id := range body {
		if _, ok := photos[id]; !ok {
			p.add("body", fmt.Sprintf("photo:%d is no photo of the library", id))
		}
	}
	if !shown(a) {
		return nil
	}
	if ph, ok := photos[a.PhotoID]; ok && ph.AltIn(a.Lang) == "" {
		p.add("photo", "needs an alt text in "+string(a.Lang)+" before the article is published")
	}
	for _, id := range body {
		if ph, ok := photos[id]; ok && ph.AltIn(a.Lang) == "" {
			p.add("body", fmt.Sprintf("photo:%d needs an alt text in %s before the article is published", id, a.Lang))
		}
	}
	if a.ID == 0 {
		return nil
	}
	album, err := tx.Album(ctx, a.ID)
	if err != nil {
		return err
	}
	for i, it := range album {
		if it.Photo.AltIn(a.Lang) == "" {
			p.add("album", fmt.Sprintf("photo %d of the album needs an alt text in %s before the article is published", i+1, a.Lang))
			break
		}
	}
	return nil
}

func photoTarget(id int64) string { return fmt.Sprintf("photo %d", id) }
