package content

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func validArticle() *Article {
	return &Article{Kind: KindArticle, Lang: "fr", Slug: "greve", Title: "Grève", Status: StatusPublished, PublishAt: time.Now()}
}

func TestArticleValidate(t *testing.T) {
	if err := validArticle().Validate(); err != nil {
		t.Fatalf("valid article: %v", err)
	}
	for name, breakIt := range map[string]func(a *Article){
		"kind":       func(a *Article) { a.Kind = "essay" },
		"status":     func(a *Article) { a.Status = "hidden" },
		"lang":       func(a *Article) { a.Lang = "FR" },
		"slug":       func(a *Article) { a.Slug = "Grève" },
		"title":      func(a *Article) { a.Title = "   " },
		"standfirst": func(a *Article) { a.Standfirst = strings.Repeat("x", MaxStandfirstLen+1) },
		"body":       func(a *Article) { a.Body = strings.Repeat("x", MaxBodyLen+1) },
		"signature":  func(a *Article) { a.Signature = "par\x00nous" },
		"publish_at": func(a *Article) { a.PublishAt = time.Time{} },
		"contacts":   func(a *Article) { a.ContactIDs = []int64{1} },
	} {
		a := validArticle()
		breakIt(a)
		err := a.Validate()
		var ve *ValidationError
		if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) || ve.Problems[name] == "" {
			t.Errorf("%s: Validate = %v, want a problem on %q", name, err, name)
		}
	}
	pr := validArticle()
	pr.Kind, pr.ContactIDs = KindPressRelease, []int64{1}
	if err := pr.Validate(); err != nil {
		t.Errorf("press release with a contact: %v", err)
	}
	draft := validArticle()
	draft.Status, draft.PublishAt = StatusDraft, time.Time{}
	if err := draft.Validate(); err != nil {
		t.Errorf("draft without a time: %v", err)
	}
}

func TestArticleVisible(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	a := validArticle()
	a.PublishAt = now
	if !a.Visible(now) {
		t.Error("published now is not visible")
	}
	a.PublishAt = now.Add(time.Minute)
	if a.Visible(now) {
		t.Error("visible before its time")
	}
	for _, s := range []Status{StatusDraft, StatusScheduled, StatusArchived} {
		a.Status, a.PublishAt = s, now.Add(-time.Hour)
		if a.Visible(now) {
			t.Errorf("%s article is visible", s)
		}
	}
}

func TestPersonValidate(t *testing.T) {
	ok := &Person{Slug: "jan-peeters", Name: "Jan Peeters", Email: "jan@example.org", Phone: "+32 (0)2 555.01-23"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := ok.TelURI(); got != "+32025550123" {
		t.Errorf("TelURI = %q", got)
	}
	for _, p := range []*Person{
		{Slug: "x", Name: "X", Email: "Jan <jan@example.org>"},
		{Slug: "x", Name: "X", Email: "not-an-address"},
		{Slug: "x", Name: "X", Phone: "call me"},
		{Slug: "x", Name: ""},
		{Slug: "X", Name: "X"},
	} {
		if err := p.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%+v: Validate = %v", p, err)
		}
	}
}
