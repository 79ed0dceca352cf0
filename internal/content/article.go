package content

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Kind says what an article is; the site labels and lays out each kind its own way.
type Kind string

const (
	KindArticle      Kind = "article"
	KindPressRelease Kind = "press_release"
	KindPhotoReport  Kind = "photo_report"
)

// Kinds lists every kind, in the order forms show them.
var Kinds = []Kind{KindArticle, KindPressRelease, KindPhotoReport}

func (k Kind) Valid() bool {
	return k == KindArticle || k == KindPressRelease || k == KindPhotoReport
}

// Status is where an article stands in the editorial workflow.
type Status string

const (
	StatusDraft     Status = "draft"
	StatusSubmitted Status = "submitted" // waiting for an editor's review
	StatusScheduled Status = "scheduled" // published automatically at PublishAt (an embargo)
	StatusPublished Status = "published"
	StatusArchived  Status = "archived" // withdrawn: its URL answers 410 Gone
)

// Statuses lists every status in workflow order.
var Statuses = []Status{StatusDraft, StatusSubmitted, StatusScheduled, StatusPublished, StatusArchived}

func (s Status) Valid() bool {
	switch s {
	case StatusDraft, StatusSubmitted, StatusScheduled, StatusPublished, StatusArchived:
		return true
	}
	return false
}

// Limits on article fields, in characters. They keep pages and indexes sane, not prose short.
const (
	MaxTitleLen      = 300
	MaxStandfirstLen = 1000
	MaxSignatureLen  = 200
	MaxBodyLen       = 500_000
)

// Image is a picture shown with an article or a dossier: a path under the media store and
// the words that go with it.
type Image struct {
	Path    string
	Alt     string
	Caption string
	Credit  string
}

// Article is one language version of a story: an article, a press release or a photo report.
type Article struct {
	ID int64
	// StoryID groups the language versions of one story. It is the ID of the first version.
	StoryID    int64
	Kind       Kind
	Lang       Lang
	Slug       string
	Title      string
	Standfirst string
	Body       string // Markdown, as written
	BodyHTML   string // rendered and sanitised at save time; never rendered per request
	// Signature is a free-text byline ("by our Namur correspondent") used when there is no
	// author profile, or shown in addition to the authors.
	Signature string
	SectionID int64 // 0: no section
	Status    Status
	Featured  bool // a candidate for the lead story on the home page
	Image     Image
	// PhotoID is the article's featured photo (0: none): its picture on its page, in
	// lists, in the print view and in share previews. Photo is filled when a store loads
	// the article or its teaser.
	PhotoID int64
	Photo   Photo
	// PublishAt is when a scheduled article goes out, and when a published one did.
	PublishAt time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
	// Version grows by one on every save, so that two people saving the same article are
	// noticed instead of one silently overwriting the other.
	Version int64
	// CreatedBy and UpdatedBy are newsroom accounts (0: none, as for imports and demo
	// content). A contributor may edit the drafts they created.
	CreatedBy int64
	UpdatedBy int64
	// DeletedAt is set while the article is in the trash: readers get 410, editors can
	// restore it.
	DeletedAt time.Time

	// Relations. A store fills them when it loads a whole article; on write they say what
	// the article links to.
	AuthorIDs  []int64
	TagIDs     []int64
	ContactIDs []int64 // press contacts, shown on press releases
	RelatedIDs []int64 // manual related-reading picks, in order
	Authors    []Person
	Tags       []Tag
	Contacts   []Person
}

// Teaser is what lists show of an article.
type Teaser struct {
	ID         int64
	StoryID    int64
	Kind       Kind
	Lang       Lang
	Slug       string
	Title      string
	Standfirst string
	Signature  string
	SectionID  int64
	Image      Image
	PhotoID    int64
	Photo      Photo // filled by the store when PhotoID is set
	PublishAt  time.Time
	UpdatedAt  time.Time
}

// Visible reports whether readers may see the article at time now.
func (a *Article) Visible(now time.Time) bool {
	return a.Status == StatusPublished && !a.PublishAt.After(now) && a.DeletedAt.IsZero()
}

// Gone reports whether the article was withdrawn or deleted: its address answers 410.
func (a *Article) Gone() bool {
	return a.Status == StatusArchived || !a.DeletedAt.IsZero()
}

// Embargoed reports whether a press release waits for its embargo to lift at now.
func (a *Article) Embargoed(now time.Time) bool {
	return a.Kind == KindPressRelease && a.Status == StatusScheduled && a.PublishAt.After(now)
}

// Teaser returns the list view of the article.
func (a *Article) Teaser() Teaser {
	return Teaser{
		ID: a.ID, StoryID: a.StoryID, Kind: a.Kind, Lang: a.Lang, Slug: a.Slug,
		Title: a.Title, Standfirst: a.Standfirst, Signature: a.Signature,
		SectionID: a.SectionID, Image: a.Image, PhotoID: a.PhotoID, Photo: a.Photo, PublishAt: a.PublishAt, UpdatedAt: a.UpdatedAt,
	}
}

// Validate checks the rules every stored article obeys, whatever its status.
func (a *Article) Validate() error {
	p := problems{}
	if !a.Kind.Valid() {
		p.add("kind", "unknown kind")
	}
	if !a.Status.Valid() {
		p.add("status", "unknown status")
	}
	checkLang(p, "lang", a.Lang)
	if !ValidSlug(a.Slug) {
		p.add("slug", "use lower-case letters, digits and single hyphens")
	}
	checkText(p, "title", a.Title, MaxTitleLen, true)
	checkText(p, "standfirst", a.Standfirst, MaxStandfirstLen, false)
	checkText(p, "signature", a.Signature, MaxSignatureLen, false)
	checkText(p, "body", a.Body, MaxBodyLen, false)
	if (a.Status == StatusScheduled || a.Status == StatusPublished) && a.PublishAt.IsZero() {
		p.add("publish_at", "a publication time is required")
	}
	if len(a.Contacts) > 0 || len(a.ContactIDs) > 0 {
		if a.Kind != KindPressRelease {
			p.add("contacts", "only press releases carry press contacts")
		}
	}
	return p.err()
}

func checkText(p problems, field, s string, max int, required bool) {
	switch {
	case required && strings.TrimSpace(s) == "":
		p.add(field, "required")
	case !utf8.ValidString(s):
		p.add(field, "not valid UTF-8")
	case strings.ContainsRune(s, 0):
		p.add(field, "contains a NUL character")
	case utf8.RuneCountInString(s) > max:
		p.add(field, "too long")
	}
}
