package demo

import "github.com/roneo/roneo/internal/content"

// Readers see articles side by side on a language's home page, on a section's pages (its
// subsections' articles included) and on a tag's pages, each list in publication order.
// Two headlines made from one phrase on such a page ("Energy: bills up 10%", "Energy:
// bills up 11%") give a generated site away, so the planner deals headlines the way an
// editor would avoid them: it remembers, for each list, where every phrase was last used,
// and picks for each new story a phrase that none of the lists the story will appear in
// has used lately. A translation appears in its own language's lists: the phrase is
// reserved there when the story is told, before the translation goes out.

// scope is one list readers see; windows are kept per scope.
type scope struct {
	kind scopeKind
	lang int
	id   int64 // the section or tag; the pool for poolScope
}

type scopeKind uint8

const (
	homeScope scopeKind = iota
	sectionScope
	tagScope
	// poolScope is every article of a language dealt from one pool: the planner prefers
	// the phrase of the pool used longest ago, so that phrases take turns.
	poolScope
)

// window remembers where phrases were last used in one scope.
type window struct {
	n int32 // articles placed so far
	// title[id] and standfirst[id] are n when the phrase was last placed or reserved
	// (n+1 then); 0: never.
	title, standfirst []int32
}

// How many consecutive articles of a list must have headlines from different phrases:
// the home page shows twenty and a lead, with a few to spare for what is scheduled; a
// list shows twenty a page. Standfirsts are fewer: never two alike in a row.
const (
	homeWindow       = 24
	listWindow       = 21
	standfirstWindow = 3
)

// never is the age of a phrase not used yet.
const never = 1 << 30

// uses reports whether the phrase id of titles (or standfirsts) was used within the last
// w articles of the window.
func (w *window) uses(titles bool, id int, span int32) bool {
	last := w.last(titles, id)
	return last != 0 && w.n+1-last < span
}

func (w *window) last(titles bool, id int) int32 {
	if titles {
		return w.title[id]
	}
	return w.standfirst[id]
}

// age is how many articles ago the phrase was last used.
func (w *window) age(titles bool, id int) int {
	last := w.last(titles, id)
	if last == 0 {
		return never
	}
	return int(w.n + 1 - last)
}

func (w *window) place(title, standfirst int) {
	w.n++
	w.title[title], w.standfirst[standfirst] = w.n, w.n
}

func (w *window) reserve(title, standfirst int) {
	w.title[title] = max(w.title[title], w.n+1)
	w.standfirst[standfirst] = max(w.standfirst[standfirst], w.n+1)
}

// window returns the window of a scope, creating it on first use.
func (p *planner) window(s scope) *window {
	w := p.windows[s]
	if w == nil {
		w = &window{title: make([]int32, p.catalog.titles.size), standfirst: make([]int32, p.catalog.standfirsts.size)}
		p.windows[s] = w
	}
	return w
}

// lists are the windows of the lists one version of a story appears in.
type lists struct {
	lang      int
	home      *window
	sections  []*window // the section and its parent
	tags      []*window
	titlePool *window
	topicPool *window
	lead      lead // the language's lead story when the version was planned
}

// lead is the story a language's home page leads with: the newest featured article.
// Articles published after it appear beside it, however far back it goes.
type lead struct {
	story        *story
	title, index int
}

// listsOf returns the lists a version of st in lang appears in, tags left out until they
// are chosen.
func (p *planner) listsOf(st *story, lang int) *lists {
	ls := &lists{
		lang: lang, home: p.window(scope{homeScope, lang, 0}), lead: p.leads[lang],
	}
	for _, id := range p.sectionChain(st.section) {
		ls.sections = append(ls.sections, p.window(scope{sectionScope, lang, id}))
	}
	ls.titlePool = p.window(scope{poolScope, lang, int64(st.titlePool())})
	ls.topicPool = p.window(scope{poolScope, lang, int64(st.pool)})
	return ls
}

func (ls *lists) withTags(p *planner, st *story) {
	ls.tags = ls.tags[:0]
	for _, key := range st.tags {
		ls.tags = append(ls.tags, p.window(scope{tagScope, ls.lang, p.tax.tags[key][ls.lang]}))
	}
}

// sectionChain is the section and its ancestors: a section's pages list its
// subsections' articles too.
func (p *planner) sectionChain(id int64) []int64 {
	var chain []int64
	for id != 0 {
		chain = append(chain, id)
		id = p.parents[id]
	}
	return chain
}

// titleConflicts counts the lists of ls in which title id was used lately, the lead beside
// them included.
func (ls *lists) titleConflicts(st *story, id int) int {
	n := 0
	if ls.home.uses(true, id, homeWindow) {
		n++
	}
	for _, w := range ls.sections {
		if w.uses(true, id, listWindow) {
			n++
		}
	}
	if ls.lead.story != nil && ls.lead.story != st && ls.lead.title == id {
		n++
	}
	return n
}

// standfirstCost weighs a standfirst: heavily when the home page shows it already or a
// list has it among its last few, lightly for each list page that shows it. Sections of
// one topic list more articles than it has standfirsts: there they only take turns.
func (ls *lists) standfirstCost(id int) int {
	cost := 0
	if ls.home.uses(false, id, homeWindow) {
		cost += 100
	}
	for _, ws := range [][]*window{ls.sections, ls.tags} {
		for _, w := range ws {
			switch {
			case w.uses(false, id, standfirstWindow):
				cost += 100
			case w.uses(false, id, listWindow):
				cost++
			}
		}
	}
	return cost
}

