package newsroom

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
)

// albumValues is the album editor's form listing ids in order, with their captions.
func albumValues(ids []int64, captions map[int64]string, pairs ...string) url.Values {
	v := url.Values{}
	for i, id := range ids {
		key := strconv.FormatInt(id, 10)
		v.Add("item", key)
		v.Set("pos."+key, strconv.Itoa(i+1))
		v.Set("caption."+key, captions[id])
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Add(pairs[i], pairs[i+1])
	}
	return v
}

func ids(photos ...content.Photo) []int64 {
	out := make([]int64, len(photos))
	for i, p := range photos {
		out[i] = p.ID
	}
	return out
}

func sid(id int64) string { return strconv.FormatInt(id, 10) }

// The album editor without JavaScript: add from the library, move up and down, set a
// position, set a caption, remove; each button saves. Find searches without saving.
func TestAlbumEditor(t *testing.T) {
	onBothStores(t, func(t *testing.T, e *env) {
		var ps []content.Photo
		for i, caption := range []string{"Départ du cortège", "Banderole", "Discours", "Dispersion"} {
			ps = append(ps, e.photo(caption, "Collectif", map[content.Lang]string{"fr": "Photo " + strconv.Itoa(i)}))
		}
		c, _ := e.as(auth.RoleContributor)
		a := c.create(t, form("Reportage", "Texte.", "kind", "photo_report"))
		album := apath(a, "album")

		p := c.get(apath(a, "")).want(t, http.StatusOK)
		if p.attr(t, "#album-link", "href") != album {
			t.Error("the editor does not link to the album")
		}
		p = c.get(album).want(t, http.StatusOK)
		if p.count(t, ".album-picker .photo-card") != 4 || p.count(t, ".album-item") != 0 {
			t.Fatalf("empty album's page: %s", p.body)
		}

		// Ticked in the library, newest first, they join in the order they came into it.
		c.post(album, albumValues(nil, nil, "add", sid(ps[2].ID), "add", sid(ps[0].ID), "add", sid(ps[1].ID), "op", "add")).
			wantRedirect(t, album+"?done=albumsaved")
		check := func(label string, want ...content.Photo) {
			t.Helper()
			if got := e.albumIDs(a.ID); !slices.Equal(got, ids(want...)) {
				t.Errorf("%s: album %v, want %v", label, got, ids(want...))
			}
		}
		check("added", ps[0], ps[1], ps[2])

		cur := ids(ps[0], ps[1], ps[2])
		c.post(album, albumValues(cur, nil, "up", sid(ps[2].ID))).wantRedirect(t, album+"?done=albumsaved#item-"+sid(ps[2].ID))
		check("up", ps[0], ps[2], ps[1])
		cur = ids(ps[0], ps[2], ps[1])
		c.post(album, albumValues(cur, nil, "down", sid(ps[0].ID))).wantRedirect(t, album)
		check("down", ps[2], ps[0], ps[1])

		// Positions typed in the number fields, and a caption for this album.
		v := albumValues(ids(ps[2], ps[0], ps[1]), map[int64]string{ps[1].ID: "  Le calicot de tête  "})
		v.Set("pos."+sid(ps[1].ID), "1")
		c.post(album, v).wantRedirect(t, album)
		check("positions", ps[1], ps[2], ps[0])
		items, err := e.store.Album(context.Background(), a.ID)
		if err != nil || items[0].Caption != "Le calicot de tête" || items[1].Caption != "" {
			t.Errorf("captions: %+v, %v", items, err)
		}

		c.post(album, albumValues(ids(ps[1], ps[2], ps[0]), nil, "remove", sid(ps[2].ID))).wantRedirect(t, album)
		check("removed", ps[1], ps[0])

		// The page shows the album in order, the own caption as a placeholder, and the
		// library without the photos the album has.
		p = c.get(album).want(t, http.StatusOK)
		if got := p.all(t, `.album-item input[name="item"]`); len(got) != 2 || attrOf(got[0], "value") != sid(ps[1].ID) {
			t.Errorf("album shown: %d items", len(got))
		}
		if p.attr(t, "#caption-"+sid(ps[0].ID), "placeholder") != "Départ du cortège" {
			t.Error("the photo's own caption is not shown")
		}
		if p.count(t, "#item-"+sid(ps[1].ID)+" button.up[disabled]") != 1 || p.count(t, ".album-picker .photo-card") != 2 {
			t.Error("first item's buttons or the picker")
		}

		// Find searches the library and saves nothing, keeping what was typed.
		v = albumValues(ids(ps[1], ps[0]), map[int64]string{ps[0].ID: "Typed"}, "op", "find", "q", "Dispersion")
		p = c.post(album, v).want(t, http.StatusOK)
		if p.count(t, ".album-picker .photo-card") != 1 || p.count(t, "#add-"+sid(ps[3].ID)) != 1 || p.attr(t, "#caption-"+sid(ps[0].ID), "value") != "Typed" {
			t.Errorf("find: %s", p.body)
		}
		check("after find", ps[1], ps[0])

		// A photo that is not in the library is a problem of the album, saved nothing.
		p = c.post(album, albumValues(ids(ps[1], ps[0]), nil, "add", "999999")).want(t, http.StatusUnprocessableEntity)
		if p.count(t, ".alert li") != 1 {
			t.Errorf("unknown photo: %s", p.body)
		}
		check("after a refused form", ps[1], ps[0])

		// The script's uploads join in the order they were chosen.
		c.post(album, albumValues(ids(ps[1], ps[0]), nil, "append", sid(ps[3].ID), "append", sid(ps[2].ID))).wantRedirect(t, album)
		check("appended", ps[1], ps[0], ps[3], ps[2])
	})
}

