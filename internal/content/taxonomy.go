package content

import (
	"net/mail"
	"strings"
	"time"
)

// Section is a place in the site's hierarchy ("International › Europe"), named in each
// language. Articles belong to at most one section; a section page lists its subsections'
// articles too.
type Section struct {
	ID       int64
	ParentID int64 // 0 for a top-level section
	Position int
	Names    map[Lang]SectionName
}

// SectionName is a section's name, slug and description in one language.
type SectionName struct {
	Slug        string
	Name        string
	Description string
}

// Tag is a keyword in one language.
type Tag struct {
	ID   int64
	Lang Lang
	Slug string
	Name string
}

// Dossier is a curated topic page — a campaign, a long-running story — in one language:
// an introduction and an ordered list of articles.
type Dossier struct {
	ID        int64
	StoryID   int64 // groups the language versions of one dossier, like Article.StoryID
	Lang      Lang
	Slug      string
	Title     string
	Intro     string // Markdown
	IntroHTML string
	Featured  bool // shown as a box on the home page
	Image     Image
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Person is someone the site names: an author with a profile page, a press contact, or both.
type Person struct {
	ID        int64
	Slug      string
	Name      string
	Role      string // "spokesperson", "international secretary", ...
	Bio       string // Markdown
	BioHTML   string
	Email     string
	Phone     string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks a section's names: at least one language, valid slugs and names.
func (s *Section) Validate() error {
	p := problems{}
	if len(s.Names) == 0 {
		p.add("names", "a name in at least one language is required")
	}
	for lang, n := range s.Names {
		checkLang(p, "lang."+string(lang), lang)
		if !ValidSlug(n.Slug) {
			p.add("slug."+string(lang), "use lower-case letters, digits and single hyphens")
		}
		checkText(p, "name."+string(lang), n.Name, 100, true)
	}
	if s.ParentID != 0 && s.ParentID == s.ID {
		p.add("parent", "a section cannot be its own parent")
	}
	return p.err()
}

// Validate checks a tag.
func (t *Tag) Validate() error {
	p := problems{}
	checkLang(p, "lang", t.Lang)
	if !ValidSlug(t.Slug) {
		p.add("slug", "use lower-case letters, digits and single hyphens")
	}
	checkText(p, "name", t.Name, 100, true)
	return p.err()
}

// Validate checks a dossier.
func (d *Dossier) Validate() error {
	p := problems{}
	checkLang(p, "lang", d.Lang)
	if !ValidSlug(d.Slug) {
		p.add("slug", "use lower-case letters, digits and single hyphens")
	}
	checkText(p, "title", d.Title, MaxTitleLen, true)
	checkText(p, "intro", d.Intro, 20_000, false)
	return p.err()
}

// Validate checks a person; e-mail and phone are optional but must look right when given.
func (pn *Person) Validate() error {
	p := problems{}
	if !ValidSlug(pn.Slug) {
		p.add("slug", "use lower-case letters, digits and single hyphens")
	}
	checkText(p, "name", pn.Name, 200, true)
	checkText(p, "role", pn.Role, 200, false)
	checkText(p, "bio", pn.Bio, 20_000, false)
	if pn.Email != "" {
		if a, err := mail.ParseAddress(pn.Email); err != nil || a.Address != pn.Email {
			p.add("email", "not an e-mail address")
		}
	}
	if pn.Phone != "" && strings.Trim(pn.Phone, "+0123456789 ().-/") != "" {
		p.add("phone", "use digits, spaces and + ( ) . - / only")
	}
	return p.err()
}

// TelURI returns the phone number as a tel: URI target ("+32 2 555 01 23" → "+3225550123").
func (pn *Person) TelURI() string {
	return strings.Map(func(r rune) rune {
		if r == '+' || (r >= '0' && r <= '9') {
			return r
		}
		return -1
	}, pn.Phone)
}
