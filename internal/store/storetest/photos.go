package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// newPhoto returns a valid photo whose hash is made from seed: the same seed, the same
// photo.
func newPhoto(seed string) *content.Photo {
	sum := sha256.Sum256([]byte(seed))
	return &content.Photo{Hash: hex.EncodeToString(sum[:]), Format: "jpeg", Width: 4000, Height: 3000,
		Bytes: 2_400_000, FocusX: 50, FocusY: 50}
}

// mustPhoto stores p, which must be new, and returns it with what the store set.
func mustPhoto(tb testing.TB, st store.Store, p *content.Photo) *content.Photo {
	tb.Helper()
	var created bool
	MustUpdate(tb, st, func(tx store.Tx) (err error) {
		created, err = tx.CreatePhoto(tb.Context(), p)
		return err
	})
	if !created || p.ID == 0 {
		tb.Fatalf("CreatePhoto(%s): created %v, ID %d; want a new photo", p.Hash[:8], created, p.ID)
	}
	return p
}

func mustReadPhoto(tb testing.TB, st store.Store, id int64) content.Photo {
	tb.Helper()
	p, err := st.PhotoByID(tb.Context(), id)
	if err != nil {
		tb.Fatalf("PhotoByID(%d): %v", id, err)
	}
	return p
}

func photoIDs(ps []content.Photo) []int64 {
	ids := []int64{}
	for _, p := range ps {
		ids = append(ids, p.ID)
	}
	return ids
}

func testPhotos(t *testing.T, e *env) {
	ctx := t.Context()
	editor := mustUser(t, e.st, "ana@example.org", "Ana", auth.RoleEditor)
	in := newPhoto("manif")
	in.Alt = map[content.Lang]string{"fr": "Des manifestants place Saint-Lambert", "nl": "Betogers op het plein"}
	in.Caption, in.Credit, in.FocusX, in.FocusY = "La marche du 8 mars", "Marie Dupont", 30, 70
	in.Widths, in.CreatedBy = []int{400, 800, 1600}, editor.ID
	mustPhoto(t, e.st, in)
	checkTime(t, "CreatedAt", in.CreatedAt, e.now())
	checkTime(t, "UpdatedAt", in.UpdatedAt, e.now())
	checkEqual(t, "PhotoByID", mustReadPhoto(t, e.st, in.ID), *in)
	byHash, err := e.st.PhotoByHash(ctx, in.Hash)
	if err != nil {
		t.Fatalf("PhotoByHash: %v", err)
	}
	checkEqual(t, "PhotoByHash", byHash, *in)

	// The same photo again is the one stored, whatever else the second upload says.
	e.clock.Advance(time.Hour)
	again := newPhoto("manif")
	again.Caption = "Une autre légende"
	var created bool
	MustUpdate(t, e.st, func(tx store.Tx) (err error) {
		created, err = tx.CreatePhoto(ctx, again)
		return err
	})
	if created {
		t.Error("the same photo uploaded twice was created twice")
	}
	checkEqual(t, "the photo a second upload finds", *again, *in)

	other := mustPhoto(t, e.st, newPhoto("autre"))
	checkEqual(t, "an imported photo's CreatedBy", other.CreatedBy, int64(0))
	got, err := e.st.PhotosByID(ctx, []int64{other.ID, in.ID, other.ID + 1000, in.ID})
	checkEqual(t, "PhotosByID error", err, nil)
	checkEqual(t, "PhotosByID", got, map[int64]content.Photo{in.ID: *in, other.ID: *other})
	got, err = e.st.PhotosByID(ctx, nil)
	if err != nil || len(got) != 0 {
		t.Errorf("PhotosByID(nil) = %v, %v; want none", got, err)
	}

	_, err = e.st.PhotoByID(ctx, other.ID+1000)
	checkErr(t, "PhotoByID of a photo that does not exist", err, store.ErrNotFound)
	_, err = e.st.PhotoByHash(ctx, newPhoto("jamais").Hash)
	checkErr(t, "PhotoByHash of a photo that does not exist", err, store.ErrNotFound)

	create := func(p *content.Photo) error {
		return e.st.Update(ctx, func(tx store.Tx) error {
			_, err := tx.CreatePhoto(ctx, p)
			return err
		})
	}
	for name, change := range map[string]func(p *content.Photo){
		"a hash that is not a SHA-256":   func(p *content.Photo) { p.Hash = "abc" },
		"a hash in upper case":           func(p *content.Photo) { p.Hash = strings.ToUpper(p.Hash) },
		"an unknown format":              func(p *content.Photo) { p.Format = "gif" },
		"no pixels":                      func(p *content.Photo) { p.Width = 0 },
		"a focal point off the photo":    func(p *content.Photo) { p.FocusX = 101 },
		"widths out of order":            func(p *content.Photo) { p.Widths = []int{800, 400} },
		"an alt text in no language":     func(p *content.Photo) { p.Alt = map[content.Lang]string{"xx-!": "Une foule"} },
		"an account that does not exist": func(p *content.Photo) { p.CreatedBy = editor.ID + 1000 },
	} {
		p := newPhoto("invalide " + name)
		change(p)
		checkErr(t, name, create(p), content.ErrInvalid)
	}
	if _, total, err := e.st.Photos(ctx, store.PhotoQuery{}); err != nil || total != 2 {
		t.Errorf("after refused photos the library holds %d, %v; want 2", total, err)
	}
}

