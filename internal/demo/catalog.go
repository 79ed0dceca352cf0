package demo

// Headlines and standfirsts are dealt from pools: each topic's titles and standfirsts,
// and the titles of photo reports, which any topic may have. Every phrase of a pool has an
// ID, dense across pools, so that the planner can remember where each was last used.

// catalog numbers the phrases headlines are made of.
type catalog struct {
	titles, standfirsts pools
}

// pools are lists of phrases, one per topic and then one more for photo reports'
// titles; base[k] is the ID of the first phrase of list k.
type pools struct {
	lists [][]tri
	base  []int
	size  int
}

func newPools(lists [][]tri) pools {
	p := pools{lists: lists}
	for _, l := range lists {
		p.base = append(p.base, p.size)
		p.size += len(l)
	}
	return p
}

// phrase returns the phrase with the given ID.
func (p *pools) phrase(id int) tri {
	k := len(p.base) - 1
	for p.base[k] > id {
		k--
	}
	return p.lists[k][id-p.base[k]]
}

// photoPool is the index of the photo reports' titles among the title pools.
var photoPool = len(topics)

func newCatalog() catalog {
	var titles, standfirsts [][]tri
	for _, tp := range topics {
		titles = append(titles, tp.titles)
		standfirsts = append(standfirsts, tp.standfirsts)
	}
	return catalog{titles: newPools(append(titles, photoTitles)), standfirsts: newPools(standfirsts)}
}

// topicIndex is the position of tp in topics, which is also its pool.
func topicIndex(tp *topic) int {
	for i, t := range topics {
		if t == tp {
			return i
		}
	}
	panic("demo: topic " + tp.key + " is not listed") // a topic left out of topics
}
