package editorial_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/storetest"
)

// cleaned is a photo as the image pipeline hands it over: its hash, format and size.
func cleaned(seed string) content.Photo {
	sum := sha256.Sum256([]byte(seed))
	return content.Photo{Hash: hex.EncodeToString(sum[:]), Format: "jpeg", Width: 3000, Height: 2000, Bytes: 1 << 20}
}

// MustPhoto adds a photo with alt texts in langs (lang=text pairs).
func MustPhoto(tb testing.TB, svc *editorial.Service, actor editorial.Actor, seed string, alt map[content.Lang]string) content.Photo {
	tb.Helper()
	p := cleaned(seed)
	p.Alt, p.Credit = alt, "Marie Dupont"
	if _, err := svc.AddPhoto(tb.Context(), actor, &p); err != nil {
		tb.Fatalf("AddPhoto(%s): %v", seed, err)
	}
	return p
}

func problemsOf(err error) map[string]string {
	var ve *content.ValidationError
	if errors.As(err, &ve) {
		return ve.Problems
	}
	return nil
}

// TestAddPhotoOnceAndItsDerivativeJob: the same photo added twice is one photo with one
// derivative job; the second upload keeps the first one's words.
func TestAddPhotoOnceAndItsDerivativeJob(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		writer := MustUser(t, st, auth.RoleContributor, "writer")
		first := cleaned("march")
		first.Caption = "La marche"
		created, err := svc.AddPhoto(t.Context(), writer, &first)
		if err != nil || !created || first.ID == 0 || first.FocusX != 50 || first.FocusY != 50 {
			t.Fatalf("AddPhoto = %v, %v, %+v", created, err, first)
		}
		again := cleaned("march")
		again.Caption = "Autre légende"
		created, err = svc.AddPhoto(t.Context(), writer, &again)
		if err != nil || created || again.ID != first.ID || again.Caption != "La marche" {
			t.Errorf("the same photo again = %v, %v, %+v", created, err, again)
		}
		jobs, err := st.Jobs(t.Context(), store.JobQuery{Kind: editorial.JobDerive})
		if err != nil || len(jobs) != 1 || jobs[0].Key != first.Hash {
			t.Errorf("derivative jobs = %+v, %v; want one keyed by the hash", jobs, err)
		}
		if got := auditActions(t, st, fmt.Sprintf("photo %d", first.ID)); !slices.Equal(got, []string{"photo.add"}) {
			t.Errorf("audit = %q", got)
		}
		bad := cleaned("bad")
		bad.Format = "gif"
		if _, err := svc.AddPhoto(t.Context(), writer, &bad); problemsOf(err)["format"] == "" {
			t.Errorf("a GIF record = %v", err)
		}
	})
}

