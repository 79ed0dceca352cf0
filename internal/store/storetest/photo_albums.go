package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func mustAlbum(tb testing.TB, st store.Store, articleID int64) []content.AlbumItem {
	tb.Helper()
	items, err := st.Album(tb.Context(), articleID)
	if err != nil {
		tb.Fatalf("Album(%d): %v", articleID, err)
	}
	n, err := st.AlbumLen(tb.Context(), articleID)
	if err != nil || n != len(items) {
		tb.Errorf("AlbumLen(%d) = %d, %v; the album holds %d", articleID, n, err, len(items))
	}
	return items
}

// albumIDs lists an album's photos in order, checking that each item carries its photo.
func albumIDs(tb testing.TB, items []content.AlbumItem) []int64 {
	tb.Helper()
	ids := []int64{}
	for i, it := range items {
		if it.Photo.ID != it.PhotoID || it.Photo.Hash == "" {
			tb.Errorf("album item %d: photo %d without its photo (%+v)", i, it.PhotoID, it.Photo)
		}
		ids = append(ids, it.PhotoID)
	}
	return ids
}

func testAlbums(t *testing.T, e *env) {
	ctx := t.Context()
	report := newArticle("fr", "reportage", e.now().Add(-time.Hour))
	report.Kind = content.KindPhotoReport
	mustArticle(t, e.st, report)
	other := mustArticle(t, e.st, newArticle("fr", "autre", e.now().Add(-time.Hour)))
	a, b, c := mustPhoto(t, e.st, newPhoto("a")), mustPhoto(t, e.st, newPhoto("b")), mustPhoto(t, e.st, newPhoto("c"))
	b.Caption = "La légende de la photo"
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.UpdatePhoto(ctx, b) })
	setAlbum := func(articleID int64, items ...content.AlbumItem) error {
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.SetAlbum(ctx, articleID, items) })
	}
	mustSetAlbum := func(articleID int64, items ...content.AlbumItem) {
		t.Helper()
		if err := setAlbum(articleID, items...); err != nil {
			t.Fatalf("SetAlbum(%d): %v", articleID, err)
		}
	}

	checkEqual(t, "an article without an album", len(mustAlbum(t, e.st, report.ID)), 0)
	checkEqual(t, "an article that does not exist", len(mustAlbum(t, e.st, report.ID+1000)), 0)

	mustSetAlbum(report.ID, content.AlbumItem{PhotoID: a.ID}, content.AlbumItem{PhotoID: b.ID},
		content.AlbumItem{PhotoID: c.ID, Caption: "Pour ce reportage"})
	album := mustAlbum(t, e.st, report.ID)
	checkEqual(t, "album", albumIDs(t, album), []int64{a.ID, b.ID, c.ID})
	checkEqual(t, "album photos", []content.Photo{album[0].Photo, album[1].Photo, album[2].Photo}, []content.Photo{*a, *b, *c})
	checkEqual(t, "album captions", []string{album[0].CaptionOr(), album[1].CaptionOr(), album[2].CaptionOr()},
		[]string{"", "La légende de la photo", "Pour ce reportage"})
	checkEqual(t, "another article's album", len(mustAlbum(t, e.st, other.ID)), 0)

	// Reordered, one photo out, one twice, captions changed: the album is replaced.
	mustSetAlbum(report.ID, content.AlbumItem{PhotoID: c.ID}, content.AlbumItem{PhotoID: a.ID, Caption: "Deux fois"},
		content.AlbumItem{PhotoID: a.ID})
	album = mustAlbum(t, e.st, report.ID)
	checkEqual(t, "reordered album", albumIDs(t, album), []int64{c.ID, a.ID, a.ID})
	checkEqual(t, "reordered captions", []string{album[0].Caption, album[1].Caption, album[2].Caption},
		[]string{"", "Deux fois", ""})

	// A march: 200 photos, in an order that is not the order they were stored in.
	var march []content.AlbumItem
	MustUpdate(t, e.st, func(tx store.Tx) error {
		for i := range 200 {
			p := newPhoto(fmt.Sprint("marche ", i))
			p.Caption = fmt.Sprint("Photo ", i)
			if _, err := tx.CreatePhoto(ctx, p); err != nil {
				return err
			}
			march = append(march, content.AlbumItem{PhotoID: p.ID, Caption: fmt.Sprint("Dans l'album ", i)})
		}
		return nil
	})
	slices.Reverse(march)
	march[0], march[99] = march[99], march[0]
	mustSetAlbum(report.ID, march...)
	album = mustAlbum(t, e.st, report.ID)
	want := []int64{}
	for _, it := range march {
		want = append(want, it.PhotoID)
	}
	checkEqual(t, "a 200-photo album", albumIDs(t, album), want)
	for i, it := range album {
		if it.Caption != march[i].Caption || it.Photo.Caption == "" {
			t.Fatalf("album item %d: caption %q, photo's %q; want %q and the photo's own", i, it.Caption, it.Photo.Caption, march[i].Caption)
		}
	}

	// Refused albums leave the one stored as it was.
	checkErr(t, "a photo that does not exist", setAlbum(report.ID, content.AlbumItem{PhotoID: a.ID},
		content.AlbumItem{PhotoID: c.ID + 10_000}), store.ErrNotFound)
	checkErr(t, "an article that does not exist", setAlbum(report.ID+1000, content.AlbumItem{PhotoID: a.ID}), store.ErrNotFound)
	tooMany := make([]content.AlbumItem, content.MaxAlbumLen+1)
	for i := range tooMany {
		tooMany[i].PhotoID = a.ID
	}
	checkErr(t, "more photos than an album holds", setAlbum(report.ID, tooMany...), content.ErrInvalid)
	checkErr(t, "a caption with a control character", setAlbum(report.ID, content.AlbumItem{PhotoID: a.ID, Caption: "a\x07b"}), content.ErrInvalid)
	checkErr(t, "an item without a photo", setAlbum(report.ID, content.AlbumItem{}), content.ErrInvalid)
	checkEqual(t, "the album after refused changes", albumIDs(t, mustAlbum(t, e.st, report.ID)), want)

	mustSetAlbum(report.ID)
	checkEqual(t, "an emptied album", len(mustAlbum(t, e.st, report.ID)), 0)
}

