package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// photos-zip's album belongs to a French photo report that the benchmark publishes
// through the newsroom, empty, so that the album holds its photos alone whatever the
// demo gives its own photo reports; "roneo media import --album ID" then fills it.

// albumTarget is the article whose album photos-zip fills and fetches.
type albumTarget struct {
	id      string // the article's ID, as --album takes it
	path    string // its public page: /fr/article/{slug}
	zipPath string // its album's ZIP: /fr/article/{slug}/photos.zip
}

// albumTitleWord starts the title of the photo report, and so its slug.
const albumTitleWord = "Reportage-banc"

// albumArticle publishes an empty photo report through the newsroom of a server of the
// side's own, stopped once done, so that the import that follows writes alone.
func (b *bench) albumArticle(ctx context.Context, s *side) (albumTarget, error) {
	srv, err := b.startRoneo(ctx, s, roneoInstance{label: scenarioPhotosZip + "-newsroom"})
	if err != nil {
		return albumTarget{}, err
	}
	defer srv.stop()
	nc, err := b.newsroomSignIn(ctx, s, srv, false)
	if err != nil {
		return albumTarget{}, err
	}
	title := fmt.Sprintf("%s %d", albumTitleWord, time.Now().UnixNano())
	form := url.Values{"title": {title}, "body": {"Les photos de la manifestation de ce matin, pour le banc d’essai."},
		"lang": {"fr"}, "kind": {"photo_report"}, "version": {"0"}}
	loc, err := post(ctx, nc, srv.base+"/newsroom/articles/new", form)
	if err != nil {
		return albumTarget{}, err
	}
	m := editorRe.FindStringSubmatch(loc)
	if m == nil {
		return albumTarget{}, fmt.Errorf("saving a photo report led to %q, not its editor", loc)
	}
	form.Set("version", "1")
	if loc, err = post(ctx, nc, srv.base+"/newsroom/articles/"+m[1]+"/publish", form); err != nil {
		return albumTarget{}, err
	}
	if !strings.Contains(loc, "done=published") {
		return albumTarget{}, fmt.Errorf("publishing the photo report led to %q", loc)
	}
	path, err := publicPath(ctx, nc, srv.base+loc)
	if err != nil {
		return albumTarget{}, err
	}
	return albumTarget{id: m[1], path: path, zipPath: path + "/photos.zip"}, nil
}

var albumPathRe = regexp.MustCompile(`href="(/fr/article/` + strings.ToLower(albumTitleWord) + `[^"/?#]*)"`)

// publicPath reads the public address of the photo report from its editor.
func publicPath(ctx context.Context, nc *http.Client, editor string) (string, error) {
	page, err := fetchText(ctx, nc, editor)
	if err != nil {
		return "", err
	}
	m := albumPathRe.FindStringSubmatch(page)
	if m == nil {
		return "", fmt.Errorf("the editor of the photo report shows no public address like /fr/article/%s-…", strings.ToLower(albumTitleWord))
	}
	return m[1], nil
}
