package main

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/urls"
)

// browserPhotos writes n JPEGs of w×h pixels, each a different gradient, for the file
// input.
func browserPhotos(t *testing.T, n, w, h int) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i := range n {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for y := range h {
			for x := range w {
				img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(40 * i), uint8(y * 255 / h), 255})
			}
		}
		path := filepath.Join(dir, fmt.Sprintf("IMG_%04d.jpg", i+1))
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := jpeg.Encode(f, img, &jpeg.Options{Quality: 85}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		paths = append(paths, path)
	}
	return paths
}

// An editor uploads three photos through the script (a progress bar each), writes
// their alt texts, makes a photo report of them with a featured photo and publishes
// it; readers then see its gallery on a phone and on a desktop, open a photo, download
// it in high resolution and the whole album as a ZIP.
func TestBrowserPhotoReport(t *testing.T) {
	t.Parallel()
	m, _ := startServe(t, "")
	newsroomUser(t, m, auth.RoleEditor, "photo@example.org", "en", "")
	paths := browserPhotos(t, 3, 900, 600)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 900))
	signInBrowser(t, ctx, m.URL(), "photo@example.org", "")

	// Upload: three requests, each with its progress bar, which reach their end.
	do(t, ctx, chromedp.Navigate(m.URL()+"/newsroom/photos/upload"), chromedp.WaitVisible(chromedp.CSS("#f-photos")),
		chromedp.SendKeys(chromedp.CSS("#f-credit"), "Marie Dupont"),
		chromedp.SetUploadFiles(chromedp.CSS("#f-photos"), paths), chromedp.Click(chromedp.CSS("#upload-send")))
	waitTrue(t, ctx, `document.querySelectorAll("#upload-progress li[data-state=done]").length === 3`)
	if n := eval[int](t, ctx, `[...document.querySelectorAll("#upload-progress progress")].filter(p => p.value === 100).length`); n != 3 {
		t.Errorf("%d progress bars at their end", n)
	}
	screenshot(t, ctx, "newsroom-upload-1280")
	links := eval[[]string](t, ctx, `[...document.querySelectorAll("#upload-progress li a")].map(a => a.getAttribute("href"))`)
	if len(links) != 3 {
		t.Fatalf("links to the new photos: %q", links)
	}
	var ids []string
	for _, l := range links {
		ids = append(ids, strings.TrimPrefix(l, "/newsroom/photos/"))
	}

	// Alt texts, and a focal point set by a click on the preview.
	for i, link := range links {
		do(t, ctx, chromedp.Navigate(m.URL()+link), chromedp.WaitVisible(chromedp.CSS("#f-alt_fr")),
			chromedp.SendKeys(chromedp.CSS("#f-alt_fr"), "Manifestants devant l’ambassade, photo "+strconv.Itoa(i+1)),
			chromedp.SendKeys(chromedp.CSS("#f-alt_en"), "Protesters outside the embassy, photo "+strconv.Itoa(i+1)))
		if i == 0 {
			waitTrue(t, ctx, `document.querySelector("#photo-preview").complete && document.querySelector("#photo-preview").naturalWidth > 0`)
			do(t, ctx, chromedp.Click(chromedp.CSS("#photo-preview")))
			if marker := eval[bool](t, ctx, `!document.querySelector("#focus-marker").hidden`); !marker {
				t.Error("no marker of the focal point")
			}
			screenshot(t, ctx, "newsroom-photo-1280")
		}
		do(t, ctx, chromedp.Click(chromedp.CSS("#photo-save")))
		waitPath(t, ctx, link+"?done=photosaved")
	}

	// The photo report: its featured photo found by number in the editor, its album
	// filled from the library.
	do(t, ctx, chromedp.Navigate(m.URL()+"/newsroom/articles/new"), chromedp.WaitVisible(chromedp.CSS("#f-title")),
		chromedp.SetValue(chromedp.CSS("#f-kind"), "photo_report"), chromedp.SetValue(chromedp.CSS("#f-lang"), "fr"),
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Devant l’ambassade, ce matin"),
		chromedp.SendKeys(chromedp.CSS("#f-body"), "Les photos du rassemblement de ce matin."),
		chromedp.SendKeys(chromedp.CSS("#f-photo_q"), "#"+ids[1]),
		chromedp.Click(chromedp.CSS(`#f-photo button[type=submit]`)))
	waitTrue(t, ctx, `!!document.querySelector("#photo-`+ids[1]+`")`)
	do(t, ctx, chromedp.Click(chromedp.CSS("#photo-"+ids[1])), chromedp.Click(chromedp.CSS("#save")))
	waitTrue(t, ctx, `/^\/newsroom\/articles\/[0-9]+$/.test(location.pathname) && document.readyState === "complete"`)
	id := strings.TrimPrefix(eval[string](t, ctx, `location.pathname`), "/newsroom/articles/")
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS("#album-link")), chromedp.Click(chromedp.CSS("#album-link")))
	waitPath(t, ctx, "/newsroom/articles/"+id+"/album")
	for _, pid := range ids {
		do(t, ctx, chromedp.Click(chromedp.CSS("#add-"+pid)))
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#album-add")))
	waitPath(t, ctx, "/newsroom/articles/"+id+"/album?done=albumsaved")
	// Ticked photos join in the order they were added to the library (the script sends
	// files side by side, so that is the order they arrived in, not always the order
	// chosen). With the script, "up" moves a photo at once, and the album is saved with
	// its button.
	ids = slices.Clone(ids)
	slices.SortFunc(ids, func(a, b string) int { x, _ := strconv.Atoi(a); y, _ := strconv.Atoi(b); return x - y })
	if order := eval[[]string](t, ctx, `[...document.querySelectorAll("#album-items input[name=item]")].map(i => i.value)`); strings.Join(order, ",") != strings.Join(ids, ",") {
		t.Errorf("album %q, want the library's order %q", order, ids)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#item-"+ids[2]+" button.up")))
	if second := eval[string](t, ctx, `document.querySelector("#album-items li:nth-child(2)").id`); second != "item-"+ids[2] {
		t.Errorf("after moving up, the second photo is %s", second)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#album-save")))
	waitPath(t, ctx, "/newsroom/articles/"+id+"/album?done=albumsaved")
	order := eval[[]string](t, ctx, `[...document.querySelectorAll("#album-items input[name=item]")].map(i => i.value)`)
	if strings.Join(order, ",") != ids[0]+","+ids[2]+","+ids[1] {
		t.Errorf("saved order %q", order)
	}
	screenshot(t, ctx, "newsroom-album-1280")
	narrowCheck(t, ctx, "newsroom-album")

	do(t, ctx, chromedp.Navigate(m.URL()+"/newsroom/articles/"+id), chromedp.WaitVisible(chromedp.CSS("#publish")),
		chromedp.Click(chromedp.CSS("#publish")))
	waitPath(t, ctx, "/newsroom/articles/"+id+"?done=published")

	articleID, _ := strconv.ParseInt(id, 10, 64)
	a, err := m.store.ArticleByID(context.Background(), articleID)
	if err != nil {
		t.Fatal(err)
	}
	album := m.scheme.Path(urls.Page{Kind: urls.Album, Lang: a.Lang, Key: a.Slug})
	for _, width := range []int64{360, 1280} {
		do(t, ctx, chromedp.EmulateViewport(width, 800), chromedp.Navigate(m.URL()+album), chromedp.WaitVisible(chromedp.CSS(".thumbs")))
		waitTrue(t, ctx, `[...document.querySelectorAll(".thumbs img")].every(i => i.complete)`)
		if n := eval[int](t, ctx, `[...document.querySelectorAll(".thumbs img")].filter(i => i.naturalWidth > 0).length`); n != 3 {
			t.Errorf("%d px: %d thumbnails loaded", width, n)
		}
		if scroll := eval[int](t, ctx, `document.documentElement.scrollWidth`); scroll > int(width) {
			t.Errorf("the gallery is %d px wide at %d px", scroll, width)
		}
		screenshot(t, ctx, fmt.Sprintf("gallery-%d", width))
	}

	// A photo's page, its download in high resolution, and the album's ZIP.
	photoPage := eval[string](t, ctx, `document.querySelector(".thumbs a").getAttribute("href")`)
	zipURL := eval[string](t, ctx, `document.querySelector(".zip-link").getAttribute("href")`)
	do(t, ctx, chromedp.Navigate(m.URL()+photoPage), chromedp.WaitVisible(chromedp.CSS(".download-hd")))
	waitTrue(t, ctx, `[...document.querySelectorAll(".photo-large img")].every(i => i.complete && i.naturalWidth > 0)`)
	hd := eval[string](t, ctx, `document.querySelector(".download-hd").getAttribute("href")`)
	resp, body := fetchOK(t, m.URL()+hd)
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, "marie-dupont") {
		t.Errorf("HD download named %q, without the credit", cd)
	}
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(body)); err != nil || cfg.Width != 900 {
		t.Errorf("HD download: %v, %d px wide", err, cfg.Width)
	}
	_, body = fetchOK(t, m.URL()+zipURL)
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("ZIP: %v", err)
	}
	images := 0
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc) // checks the CRC at the end
		rc.Close()
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
		if _, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
			images++
		}
	}
	if images != 3 {
		t.Errorf("the ZIP holds %d photos among %d files", images, len(zr.File))
	}
}

// fetchOK gets a URL and its body, failing the test unless it answers 200.
func fetchOK(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d, %v", url, resp.StatusCode, err)
	}
	return resp, body
}
