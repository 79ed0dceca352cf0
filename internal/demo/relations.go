package demo

import (
	"math/rand/v2"
	"slices"
	"time"
)

// ring keeps the last published articles of one language and topic: the candidates for
// related reading and links, which editors pick among recent coverage of the same subject.
type ring struct {
	refs [24]ref
	n    int
}

func (r *ring) add(x ref) {
	r.refs[r.n%len(r.refs)] = x
	r.n++
}

func (r *ring) pick(rng *rand.Rand) ref { return r.refs[rng.IntN(min(r.n, len(r.refs)))] }

func (p *planner) ring(j *job) *ring {
	key := recentKey{j.lang, j.story.topic.key}
	r := p.recent[key]
	if r == nil {
		r = &ring{}
		p.recent[key] = r
	}
	return r
}

// relate gives about one article in ten one to three manual related-reading picks, and
// another one in ten a link in its body, to earlier articles on the same subject.
func (p *planner) relate(j *job) {
	r := p.ring(j)
	if r.n == 0 {
		return
	}
	if p.rng.IntN(10) == 0 {
		for range 1 + p.rng.IntN(3) {
			if x := r.pick(p.rng); !slices.Contains(j.related, x.index) {
				j.related = append(j.related, x.index)
			}
		}
	}
	if p.rng.IntN(10) == 0 {
		x := r.pick(p.rng)
		j.link = &x
	}
}

func (p *planner) remember(j *job) {
	p.ring(j).add(ref{index: j.index, title: j.title, slug: j.slug})
}

// feature marks about 1% of articles as lead-story candidates, 8% of the last month's so
// that the home page has a fresh one.
func (p *planner) feature(j *job) bool {
	if p.now.Sub(j.publishAt) < 30*24*time.Hour {
		return p.rng.IntN(100) < 8
	}
	return p.rng.IntN(100) == 0
}

// reservoir keeps a uniform random sample of up to cap of the items offered to it.
type reservoir struct {
	cap, seen int
	items     []int
}

func (r *reservoir) offer(rng *rand.Rand, item int) {
	r.seen++
	switch {
	case len(r.items) < r.cap:
		r.items = append(r.items, item)
	default:
		if k := rng.IntN(r.seen); k < r.cap {
			r.items[k] = item
		}
	}
}

// dossierPicks samples the published articles of one dossier, per language: those of its
// topic first, those of its fallback topic to fill up when a small demo has too few.
type dossierPicks struct {
	spec              *dossierSpec
	primary, fallback [3]reservoir
}

// newDossierPicks gives each dossier its size, 10 to 40 articles.
func newDossierPicks(rng *rand.Rand) []dossierPicks {
	picks := make([]dossierPicks, len(dossierSpecs))
	for i := range picks {
		size := 10 + rng.IntN(31)
		picks[i].spec = &dossierSpecs[i]
		for l := range langs {
			picks[i].primary[l].cap, picks[i].fallback[l].cap = size, size
		}
	}
	return picks
}

// offer puts a published article forward to the dossiers of its topic.
func (p *planner) offer(j *job) {
	key := j.story.topic.key
	for i := range p.picks {
		d := &p.picks[i]
		switch key {
		case d.spec.topic:
			d.primary[j.lang].offer(p.rng, j.index)
		case d.spec.fallback:
			d.fallback[j.lang].offer(p.rng, j.index)
		}
	}
}

// dossierLists returns each dossier's article IDs per language in the order the dossier
// shows them: newest first, except for one article an editor pinned to the top as the
// place to start.
func (p *planner) dossierLists(ids []int64) [][3][]int64 {
	lists := make([][3][]int64, len(p.picks))
	for i, d := range p.picks {
		for l := range langs {
			chosen := slices.Clone(d.primary[l].items)
			for _, x := range d.fallback[l].items {
				if len(chosen) < d.primary[l].cap {
					chosen = append(chosen, x)
				}
			}
			slices.SortFunc(chosen, func(a, b int) int { return b - a })
			if len(chosen) > 2 {
				k := 1 + p.rng.IntN(len(chosen)-1)
				pinned := chosen[k]
				chosen = slices.Insert(slices.Delete(chosen, k, k+1), 0, pinned)
			}
			for _, x := range chosen {
				lists[i][l] = append(lists[i][l], ids[x])
			}
		}
	}
	return lists
}
