package newsroom

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
)

func photoURL(p content.Photo) string { return photoPath(p.ID) }

// The library shows each photo with its thumbnail, its alt texts' status in every
// language of the site, credit, caption and uses; it searches captions, credits and
// alt texts, and pages.
func TestPhotoLibrary(t *testing.T) {
	onBothStores(t, func(t *testing.T, e *env) {
		march := e.photo("Manifestation devant l’ambassade", "Marie Dupont", map[content.Lang]string{"fr": "Une foule avec des banderoles"})
		strike := e.photo("Grève au port", "Belga", nil)
		e.photo("Rassemblement", "Jan", map[content.Lang]string{"nl": "Een menigte met spandoeken", "fr": "Une foule", "en": "A crowd"})
		c, _ := e.as(auth.RoleContributor)

		p := c.get("/newsroom/photos").want(t, http.StatusOK)
		if n := p.count(t, ".photo-grid .photo-card"); n != 3 {
			t.Fatalf("%d photos shown", n)
		}
		if p.text(t, "#library-heading") != "3 photos" || p.count(t, `nav a[href="/newsroom/photos"][aria-current]`) != 1 {
			t.Error("heading or navigation")
		}
		card := "#photo-" + strconv.FormatInt(march.ID, 10)
		if got := p.attr(t, card+" img", "alt"); got != "Une foule avec des banderoles" {
			t.Errorf("thumbnail alt %q", got)
		}
		if got := p.attr(t, card+" img", "loading"); got != "lazy" {
			t.Errorf("thumbnail loading %q", got)
		}
		if n := p.count(t, card+" .alt-missing"); n != 2 { // nl and en
			t.Errorf("%d missing alt texts flagged on the march photo", n)
		}
		if got := p.text(t, card+" .credit"); got != "© Marie Dupont" {
			t.Errorf("credit %q", got)
		}
		// A photo without any alt text is named by its place in the list.
		if got := p.attr(t, "#photo-"+strconv.FormatInt(strike.ID, 10)+" img", "alt"); !strings.HasPrefix(got, "Photo ") {
			t.Errorf("alt of a photo without alt text: %q", got)
		}
		if !strings.Contains(p.body, "every upload") || p.count(t, `#upload-form input[type=file][multiple][accept="image/jpeg,image/png,image/webp"]`) != 1 {
			t.Error("the upload form or its notice about metadata is missing")
		}

		for q, want := range map[string]int64{"ambassade": march.ID, "BELGA": strike.ID, "spandoeken": 0} {
			p := c.get("/newsroom/photos?q="+url.QueryEscape(q)).want(t, http.StatusOK)
			if n := p.count(t, ".photo-card"); n != 1 {
				t.Errorf("q=%s: %d photos", q, n)
			}
			if want != 0 && p.count(t, "#photo-"+strconv.FormatInt(want, 10)) != 1 {
				t.Errorf("q=%s: not the right photo", q)
			}
		}
		if p := c.get("/newsroom/photos?q=nothing-like-it").want(t, http.StatusOK); p.count(t, ".photo-card") != 0 {
			t.Error("a search for nothing finds something")
		}
	})
}

func TestPhotoLibraryPages(t *testing.T) {
	e := newEnv(t)
	for i := range librarySize + 2 {
		e.photo("Photo de la marche "+strconv.Itoa(i), "Collectif", nil)
	}
	c, _ := e.as(auth.RoleContributor)
	p := c.get("/newsroom/photos").want(t, http.StatusOK)
	if n := p.count(t, ".photo-card"); n != librarySize {
		t.Errorf("first page: %d photos", n)
	}
	next := p.attr(t, `.pager a[rel="next"]`, "href")
	p = c.get(next).want(t, http.StatusOK)
	if n := p.count(t, ".photo-card"); n != 2 || p.count(t, `.pager a[rel="next"]`) != 0 {
		t.Errorf("second page (%s): %d photos", next, n)
	}
}

