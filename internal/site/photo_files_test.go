package site_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/storetest"
	"github.com/roneo/roneo/internal/testkit"
)

// TestHDDownload: a photo's original, under a name that credits its photographer,
// exactly as stored, cached for ever, with range requests.
func TestHDDownload(t *testing.T) {
	onBothDatabases(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		f := newFixtureOn(t, st, clock, 8<<20)
		fp := f.addPhotos(t)
		march := fp.byName["march"]
		name := "jean-pierre-lefevre-" + march.Hash[:8] + ".jpg"
		path := "/hd/" + march.Hash + "/" + name
		p := f.get(t, path).wantStatus(t, http.StatusOK)
		if p.body != string(fp.bytes["march"]) {
			t.Errorf("%d bytes, not the stored original's %d", len(p.body), len(fp.bytes["march"]))
		}
		for header, want := range map[string]string{
			"Content-Disposition": `attachment; filename="` + name + `"`,
			"Content-Type":        "image/jpeg",
			"Cache-Control":       "public, max-age=31536000, immutable",
		} {
			if got := p.Header.Get(header); got != want {
				t.Errorf("%s %q, want %q", header, got, want)
			}
		}
		etag := p.Header.Get("Etag")
		if etag == "" {
			t.Error("no ETag")
		}
		f.get(t, path, "If-None-Match", etag).wantStatus(t, http.StatusNotModified)
		r := f.get(t, path, "Range", "bytes=0-9").wantStatus(t, http.StatusPartialContent)
		if r.body != string(fp.bytes["march"][:10]) {
			t.Errorf("range: %q", r.body)
		}
		if f.site.CacheStats().Pages != 0 {
			t.Error("a download went into the page cache")
		}
		placard := fp.byName["placard"]
		png := f.get(t, "/hd/"+placard.Hash+"/belga-"+placard.Hash[:8]+".png").wantStatus(t, http.StatusOK)
		if got := png.Header.Get("Content-Type"); got != "image/png" || png.body != string(fp.bytes["placard"]) {
			t.Errorf("a PNG: %q, %d bytes", got, len(png.body))
		}
		for _, bad := range []string{
			"/hd/" + march.Hash + "/" + strings.TrimSuffix(name, ".jpg") + ".png", // not its format
			"/hd/" + strings.Repeat("0", 64) + "/photo-00000000.jpg",              // no such photo
			"/hd/" + march.Hash + "/a%20b.jpg",
			"/hd/" + march.Hash + "/x.gif",
			"/hd/" + march.Hash,
			"/hd/" + strings.ToUpper(march.Hash) + "/" + name,
		} {
			f.get(t, bad).wantStatus(t, http.StatusNotFound)
		}
	})
}

// TestMediaPhotosCachedForEver: photos and their derivatives are named by their
// content; other media files are not.
func TestMediaPhotosCachedForEver(t *testing.T) {
	f := newFixture(t, 0)
	ph := f.addPhotos(t).byName["featured"]
	p := f.get(t, mediaURL(ph.OriginalName())).wantStatus(t, http.StatusOK)
	if got := p.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
		t.Errorf("a photo's Cache-Control %q", got)
	}
	if err := f.media.Put(context.Background(), "albums/x.webp", strings.NewReader("x"), 1); err != nil {
		t.Fatal(err)
	}
	if got := f.get(t, "/media/albums/x.webp").Header.Get("Cache-Control"); strings.Contains(got, "immutable") {
		t.Errorf("another media file's Cache-Control %q", got)
	}
}

