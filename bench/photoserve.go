package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
)

// photos-serve measures a photo's derivative as pages ask for it, the 800 px WebP, from
// roneo serve and from nginx serving the same bytes as a file: the ceiling, as nginx is
// for the article page. roneo serves a site of its own holding that photo alone: a
// media file costs the same whatever the site holds. The rounds alternate them (nginx, ref, tree) like nginx and
// cached, and photos-serve / nginx is the median of the per-round ratios.

// The scenario names of photos-serve's runs; nginx's is no -only scenario of its own.
const scenarioPhotosNginx = "photos-nginx"

// serveResult is the derivative photos-serve requested from a binary's server.
type serveResult struct {
	Path         string `json:"path"` // /media/photos/ab/ab12…-800.webp
	Bytes        int    `json:"bytes"`
	ContentType  string `json:"content_type"`
	CacheControl string `json:"cache_control"`
}

// measurePhotosServe imports one photo into each binary's demo site, starts its roneo
// serve and nginx with the tree's derivative, and runs the rounds.
func (b *bench) measurePhotosServe(ctx context.Context) error {
	files, err := photoFiles(b.photoDir(), derivePhotos(1))
	if err != nil {
		return err
	}
	var subjects []subject
	defer func() {
		for _, subj := range subjects {
			subj.server.stop()
		}
	}()
	for _, s := range b.sides() {
		err := b.onSide(ctx, s, []string{scenarioPhotosServe}, func() error {
			subj, err := b.photoSubject(ctx, s, files[0])
			if err == nil {
				subjects = append(subjects, subj)
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	tree := subjects[len(subjects)-1] // the tree's runs last: its failure has stopped the run
	body, err := fetch(ctx, b.http, tree.url)
	if err != nil {
		return err
	}
	// nginx serves the tree's derivative; the reference's is the same file when its
	// pipeline encodes as the tree's does.
	for i := range subjects {
		other, err := fetch(ctx, b.http, subjects[i].url)
		if err != nil {
			return err
		}
		subjects[i].identical = bytes.Equal(other, body)
	}
	path := b.tree.res.photos().Serve.Path
	ng, addr, err := b.startNginx(ctx, scenarioPhotosNginx, page{Path: path, Body: body})
	if err != nil {
		return err
	}
	defer ng.stop()
	nginx := subject{scenario: scenarioPhotosNginx, url: "http://" + addr + path, identical: true, server: ng}
	return b.runRounds(ctx, append([]subject{nginx}, subjects...)...)
}

// photoSubject imports photo into a data directory of the side's own, empty before,
// starts a roneo serve on it and checks that it serves the photo's 800 px WebP as an
// immutable file. The caller stops the server (stopAll does on an error).
func (b *bench) photoSubject(ctx context.Context, s *side, photo string) (subject, error) {
	dir := b.ws.path(s.name("photos-serve-data"))
	name, err := b.importOne(ctx, s, dir, photo)
	if err != nil {
		return subject{}, err
	}
	srv, err := b.startRoneo(ctx, s, roneoInstance{label: scenarioPhotosServe, pageCache: true, dataDir: dir})
	if err != nil {
		return subject{}, err
	}
	res := &serveResult{Path: "/media/" + name}
	u := srv.base + res.Path
	if err := b.checkPhoto(ctx, u, res); err != nil {
		srv.stop()
		return subject{}, err
	}
	s.res.photos().Serve = res
	b.logf("photos-serve (%s): %s, %d bytes, %s, Cache-Control: %s", s.describe(), res.Path, res.Bytes, res.ContentType, res.CacheControl)
	return subject{scenario: scenarioPhotosServe, side: s, url: u, server: srv.child}, nil
}

// checkPhoto fetches a derivative and records what it is: an image, cached for ever.
func (b *bench) checkPhoto(ctx context.Context, u string, res *serveResult) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := b.http.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: status %d, want 200", u, resp.StatusCode)
	}
	res.Bytes = int(resp.ContentLength)
	res.ContentType, res.CacheControl = resp.Header.Get("Content-Type"), resp.Header.Get("Cache-Control")
	if !strings.HasPrefix(res.ContentType, "image/") || !strings.Contains(res.CacheControl, "immutable") {
		return fmt.Errorf("GET %s: Content-Type %q, Cache-Control %q; want an image cached as immutable", u, res.ContentType, res.CacheControl)
	}
	return nil
}

// importOne imports one photo into a data directory and returns the media name of its
// photoDerivativeWidth px derivative in photoDerivativeFormat, found among the files
// the import added.
func (b *bench) importOne(ctx context.Context, s *side, dataDir, photo string) (string, error) {
	before, err := mediaFiles(dataDir)
	if err != nil {
		return "", err
	}
	if _, err := b.importPhotos(ctx, s, dataDir, []string{photo}); err != nil {
		return "", err
	}
	after, err := mediaFiles(dataDir)
	if err != nil {
		return "", err
	}
	name := derivativeIn(added(before, after), photoDerivativeWidth, photoDerivativeFormat)
	if name == "" {
		return "", fmt.Errorf("roneo media import of %s wrote no %d px %s under %s", photo, photoDerivativeWidth, photoDerivativeFormat, mediaDir(dataDir))
	}
	return name, nil
}
