package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/store/sqlstore"
)

// seed writes a little of everything, including a section whose parent comes after it.
func seed(t *testing.T, db store.Store) {
	t.Helper()
	ctx := context.Background()
	err := db.Update(ctx, func(tx store.Tx) error {
		site := content.DefaultSite()
		site.Name = "Copie"
		site.Taglines = map[content.Lang]string{"fr": "Journal", "nl": "Krant"}
		if err := tx.PutSite(ctx, site); err != nil {
			return err
		}
		child := &content.Section{Names: map[content.Lang]content.SectionName{"fr": {Slug: "liege", Name: "Liège"}}}
		parent := &content.Section{Names: map[content.Lang]content.SectionName{"fr": {Slug: "wallonie", Name: "Wallonie"}, "nl": {Slug: "wallonie", Name: "Wallonië"}}}
		if err := tx.CreateSection(ctx, child); err != nil {
			return err
		}
		if err := tx.CreateSection(ctx, parent); err != nil {
			return err
		}
		p := &content.Person{Slug: "ana", Name: "Ana", Email: "ana@example.org"}
		if err := tx.CreatePerson(ctx, p); err != nil {
			return err
		}
		tag := &content.Tag{Lang: "fr", Slug: "greve", Name: "grève"}
		if err := tx.CreateTag(ctx, tag); err != nil {
			return err
		}
		u := &auth.User{Email: "ana@example.org", Name: "Ana", Role: auth.RoleEditor, Lang: "fr", PasswordHash: "h",
			RecoveryCodes: []string{"c1"}, PersonID: p.ID}
		if err := tx.CreateUser(ctx, u); err != nil {
			return err
		}
		photos := []*content.Photo{seedPhoto("a", u.ID), seedPhoto("b", 0)}
		for _, ph := range photos {
			if _, err := tx.CreatePhoto(ctx, ph); err != nil {
				return err
			}
		}
		if err := tx.SetPhotoWidths(ctx, photos[0].ID, []int{400, 800}); err != nil {
			return err
		}
		var ids []int64
		for i, slug := range []string{"un", "deux", "trois"} {
			a := &content.Article{Kind: content.KindPressRelease, Lang: "fr", Slug: slug, Title: "Titre « " + slug + " »",
				Body: "Texte.", BodyHTML: "<p>Texte.</p>", Status: content.StatusPublished, Featured: i == 0,
				PublishAt: time.Date(2026, 1, i+1, 9, 0, 0, 0, time.UTC), SectionID: child.ID,
				AuthorIDs: []int64{p.ID}, ContactIDs: []int64{p.ID}, TagIDs: []int64{tag.ID}, RelatedIDs: ids,
				CreatedBy: u.ID, UpdatedBy: u.ID, PhotoID: photos[0].ID}
			if err := tx.CreateArticle(ctx, a); err != nil {
				return err
			}
			ids = append(ids, a.ID)
		}
		if err := tx.SetAlbum(ctx, ids[0], []content.AlbumItem{{PhotoID: photos[1].ID, Caption: "Légende « album »"},
			{PhotoID: photos[0].ID}}); err != nil {
			return err
		}
		if err := tx.SetBodyPhotos(ctx, ids[1], []int64{photos[1].ID}); err != nil {
			return err
		}
		d := &content.Dossier{Lang: "fr", Slug: "campagne", Title: "Campagne", Featured: true}
		if err := tx.CreateDossier(ctx, d); err != nil {
			return err
		}
		if err := tx.Audit(ctx, store.AuditEntry{UserID: u.ID, Actor: u.Email, Action: "article.publish", Target: "article 1"}); err != nil {
			return err
		}
		if err := tx.CreatePreview(ctx, store.Preview{Hash: "p", ArticleID: ids[0], CreatedBy: u.ID, ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
			return err
		}
		if err := tx.TrashArticle(ctx, ids[2], time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			return err
		}
		// A job with an empty payload stays one: NOT NULL, not NULL.
		if _, err := tx.EnqueueJob(ctx, store.NewJob{Kind: "publish.due", RunAt: time.Now().Add(time.Hour)}); err != nil {
			return err
		}
		if err := tx.PutRedirect(ctx, store.Redirect{From: "/?p=1", To: "/fr/article/premier"}); err != nil {
			return err
		}
		if err := tx.RecordRevision(ctx, store.Revision{Subject: store.Subject{Type: "event", ID: 1}, Version: 1,
			SavedAt: time.Now(), Snapshot: []byte("{}")}); err != nil {
			return err
		}
		return tx.SetDossierArticles(ctx, d.ID, ids)
	})
	if err != nil {
		t.Fatal(err)
	}
	// What lasts hours at most is not carried.
	if err := db.CreateSession(ctx, store.Session{Hash: "s", UserID: 1, ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	// The section whose parent was created after it, and a renamed slug.
	err = db.Update(ctx, func(tx store.Tx) error {
		a, err := db.Article(ctx, "fr", "un")
		if err != nil {
			return err
		}
		a.Slug = "premier"
		return tx.UpdateArticle(ctx, a)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// seedPhoto returns a photo with every field set, whose hash starts with seed.
func seedPhoto(seed string, by int64) *content.Photo {
	return &content.Photo{Hash: seed + strings.Repeat("0", 63), Format: "jpeg", Width: 4000, Height: 3000,
		Bytes: 1 << 33, Alt: map[content.Lang]string{"fr": "Foule à Liège", "nl": "Menigte in Luik"},
		Caption: "Légende", Credit: "Élodie Cœur", FocusX: 20, FocusY: 80, CreatedBy: by}
}

func openSQLite(t *testing.T) *sqlstore.DB {
	t.Helper()
	db, err := sqlstore.OpenSQLite(context.Background(), t.TempDir(), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestCopySQLiteToSQLite(t *testing.T) {
	src, dst := openSQLite(t), openSQLite(t)
	seed(t, src)
	report, err := sqlstore.Copy(context.Background(), src, dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkCopy(t, src, dst, report)
	// A second copy into a store that holds data is refused and changes nothing.
	if _, err := sqlstore.Copy(context.Background(), src, dst, nil); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("copy into a full store: %v", err)
	}
}

// The newsroom's tables cross to PostgreSQL and back unchanged, identities included.
func TestCopySQLiteToPostgresAndBack(t *testing.T) {
	src, back := openSQLite(t), openSQLite(t)
	pg, err := sqlstore.OpenPostgres(context.Background(), pgtest.URL(t), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	seed(t, src)
	report, err := sqlstore.Copy(context.Background(), src, pg, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkCopy(t, src, pg, report)
	if report, err = sqlstore.Copy(context.Background(), pg, back, nil); err != nil {
		t.Fatal(err)
	}
	checkCopy(t, pg, back, report)
}

// checkCopy compares the copy's report with both stores' checksums and reads the copy
// back through the store.
func checkCopy(t *testing.T, src, dst *sqlstore.DB, report []sqlstore.TableCopy) {
	t.Helper()
	ctx := context.Background()
	a, err := sqlstore.Checksums(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	b, err := sqlstore.Checksums(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if a[i] != b[i] || a[i] != report[i] {
			t.Errorf("%s: source %+v, destination %+v, report %+v", a[i].Table, a[i], b[i], report[i])
		}
	}
	for _, tc := range report {
		if tc.Table == "articles" && tc.Rows != 3 {
			t.Errorf("articles copied: %+v", tc)
		}
	}
	got, err := dst.Article(ctx, "fr", "premier")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Featured || len(got.Authors) != 1 || len(got.Contacts) != 1 || got.Tags[0].Name != "grève" {
		t.Errorf("copied article: %+v", got)
	}
	if slug, err := dst.SlugRedirect(ctx, "fr", "un"); err != nil || slug != "premier" {
		t.Errorf("slug history: %q, %v", slug, err)
	}
	checkNewsroomCopy(t, dst, got)
	checkPhotoCopy(t, dst, got)
	site, err := dst.Site(ctx)
	if err != nil || site.Name != "Copie" || site.Taglines["nl"] != "Krant" {
		t.Errorf("site: %+v, %v", site, err)
	}
	// New rows get fresh IDs after the copied ones.
	stats, err := dst.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	err = dst.Update(ctx, func(tx store.Tx) error {
		return tx.CreateTag(ctx, &content.Tag{Lang: "fr", Slug: fmt.Sprint("nouveau-", stats.Tags), Name: "nouveau"})
	})
	if err != nil {
		t.Errorf("writing after the copy: %v", err)
	}
}

// checkNewsroomCopy reads back what the newsroom keeps: accounts, revisions, the audit
// log, previews, the trash and folded titles; sessions stay behind.
func checkNewsroomCopy(t *testing.T, dst *sqlstore.DB, premier *content.Article) {
	t.Helper()
	ctx := context.Background()
	u, err := dst.UserByEmail(ctx, "ana@example.org")
	if err != nil || u.RecoveryCodes[0] != "c1" || premier.CreatedBy != u.ID || premier.UpdatedBy != u.ID {
		t.Errorf("account %+v (%v), article by %d/%d", u, err, premier.CreatedBy, premier.UpdatedBy)
	}
	if revs, err := dst.Revisions(ctx, store.ArticleSubject(premier.ID)); err != nil || int64(len(revs)) != premier.Version {
		t.Errorf("%d revisions of version %d: %v", len(revs), premier.Version, err)
	}
	if log, err := dst.AuditLog(ctx, store.AuditQuery{Limit: 10}); err != nil || len(log) == 0 || log[len(log)-1].UserID != u.ID {
		t.Errorf("audit log: %+v, %v", log, err)
	}
	if ps, err := dst.Previews(ctx, premier.ID); err != nil || len(ps) != 1 {
		t.Errorf("previews: %+v, %v", ps, err)
	}
	if trash, err := dst.NewsroomArticles(ctx, store.ArticleQuery{Deleted: true, Title: "TROIS"}); err != nil || len(trash) != 1 {
		t.Errorf("trash searched by title: %+v, %v", trash, err)
	}
	if _, err := dst.SessionByHash(ctx, "s", time.Now()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a session was copied: %v", err)
	}
	// New revisions and audit entries get IDs after the copied ones.
	err = dst.Update(ctx, func(tx store.Tx) error {
		if err := tx.Audit(ctx, store.AuditEntry{Action: "copy.checked"}); err != nil {
			return err
		}
		return tx.UpdateArticle(ctx, premier)
	})
	if err != nil {
		t.Errorf("saving after the copy: %v", err)
	}
}

// checkPhotoCopy reads back the photos, the featured one, an album and a text's, and
// stores a new photo after the copied ones.
func checkPhotoCopy(t *testing.T, dst *sqlstore.DB, premier *content.Article) {
	t.Helper()
	ctx := context.Background()
	want := seedPhoto("a", premier.CreatedBy)
	if p := premier.Photo; p.Hash != want.Hash || p.Alt["nl"] != want.Alt["nl"] || p.Credit != want.Credit ||
		p.Bytes != want.Bytes || len(p.Widths) != 2 || p.CreatedBy != premier.CreatedBy {
		t.Errorf("featured photo: %+v", p)
	}
	album, err := dst.Album(ctx, premier.ID)
	if err != nil || len(album) != 2 || album[0].Caption != "Légende « album »" || album[1].PhotoID != premier.PhotoID {
		t.Errorf("album: %+v, %v", album, err)
	}
	if uses, err := dst.PhotoUses(ctx, album[0].PhotoID); err != nil || len(uses) != 2 {
		t.Errorf("uses of the album's first photo: %+v, %v", uses, err)
	}
	if list, total, err := dst.Photos(ctx, store.PhotoQuery{Q: "elodie coeur"}); err != nil || total != 2 || len(list) != 2 {
		t.Errorf("library search after the copy: %d, %v", total, err)
	}
	err = dst.Update(ctx, func(tx store.Tx) error {
		p := seedPhoto("c", 0)
		p.Credit = "Après la copie"
		_, err := tx.CreatePhoto(ctx, p)
		return err
	})
	if err != nil {
		t.Errorf("a photo after the copy: %v", err)
	}
}
