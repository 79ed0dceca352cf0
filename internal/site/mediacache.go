package site

import (
	"bytes"
	"container/list"
	"io"
	"sync"
	"time"

	"github.com/roneo/roneo/internal/media"
)

// Limits of the memory kept for photo files. Their names follow from their content, so
// a kept copy is never out of date: a page of thumbnails asks for dozens of them, and
// answering from memory saves opening, reading and closing a file for each.
const (
	mediaCacheBytes   = 32 << 20
	mediaCacheMaxFile = 512 << 10 // derivatives of pages; originals are downloads
)

// mediaCache keeps the most recently served small photo files in memory, least recently
// used first out.
type mediaCache struct {
	mu    sync.Mutex
	limit int64
	used  int64
	lru   *list.List // of *mediaFile, front: most recently used
	byKey map[string]*list.Element
}

type mediaFile struct {
	name string
	data []byte
	info media.Info
}

func newMediaCache(limit int64) *mediaCache {
	return &mediaCache{limit: limit, lru: list.New(), byKey: map[string]*list.Element{}}
}

func (c *mediaCache) get(name string) (*mediaFile, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[name]
	if !ok {
		return nil, false
	}
	c.lru.MoveToFront(el)
	return el.Value.(*mediaFile), true
}

func (c *mediaCache) put(f *mediaFile) {
	size := int64(len(f.data))
	if size > c.limit {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[f.name]; ok {
		return
	}
	for c.used+size > c.limit {
		last := c.lru.Back()
		old := last.Value.(*mediaFile)
		c.lru.Remove(last)
		delete(c.byKey, old.name)
		c.used -= int64(len(old.data))
	}
	c.byKey[f.name] = c.lru.PushFront(f)
	c.used += size
}

// clear forgets every kept file.
func (c *mediaCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lru.Init()
	clear(c.byKey)
	c.used = 0
}

// readSmall reads a blob of at most mediaCacheMaxFile bytes whole; false for a larger
// one, which is served from the store as it is.
func readSmall(blob io.Reader, info media.Info) ([]byte, bool) {
	if info.Size > mediaCacheMaxFile || info.Size < 0 {
		return nil, false
	}
	var b bytes.Buffer
	b.Grow(int(info.Size))
	if _, err := io.Copy(&b, io.LimitReader(blob, info.Size+1)); err != nil || int64(b.Len()) != info.Size {
		return nil, false
	}
	return b.Bytes(), true
}

// modTime is what Last-Modified says of a kept file.
func (f *mediaFile) modTime() time.Time { return f.info.ModTime }
