package content

import (
	"fmt"
	"strconv"
	"time"
)

// Transition is a step of the editorial workflow that a save may take besides changing
// the fields: draft → submitted → scheduled or published → unpublished or archived.
type Transition string

const (
	Keep      Transition = ""          // save the fields, status as it is
	Submit    Transition = "submit"    // a draft goes to review
	Publish   Transition = "publish"   // readers see it now
	Schedule  Transition = "schedule"  // readers see it at PublishAt, an embargo
	Unpublish Transition = "unpublish" // back to a draft
	Archive   Transition = "archive"   // withdrawn: its address answers 410
)

// Valid reports whether t is a known transition.
func (t Transition) Valid() bool {
	switch t {
	case Keep, Submit, Publish, Schedule, Unpublish, Archive:
		return true
	}
	return false
}

// Apply takes t at now: it sets the article's status, and its publication time when
// publishing. Scheduling needs a publication time after now.
func (a *Article) Apply(t Transition, now time.Time) error {
	switch t {
	case Keep:
	case Submit:
		if a.Status == StatusDraft {
			a.Status = StatusSubmitted
		}
	case Publish:
		a.Status = StatusPublished
		if a.PublishAt.IsZero() || a.PublishAt.After(now) {
			a.PublishAt = now
		}
	case Schedule:
		// Compared as stored, to the second: "now" with a fraction of a second to spare
		// is now, not later.
		if !a.PublishAt.Truncate(time.Second).After(now.Truncate(time.Second)) {
			return &ValidationError{Problems: map[string]string{"publish_at": "future"}}
		}
		a.Status = StatusScheduled
	case Unpublish:
		a.Status = StatusDraft
	case Archive:
		a.Status = StatusArchived
	default:
		return fmt.Errorf("%w: unknown transition %q", ErrInvalid, t)
	}
	return nil
}

// NormalizeStatus keeps "published" meaning "visible now": an article published with a
// future time is scheduled instead, so that it appears on its minute and not before; one
// published without a time is published now. PublishAt is truncated to the second
// before the comparison, as it is stored: "publish now" with the clock's own reading
// must not land a fraction of a second in the future.
func (a *Article) NormalizeStatus(now time.Time) {
	a.PublishAt = a.PublishAt.UTC().Truncate(time.Second)
	now = now.UTC().Truncate(time.Second)
	switch {
	case a.Status == StatusPublished && a.PublishAt.IsZero():
		a.PublishAt = now
	case a.Status == StatusPublished && a.PublishAt.After(now):
		a.Status = StatusScheduled
	}
}

// SlugFollowsTitle reports whether a save gives the article a new slug from its title.
// It does until the article is first published (or scheduled); after that its address
// stays: a changed slug would still redirect, but links in print would not. An article
// moved to another language gets a slug there. stored is nil for a new article.
func SlugFollowsTitle(stored *Article, lang Lang) bool {
	return stored == nil || stored.Lang != lang ||
		(stored.PublishAt.IsZero() && (stored.Status == StatusDraft || stored.Status == StatusSubmitted))
}

// maxSlugTries bounds the suffixes UniqueSlug tries.
const maxSlugTries = 1000

// ErrNoSlug is UniqueSlug's answer when every candidate it tried was taken.
var ErrNoSlug = fmt.Errorf("%w: no free slug", ErrInvalid)

// UniqueSlug returns the slug of text, or of fallback when text makes none, made unique
// with taken: "greve", then "greve-2", "greve-3"… The base is cut short enough for the
// suffix. taken answers for a candidate whether it is used (or reserved).
func UniqueSlug(text, fallback string, taken func(slug string) (bool, error)) (string, error) {
	base := Slugify(text)
	if base == "" {
		base = Slugify(fallback)
	}
	base = ClipSlug(base, MaxSlugLen-4) // room for "-999"
	for i := 1; i <= maxSlugTries; i++ {
		cand := base
		if i > 1 {
			cand = base + "-" + strconv.Itoa(i)
		}
		t, err := taken(cand)
		if err != nil {
			return "", err
		}
		if !t {
			return cand, nil
		}
	}
	return "", fmt.Errorf("%w for %q", ErrNoSlug, base)
}