func testPhotoLibrary(t *testing.T, e *env) {
	ctx := t.Context()
	var ps []*content.Photo
	for i, s := range []struct {
		caption, credit string
		alt             map[content.Lang]string
	}{
		{"Grève à la gare des Guillemins", "Belga", nil},
		{"Le marché de la Batte", "Marie Dupont", map[content.Lang]string{"fr": "Étals de légumes"}},
		{"Conseil communal", "Jean Lefèvre", map[content.Lang]string{"nl": "Gemeenteraad van Luik"}},
		{"", "ÉLODIE CŒUR", nil},
		{"Manifestation", "belga", map[content.Lang]string{"en": "Marchers with a banner"}},
	} {
		p := newPhoto(fmt.Sprint("bibliothèque ", i))
		p.Caption, p.Credit, p.Alt = s.caption, s.credit, s.alt
		ps = append(ps, mustPhoto(t, e.st, p))
		e.clock.Advance(time.Minute)
	}
	ids := func(is ...int) []int64 {
		out := []int64{}
		for _, i := range is {
			out = append(out, ps[i].ID)
		}
		return out
	}
	for _, c := range []struct {
		q    string
		want []int64
	}{
		{"", ids(4, 3, 2, 1, 0)},
		{"BELGA", ids(4, 0)},
		{"greve guillemins", ids(0)},
		{"Grève, GUILLEMINS !", ids(0)},
		{"legumes", ids(1)},
		{"gemeenteraad", ids(2)},
		{"coeur elodie", ids(3)},
		{"Cœur", ids(3)},
		{"dupont marie", ids(1)},
		{"banner", ids(4)},
		{"mar", ids(4, 1)}, // a part of a word: "marché", "Marchers"
		{"greve belga dupont", ids()},
		{"introuvable", ids()},
	} {
		got, total, err := e.st.Photos(ctx, store.PhotoQuery{Q: c.q, Limit: 10})
		if err != nil {
			t.Fatalf("Photos(%q): %v", c.q, err)
		}
		checkEqual(t, fmt.Sprintf("Photos(%q)", c.q), photoIDs(got), c.want)
		checkEqual(t, fmt.Sprintf("Photos(%q) total", c.q), total, len(c.want))
	}
	got, _, err := e.st.Photos(ctx, store.PhotoQuery{Q: "legumes"})
	if err != nil || len(got) != 1 {
		t.Fatalf("Photos(legumes): %v, %v", got, err)
	}
	checkEqual(t, "a photo of the library", got[0], *ps[1])

	for _, c := range []struct {
		limit, offset int
		want          []int64
	}{
		{2, 0, ids(4, 3)}, {2, 2, ids(2, 1)}, {2, 4, ids(0)}, {2, 10, ids()}, {0, 3, ids(1, 0)},
	} {
		got, total, err := e.st.Photos(ctx, store.PhotoQuery{Limit: c.limit, Offset: c.offset})
		if err != nil {
			t.Fatal(err)
		}
		checkEqual(t, fmt.Sprintf("page %d+%d", c.offset, c.limit), photoIDs(got), c.want)
		checkEqual(t, fmt.Sprintf("page %d+%d total", c.offset, c.limit), total, 5)
	}
	_, _, err = e.st.Photos(ctx, store.PhotoQuery{Limit: -1})
	checkErr(t, "a negative limit", err, content.ErrInvalid)
	_, _, err = e.st.Photos(ctx, store.PhotoQuery{Offset: -1})
	checkErr(t, "a negative offset", err, content.ErrInvalid)
	var words []string
	for i := range 17 {
		words = append(words, fmt.Sprint("mot", i))
	}
	_, _, err = e.st.Photos(ctx, store.PhotoQuery{Q: strings.Join(words, " ")})
	checkErr(t, "a search of 17 words", err, content.ErrInvalid)
}