func (ls *lists) all() []*window {
	ws := append([]*window{ls.home}, ls.sections...)
	ws = append(ws, ls.tags...)
	ws = append(ws, ls.titlePool)
	if ls.topicPool != ls.titlePool {
		ws = append(ws, ls.topicPool)
	}
	return ws
}

// chooseTitle picks the story's title phrase for the languages it will be told in: the
// one that the fewest of their lists used lately, tag pages counting for less than the
// home page and sections, and among those the one their pools used longest ago. It
// returns the phrase and its number of conflicts outside tag pages.
func (p *planner) chooseTitle(st *story, versions []*lists) (id, conflicts int) {
	pool := st.titlePool()
	size := len(p.catalog.titles.lists[pool])
	base := p.catalog.titles.base[pool]
	var tags []*window
	for _, ls := range versions {
		for _, key := range st.topic.tags {
			tags = append(tags, p.window(scope{tagScope, ls.lang, p.tax.tags[st.resolve(key)][ls.lang]}))
		}
	}
	best, bestCost, bestAge := -1, 0, 0
	for k, start := 0, p.rng.IntN(size); k < size; k++ {
		cand := base + (start+k)%size
		hard, age := 0, never
		for _, ls := range versions {
			hard += ls.titleConflicts(st, cand)
			age = min(age, ls.titlePool.age(true, cand))
		}
		cost := hard*tagPages + p.forcedTags(tags, cand, len(versions))
		if best < 0 || cost < bestCost || cost == bestCost && age > bestAge {
			best, bestCost, bestAge, conflicts = cand, cost, age, hard
		}
	}
	return best, conflicts
}

// tagPages outweighs the tag pages a title phrase can repeat on: one repeat on the home
// page or a section's is worse than repeats on all of them.
const tagPages = 100

// forcedTags counts the tags a story would have to take although their pages showed the
// title phrase lately: a story has at least minTags, taken among those of its topic
// (tags holds each version's windows of them, language after language).
func (p *planner) forcedTags(tags []*window, id, versions int) int {
	per := len(tags) / versions
	free := 0
	for k := range per {
		used := false
		for v := range versions {
			used = used || tags[v*per+k].uses(true, id, listWindow)
		}
		if !used {
			free++
		}
	}
	return max(0, minTags-free)
}

// chooseTags picks up to n of the candidate tag keys, those whose pages have not shown
// the story's title phrase lately; others only to make up the minimum of two.
func (p *planner) chooseTags(st *story, keys []string, n int, versions []*lists) []string {
	var free, taken []string
	for _, k := range p.rng.Perm(len(keys)) {
		key := st.resolve(keys[k])
		used := false
		for _, ls := range versions {
			w := p.window(scope{tagScope, ls.lang, p.tax.tags[key][ls.lang]})
			used = used || w.uses(true, st.title, listWindow)
		}
		if used {
			taken = append(taken, key)
		} else {
			free = append(free, key)
		}
	}
	return append(free, taken...)[:max(min(n, len(free)), minTags)]
}

// minTags is the fewest tags a story has.
const minTags = 2

// chooseStandfirst picks the standfirst phrase the story's lists can take best.
func (p *planner) chooseStandfirst(st *story, versions []*lists) int {
	size := len(p.catalog.standfirsts.lists[st.pool])
	base := p.catalog.standfirsts.base[st.pool]
	best, bestCost, bestAge := -1, 0, 0
	for k, start := 0, p.rng.IntN(size); k < size; k++ {
		cand := base + (start+k)%size
		cost, age := 0, never
		for _, ls := range versions {
			cost += ls.standfirstCost(cand)
			age = min(age, ls.topicPool.age(false, cand))
		}
		if best < 0 || cost < bestCost || cost == bestCost && age > bestAge {
			best, bestCost, bestAge = cand, cost, age
		}
	}
	return best
}

// placeVersion records a version readers will see in its lists.
func (p *planner) placeVersion(j *job) {
	if j.status != content.StatusPublished && j.status != content.StatusScheduled {
		return
	}
	st := j.story
	ls := p.listsOf(st, j.lang)
	ls.withTags(p, st)
	for _, w := range ls.all() {
		w.place(st.title, st.standfirst)
	}
	if j.status == content.StatusPublished && j.featured {
		p.leads[j.lang] = lead{story: st, title: st.title, index: j.index}
	}
	p.shown[j.lang].add(shownRef{index: j.index, title: st.title, scheduled: j.status == content.StatusScheduled})
}

// reserve keeps a story's phrases for the translations it will have.
func (p *planner) reserve(st *story, versions []*lists) {
	for _, ls := range versions {
		for _, w := range ls.all() {
			w.reserve(st.title, st.standfirst)
		}
	}
}

// shownRef is an article a language's home page may show.
type shownRef struct {
	index, title int
	scheduled    bool
}

// recentlyShown keeps the last articles of a language that readers see or will see once
// their time comes.
type recentlyShown struct {
	refs [homeWindow + maxScheduled]shownRef
	n    int
}

func (r *recentlyShown) add(x shownRef) {
	r.refs[r.n%len(r.refs)] = x
	r.n++
}

func (r *recentlyShown) list() []shownRef {
	return r.refs[:min(r.n, len(r.refs))]
}