// A photo's page saves its alt texts, caption, credit and focal point; problems bring
// the form back as typed, each next to its field.
func TestPhotoEdit(t *testing.T) {
	onBothStores(t, func(t *testing.T, e *env) {
		ph := e.photo("Manifestation", "Marie Dupont", nil)
		c, _ := e.as(auth.RoleContributor)
		p := c.get(photoURL(ph)).want(t, http.StatusOK)
		for _, sel := range []string{"#f-alt_fr", "#f-alt_nl", "#f-alt_en", "#f-caption", "#f-credit", "#f-focus_x", "#f-focus_y", "#download-original"} {
			if p.count(t, sel) != 1 {
				t.Errorf("no %s", sel)
			}
		}
		if p.count(t, "#photo-delete") != 0 {
			t.Error("a contributor is offered to delete a photo")
		}
		want := `![](photo:` + strconv.FormatInt(ph.ID, 10) + `)`
		if got := p.attr(t, "#snippet", "value"); got != want {
			t.Errorf("snippet %q, want %q", got, want)
		}

		good := url.Values{"alt_fr": {"Une foule avec des banderoles"}, "alt_nl": {"Een menigte"}, "alt_en": {""},
			"caption": {"Devant l’ambassade"}, "credit": {"M. Dupont"}, "focus_x": {"30"}, "focus_y": {"70"}}
		c.post(photoURL(ph), good).wantRedirect(t, photoURL(ph)+"?done=photosaved")
		got := e.photos("")[0]
		if got.Alt["fr"] != "Une foule avec des banderoles" || got.Alt["nl"] != "Een menigte" || got.Alt["en"] != "" ||
			got.Caption != "Devant l’ambassade" || got.Credit != "M. Dupont" || got.FocusX != 30 || got.FocusY != 70 {
			t.Errorf("saved %+v", got)
		}
		p = c.get(photoURL(ph)+"?done=photosaved").want(t, http.StatusOK)
		if p.text(t, ".notice") != "Photo saved." || p.text(t, "#f-alt_fr") != "Une foule avec des banderoles" {
			t.Error("the saved photo's page")
		}

		for _, bad := range []struct {
			field, value, errorAt string
		}{
			{"focus_x", "left", "#f-focus-error"},
			{"focus_y", "101", "#f-focus-error"},
			{"caption", strings.Repeat("x", content.MaxCaptionLen+1), "#f-caption-error"},
			{"credit", "Marie\x01", "#f-credit-error"},
			{"alt_nl", strings.Repeat("é", content.MaxAltLen+1), "#f-alt_nl-error"},
		} {
			v := url.Values{}
			for k, vs := range good {
				v[k] = vs
			}
			v.Set("caption", "Typed again")
			v.Set(bad.field, bad.value)
			p := c.post(photoURL(ph), v).want(t, http.StatusUnprocessableEntity)
			if p.count(t, bad.errorAt) != 1 || p.count(t, ".alert li") == 0 {
				t.Errorf("%s=%.20q: no problem at %s\n%.3000s", bad.field, bad.value, bad.errorAt, p.body)
			}
			if bad.field != "caption" && p.text(t, "#f-caption") != "Typed again" {
				t.Errorf("%s: the caption typed is lost", bad.field)
			}
		}
		if got := e.photos("")[0]; got.Caption != "Devant l’ambassade" || got.FocusX != 30 {
			t.Errorf("a refused form changed the photo: %+v", got)
		}
	})
}

// An alt text cannot be emptied in the language of a published article that shows the
// photo, and the photo's page names the articles that use it: by title those its
// reader may open, the others only counted.
func TestPhotoUsesAndAltTexts(t *testing.T) {
	onBothStores(t, func(t *testing.T, e *env) {
		ph := e.photo("Manifestation", "Marie", map[content.Lang]string{"fr": "Une foule"})
		ed, _ := e.as(auth.RoleEditor)
		id := strconv.FormatInt(ph.ID, 10)
		loc := ed.post("/newsroom/articles/new/publish", form("Grève générale", "Texte.", "photo", id)).
			wantRedirect(t, "/newsroom/articles/")
		a := e.article(idFrom(t, loc))
		if a.Status != content.StatusPublished || a.PhotoID != ph.ID {
			t.Fatalf("published %s with photo %d", a.Status, a.PhotoID)
		}
		p := ed.post(photoURL(ph), url.Values{"alt_fr": {""}, "alt_nl": {""}, "alt_en": {""}, "caption": {"x"}, "credit": {"y"},
			"focus_x": {"50"}, "focus_y": {"50"}}).want(t, http.StatusUnprocessableEntity)
		if got := p.text(t, "#f-alt_fr-error"); got != "Needed: “Grève générale” shows this photo." {
			t.Errorf("emptied alt text: %q", got)
		}

		p = ed.get(photoURL(ph)).want(t, http.StatusOK)
		if got := p.text(t, ".uses li"); !strings.Contains(got, "Grève générale") || !strings.Contains(got, "featured photo") {
			t.Errorf("uses: %q", got)
		}
		if p.attr(t, ".uses li a", "href") != apath(a, "") {
			t.Error("the use does not link to its editor")
		}

		// Another contributor's draft uses it too: a contributor sees it counted only.
		other, _ := e.as(auth.RoleContributor)
		loc = other.post("/newsroom/articles/new", form("Brouillon secret Zanzibar", "Texte.", "photo", id)).wantRedirect(t, "/newsroom/articles/")
		draft := e.article(idFrom(t, loc))
		third := e.session(e.user(auth.RoleContributor, "third@example.org"))
		p = third.get(photoURL(ph)).want(t, http.StatusOK)
		if strings.Contains(p.body, "Zanzibar") || !strings.Contains(p.body, "1 article you cannot open") {
			t.Errorf("a contributor's view of the uses: %s", p.text(t, ".uses"))
		}
		if !strings.Contains(p.text(t, ".uses"), "Grève générale") {
			t.Error("a published article is not named")
		}
		if draft.PhotoID != ph.ID {
			t.Errorf("draft's photo %d", draft.PhotoID)
		}
	})
}