func testUpdatePhoto(t *testing.T, e *env) {
	ctx := t.Context()
	p := mustPhoto(t, e.st, newPhoto("à mettre à jour"))
	created := p.CreatedAt
	e.clock.Advance(time.Hour)
	p.Alt = map[content.Lang]string{"fr": "Une foule rue Léopold", "en": ""}
	p.Caption, p.Credit, p.FocusX, p.FocusY = "Nouvelle légende", "Studio Été", 10, 90
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.UpdatePhoto(ctx, p) })
	checkTime(t, "UpdatedAt after UpdatePhoto", p.UpdatedAt, e.now())
	want := *p
	want.Alt = map[content.Lang]string{"fr": "Une foule rue Léopold"} // an empty alt text is none
	got := mustReadPhoto(t, e.st, p.ID)
	checkEqual(t, "photo after UpdatePhoto", got, want)
	checkTime(t, "CreatedAt after UpdatePhoto", got.CreatedAt, created)
	for q, n := range map[string]int{"studio ete": 1, "leopold": 1, "nouvelle legende": 1, "jour": 0} {
		if _, total, err := e.st.Photos(ctx, store.PhotoQuery{Q: q}); err != nil || total != n {
			t.Errorf("Photos(%q) after the update: %d, %v; want %d", q, total, err, n)
		}
	}

	// What is the upload's stays as it was.
	changed := got
	changed.Width, changed.Bytes, changed.Widths = 10, 10, []int{400}
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.UpdatePhoto(ctx, &changed) })
	if again := mustReadPhoto(t, e.st, p.ID); again.Width != got.Width || again.Bytes != got.Bytes || again.Widths != nil {
		t.Errorf("UpdatePhoto changed what the upload set: %+v", again)
	}

	update := func(p content.Photo) error {
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.UpdatePhoto(ctx, &p) })
	}
	bad := got
	bad.FocusY = -1
	checkErr(t, "a focal point off the photo", update(bad), content.ErrInvalid)
	bad = got
	bad.Caption = "Une\x00légende"
	checkErr(t, "a caption with a control character", update(bad), content.ErrInvalid)
	bad = got
	bad.Credit = strings.Repeat("é", content.MaxCreditLen+1)
	checkErr(t, "a credit too long", update(bad), content.ErrInvalid)
	missing := got
	missing.ID += 1000
	checkErr(t, "UpdatePhoto of a photo that does not exist", update(missing), store.ErrNotFound)
	checkEqual(t, "photo after refused updates", mustReadPhoto(t, e.st, p.ID), got)

	setWidths := func(id int64, ws []int) error {
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.SetPhotoWidths(ctx, id, ws) })
	}
	checkEqual(t, "SetPhotoWidths", setWidths(p.ID, []int{400, 800, 1600}), nil)
	checkEqual(t, "Widths", mustReadPhoto(t, e.st, p.ID).Widths, []int{400, 800, 1600})
	checkEqual(t, "SetPhotoWidths(none)", setWidths(p.ID, nil), nil)
	checkEqual(t, "no Widths", mustReadPhoto(t, e.st, p.ID).Widths, []int(nil))
	checkErr(t, "widths out of order", setWidths(p.ID, []int{800, 400}), content.ErrInvalid)
	checkErr(t, "a width twice", setWidths(p.ID, []int{400, 400}), content.ErrInvalid)
	checkErr(t, "a width of 0", setWidths(p.ID, []int{0, 400}), content.ErrInvalid)
	checkErr(t, "widths of a photo that does not exist", setWidths(p.ID+1000, []int{400}), store.ErrNotFound)
}
