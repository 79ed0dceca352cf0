package main

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/url"
	"slices"
	"time"
)

// The feeds and the sitemaps: the site's French Atom feed is measured under load with
// the page cache on (feed) and off (feed-uncached), in the same rounds as the article
// page, and the sitemaps are fetched whole, index and every file, on a server with its
// cache off (sitemap): how long a crawler waits, and what it costs the server in memory.

// feedPath is the feed measured: the whole site in French, Atom, 50 entries in full.
const feedPath = "/fr/feed.atom"

// feedSubject starts a server of the tree's for the feed, with the page cache on or
// off, to be measured in the same rounds as the article page: a server of its own, so
// that the feed's garbage and cache do not weigh on the article page's figures.
func (b *bench) feedSubject(ctx context.Context, scenario string, pageCache bool) (subject, func(), error) {
	port, err := freePort()
	if err != nil {
		return subject{}, nil, err
	}
	srv, err := b.startRoneo(ctx, b.tree, roneoInstance{label: scenario, port: port, pageCache: pageCache})
	if err != nil {
		return subject{}, nil, err
	}
	u := srv.base + feedPath
	if _, err := fetch(ctx, b.http, u); err != nil {
		srv.stop()
		return subject{}, nil, fmt.Errorf("%s: %w", scenario, err)
	}
	return subject{scenario: scenario, side: b.tree, url: u, server: srv.child}, srv.stop, nil
}

// sitemapResult is one fetch of every sitemap, repeated sitemapRounds times.
type sitemapResult struct {
	Files   int       `json:"files"`
	URLs    int       `json:"urls"`
	Bytes   int64     `json:"bytes"`
	Seconds []float64 `json:"seconds"` // each round's wall time, index and files
	// BaseMB is the server's peak resident memory before the first fetch, PeakMB after
	// the last: what building sitemaps adds to a server that had served nothing else.
	BaseMB float64 `json:"base_mb"`
	PeakMB float64 `json:"peak_mb"`
}

const sitemapRounds = 3

// measureSitemap fetches the sitemap index and every sitemap it names from a fresh
// server, as a crawler does, one file at a time.
func (b *bench) measureSitemap(ctx context.Context, s *side) error {
	srv, err := b.startRoneo(ctx, s, roneoInstance{label: scenarioSitemap})
	if err != nil {
		return err
	}
	defer srv.stop()
	before, err := readMemory(srv.pid())
	if err != nil {
		return err
	}
	res := &sitemapResult{BaseMB: before.PeakMB}
	for round := 1; round <= sitemapRounds; round++ {
		started := time.Now()
		files, urls, bytes, err := b.fetchSitemaps(ctx, srv.base)
		if err != nil {
			return err
		}
		res.Seconds = append(res.Seconds, time.Since(started).Seconds())
		res.Files, res.URLs, res.Bytes = files, urls, bytes
	}
	after, err := readMemory(srv.pid())
	if err != nil {
		return err
	}
	res.PeakMB = after.PeakMB
	s.res.Sitemap = res
	b.logf("%s: %d sitemaps, %d addresses, %.1f MB, in %.2f s (median of %d); peak RSS %.1f MB (%.1f MB before)",
		s.name(scenarioSitemap), res.Files, res.URLs, float64(res.Bytes)/1e6, median(res.Seconds), sitemapRounds, res.PeakMB, res.BaseMB)
	return nil
}

// fetchSitemaps fetches the index at base and every file it names, and counts them.
func (b *bench) fetchSitemaps(ctx context.Context, base string) (files, urls int, bytes int64, err error) {
	index, err := fetch(ctx, b.http, base+"/sitemap.xml")
	if err != nil {
		return 0, 0, 0, err
	}
	bytes = int64(len(index))
	locs, err := sitemapLocs(index)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("sitemap index: %w", err)
	}
	for _, loc := range locs {
		u, err := url.Parse(loc)
		if err != nil {
			return 0, 0, 0, err
		}
		body, err := fetch(ctx, b.http, base+u.Path)
		if err != nil {
			return 0, 0, 0, err
		}
		inside, err := sitemapLocs(body)
		if err != nil {
			return 0, 0, 0, fmt.Errorf("%s: %w", u.Path, err)
		}
		files, urls, bytes = files+1, urls+len(inside), bytes+int64(len(body))
	}
	return files, urls, bytes, nil
}

// sitemapLocs reads the <loc> elements of a sitemap or an index.
func sitemapLocs(body []byte) ([]string, error) {
	var doc struct {
		Entries []struct {
			Loc string `xml:"loc"`
		} `xml:",any"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		return nil, err
	}
	out := make([]string, 0, len(doc.Entries))
	for _, e := range doc.Entries {
		out = append(out, e.Loc)
	}
	return out, nil
}

// sitemapFigures are the sitemap scenario's figures.
func (r *results) sitemapFigures() []figure {
	if !r.selected(scenarioSitemap) {
		return nil
	}
	fs := []figure{{Name: "sitemap time", Unit: "s"}, {Name: "sitemap urls", Unit: "urls", Higher: true}, {Name: "sitemap peak RSS", Unit: "MB"}}
	sm := r.Sitemap
	if sm == nil || len(sm.Seconds) == 0 {
		for i := range fs {
			fs[i] = r.measured(fs[i], false, scenarioSitemap)
		}
		return fs
	}
	fs[0].Value, fs[0].Rounds, fs[0].Min, fs[0].Max = median(sm.Seconds), len(sm.Seconds), slices.Min(sm.Seconds), slices.Max(sm.Seconds)
	fs[1].Value = float64(sm.URLs)
	fs[2].Value = sm.PeakMB
	return fs
}
