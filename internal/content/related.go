package content

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// RelatedSources are the candidates a store gathers for an article's related reading.
// Each list is short and bounded (the newest few per tag, say) so that gathering stays
// cheap with hundreds of thousands of articles.
type RelatedSources struct {
	Manual  []Teaser           // editors' picks, in their order
	Dossier []Teaser           // other articles of the article's dossiers
	ByTag   map[int64][]Teaser // per shared tag, recent articles carrying it
	Section []Teaser           // recent articles of the same section
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

// RelatedReading picks up to n articles to suggest below a: manual picks first, in their
// order, then the best automatic candidates by shared dossier, shared tags, section and
// recency. It never suggests the article itself, another language version of its story,
// an article in another language, or the same article twice.
func RelatedReading(a *Article, src RelatedSources, now time.Time, n int) []Teaser {
	seen := map[int64]bool{a.StoryID: true}
	out := make([]Teaser, 0, n)
	for _, t := range src.Manual {
		if len(out) < n && t.Lang == a.Lang && !seen[t.StoryID] {
			seen[t.StoryID] = true
			out = append(out, t)
		}
	}
	type scored struct {
		t     Teaser
		score float64
	}
	cands := map[int64]*scored{}
	add := func(t Teaser, w float64) {
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
			out = append(out, c.t)
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
