package content

import "slices"

// Which pages a change touches is a rule of the domain, kept here as plain functions so
// that the page cache, the static mirror and their tests share one answer. A change
// names keys (see Key); the pages that recorded one of them while they were built are
// the ones whose bytes may differ now.

// Listed reports whether readers can find a in lists: published and not in the trash.
// A published article's time has come (a later one is scheduled instead), so this is
// what every public list shows.
func Listed(a *Article) bool {
	return a != nil && a.Status == StatusPublished && a.DeletedAt.IsZero()
}

// DossierRef is what the rule needs to know of a dossier that holds an article.
type DossierRef struct {
	ID   int64
	Lang Lang
}

// ArticleChange is one article as it was and as it is after a change. Before is nil for
// a new article; the dossiers are those holding the article on each side.
type ArticleChange struct {
	Before, After                 *Article
	DossiersBefore, DossiersAfter []DossierRef
}

// Keys returns what the change touches. A draft that stays a draft touches nothing
// readers see. An article that is listed on either side touches its own page and the
// teasers showing it; the lists it enters or leaves, or whose order it changes, are
// touched on both sides; its story's other versions link to it by its address.
func (c ArticleChange) Keys() []Key {
	b, a := c.Before, c.After
	wasListed, isListed := Listed(b), Listed(a)
	ks := Keys{}
	if !wasListed && !isListed {
		// Unseen on both sides, unless its dossiers changed: a dossier's order in the index
		// follows its last change, whoever its articles are.
		c.dossierKeys(ks, true)
		return ks.Sorted()
	}
	ks.Add(KeyArticle(a.ID))
	if wasListed != isListed || moved(b, a) {
		// It appears, disappears or changes place in every list it is in.
		addLists(ks, b, wasListed)
		addLists(ks, a, isListed)
	} else {
		addChangedLists(ks, b, a)
	}
	if wasListed != isListed || b.StoryID != a.StoryID || b.Slug != a.Slug || b.Lang != a.Lang {
		if b != nil {
			ks.Add(KeyStory(b.StoryID))
		}
		ks.Add(KeyStory(a.StoryID))
	}
	c.dossierKeys(ks, wasListed || isListed)
	return ks.Sorted()
}

// moved reports a change of what orders or files the article everywhere: its language,
// its publication time.
func moved(b, a *Article) bool {
	return b != nil && (b.Lang != a.Lang || !b.PublishAt.Equal(a.PublishAt))
}

// addLists adds every list a appears in when listed.
func addLists(ks Keys, a *Article, listed bool) {
	if !listed {
		return
	}
	ks.Add(KeyLatest(a.Lang), KeyStory(a.StoryID))
	if a.SectionID != 0 {
		ks.Add(KeySection(a.SectionID, a.Lang))
	}
	for _, t := range a.TagIDs {
		ks.Add(KeyTag(t))
	}
	for _, p := range a.AuthorIDs {
		ks.Add(KeyAuthor(p, a.Lang))
	}
}

// addChangedLists adds the lists an article listed on both sides entered or left.
func addChangedLists(ks Keys, b, a *Article) {
	if b.SectionID != a.SectionID {
		for _, s := range []int64{b.SectionID, a.SectionID} {
			if s != 0 {
				ks.Add(KeySection(s, a.Lang))
			}
		}
	}
	for _, t := range symmetricDifference(b.TagIDs, a.TagIDs) {
		ks.Add(KeyTag(t))
	}
	for _, p := range symmetricDifference(b.AuthorIDs, a.AuthorIDs) {
		ks.Add(KeyAuthor(p, a.Lang))
	}
	if b.Featured != a.Featured {
		ks.Add(KeyLatest(a.Lang)) // the lead story is the newest featured article
	}
}

// dossierKeys adds the dossiers the article entered or left, and all of them when the
// article's appearance in them changed.
func (c ArticleChange) dossierKeys(ks Keys, seen bool) {
	before, after := map[int64]Lang{}, map[int64]Lang{}
	for _, d := range c.DossiersBefore {
		before[d.ID] = d.Lang
	}
	for _, d := range c.DossiersAfter {
		after[d.ID] = d.Lang
	}
	touch := func(id int64, lang Lang) {
		ks.Add(KeyDossier(id), KeyDossiers(lang))
		if c.After != nil {
			ks.Add(KeyArticle(c.After.ID)) // its page names its dossiers
		}
	}
	for id, lang := range before {
		if _, kept := after[id]; !kept {
			touch(id, lang)
		} else if seen && Listed(c.Before) != Listed(c.After) {
			ks.Add(KeyDossier(id))
		}
	}
	for id, lang := range after {
		if _, was := before[id]; !was {
			touch(id, lang)
		}
	}
}

// DossierMembersKeys returns what changing a dossier's list of articles touches: the
// dossier, the index that orders dossiers by their last change, and the pages of the
// articles that came or went (each names its dossiers).
func DossierMembersKeys(d DossierRef, before, after []int64) []Key {
	ks := Keys{}
	ks.Add(KeyDossier(d.ID), KeyDossiers(d.Lang))
	for _, id := range symmetricDifference(before, after) {
		ks.Add(KeyArticle(id))
	}
	if !slices.Equal(before, after) {
		ks.Add(KeyDossier(d.ID)) // the order changed
	}
	return ks.Sorted()
}

// DossierKeys returns what saving a dossier's own fields touches; langs are its language
// before and after (the same unless it moved).
func DossierKeys(id int64, langs ...Lang) []Key {
	ks := Keys{}
	ks.Add(KeyDossier(id))
	for _, l := range langs {
		ks.Add(KeyDossiers(l))
	}
	return ks.Sorted()
}

// symmetricDifference returns the IDs in exactly one of a and b.
func symmetricDifference(a, b []int64) []int64 {
	var out []int64
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			out = append(out, x)
		}
	}
	return out
}
