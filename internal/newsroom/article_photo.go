package newsroom

import (
	"errors"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// photoSearchSize is how many photos the editor's featured-photo search offers.
const photoSearchSize = 12

// photoChoice is a photo the editor offers as the article's featured photo.
type photoChoice struct {
	Photo      photoView
	Selected   bool
	AltMissing bool // no alt text in the article's language: it cannot be published so
}

// albumLink is the editor's way to the article's album.
type albumLink struct {
	URL   string
	Count int
}

// photoChoices are the featured photo, checked, then the photos the search finds: by
// caption, credit or alt text, or by number ("12" or "#12").
func (s *Server) photoChoices(r *request, f *articleForm) ([]photoChoice, error) {
	var out []photoChoice
	add := func(p content.Photo, selected bool) {
		for _, c := range out {
			if c.Photo.ID == p.ID {
				return
			}
		}
		out = append(out, photoChoice{Photo: s.photoView(r, p, len(out)+1, f.Lang), Selected: selected,
			AltMissing: p.AltIn(f.Lang) == ""})
	}
	byID := func(id int64, selected bool) error {
		p, err := s.store.PhotoByID(r.Context(), id)
		if errors.Is(err, store.ErrNotFound) {
			return nil // the core reports a featured photo that is gone
		}
		if err == nil {
			add(p, selected)
		}
		return err
	}
	if f.PhotoID != 0 {
		if err := byID(f.PhotoID, true); err != nil {
			return nil, err
		}
	}
	if f.PhotoQ == "" {
		return out, nil
	}
	if id, ok := formID(strings.TrimPrefix(f.PhotoQ, "#")); ok {
		if err := byID(id, false); err != nil {
			return nil, err
		}
	}
	found, _, err := s.store.Photos(r.Context(), store.PhotoQuery{Q: f.PhotoQ, Limit: photoSearchSize})
	if err != nil {
		return nil, err
	}
	for _, p := range found {
		add(p, false)
	}
	return out, nil
}