// TestAlbumZip: the album as one ZIP, read back with archive/zip: credits.txt, then
// every original in the album's order, intact (each entry is read whole, which checks
// its CRC), named with its number and its credit.
func TestAlbumZip(t *testing.T) {
	onBothDatabases(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		f := newFixtureOn(t, st, clock, 8<<20)
		fp := f.addPhotos(t)
		p := f.get(t, "/fr/article/communique-ambassade/photos.zip").wantStatus(t, http.StatusOK)
		for header, want := range map[string]string{
			"Content-Type":        "application/zip",
			"Content-Disposition": `attachment; filename="communique-ambassade-photos.zip"`,
			"Cache-Control":       "no-store",
		} {
			if got := p.Header.Get(header); got != want {
				t.Errorf("%s %q, want %q", header, got, want)
			}
		}
		zr, err := zip.NewReader(strings.NewReader(p.body), int64(len(p.body)))
		if err != nil {
			t.Fatal(err)
		}
		march, banner, placard := fp.byName["march"], fp.byName["banner"], fp.byName["placard"]
		want := []struct {
			name string
			data []byte
		}{
			{"credits.txt", nil},
			{"001-jean-pierre-lefevre-" + march.Hash[:8] + ".jpg", fp.bytes["march"]},
			{"002-photo-" + banner.Hash[:8] + ".jpg", fp.bytes["banner"]},
			{"003-belga-" + placard.Hash[:8] + ".png", fp.bytes["placard"]},
		}
		if len(zr.File) != len(want) {
			t.Fatalf("%d files in the ZIP, want %d", len(zr.File), len(want))
		}
		var credits string
		for i, zf := range zr.File {
			if zf.Name != want[i].name {
				t.Errorf("file %d is %q, want %q", i, zf.Name, want[i].name)
			}
			data := readZipFile(t, zf)
			if zf.Modified.IsZero() {
				t.Errorf("%s has no time", zf.Name)
			}
			if i == 0 {
				credits = string(data)
				continue
			}
			if zf.Method != zip.Store {
				t.Errorf("%s compressed (method %d): photos are stored", zf.Name, zf.Method)
			}
			if !bytes.Equal(data, want[i].data) {
				t.Errorf("%s: %d bytes, not the original's %d", zf.Name, len(data), len(want[i].data))
			}
		}
		for _, line := range []string{
			"Le Stencil\nRassemblement devant l’ambassade\nhttps://news.example.org/fr/article/communique-ambassade\n",
			"Merci de créditer",
			"\n" + want[1].name + "\nLégende\u202f: Le cortège devant l’ambassade\nCrédit\u202f: © Jean-Pierre Lefèvre\n",
			"\n" + want[2].name + "\nLégende\u202f: Une banderole\n",
			"\n" + want[3].name + "\nCrédit\u202f: © Belga\n",
		} {
			if !strings.Contains(credits, line) {
				t.Errorf("credits.txt lacks %q:\n%s", line, credits)
			}
		}
		if f.site.CacheStats().Pages != 0 {
			t.Error("the ZIP went into the page cache")
		}
		f.get(t, "/fr/article/greve-generale/photos.zip").wantStatus(t, http.StatusNotFound)
		head := f.do(t, httptest.NewRequest(http.MethodHead, "/fr/article/communique-ambassade/photos.zip", nil)).wantStatus(t, http.StatusOK)
		if head.body != "" {
			t.Errorf("HEAD answered %d bytes", len(head.body))
		}
	})
}

// readZipFile reads a file of a ZIP whole; archive/zip checks its CRC-32 at the end.
func readZipFile(t *testing.T, zf *zip.File) []byte {
	t.Helper()
	rc, err := zf.Open()
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("%s: %v", zf.Name, err)
	}
	if err := rc.Close(); err != nil {
		t.Fatalf("%s: %v", zf.Name, err)
	}
	return data
}

// TestAlbumZipStopsWhenTheReaderLeaves: a client that goes away stops the work; no
// more originals are read.
func TestAlbumZipStopsWhenTheReaderLeaves(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var opened atomic.Int32
	f := newFixture(t, 0, func(c *site.Config) {
		c.Media = &leavingReader{Store: c.Media, opened: &opened, leave: cancel}
	})
	f.addPhotos(t)
	req := httptest.NewRequest(http.MethodGet, "/fr/article/communique-ambassade/photos.zip", nil).WithContext(ctx)
	p := f.do(t, req)
	if n := opened.Load(); n != 1 {
		t.Errorf("%d originals opened after the reader left with the first", n)
	}
	if _, err := zip.NewReader(strings.NewReader(p.body), int64(len(p.body))); err == nil {
		t.Error("the ZIP is whole: nothing stopped")
	}
}

// leavingReader is a media store whose reader leaves once the first photo is opened.
type leavingReader struct {
	media.Store
	opened *atomic.Int32
	leave  func()
}

func (l *leavingReader) Open(ctx context.Context, name string) (media.Blob, media.Info, error) {
	if strings.HasPrefix(name, "photos/") && l.opened.Add(1) == 1 {
		defer l.leave()
	}
	return l.Store.Open(ctx, name)
}

// TestMediaPhotosFromMemory: a small photo file is answered from memory once served, as
// its name never holds other bytes; a change naming a photo forgets what was kept, so
// that a deleted photo is not served any longer.
func TestMediaPhotosFromMemory(t *testing.T) {
	f := newFixture(t, 0)
	ph := f.addPhotos(t).byName["featured"]
	first := f.get(t, mediaURL(ph.OriginalName())).wantStatus(t, http.StatusOK)
	if err := f.media.Delete(context.Background(), ph.OriginalName()); err != nil {
		t.Fatal(err)
	}
	again := f.get(t, mediaURL(ph.OriginalName())).wantStatus(t, http.StatusOK)
	if again.body != first.body || again.Header.Get("Etag") != first.Header.Get("Etag") || again.Header.Get("Cache-Control") != first.Header.Get("Cache-Control") {
		t.Errorf("the kept copy differs from the file served first")
	}
	f.update(t, func(tx store.Tx) error { tx.Affect(content.KeyPhoto(ph.ID)); return nil })
	testkit.Until(t, "the kept copy is forgotten", func() bool {
		return f.get(t, mediaURL(ph.OriginalName())).StatusCode == http.StatusNotFound
	})
}
