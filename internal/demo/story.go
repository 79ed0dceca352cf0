package demo

import (
	"math/rand/v2"
	"slices"

	"github.com/roneo/roneo/internal/content"
)

// story is what the language versions of one article share: subject, kind, cast, filing,
// bylines. Each version's text is generated from the story's seed, so versions say the same
// thing in their own language.
type story struct {
	seed     uint64
	topic    *topic
	pool     int // the topic's index, and so its phrases' pool
	kind     content.Kind
	cast     cast
	section  int64
	tags     []string // tag keys
	authors  []int64
	contacts []int64
	byline   *tri  // a free-text signature, filled from the cast
	female   bool  // grammatical gender of the byline's correspondent
	first    int   // index of the first version, whose ID becomes the StoryID
	targets  []int // languages the story will be translated into

	// title and standfirst are the phrases (catalog IDs) every version's headline is made
	// of, headline the phrases themselves.
	title, standfirst int
	headline          [2]tri
}

// titlePool is where the story's title comes from: photo reports have their own.
func (s *story) titlePool() int {
	if s.kind == content.KindPhotoReport {
		return photoPool
	}
	return s.pool
}

// rng returns the story's random stream for one purpose; every version replays it.
func (s *story) rng(seed, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed^stream<<56, s.seed))
}

// langWeights: mostly French and Dutch, some English.
var langWeights = [3]int{50, 38, 12}

// newStory invents the story first told by the i-th article. It draws the subject a few
// times over when the lists the story would appear in have lately used every title its
// subject offers, and keeps the draw with the fewest repeats.
func (p *planner) newStory(i int, status content.Status) (*story, int) {
	lang := weighted(p.rng, langWeights[:])
	var targets []int
	visible := status == content.StatusPublished || status == content.StatusScheduled
	if visible {
		targets = p.chooseTranslations(lang)
	}
	var st *story
	var versions []*lists
	bestConflicts := -1
	for range subjectDraws {
		cand := p.drawSubject(i)
		cand.targets = targets
		vs := []*lists{p.listsOf(cand, lang)}
		for _, l := range targets {
			vs = append(vs, p.listsOf(cand, l))
		}
		title, conflicts := p.chooseTitle(cand, vs)
		cand.title = title
		if bestConflicts < 0 || conflicts < bestConflicts {
			st, versions, bestConflicts = cand, vs, conflicts
		}
		if conflicts == 0 || !visible {
			break
		}
	}
	tp := st.topic
	st.tags = p.chooseTags(st, tp.tags, 2+p.rng.IntN(min(3, len(tp.tags)-1)), versions)
	for _, ls := range versions {
		ls.withTags(p, st)
	}
	st.standfirst = p.chooseStandfirst(st, versions)
	st.headline = [2]tri{p.catalog.titles.phrase(st.title), p.catalog.standfirsts.phrase(st.standfirst)}
	p.sign(st)
	if len(versions) > 1 {
		p.reserve(st, versions[1:])
	}
	return st, lang
}

// subjectDraws bounds how many subjects newStory considers for one story.
const subjectDraws = 4

// drawSubject draws a topic, kind, cast and section.
func (p *planner) drawSubject(i int) *story {
	tp := p.pickTopic()
	st := &story{seed: p.rng.Uint64(), topic: tp, pool: topicIndex(tp), kind: p.pickKind(i >= p.past, tp.key == "opinion"), first: i}
	st.cast = newCast(p.rng, tp)
	st.section = p.tax.sections[st.resolve(tp.sections[p.rng.IntN(len(tp.sections))])]
	return st
}

// resolve turns "@place" and "@country" into the region of the story's town or country.
func (s *story) resolve(key string) string {
	switch key {
	case "@place":
		return places[s.cast.place].region
	case "@country":
		return countries[s.cast.country].region
	}
	return key
}

func (p *planner) pickTopic() *topic {
	n := p.rng.IntN(100)
	for _, t := range topics {
		if n < t.weight {
			return t
		}
		n -= t.weight
	}
	return topics[0]
}

// pickKind: about 80% articles, 12% press releases, 8% photo reports; embargoed press
// releases make up much of what is scheduled. Opinion pieces are always articles.
func (p *planner) pickKind(future, opinion bool) content.Kind {
	n := p.rng.IntN(100)
	switch {
	case opinion:
		return content.KindArticle
	case future && n < 40, !future && n < 12:
		return content.KindPressRelease
	case n >= 92:
		return content.KindPhotoReport
	}
	return content.KindArticle
}

// sign decides who signs the story: press officers as contacts on a press release,
// photographers on a photo report, columnists on most opinion pieces, and otherwise one
// to three journalists or, a fifth of the time, "our correspondent".
func (p *planner) sign(st *story) {
	staff := p.tax.staff
	switch {
	case st.kind == content.KindPressRelease:
		st.contacts = p.pickPeople(staff[pressOfficer], 1+p.rng.IntN(2))
		st.byline = &pressByline
	case st.kind == content.KindPhotoReport:
		st.authors = p.pickPeople(staff[photographer], 1+p.rng.IntN(2))
	case st.topic.key == "opinion" && p.rng.IntN(10) < 7:
		st.authors = p.pickPeople(staff[columnist], 1)
	case p.rng.IntN(5) == 0:
		st.byline, st.female = &homeByline, p.rng.IntN(2) == 0
		if st.topic.sections[0] == "@country" {
			st.byline = &abroadByline
		}
	default:
		n := 1 + weighted(p.rng, []int{75, 18, 7})
		st.authors = p.pickPeople(p.tax.beats[topicBeats[st.topic.key]], 1)
		for _, id := range p.pickPeople(staff[journalist], n) {
			if len(st.authors) < n && !slices.Contains(st.authors, id) {
				st.authors = append(st.authors, id)
			}
		}
	}
}

// pickPeople returns n distinct IDs from ids (fewer if ids is shorter).
func (p *planner) pickPeople(ids []int64, n int) []int64 {
	var out []int64
	for _, k := range p.rng.Perm(len(ids))[:min(n, len(ids))] {
		out = append(out, ids[k])
	}
	return out
}

// weighted returns an index into weights, each drawn in proportion to its weight.
func weighted(rng *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := rng.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}