// TestPublishNeedsAltTexts: an article cannot be published while its featured photo, a
// photo of its text or of its album lacks an alt text in the article's language; a
// draft can.
func TestPublishNeedsAltTexts(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		dutchOnly := MustPhoto(t, svc, editor, "a", map[content.Lang]string{"nl": "Betogers"})
		both := MustPhoto(t, svc, editor, "b", map[content.Lang]string{"fr": "Manifestants", "nl": "Betogers"})

		in := draft("La marche")
		in.PhotoID = dutchOnly.ID
		a := MustSave(t, svc, editor, in, content.Keep) // a draft may wait for its alt text
		in = inputOf(a)
		_, err := svc.SaveArticle(t.Context(), editor, in, content.Publish)
		if problemsOf(err)["photo"] == "" {
			t.Fatalf("publishing with a featured photo without French alt = %v", err)
		}
		in.PhotoID = both.ID
		in.Body = fmt.Sprintf("Le cortège.\n\n![](photo:%d)\n", dutchOnly.ID)
		if _, err := svc.SaveArticle(t.Context(), editor, in, content.Publish); problemsOf(err)["body"] == "" {
			t.Fatalf("publishing with a body photo without French alt = %v", err)
		}
		in.Body = fmt.Sprintf("Le cortège.\n\n![](photo:%d)\n", both.ID)
		if err := svc.SetAlbum(t.Context(), editor, a.ID, []content.AlbumItem{{PhotoID: both.ID}, {PhotoID: dutchOnly.ID}}); err != nil {
			t.Fatalf("SetAlbum on a draft: %v", err)
		}
		if _, err := svc.SaveArticle(t.Context(), editor, in, content.Publish); problemsOf(err)["album"] == "" {
			t.Fatalf("publishing with an album photo without French alt = %v", err)
		}
		if _, err := svc.UpdatePhoto(t.Context(), editor, editorial.PhotoInput{ID: dutchOnly.ID,
			Alt: map[content.Lang]string{"fr": "Des manifestants devant l'ambassade"}, FocusX: 30, FocusY: 40}); err != nil {
			t.Fatalf("UpdatePhoto: %v", err)
		}
		pub := MustSave(t, svc, editor, in, content.Publish)
		got := MustArticle(t, st, pub.ID)
		if got.PhotoID != both.ID || got.Photo.Hash != both.Hash {
			t.Errorf("stored featured photo = %d %q, want %d", got.PhotoID, got.Photo.Hash, both.ID)
		}
		uses, err := st.PhotoUses(t.Context(), both.ID)
		if err != nil || len(uses) < 3 {
			t.Errorf("uses of the photo = %+v, %v; want featured, album and body", uses, err)
		}
		// The alt text a published article needs cannot be emptied.
		_, err = svc.UpdatePhoto(t.Context(), editor, editorial.PhotoInput{ID: both.ID, Alt: map[content.Lang]string{"fr": ""}, FocusX: 50, FocusY: 50})
		if problemsOf(err)["alt_fr"] == "" {
			t.Errorf("emptying a needed alt text = %v", err)
		}
		// Nor can an album of a published article take a photo without one.
		bare := MustPhoto(t, svc, editor, "c", nil)
		err = svc.SetAlbum(t.Context(), editor, pub.ID, []content.AlbumItem{{PhotoID: bare.ID}})
		if problemsOf(err)["album"] == "" {
			t.Errorf("an album photo without alt on a published article = %v", err)
		}
	})
}

// TestDeletePhotoRefusedWhileUsed: a photo an article uses, even one in the trash,
// cannot be deleted; once no article uses it, an editor can, and a contributor never.
func TestDeletePhotoRefusedWhileUsed(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		writer := MustUser(t, st, auth.RoleContributor, "writer")
		p := MustPhoto(t, svc, writer, "x", map[content.Lang]string{"fr": "Une banderole"})
		in := draft("Banderole")
		in.PhotoID = p.ID
		a := MustSave(t, svc, editor, in, content.Keep)
		if _, err := svc.DeletePhoto(t.Context(), writer, p.ID); !errors.Is(err, editorial.ErrForbidden) {
			t.Errorf("a contributor deleting = %v", err)
		}
		_, err := svc.DeletePhoto(t.Context(), editor, p.ID)
		var inUse *editorial.PhotoInUseError
		if !errors.As(err, &inUse) || len(inUse.Uses) != 1 || inUse.Uses[0].ArticleID != a.ID || inUse.Uses[0].Role != content.PhotoFeatured {
			t.Fatalf("deleting a featured photo = %v", err)
		}
		if _, err := svc.TrashArticle(t.Context(), editor, a.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.DeletePhoto(t.Context(), editor, p.ID); !errors.Is(err, editorial.ErrPhotoInUse) {
			t.Errorf("deleting the photo of a trashed article = %v", err)
		}
		if _, err := svc.RestoreArticle(t.Context(), editor, a.ID); err != nil {
			t.Fatal(err)
		}
		in = inputOf(MustArticle(t, st, a.ID))
		in.PhotoID = 0
		MustSave(t, svc, editor, in, content.Keep)
		deleted, err := svc.DeletePhoto(t.Context(), editor, p.ID)
		if err != nil || deleted.Hash != p.Hash {
			t.Fatalf("deleting an unused photo = %+v, %v", deleted, err)
		}
		if _, err := st.PhotoByID(t.Context(), p.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the deleted photo is still there: %v", err)
		}
	})
}

