package demo

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// job is one article as the planner decided it. Workers turn it into a content.Article;
// the writer resolves its references to earlier articles into IDs.
type job struct {
	index     int // position in publication order
	seed      uint64
	story     *story
	lang      int
	status    content.Status
	publishAt time.Time
	featured  bool
	slug      string
	tagIDs    []int64
	related   []int // indexes of earlier articles, editors' picks
	link      *ref  // an earlier article the body links to
	photoID   int64 // the featured photo, 0 for none
	album     []content.AlbumItem

	// Plain text as generated; workers apply the language's typography.
	title, standfirst, signature string
}

func (j *job) translation() bool { return j.story.first != j.index }

// ref is what the planner remembers of a published article to link to it later.
type ref struct {
	index       int
	headline    int // the title phrase
	title, slug string
}

// planner decides, in publication order and on one goroutine, everything about each
// article that must not depend on which worker writes its body: story, language, status,
// date, title, slug and links. That keeps the output a function of the seed alone.
type planner struct {
	photos  *picturePool // the pictures articles show; nil or empty for none
	seed    uint64
	rng     *rand.Rand
	tax     *taxonomy
	slugs   slugSet
	now     time.Time
	times   []time.Time            // one per article, ascending
	past    int                    // articles from here on are scheduled in the future
	hidden  map[int]content.Status // drafts and archived articles among the past ones
	pending []pendingVersion       // translations waiting for their time, soonest first
	recent  map[recentKey]*ring
	picks   []dossierPicks

	catalog catalog
	parents map[int64]int64 // section → parent section
	windows map[scope]*window
	leads   [len(langs)]lead
	shown   [len(langs)]recentlyShown
	// headlines[i] and standfirsts[i] are the phrases of the i-th article.
	headlines, standfirsts []int32
}

// pendingVersion is a translation planned with its story, to go out at due.
type pendingVersion struct {
	story *story
	lang  int
	due   time.Time
}

type recentKey struct {
	lang  int
	topic string
}

func newPlanner(opts Options, seed uint64, tax *taxonomy, slugs slugSet) *planner {
	n := opts.Articles
	p := &planner{
		seed: seed, rng: rand.New(rand.NewPCG(seed, streamPlan)), tax: tax, slugs: slugs,
		now: opts.Now, hidden: map[int]content.Status{}, recent: map[recentKey]*ring{},
		catalog: newCatalog(), parents: tax.parents(), windows: map[scope]*window{},
		headlines: make([]int32, 0, n), standfirsts: make([]int32, 0, n),
	}
	// A newsroom keeps a few days' worth of articles queued, however big its archive.
	scheduled := min(share(n, 100, 2), maxScheduled)
	p.past = n - scheduled
	p.times = timeline(p.rng, opts.Now, p.past, scheduled)
	p.hide(share(n, 100, 2), p.past/10+1, content.StatusDraft) // drafts are recent work
	p.hide(share(n, 1000, 3), p.past, content.StatusArchived)
	p.picks = newDossierPicks(p.rng)
	return p
}

// maxScheduled bounds the articles waiting for their time.
const maxScheduled = 30

// share is n/per, but at least floor for a site big enough to show it.
func share(n, per, floor int) int {
	return max(n/per, min(floor, n/10))
}

// timeline returns past publication times spread over three years, during the day in
// Brussels, then future ones in the next 1–72 hours, all ascending.
func timeline(rng *rand.Rand, now time.Time, past, future int) []time.Time {
	loc := content.DefaultSite().Location
	start := now.AddDate(-3, 0, 0)
	span := int64(now.Sub(start))
	times := make([]time.Time, 0, past+future)
	for range past {
		d := start.Add(time.Duration(rng.Int64N(span))).In(loc)
		t := time.Date(d.Year(), d.Month(), d.Day(), 7+rng.IntN(15), rng.IntN(60), 0, 0, loc)
		if !t.Before(now) {
			t = now.Add(-time.Duration(1+rng.IntN(59)) * time.Minute)
		}
		times = append(times, t.UTC())
	}
	slices.SortFunc(times, time.Time.Compare)
	for range future {
		times = append(times, now.Add(time.Hour+time.Duration(rng.Int64N(int64(71*time.Hour)))).Truncate(time.Minute).UTC())
	}
	slices.SortFunc(times[past:], time.Time.Compare)
	return times
}

