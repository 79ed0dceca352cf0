package site

import (
	"container/list"
	"sync"
	"sync/atomic"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/webkit"
)

// pageCache keeps built pages in memory up to a byte budget, least recently used out
// first. Each page is kept with the keys of what it shows; a change purges exactly the
// pages whose keys it names, so a publication in French leaves the Dutch pages, and
// the pages of other sections, cached.
//
// A page built while a change was being committed must not be stored after the purge
// that change causes: it may show the state before it. Every purge moves a generation
// on and is remembered, with its keys, for a while; a page is stored only if no purge
// since its build began named one of its keys.
type pageCache struct {
	mu         sync.Mutex
	budget     int64
	used       int64
	generation uint64
	items      map[string]*list.Element // path → entry
	byKey      map[content.Key]map[*entry]struct{}
	lru        *list.List // front: most recently used
	purged     []purge    // the latest purges, oldest first

	hits, misses, purges atomic.Int64
}

// entry is a cached page.
type entry struct {
	path    string
	page    *webkit.Encoded
	keys    []content.Key
	element *list.Element
}

// purge is one purge remembered: its generation and keys (nil: everything).
type purge struct {
	generation uint64
	keys       content.Keys
}

// rememberPurges is how many purges a build may span before its page is refused
// storing. A build takes milliseconds; a hundred purges in that time means the site is
// being rewritten, and the page will be built again anyway.
const rememberPurges = 100

func newPageCache(budget int64) *pageCache {
	return &pageCache{budget: budget, items: map[string]*list.Element{},
		byKey: map[content.Key]map[*entry]struct{}{}, lru: list.New()}
}

func (c *pageCache) enabled() bool { return c.budget > 0 }

// get returns the page cached at path, counting a hit, or nil.
func (c *pageCache) get(path string) *webkit.Encoded {
	if !c.enabled() {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[path]
	if !ok {
		return nil
	}
	c.lru.MoveToFront(el)
	c.hits.Add(1)
	return el.Value.(*entry).page
}

// has reports whether a page is cached at path, without counting it as a reader's hit.
func (c *pageCache) has(path string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.items[path]
	return ok
}

// miss counts a request the cache could not answer and returns the generation to pass
// to put.
func (c *pageCache) miss() uint64 {
	c.misses.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.generation
}

// put stores a page built at generation, unless a purge since then named one of its
// keys.
func (c *pageCache) put(path string, page *webkit.Encoded, keys content.Keys, generation uint64) {
	if !c.enabled() || page.Size > c.budget/4 {
		return // one huge page must not flush everything else
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.fresh(keys, generation) {
		return
	}
	if old, ok := c.items[path]; ok {
		c.remove(old.Value.(*entry))
	}
	e := &entry{path: path, page: page, keys: keys.Sorted()}
	e.element = c.lru.PushFront(e)
	c.items[path] = e.element
	for _, k := range e.keys {
		if c.byKey[k] == nil {
			c.byKey[k] = map[*entry]struct{}{}
		}
		c.byKey[k][e] = struct{}{}
	}
	c.used += page.Size
	for c.used > c.budget {
		c.remove(c.lru.Back().Value.(*entry))
	}
}

// fresh reports whether no purge after generation touched keys.
func (c *pageCache) fresh(keys content.Keys, generation uint64) bool {
	if generation == c.generation {
		return true
	}
	if len(c.purged) == 0 || c.purged[0].generation > generation+1 {
		return false // the purges since are no longer all remembered
	}
	for _, p := range c.purged {
		if p.generation > generation && (p.keys == nil || meets(keys, p.keys)) {
			return false
		}
	}
	return true
}

// remove drops an entry.
func (c *pageCache) remove(e *entry) {
	c.lru.Remove(e.element)
	delete(c.items, e.path)
	for _, k := range e.keys {
		delete(c.byKey[k], e)
		if len(c.byKey[k]) == 0 {
			delete(c.byKey, k)
		}
	}
	c.used -= e.page.Size
}

// purge drops the pages that show any of keys.
func (c *pageCache) purge(keys []content.Key) {
	c.purges.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	set := content.Keys{}
	set.Add(keys...)
	c.remember(set)
	for _, k := range keys {
		for e := range c.byKey[k] {
			c.remove(e)
		}
	}
}

// purgeAll drops every page.
func (c *pageCache) purgeAll() {
	c.purges.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.remember(nil)
	c.items = map[string]*list.Element{}
	c.byKey = map[content.Key]map[*entry]struct{}{}
	c.lru.Init()
	c.used = 0
}

// remember moves the generation on and keeps the purge's keys.
func (c *pageCache) remember(keys content.Keys) {
	c.generation++
	c.purged = append(c.purged, purge{generation: c.generation, keys: keys})
	if len(c.purged) > rememberPurges {
		c.purged = c.purged[len(c.purged)-rememberPurges:]
	}
}

func (c *pageCache) stats() CacheStats {
	c.mu.Lock()
	pages, used := len(c.items), c.used
	c.mu.Unlock()
	return CacheStats{Pages: pages, Bytes: used, Hits: c.hits.Load(), Misses: c.misses.Load(), Purges: c.purges.Load()}
}

// meets reports whether two sets share a key.
func meets(a, b content.Keys) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	for k := range a {
		if b.Has(k) {
			return true
		}
	}
	return false
}