// Uploading into an album without JavaScript adds the new photos to its end in the
// form's order, and shows the album with what became of each file.
func TestAlbumUpload(t *testing.T) {
	e := newEnv(t)
	first := e.photo("Déjà là", "Collectif", nil)
	c, _ := e.as(auth.RoleContributor)
	a := c.create(t, form("Reportage", "Texte.", "kind", "photo_report"))
	c.post(apath(a, "album"), albumValues(nil, nil, "add", sid(first.ID))).wantRedirect(t, apath(a, "album"))
	p := c.uploadForm(apath(a, "album/upload"), [][2]string{{"credit", "Jan"}},
		testFile{"2.jpg", testJPEG(t, 40, 30, 2)}, testFile{"bad.jpg", []byte("no")}, testFile{"1.png", testPNG(t, 30, 40)}).
		want(t, http.StatusOK)
	if n := p.count(t, ".upload-results li.ok"); n != 2 || p.count(t, ".upload-results li.refused") != 1 {
		t.Errorf("results: %s", p.text(t, ".upload-results"))
	}
	got := e.albumIDs(a.ID)
	if len(got) != 3 || got[0] != first.ID {
		t.Fatalf("album %v", got)
	}
	photos, err := e.store.PhotosByID(context.Background(), got[1:])
	if err != nil || photos[got[1]].Width != 40 || photos[got[2]].Width != 30 {
		t.Errorf("not in the form's order: %+v, %v", photos, err)
	}
	if p.count(t, ".album-item") != 3 {
		t.Error("the album page after the upload")
	}
}

// The album belongs to the article: who may not edit the article may not open or change
// its album, on the server, whatever the form.
func TestAlbumRoles(t *testing.T) {
	e := newEnv(t)
	ph := e.photo("Manif", "Collectif", nil)
	owner, _ := e.as(auth.RoleContributor)
	a := owner.create(t, form("Le mien", "Texte."))
	other := e.session(e.user(auth.RoleContributor, "other@example.org"))
	other.get(apath(a, "album")).want(t, http.StatusForbidden)
	other.post(apath(a, "album"), albumValues(nil, nil, "add", sid(ph.ID))).want(t, http.StatusForbidden)
	other.uploadForm(apath(a, "album/upload"), nil, testFile{"a.jpg", testJPEG(t, 20, 20, 1)}).want(t, http.StatusForbidden)
	if len(e.albumIDs(a.ID)) != 0 || len(e.mediaNames()) != 0 {
		t.Error("a refused album form changed something")
	}
	owner.get("/newsroom/articles/new/album").want(t, http.StatusNotFound)
	ed, _ := e.as(auth.RoleEditor)
	ed.post(apath(a, "album"), albumValues(nil, nil, "add", sid(ph.ID))).wantRedirect(t, apath(a, "album"))
}