// Deleting a photo is an editor's, refused while an article uses it (the page says
// which), and removes its files once allowed.
func TestPhotoDelete(t *testing.T) {
	onBothStores(t, func(t *testing.T, e *env) {
		ed, _ := e.as(auth.RoleEditor)
		contributor, _ := e.as(auth.RoleContributor)
		_, answer := ed.uploadJSON(t, nil, testFile{"a.jpg", testJPEG(t, 64, 40, 5)})
		ph := e.photos("")[0]
		if answer.Files[0].ID != ph.ID {
			t.Fatalf("answer %+v", answer)
		}
		// The derivative job does not run in these tests: its files are put by hand.
		for _, ext := range []string{"jpg", "webp"} {
			name := ph.DerivativeName(64, ext)
			if err := e.media.Put(context.Background(), name, strings.NewReader("derivative"), 10); err != nil {
				t.Fatal(err)
			}
		}
		if n := len(e.mediaNames()); n != 3 {
			t.Fatalf("%d files", n)
		}
		a := contributor.create(t, form("Marche", "Texte.", "photo", strconv.FormatInt(ph.ID, 10)))

		contributor.post(photoURL(ph)+"/delete", nil).want(t, http.StatusForbidden)
		p := ed.post(photoURL(ph)+"/delete", nil).want(t, http.StatusConflict)
		if p.count(t, ".alert") != 1 || !strings.Contains(p.text(t, ".uses"), "Marche") {
			t.Errorf("refusal page: %s", p.body)
		}
		if len(e.photos("")) != 1 || len(e.mediaNames()) != 3 {
			t.Fatal("a refused deletion deleted something")
		}

		contributor.post(apath(a, ""), edit(a, "photo", "")).wantRedirect(t, apath(a, ""))
		ed.post(photoURL(ph)+"/delete", nil).wantRedirect(t, "/newsroom/photos?done=photodeleted")
		if n := len(e.photos("")); n != 0 {
			t.Errorf("%d photos after deleting", n)
		}
		if names := e.mediaNames(); len(names) != 0 {
			t.Errorf("files left: %q", names)
		}
		ed.get(photoURL(ph)).want(t, http.StatusNotFound)
	})
}

// The original downloads under a name made of the photo's number and credit.
func TestPhotoOriginalDownload(t *testing.T) {
	e := newEnv(t)
	c, _ := e.as(auth.RoleContributor)
	jpg := testJPEG(t, 50, 50, 7)
	c.uploadForm("/newsroom/photos/upload", [][2]string{{"credit", "Marie Dupont"}}, testFile{"x.jpg", jpg}).want(t, http.StatusOK)
	ph := e.photos("")[0]
	p := c.get(photoURL(ph)+"/original").want(t, http.StatusOK)
	want := `attachment; filename=photo-` + strconv.FormatInt(ph.ID, 10) + `-marie-dupont.jpg`
	if got := p.Header.Get("Content-Disposition"); got != want {
		t.Errorf("Content-Disposition %q, want %q", got, want)
	}
	if p.Header.Get("Content-Type") != "image/jpeg" || p.body != string(e.mediaFile(ph.OriginalName())) {
		t.Error("not the original")
	}
	e.client().get(photoURL(ph)+"/original").wantRedirect(t, "/newsroom/signin")
}
