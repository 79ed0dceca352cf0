package newsroom

import (
	"bytes"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
)

// One form without JavaScript brings several files: the good ones are cleaned and added
// (the same photo twice is one photo), each bad one is refused with a sentence naming
// it while the others go on, and nothing of a refused file is stored anywhere. The
// original of a JPEG that carried GPS coordinates in EXIF keeps none of it.
func TestUploadPhotosWithoutJavaScript(t *testing.T) {
	onBothStores(t, func(t *testing.T, e *env) {
		e.reconfigure(func(c *Config) { c.PhotoLimits.MaxBytes = 48 << 10 })
		c, _ := e.as(auth.RoleContributor)
		gps := withGPS(t, testJPEG(t, 64, 48, 1))
		big := noisyJPEG(t, 160, 160)
		if len(big) <= 48<<10 || len(gps) > 48<<10 {
			t.Fatalf("fixtures: %d and %d bytes", len(big), len(gps))
		}
		files := []testFile{
			{"IMG_0001 manif ambassade.jpg", gps},
			{"banner.png", testPNG(t, 40, 30)},
			{"IMG_0001 copy.jpg", gps},
			{"empty.jpg", nil},
			{"notes.jpg", []byte("Meeting notes: not a photo at all, whatever its name says.\n")},
			{"huge.jpg", big},
			{"bomb.png", pngBomb()},
		}
		p := c.uploadForm("/newsroom/photos/upload", [][2]string{{"credit", "Marie Dupont"}, {"caption", "Devant l’ambassade"}}, files...).
			want(t, http.StatusOK)

		lines := p.all(t, ".upload-results li")
		if len(lines) != len(files) {
			t.Fatalf("%d result lines for %d files\n%s", len(lines), len(files), p.body)
		}
		want := []struct {
			ok   bool
			says string
		}{
			{true, "added to the library"}, {true, "added to the library"}, {true, "already in the library"},
			{false, "the file is empty"}, {false, "this is not a photo"}, {false, "larger than 48"},
			{false, "more than 50 megapixels"},
		}
		for i, line := range lines {
			text := nodeText(line)
			ok := strings.Contains(attrOf(line, "class"), "ok")
			if ok != want[i].ok || !strings.Contains(text, files[i].name+": ") || !strings.Contains(text, want[i].says) {
				t.Errorf("file %d (%s): ok %v, %q; want ok %v and %q", i, files[i].name, ok, text, want[i].ok, want[i].says)
			}
		}
		if n := p.count(t, `.upload-results li.ok a[href^="/newsroom/photos/"]`); n != 3 {
			t.Errorf("%d links to write the new photos' alt texts", n)
		}

		photos := e.photos("")
		if len(photos) != 2 {
			t.Fatalf("%d photos in the library, want 2", len(photos))
		}
		var names []string
		for _, ph := range photos {
			if ph.Credit != "Marie Dupont" || ph.Caption != "Devant l’ambassade" {
				t.Errorf("photo %d: credit %q, caption %q", ph.ID, ph.Credit, ph.Caption)
			}
			names = append(names, ph.OriginalName())
		}
		stored := e.mediaNames()
		slices.Sort(names)
		if !slices.Equal(stored, names) {
			t.Errorf("media store holds %q, want only the originals %q", stored, names)
		}
		for _, name := range stored {
			if strings.Contains(name, "IMG_0001") || strings.Contains(name, "banner") {
				t.Errorf("%s: the uploader's file name is kept", name)
			}
			data := e.mediaFile(name)
			for _, secret := range []string{"Exif", gpsSecret} {
				if bytes.Contains(data, []byte(secret)) {
					t.Errorf("%s still holds %q", name, secret)
				}
			}
		}
	})
}

// The script sends one file a request and reads a JSON answer; a file the pipeline
// refuses is a 422 with its sentence.
func TestUploadPhotoWithJavaScript(t *testing.T) {
	e := newEnv(t)
	c, _ := e.as(auth.RoleContributor)
	p, answer := c.uploadJSON(t, [][2]string{{"credit", "Jan Peeters"}, {"caption", ""}}, testFile{"a.jpg", testJPEG(t, 80, 60, 3)})
	p.want(t, http.StatusOK)
	if len(answer.Files) != 1 || !answer.Files[0].OK || answer.Files[0].ID == 0 ||
		answer.Files[0].URL != photoPath(answer.Files[0].ID) || !strings.HasPrefix(answer.Files[0].Thumb, "/media/photos/") {
		t.Fatalf("answer %+v", answer)
	}
	if got := e.photos("")[0]; got.Credit != "Jan Peeters" || got.Width != 80 {
		t.Errorf("stored %+v", got)
	}
	p, answer = c.uploadJSON(t, nil, testFile{"b.jpg", []byte("GIF89a, or so it says")})
	p.want(t, http.StatusUnprocessableEntity)
	if len(answer.Files) != 1 || answer.Files[0].OK || !strings.HasPrefix(answer.Files[0].Message, "b.jpg: ") {
		t.Errorf("answer %+v", answer)
	}
	if p.Header.Get("Content-Type") != "application/json" {
		t.Errorf("content type %q", p.Header.Get("Content-Type"))
	}
}

// Bad forms get clear answers, never a 5xx, and store nothing: a body that is not
// multipart is a 400, a form without a file and one whose credit is too long come back
// with their fields' problems; a form sent from another site is refused whole, while
// the newsroom's own multipart forms pass the cross-origin check.
func TestUploadBadForms(t *testing.T) {
	e := newEnv(t)
	c, _ := e.as(auth.RoleContributor)
	jpg := testJPEG(t, 32, 32, 9)

	c.post("/newsroom/photos/upload", url.Values{"credit": {"x"}}).want(t, http.StatusBadRequest)
	p := c.uploadForm("/newsroom/photos/upload", [][2]string{{"credit", "Marie"}}, testFile{"", nil}).want(t, http.StatusUnprocessableEntity)
	if got := p.text(t, "#f-photos-error"); got != "Choose at least one photo." {
		t.Errorf("no file: %q", got)
	}
	if p.attr(t, "#f-credit", "value") != "Marie" {
		t.Error("the credit typed is lost")
	}
	p = c.uploadForm("/newsroom/photos/upload", [][2]string{{"credit", strings.Repeat("é", content.MaxCreditLen+1)}}, testFile{"a.jpg", jpg}).
		want(t, http.StatusUnprocessableEntity)
	if p.count(t, "#f-credit-error") != 1 || p.count(t, ".upload-results li") != 0 {
		t.Errorf("credit too long: %s", p.body)
	}

	for site, status := range map[string]int{"cross-site": http.StatusForbidden, "same-origin": http.StatusOK} {
		req := multipartRequest(t, "/newsroom/photos/upload", nil, []testFile{{"a.jpg", jpg}})
		req.Header.Set("Sec-Fetch-Site", site)
		c.do(req).want(t, status)
	}
	if n := len(e.photos("")); n != 1 {
		t.Errorf("%d photos stored, want the one of the same-origin form", n)
	}
	if n := len(e.mediaNames()); n != 1 {
		t.Errorf("%d files stored", n)
	}

	// Signed out, the upload asks to sign in and stores nothing.
	e.client().uploadForm("/newsroom/photos/upload", nil, testFile{"b.jpg", testJPEG(t, 30, 30, 4)}).want(t, http.StatusUnauthorized)
	if n := len(e.mediaNames()); n != 1 {
		t.Errorf("%d files stored after an upload without a session", n)
	}
}
