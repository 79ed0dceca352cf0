package site_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// embargoed stores a press release under embargo for an hour and a preview link to it.
func (f *fixture) embargoed(t *testing.T) (*content.Article, string) {
	t.Helper()
	ctx := context.Background()
	a := f.article("fr", content.KindPressRelease, "avant-la-levee", "Communiqué sous embargo", "Le texte.", start.Add(time.Hour))
	a.Status = content.StatusScheduled
	secret, hash, err := auth.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	f.update(t, func(tx store.Tx) error {
		if err := tx.CreateArticle(ctx, a); err != nil {
			return err
		}
		return tx.CreatePreview(ctx, store.Preview{Hash: hash, ArticleID: a.ID, ExpiresAt: a.PublishAt, Note: "Le Soir"})
	})
	return a, "/fr/preview/" + secret
}

func TestEmbargoedPreview(t *testing.T) {
	f := newFixture(t, 1<<20)
	a, link := f.embargoed(t)
	p := f.get(t, link).wantStatus(t, http.StatusOK)
	if got := p.text(t, ".embargo-notice"); !strings.Contains(got, "Sous embargo jusqu’au 25 novembre 2026 à 12\u00a0h\u00a000") {
		t.Errorf("banner: %q", got)
	}
	if p.text(t, "h1") != "Communiqué sous embargo" || p.attr(t, `meta[name="robots"]`, "content") != "noindex" {
		t.Error("not the article, or indexable")
	}
	if p.Header.Get("Cache-Control") != "no-store" || p.Header.Get("X-Robots-Tag") != "noindex, nofollow" {
		t.Errorf("headers: %v", p.Header)
	}
	p.count(t, `link[rel="canonical"]`, 0) // its address does not answer yet
	// Asked twice, never from the page cache; the article itself is not public yet.
	f.get(t, link).wantStatus(t, http.StatusOK)
	f.get(t, "/fr/article/avant-la-levee").wantStatus(t, http.StatusNotFound)
	// Wrong language, wrong secret.
	f.get(t, strings.Replace(link, "/fr/", "/nl/", 1)).wantStatus(t, http.StatusNotFound)
	f.get(t, link+"x").wantStatus(t, http.StatusNotFound)
	f.get(t, "/fr/preview/"+strings.Repeat("a", 300)).wantStatus(t, http.StatusNotFound)

	// When the embargo lifts, the link stops and the article's own address answers.
	f.clock.Advance(time.Hour)
	f.publishDue(t)
	f.get(t, link).wantStatus(t, http.StatusNotFound)
	f.get(t, "/fr/article/"+a.Slug).wantStatus(t, http.StatusOK)
}

func TestRevokedPreview(t *testing.T) {
	f := newFixture(t, 0)
	_, link := f.embargoed(t)
	f.get(t, link).wantStatus(t, http.StatusOK)
	secret := strings.TrimPrefix(link, "/fr/preview/")
	f.update(t, func(tx store.Tx) error {
		return tx.RevokePreview(context.Background(), auth.HashToken(secret), f.clock.Now())
	})
	f.get(t, link).wantStatus(t, http.StatusNotFound)
}
