package content

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Candidate is what ranking related reading needs to know of an article; the page then
// loads the few winners in full. Keeping candidates this small keeps gathering cheap.
type Candidate struct {
	ID        int64
	StoryID   int64
	Lang      Lang
	PublishAt time.Time
}

// RelatedSources are the candidates a store gathers for an article's related reading.
// Each list is short and bounded (the newest few per tag, say) so that gathering stays
// cheap with hundreds of thousands of articles.
type RelatedSources struct {
	Manual  []Candidate           // editors' picks, in their order
	Dossier []Candidate           // other articles of the article's dossiers
	ByTag   map[int64][]Candidate // per shared tag, recent articles carrying it
	Section []Candidate           // recent articles of the same section
}

// Weights of the automatic part of related reading. A shared dossier says an editor put
// both in one story, which outweighs a couple of shared tags; recency breaks ties.
const (
	dossierWeight      = 6
	tagWeight          = 2
	sectionWeight      = 1
	recencyWeight      = 2
	recencyHalfLifeDay = 30
)

// RelatedReading picks up to n articles to suggest below a, and returns their IDs:
// manual picks first, in their order, then the best automatic candidates by shared
// dossier, shared tags, section and recency. It never suggests the article itself,
// another language version of its story, an article in another language, or the same
// article twice.
func RelatedReading(a *Article, src RelatedSources, now time.Time, n int) []int64 {
	seen := map[int64]bool{a.StoryID: true}
	out := make([]int64, 0, n)
	for _, t := range src.Manual {
		if len(out) < n && t.Lang == a.Lang && !seen[t.StoryID] {
			seen[t.StoryID] = true
			out = append(out, t.ID)
		}
	}
	type scored struct {
		t     Candidate
		score float64
	}
	cands := map[int64]*scored{}
	add := func(t Candidate, w float64) {
		if seen[t.StoryID] || t.Lang != a.Lang {
			return
		}
		c := cands[t.ID]
		if c == nil {
			c = &scored{t: t, score: recency(t.PublishAt, now)}
			cands[t.ID] = c
		}
		c.score += w
	}
	for _, t := range src.Dossier {
		add(t, dossierWeight)
	}
	for _, list := range src.ByTag {
		for _, t := range list {
			add(t, tagWeight)
		}
	}
	for _, t := range src.Section {
		add(t, sectionWeight)
	}
	ranked := make([]*scored, 0, len(cands))
	for _, c := range cands {
		ranked = append(ranked, c)
	}
	slices.SortFunc(ranked, func(x, y *scored) int {
		if x.score != y.score {
			return cmp.Compare(y.score, x.score)
		}
		if !x.t.PublishAt.Equal(y.t.PublishAt) {
			return y.t.PublishAt.Compare(x.t.PublishAt)
		}
		return cmp.Compare(y.t.ID, x.t.ID)
	})
	for _, c := range ranked {
		if len(out) == n {
			break
		}
		if !seen[c.t.StoryID] {
			seen[c.t.StoryID] = true
			out = append(out, c.t.ID)
		}
	}
	return out
}

// recency is worth recencyWeight for an article published now, half that a half-life ago.
func recency(published, now time.Time) float64 {
	age := now.Sub(published).Hours() / 24
	if age < 0 {
		age = 0
	}
	return recencyWeight * math.Exp2(-age/recencyHalfLifeDay)
}