// Publishing checks the photos' alt texts in the article's language: the featured
// photo's, the album's, the text's; the editor shows each problem at its field.
func TestFeaturedPhotoAndPublishing(t *testing.T) {
	onBothStores(t, func(t *testing.T, e *env) {
		featured := e.photo("Affiche", "Atelier", map[content.Lang]string{"nl": "Een affiche"})
		inAlbum := e.photo("Cortège", "Collectif", nil)
		ed, _ := e.as(auth.RoleEditor)

		// Chosen by a search in the form, without JavaScript: by words or by number.
		p := ed.post("/newsroom/articles/new/refresh", form("Reportage", "Texte.", "photo_q", "affiche")).want(t, http.StatusOK)
		if p.count(t, "#photo-"+sid(featured.ID)) != 1 || p.count(t, "#photo-"+sid(featured.ID)+" ~ label .alt-missing") != 1 {
			t.Fatalf("photo search: %s", p.text(t, "#f-photo"))
		}
		p = ed.post("/newsroom/articles/new/refresh", form("Reportage", "Texte.", "photo_q", "#"+sid(inAlbum.ID))).want(t, http.StatusOK)
		if p.count(t, "#photo-"+sid(inAlbum.ID)) != 1 {
			t.Error("a photo found by its number is not offered")
		}

		a := ed.create(t, form("Reportage", "Texte.", "kind", "photo_report", "photo", sid(featured.ID)))
		if a.PhotoID != featured.ID {
			t.Fatalf("saved photo %d", a.PhotoID)
		}
		p = ed.get(apath(a, "")).want(t, http.StatusOK)
		if _, checked := attrHas(p.all(t, "#photo-"+sid(featured.ID))[0], "checked"); !checked {
			t.Error("the featured photo is not checked in the editor")
		}
		ed.post(apath(a, "album"), albumValues(nil, nil, "add", sid(inAlbum.ID))).wantRedirect(t, apath(a, "album"))

		body := "Texte.\n\n![](photo:" + sid(inAlbum.ID) + ")\n\n![](photo:999999)"
		// The form carries the featured photo: a form without it takes it away.
		p = ed.post(apath(a, "publish"), edit(a, "body", body, "photo", sid(featured.ID))).want(t, http.StatusUnprocessableEntity)
		for field, says := range map[string]string{"photo": "featured photo has no alt text in Français", "album": "Photo 1 of the album",
			"body": "photo:999999 is not a photo"} {
			if got := p.text(t, "#f-"+field+"-error"); !strings.Contains(got, says) {
				t.Errorf("%s: %q, want %q", field, got, says)
			}
		}
		if got := e.article(a.ID); got.Status != content.StatusDraft {
			t.Errorf("published with problems: %s", got.Status)
		}

		for _, ph := range []content.Photo{featured, inAlbum} {
			ed.post(photoURL(ph), url.Values{"alt_fr": {"Une description"}, "caption": {ph.Caption}, "credit": {ph.Credit},
				"focus_x": {"50"}, "focus_y": {"50"}}).wantRedirect(t, photoURL(ph))
		}
		ed.post(apath(a, "publish"), edit(a, "body", "Texte.\n\n![](photo:"+sid(inAlbum.ID)+")", "photo", sid(featured.ID))).
			wantRedirect(t, apath(a, "")+"?done=published")
		if got := e.article(a.ID); got.PhotoID != featured.ID {
			t.Errorf("published with photo %d", got.PhotoID)
		}

		// A published article's album keeps its photos described.
		bare := e.photo("Sans description", "Collectif", nil)
		p = ed.post(apath(a, "album"), albumValues(ids(inAlbum), nil, "add", sid(bare.ID))).want(t, http.StatusUnprocessableEntity)
		if !strings.Contains(p.text(t, ".alert"), "Photo 2 of the album has no alt text in Français") {
			t.Errorf("album problem: %s", p.text(t, ".alert"))
		}
	})
}

// The featured photo survives an autosave and an expired session like every field.
func TestFeaturedPhotoAutosaveAndResume(t *testing.T) {
	e := newEnv(t)
	ph := e.photo("Affiche", "Atelier", nil)
	c, u := e.as(auth.RoleContributor)
	a := c.create(t, form("Brouillon", "Texte."))
	e.clock.Advance(60e9)
	c.post(apath(a, "autosave"), edit(a, "photo", sid(ph.ID))).want(t, http.StatusOK)
	p := c.get(apath(a, "")+"?autosave=restore").want(t, http.StatusOK)
	if _, checked := attrHas(p.all(t, "#photo-"+sid(ph.ID))[0], "checked"); !checked {
		t.Error("the autosave's featured photo is not restored")
	}

	// The session ends; the save is carried through signing in again.
	c.cookie = ""
	p = c.post(apath(a, ""), edit(a, "photo", sid(ph.ID))).want(t, http.StatusUnauthorized)
	v := url.Values{"email": {u.Email}, "password": {testPassword}, "resume": {apath(a, "")}}
	for _, in := range p.all(t, `input[type="hidden"][name^="carry."]`) {
		v.Add(attrOf(in, "name"), attrOf(in, "value"))
	}
	c.post("/newsroom/signin", v).wantRedirect(t, apath(a, ""))
	if got := e.article(a.ID); got.PhotoID != ph.ID {
		t.Errorf("after signing in again: photo %d", got.PhotoID)
	}
}
