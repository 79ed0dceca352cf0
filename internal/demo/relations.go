package demo

import (
	"maps"
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
// another one in ten a link in its body, to earlier articles on the same subject. Editors
// pick headlines that do not echo the article's or each other's.
func (p *planner) relate(j *job) {
	r := p.ring(j)
	if r.n == 0 {
		return
	}
	used := []int{j.story.title}
	if p.rng.IntN(10) == 0 {
		for range 1 + p.rng.IntN(3) {
			if x, ok := r.pickAvoiding(p.rng, used); ok {
				j.related = append(j.related, x.index)
				used = append(used, x.headline)
			}
		}
	}
	if p.rng.IntN(10) == 0 {
		if x, ok := r.pickAvoiding(p.rng, used); ok {
			j.link = &x
		}
	}
}

// pickAvoiding returns one of the ring's articles whose title phrase is not among used,
// starting the search at random.
func (r *ring) pickAvoiding(rng *rand.Rand, used []int) (ref, bool) {
	n := min(r.n, len(r.refs))
	for k, start := 0, rng.IntN(n); k < n; k++ {
		if x := r.refs[(start+k)%n]; !slices.Contains(used, x.headline) {
			return x, true
		}
	}
	return ref{}, false
}

func (p *planner) remember(j *job) {
	p.ring(j).add(ref{index: j.index, headline: j.story.title, title: j.title, slug: j.slug})
}

// feature marks about 1% of articles as lead-story candidates, 8% of the last month's so
// that the home page has a fresh one.
func (p *planner) feature(j *job) bool {
	if p.now.Sub(j.publishAt) < 30*24*time.Hour {
		return p.rng.IntN(100) < 8
	}
	return p.rng.IntN(100) == 0
}

// sample keeps one of the items offered to it, each with the same chance.
type sample struct{ seen, item int }

func (s *sample) offer(rng *rand.Rand, item int) {
	s.seen++
	if rng.IntN(s.seen) == 0 {
		s.item = item
	}
}

// dossierPicks samples the published articles of one dossier, per language and per title
// phrase, so that no two of its articles have headlines alike: those of its topic first,
// those of its fallback topic to fill up when a small demo has too few.
type dossierPicks struct {
	spec              *dossierSpec
	size              int
	primary, fallback [len(langs)]map[int]*sample
}

// Dossiers hold 8 to 24 articles: a campaign page readers can take in.
const (
	minDossier = 8
	maxDossier = 24
)

func newDossierPicks(rng *rand.Rand) []dossierPicks {
	picks := make([]dossierPicks, len(dossierSpecs))
	for i := range picks {
		picks[i].spec = &dossierSpecs[i]
		picks[i].size = minDossier + rng.IntN(maxDossier-minDossier+1)
		for l := range langs {
			picks[i].primary[l], picks[i].fallback[l] = map[int]*sample{}, map[int]*sample{}
		}
	}
	return picks
}

// offer puts a published article forward to the dossiers of its topic.
func (p *planner) offer(j *job) {
	key := j.story.topic.key
	for i := range p.picks {
		d := &p.picks[i]
		var m map[int]*sample
		switch key {
		case d.spec.topic:
			m = d.primary[j.lang]
		case d.spec.fallback:
			m = d.fallback[j.lang]
		default:
			continue
		}
		s := m[j.story.title]
		if s == nil {
			s = &sample{}
			m[j.story.title] = s
		}
		s.offer(p.rng, j.index)
	}
}

// dossierLists returns each dossier's article IDs per language, newest first, as a
// campaign page lists them. The home page shows the first articles of featured dossiers
// beside the latest ones: those must not echo a headline already there.
func (p *planner) dossierLists(ids []int64) [][3][]int64 {
	lists := make([][3][]int64, len(p.picks))
	for l := range langs {
		home := p.homePage(l)
		for i, d := range p.picks {
			chosen := p.members(d.primary[l], d.size, nil)
			chosen = p.members(d.fallback[l], d.size, chosen)
			slices.SortFunc(chosen, func(a, b int) int { return b - a })
			boxed := 0
			for _, x := range chosen {
				if d.spec.featured && boxed < dossierBox {
					if other, ok := home[p.headlines[x]]; ok && other != x {
						continue
					}
					home[int32(p.headlines[x])] = x
					boxed++
				}
				lists[i][l] = append(lists[i][l], ids[x])
			}
		}
	}
	return lists
}

// dossierBox is how many articles of a featured dossier the home page shows.
const dossierBox = 3

// members adds to chosen up to size articles sampled per title phrase, in random order,
// leaving out phrases chosen already.
func (p *planner) members(samples map[int]*sample, size int, chosen []int) []int {
	phrases := slices.Sorted(maps.Keys(samples))
	for _, k := range p.rng.Perm(len(phrases)) {
		if len(chosen) == size {
			break
		}
		x := samples[phrases[k]].item
		if !slices.ContainsFunc(chosen, func(c int) bool { return p.headlines[c] == p.headlines[x] }) {
			chosen = append(chosen, x)
		}
	}
	return chosen
}

// homePage maps the title phrases of what a language's home page shows, or will show
// once what is scheduled goes out, to the article showing each: the lead, the latest
// articles and those scheduled.
func (p *planner) homePage(l int) map[int32]int {
	home := map[int32]int{}
	published := 0
	refs := p.shown[l].list()
	for k := range refs {
		x := refs[(p.shown[l].n-1-k)%len(refs)] // newest first
		if !x.scheduled {
			if published == homeWindow {
				continue
			}
			published++
		}
		home[int32(x.title)] = x.index
	}
	if ld := p.leads[l]; ld.story != nil {
		home[int32(ld.title)] = ld.index
	}
	return home
}