func testPhotoUses(t *testing.T, e *env) {
	ctx := t.Context()
	featured, inAlbum, inBody, unused := mustPhoto(t, e.st, newPhoto("une")), mustPhoto(t, e.st, newPhoto("album")),
		mustPhoto(t, e.st, newPhoto("texte")), mustPhoto(t, e.st, newPhoto("libre"))
	art := newArticle("fr", "avec-photo", e.now().Add(-time.Hour))
	art.Title, art.PhotoID = "Avec une photo", featured.ID
	mustArticle(t, e.st, art)
	report := newArticle("nl", "fotoreportage", e.now().Add(-time.Hour))
	report.Kind, report.Title, report.Status = content.KindPhotoReport, "Fotoreportage", content.StatusDraft
	mustArticle(t, e.st, report)
	trashed := newArticle("fr", "a-la-corbeille", e.now().Add(-time.Hour))
	trashed.Title, trashed.PhotoID = "À la corbeille", inBody.ID
	mustArticle(t, e.st, trashed)
	MustUpdate(t, e.st, func(tx store.Tx) error {
		if err := tx.SetAlbum(ctx, report.ID, []content.AlbumItem{{PhotoID: inAlbum.ID}, {PhotoID: featured.ID},
			{PhotoID: inAlbum.ID}}); err != nil {
			return err
		}
		if err := tx.SetBodyPhotos(ctx, art.ID, []int64{inBody.ID, inAlbum.ID, inBody.ID}); err != nil {
			return err
		}
		return tx.TrashArticle(ctx, trashed.ID, e.now())
	})
	uses := func(p *content.Photo) []content.PhotoUse {
		t.Helper()
		us, err := e.st.PhotoUses(ctx, p.ID)
		if err != nil {
			t.Fatalf("PhotoUses(%d): %v", p.ID, err)
		}
		return us
	}
	use := func(a *content.Article, role content.PhotoRole) content.PhotoUse {
		return content.PhotoUse{ArticleID: a.ID, Title: a.Title, Lang: a.Lang, Status: a.Status,
			Trashed: a.ID == trashed.ID, Role: role}
	}
	// The newest article first; an album that holds a photo twice uses it once.
	checkEqual(t, "uses of the featured photo", uses(featured),
		[]content.PhotoUse{use(report, content.PhotoInAlbum), use(art, content.PhotoFeatured)})
	checkEqual(t, "uses of the album's photo", uses(inAlbum),
		[]content.PhotoUse{use(report, content.PhotoInAlbum), use(art, content.PhotoInBody)})
	checkEqual(t, "uses of the text's photo, by an article in the trash too", uses(inBody),
		[]content.PhotoUse{use(trashed, content.PhotoFeatured), use(art, content.PhotoInBody)})
	checkEqual(t, "uses of an unused photo", len(uses(unused)), 0)

	deletePhoto := func(p *content.Photo) error {
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.DeletePhoto(ctx, p.ID) })
	}
	for name, p := range map[string]*content.Photo{"featured": featured, "in an album": inAlbum, "in a text": inBody} {
		checkErr(t, "deleting a photo "+name, deletePhoto(p), store.ErrConflict)
		mustReadPhoto(t, e.st, p.ID)
	}
	checkEqual(t, "deleting an unused photo", deletePhoto(unused), nil)
	_, err := e.st.PhotoByID(ctx, unused.ID)
	checkErr(t, "a deleted photo", err, store.ErrNotFound)
	checkErr(t, "deleting it again", deletePhoto(unused), store.ErrNotFound)

	// Each use given up in turn: the photo may go once it has none left.
	art.PhotoID = 0
	mustUpdateArticle(t, e.st, art)
	checkErr(t, "deleting a photo still in an album", deletePhoto(featured), store.ErrConflict)
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.SetAlbum(ctx, report.ID, nil) })
	checkEqual(t, "deleting a photo no longer used", deletePhoto(featured), nil)
	checkErr(t, "deleting a photo still in a text", deletePhoto(inAlbum), store.ErrConflict)
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.SetBodyPhotos(ctx, art.ID, []int64{inBody.ID}) })
	checkEqual(t, "deleting a photo taken out of the text", deletePhoto(inAlbum), nil)
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.SetBodyPhotos(ctx, art.ID, nil) })
	checkErr(t, "deleting a photo an article in the trash features", deletePhoto(inBody), store.ErrConflict)
	trashed = mustReadArticle(t, e.st, "fr", "a-la-corbeille")
	trashed.PhotoID = 0
	mustUpdateArticle(t, e.st, trashed)
	checkEqual(t, "deleting the last photo", deletePhoto(inBody), nil)

	setBody := func(articleID int64, ids ...int64) error {
		return e.st.Update(ctx, func(tx store.Tx) error { return tx.SetBodyPhotos(ctx, articleID, ids) })
	}
	kept := mustPhoto(t, e.st, newPhoto("gardée"))
	checkErr(t, "a text placing a photo that does not exist", setBody(art.ID, kept.ID, kept.ID+1000), store.ErrNotFound)
	checkErr(t, "photos of an article that does not exist", setBody(art.ID+1000, kept.ID), store.ErrNotFound)
	checkEqual(t, "uses after refused texts", len(uses(kept)), 0)
}