// hide gives status to count past articles among the last `within` ones. It uses at most
// half of them, so that random picks find free ones quickly.
func (p *planner) hide(count, within int, status content.Status) {
	within = min(within, p.past)
	count = min(count, within/2)
	for placed := 0; placed < count; {
		i := p.past - 1 - p.rng.IntN(within)
		if _, taken := p.hidden[i]; !taken {
			p.hidden[i] = status
			placed++
		}
	}
}

// plan decides the i-th article.
func (p *planner) plan(i int) *job {
	j := &job{index: i, seed: p.seed}
	j.status, j.publishAt = p.slot(i)
	if v, ok := p.dueTranslation(i); ok {
		j.story, j.lang = v.story, v.lang
		if !j.publishAt.IsZero() {
			j.publishAt = v.due
		}
	} else {
		j.story, j.lang = p.newStory(i, j.status)
	}
	st := j.story
	j.writeHeadline()
	j.slug = p.slugs.unique(string(langs[j.lang]), j.title)
	for _, key := range st.tags {
		j.tagIDs = append(j.tagIDs, p.tax.tags[key][j.lang])
	}
	if j.status == content.StatusPublished {
		p.relate(j)
		j.featured = p.feature(j)
		p.offer(j)
		p.remember(j)
	}
	p.placeVersion(j)
	if k := p.photos.featuredPhoto(st); k >= 0 {
		j.photoID = p.photos.ids[k]
		j.album = p.photos.album(st, j.lang)
	}
	p.headlines = append(p.headlines, int32(st.title))
	p.standfirsts = append(p.standfirsts, int32(st.standfirst))
	if !j.translation() && (j.status == content.StatusPublished || j.status == content.StatusScheduled) {
		p.queueTranslations(st, j.publishAt)
	}
	return j
}

// slot returns the status and publication time of the i-th article. Drafts have no time:
// nobody has decided when they go out.
func (p *planner) slot(i int) (content.Status, time.Time) {
	switch {
	case i >= p.past:
		return content.StatusScheduled, p.times[i]
	case p.hidden[i] == content.StatusDraft:
		return content.StatusDraft, time.Time{}
	case p.hidden[i] == content.StatusArchived:
		return content.StatusArchived, p.times[i]
	}
	return content.StatusPublished, p.times[i]
}

// dueTranslation returns the waiting translation whose time comes before the i-th
// article's slot, if any; the translation then takes the slot. Near the end of the past,
// translations too late to go out before now are dropped: the future slots are for what
// is scheduled.
func (p *planner) dueTranslation(i int) (pendingVersion, bool) {
	for len(p.pending) > 0 {
		v := p.pending[0]
		switch {
		case i >= p.past && !v.due.After(p.now):
			p.pending = p.pending[1:]
			continue
		case v.due.After(p.times[i]):
			return pendingVersion{}, false
		}
		p.pending = p.pending[1:]
		return v, true
	}
	return pendingVersion{}, false
}

// translationShare is the percentage of stories told in more than one language.
const translationShare = 35

// chooseTranslations decides the languages a story told in lang will be translated into:
// about 35% of stories have one translation, a quarter of those two.
func (p *planner) chooseTranslations(lang int) []int {
	if p.rng.IntN(100) >= translationShare {
		return nil
	}
	targets := otherLangs(lang, p.rng)
	if p.rng.IntN(4) > 0 {
		targets = targets[:1]
	}
	return targets
}

// queueTranslations plans the story's translations, each between twenty minutes and five
// hours after the original: the same news, put into the other language by the newsroom.
// A translation of an article that went out just before now is scheduled.
func (p *planner) queueTranslations(st *story, at time.Time) {
	for _, l := range st.targets {
		due := at.Add(time.Duration(20+p.rng.IntN(280)) * time.Minute).Truncate(time.Minute)
		if !due.After(at) {
			due = at.Add(time.Minute)
		}
		v := pendingVersion{story: st, lang: l, due: due}
		k, _ := slices.BinarySearchFunc(p.pending, v, func(a, b pendingVersion) int { return a.due.Compare(b.due) })
		p.pending = slices.Insert(p.pending, k, v)
	}
}

// otherLangs lists the languages a story in lang is translated into, likeliest first:
// the organisation is bilingual, so French goes to Dutch and back far more than to English.
func otherLangs(lang int, rng *rand.Rand) []int {
	switch lang {
	case fr:
		if rng.IntN(10) < 7 {
			return []int{nl, en}
		}
		return []int{en, nl}
	case nl:
		if rng.IntN(4) < 3 {
			return []int{fr, en}
		}
		return []int{en, fr}
	}
	if rng.IntN(2) == 0 {
		return []int{fr, nl}
	}
	return []int{nl, fr}
}
