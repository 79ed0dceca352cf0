package content

import (
	"slices"
	"strconv"
)

// Key names a piece of content as the public pages that show it depend on it: one
// article, the list of a section's articles in one language, a person's profile. A page
// records the keys of everything it shows while it is built; a change names the keys it
// touches; a cached page whose keys meet a change's is out of date. Keys that name a
// list are also the address of the list's pages (a section page and its later pages).
//
// Keys are short strings so that a change's keys travel between instances in one
// database notification.
type Key string

// Every key has a prefix saying what it names; the rest is IDs and a language.
const (
	keyArticle  = "a:"   // an article's own content: its page, its teasers wherever shown
	keyStory    = "s:"   // the published language versions of a story
	keyLatest   = "l:"   // a language's latest articles: the home page, its lead story
	keySection  = "sec:" // the articles of a section in one language
	keyTag      = "tag:" // a tag, and the articles carrying it
	keyAuthor   = "au:"  // the articles of one author in one language
	keyPerson   = "p:"   // a person's profile: name, bio, contact details
	keyDossier  = "d:"   // a dossier: its introduction and its articles
	keyDossiers = "dl:"  // a language's dossiers: the index, the home page's boxes
)

// KeyArticle names an article's own content.
func KeyArticle(id int64) Key { return Key(keyArticle + strconv.FormatInt(id, 10)) }

// KeyStory names which language versions of a story readers can see.
func KeyStory(storyID int64) Key { return Key(keyStory + strconv.FormatInt(storyID, 10)) }

// KeyLatest names a language's newest published articles and its lead story.
func KeyLatest(lang Lang) Key { return Key(keyLatest + string(lang)) }

// KeySection names the published articles of one section (not those below it) in lang.
func KeySection(id int64, lang Lang) Key {
	return Key(keySection + strconv.FormatInt(id, 10) + ":" + string(lang))
}

// KeyTag names a tag and its published articles (a tag has one language).
func KeyTag(id int64) Key { return Key(keyTag + strconv.FormatInt(id, 10)) }

// KeyAuthor names a person's published articles in lang.
func KeyAuthor(personID int64, lang Lang) Key {
	return Key(keyAuthor + strconv.FormatInt(personID, 10) + ":" + string(lang))
}

// KeyPerson names a person's profile as bylines, contact boxes and their page show it.
func KeyPerson(id int64) Key { return Key(keyPerson + strconv.FormatInt(id, 10)) }

// KeyDossier names a dossier's introduction and its published articles.
func KeyDossier(id int64) Key { return Key(keyDossier + strconv.FormatInt(id, 10)) }

// KeyDossiers names the list of a language's dossiers.
func KeyDossiers(lang Lang) Key { return Key(keyDossiers + string(lang)) }

// Keys is a set of keys, built while a page is rendered or a change is made.
type Keys map[Key]struct{}

// Add puts keys in the set.
func (ks Keys) Add(keys ...Key) {
	for _, k := range keys {
		ks[k] = struct{}{}
	}
}

// Has reports whether k is in the set.
func (ks Keys) Has(k Key) bool {
	_, ok := ks[k]
	return ok
}

// Meets reports whether the set holds any of keys.
func (ks Keys) Meets(keys []Key) bool {
	for _, k := range keys {
		if ks.Has(k) {
			return true
		}
	}
	return false
}

// Sorted lists the set in a stable order.
func (ks Keys) Sorted() []Key {
	out := make([]Key, 0, len(ks))
	for k := range ks {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// keyPhoto names a photo as pages show it: its derivatives, alt text, caption and credit.
const keyPhoto = "ph:"

// KeyPhoto names one photo: every page that shows it records it, and a new derivative
// or a new caption purges them.
func KeyPhoto(id int64) Key { return Key(keyPhoto + strconv.FormatInt(id, 10)) }

// NamesPhoto reports whether k names a photo (KeyPhoto).
func (k Key) NamesPhoto() bool {
	return len(k) > len(keyPhoto) && string(k[:len(keyPhoto)]) == keyPhoto
}