// TestPhotoDerivedPurgesItsPages: recording new derivatives names the photo's key, so
// that the pages showing it list them; recording the same widths again names nothing.
func TestPhotoDerivedPurgesItsPages(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		p := MustPhoto(t, svc, editorial.System("test"), "d", nil)
		heard := listen(t, st)
		if err := svc.PhotoDerived(t.Context(), p.ID, []int{400, 800, 1600}); err != nil {
			t.Fatal(err)
		}
		if err := svc.PhotoDerived(t.Context(), p.ID, []int{400, 800, 1600}); err != nil {
			t.Fatal(err)
		}
		checkHeard(t, "derivatives recorded", heard.since(t, st, 0),
			store.Change{Keys: []content.Key{content.KeyPhoto(p.ID)}})
		got, err := st.PhotoByID(t.Context(), p.ID)
		if err != nil || !slices.Equal(got.Widths, []int{400, 800, 1600}) {
			t.Errorf("widths = %v, %v", got.Widths, err)
		}
		n, err := svc.QueueMissingDerivatives(t.Context())
		if err != nil || n != 0 {
			t.Errorf("QueueMissingDerivatives with every derivative made = %d, %v", n, err)
		}
	})
}

// TestAlbumIsTheArticleEditors: only who may edit the article sets its album; the order
// and captions are kept.
func TestAlbumIsTheArticleEditors(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		other := MustUser(t, st, auth.RoleContributor, "other")
		a := MustSave(t, svc, editor, draft("Reportage"), content.Keep)
		var items []content.AlbumItem
		for i := range 5 {
			p := MustPhoto(t, svc, editor, fmt.Sprint("album", i), map[content.Lang]string{"fr": "Photo"})
			items = append(items, content.AlbumItem{PhotoID: p.ID, Caption: fmt.Sprintf("  légende %d ", i)})
		}
		if err := svc.SetAlbum(t.Context(), other, a.ID, items); !errors.Is(err, editorial.ErrForbidden) {
			t.Errorf("another contributor's album = %v", err)
		}
		slices.Reverse(items)
		if err := svc.SetAlbum(t.Context(), editor, a.ID, items); err != nil {
			t.Fatal(err)
		}
		got, err := st.Album(t.Context(), a.ID)
		if err != nil || len(got) != 5 || got[0].PhotoID != items[0].PhotoID || got[0].Caption != "légende 4" {
			t.Errorf("album = %+v, %v", got, err)
		}
		if err := svc.SetAlbum(t.Context(), editor, a.ID, []content.AlbumItem{{PhotoID: 999999}}); problemsOf(err)["album"] == "" {
			t.Errorf("an album with a photo that does not exist = %v", err)
		}
	})
}

// TestBodyPhotoIDs: the photos of a text are those its rendering shows, raw HTML
// included, so that none can be deleted while a page shows it.
func TestBodyPhotoIDs(t *testing.T) {
	for md, want := range map[string][]int64{
		"No picture here.":                              nil,
		"![a](photo:12)\n\n![b](photo:7 \"x © y\")":     {12, 7},
		"Inline ![a](photo:3) and again ![a](photo:3).": {3},
		`<img alt="x" data-photo="5">`:                  {5},
		"`![a](photo:9)` is how one writes it.":         nil,
	} {
		if got := editorial.BodyPhotoIDs(md); !slices.Equal(got, want) {
			t.Errorf("BodyPhotoIDs(%q) = %v, want %v", md, got, want)
		}
	}
}