// testArticlePhotos: every read of articles and teasers comes with the featured photo.
func testArticlePhotos(t *testing.T, e *env) {
	ctx := t.Context()
	ph := newPhoto("la gare")
	ph.Alt, ph.Caption, ph.Credit, ph.Widths = map[content.Lang]string{"fr": "La gare des Guillemins"}, "La gare", "Belga", []int{400, 800}
	mustPhoto(t, e.st, ph)
	with := newArticle("fr", "avec", e.now().Add(-2*time.Hour))
	with.Title, with.PhotoID = "Grève des cheminots", ph.ID
	mustArticle(t, e.st, with)
	without := mustArticle(t, e.st, newArticle("fr", "sans", e.now().Add(-time.Hour)))
	nl := newArticle("nl", "met", e.now().Add(-time.Hour))
	nl.StoryID, nl.PhotoID = with.ID, ph.ID
	mustArticle(t, e.st, nl)
	dossier := mustDossier(t, e.st, content.Dossier{Lang: "fr", Slug: "greves"})
	mustSetDossierArticles(t, e.st, dossier.ID, with.ID, without.ID)

	checkArticle := func(what string, a *content.Article, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		switch a.ID {
		case with.ID, nl.ID:
			checkEqual(t, what+": PhotoID", a.PhotoID, ph.ID)
			checkEqual(t, what+": Photo", a.Photo, *ph)
		default:
			checkEqual(t, what+": no photo", a.PhotoID == 0 && a.Photo.ID == 0 && a.Photo.Alt == nil, true)
		}
	}
	checkTeasers := func(what string, ts []content.Teaser, err error) {
		t.Helper()
		if err != nil || len(ts) == 0 {
			t.Fatalf("%s: %v, %v", what, ts, err)
		}
		for _, tz := range ts {
			checkArticle(fmt.Sprint(what, ", teaser ", tz.Slug), &content.Article{ID: tz.ID, PhotoID: tz.PhotoID, Photo: tz.Photo}, nil)
		}
	}
	checkAll := func() {
		t.Helper()
		a, err := e.st.Article(ctx, "fr", "avec")
		checkArticle("Article", a, err)
		a, err = e.st.ArticleByID(ctx, without.ID)
		checkArticle("ArticleByID without a photo", a, err)
		a, err = e.st.ArticleByID(ctx, nl.ID)
		checkArticle("ArticleByID", a, err)
		ts, err := e.st.Articles(ctx, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: 10})
		checkTeasers("Articles", ts, err)
		ts, err = e.st.Teasers(ctx, []int64{without.ID, nl.ID, with.ID}, store.Staff)
		checkTeasers("Teasers", ts, err)
		ts, err = e.st.StoryVersions(ctx, with.StoryID, store.Readers)
		checkTeasers("StoryVersions", ts, err)
		ts, err = e.st.DossierArticles(ctx, dossier.ID, store.Readers, 10, 0)
		checkTeasers("DossierArticles", ts, err)
		items, err := e.st.NewsroomArticles(ctx, store.ArticleQuery{Limit: 10})
		ts = nil
		for _, it := range items {
			ts = append(ts, it.Teaser)
		}
		checkTeasers("NewsroomArticles", ts, err)
		res, err := e.st.Search(ctx, store.SearchQuery{Text: "cheminots", Now: e.now()})
		ts = nil
		for _, h := range res.Hits {
			ts = append(ts, h.Teaser)
		}
		checkTeasers("Search", ts, err)
		MustUpdate(t, e.st, func(tx store.Tx) error {
			a, err := tx.ArticleByID(ctx, with.ID)
			checkArticle("ArticleByID in a transaction", a, err)
			return nil
		})
	}
	checkAll()

	// What the newsroom changes of the photo shows wherever the article does.
	e.clock.Advance(time.Minute)
	ph.Caption, ph.Alt = "La gare, un matin de grève", map[content.Lang]string{"fr": "Le hall de la gare", "nl": "Het station"}
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.UpdatePhoto(ctx, ph) })
	MustUpdate(t, e.st, func(tx store.Tx) error { return tx.SetPhotoWidths(ctx, ph.ID, []int{400, 800, 1600}) })
	ph.Widths = []int{400, 800, 1600}
	checkAll()

	// An article gives its photo up, or takes one that does not exist.
	with.PhotoID = 0
	mustUpdateArticle(t, e.st, with)
	if a := mustReadArticle(t, e.st, "fr", "avec"); a.PhotoID != 0 || a.Photo.ID != 0 {
		t.Errorf("an article without its photo: %d, %+v", a.PhotoID, a.Photo)
	}
	with.PhotoID = ph.ID + 1000
	err := e.st.Update(ctx, func(tx store.Tx) error { return tx.UpdateArticle(ctx, with) })
	checkErr(t, "an article featuring a photo that does not exist", err, content.ErrInvalid)
	bad := newArticle("fr", "mauvaise-photo", e.now())
	bad.PhotoID = ph.ID + 1000
	err = e.st.Update(ctx, func(tx store.Tx) error { return tx.CreateArticle(ctx, bad) })
	checkErr(t, "a new article featuring a photo that does not exist", err, content.ErrInvalid)
}
