package site

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// entry is a rendered page with everything needed to answer for it without rendering
// again: its bytes in each encoding, validators and every header, built once.
type entry struct {
	key      string
	status   int
	location string // a redirect's target
	etag     string
	modified time.Time // zero when unknown
	header   []headerField
	identity variant
	gzip     *variant // nil when compressing did not pay
	brotli   *variant
	size     int64
}

// variant is the page in one content coding.
type variant struct {
	body          []byte
	contentLength []string
	encoding      []string // nil for identity
}

// headerField is a header with its value slice made once: net/http only reads them, so
// one slice serves every answer.
type headerField struct {
	key   string
	value []string
}

// newEntry builds an entry from a response; compress says whether to precompute the
// gzip and brotli variants (worth it only when the entry will be kept).
func newEntry(key string, r *response, compress bool) *entry {
	sum := sha256.Sum256(r.body)
	e := &entry{
		key: key, status: r.status, location: r.location,
		etag:     `W/"` + hex.EncodeToString(sum[:12]) + `"`,
		modified: r.lastModified,
		identity: newVariant(r.body, nil),
	}
	e.header = append(e.header, securityFields(r.csp)...)
	cacheControl := cacheRevalidate
	if r.cacheControl != nil {
		cacheControl = r.cacheControl
	}
	e.header = append(e.header,
		headerField{"Content-Type", []string{r.contentType}},
		headerField{"Etag", []string{e.etag}},
		headerField{"Vary", varyAcceptEncoding},
		headerField{"Cache-Control", cacheControl})
	if !r.lastModified.IsZero() {
		e.header = append(e.header, headerField{"Last-Modified", []string{r.lastModified.UTC().Format(timeFormat)}})
	}
	if compress && len(r.body) > 512 {
		gz, br := newVariant(gzipBytes(r.body), encodingGzip), newVariant(brotliBytes(r.body), encodingBrotli)
		e.gzip, e.brotli = &gz, &br
	}
	e.size = int64(len(key)+len(r.body)) + 512
	if e.gzip != nil {
		e.size += int64(len(e.gzip.body) + len(e.brotli.body))
	}
	return e
}

func newVariant(body []byte, encoding []string) variant {
	return variant{body: body, contentLength: []string{strconv.Itoa(len(body))}, encoding: encoding}
}

// variantFor picks the smallest coding the reader accepts.
func (e *entry) variantFor(acceptEncoding string) *variant {
	switch {
	case acceptEncoding == "":
		return &e.identity
	case e.brotli != nil && accepts(acceptEncoding, "br"):
		return e.brotli
	case e.gzip != nil && accepts(acceptEncoding, "gzip"):
		return e.gzip
	}
	return &e.identity
}

const timeFormat = "Mon, 02 Jan 2006 15:04:05 GMT"

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// brotliBytes compresses at quality 6: within a few percent of the maximum for pages of
// this size, at a small fraction of quality 11's time on a cache miss.
func brotliBytes(b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, 6)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// pageCache keeps rendered pages in memory up to a byte budget, least recently used out
// first. Every content change purges it whole: simple, and never stale.
type pageCache struct {
	mu         sync.Mutex
	budget     int64
	used       int64
	generation uint64
	items      map[string]*list.Element
	lru        *list.List // front: most recently used
	purgedAt   time.Time
}

func newPageCache(budget int64) *pageCache {
	return &pageCache{budget: budget, items: map[string]*list.Element{}, lru: list.New()}
}

func (c *pageCache) enabled() bool { return c.budget > 0 }

// get returns the entry for key and the current generation; pass the generation to put
// so that a page rendered before a purge is not stored after it.
func (c *pageCache) get(key string) (*entry, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.lru.MoveToFront(el)
		return el.Value.(*entry), c.generation
	}
	return nil, c.generation
}

func (c *pageCache) put(e *entry, generation uint64) {
	if e.size > c.budget/4 {
		return // one huge page must not flush everything else
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if generation != c.generation {
		return
	}
	if old, ok := c.items[e.key]; ok {
		c.used -= old.Value.(*entry).size
		c.lru.Remove(old)
	}
	c.items[e.key] = c.lru.PushFront(e)
	c.used += e.size
	for c.used > c.budget {
		oldest := c.lru.Back()
		c.used -= oldest.Value.(*entry).size
		delete(c.items, oldest.Value.(*entry).key)
		c.lru.Remove(oldest)
	}
}

// purge drops every page.
func (c *pageCache) purge(now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.generation++
	c.items = map[string]*list.Element{}
	c.lru.Init()
	c.used = 0
	c.purgedAt = now
}

// stats reports the number of pages and bytes held.
func (c *pageCache) stats() (pages int, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items), c.used
}
