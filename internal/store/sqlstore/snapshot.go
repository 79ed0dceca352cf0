package sqlstore

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// articleSnapshot is how revisions and autosaves store an article: every field an editor
// saves, relations as IDs, under names of their own so that renaming a Go field does not
// lose what old snapshots hold.
type articleSnapshot struct {
	ID           int64          `json:"id"`
	StoryID      int64          `json:"story_id"`
	Kind         content.Kind   `json:"kind"`
	Lang         content.Lang   `json:"lang"`
	Slug         string         `json:"slug"`
	Title        string         `json:"title"`
	Standfirst   string         `json:"standfirst"`
	Body         string         `json:"body"`
	BodyHTML     string         `json:"body_html"`
	Signature    string         `json:"signature"`
	SectionID    int64          `json:"section_id"`
	Status       content.Status `json:"status"`
	Featured     bool           `json:"featured"`
	ImagePath    string         `json:"image_path"`
	ImageAlt     string         `json:"image_alt"`
	ImageCaption string         `json:"image_caption"`
	ImageCredit  string         `json:"image_credit"`
	PhotoID      int64          `json:"photo_id,omitempty"`
	PublishAt    time.Time      `json:"publish_at,omitzero"`
	CreatedAt    time.Time      `json:"created_at,omitzero"`
	UpdatedAt    time.Time      `json:"updated_at,omitzero"`
	DeletedAt    time.Time      `json:"deleted_at,omitzero"`
	Version      int64          `json:"version"`
	CreatedBy    int64          `json:"created_by"`
	UpdatedBy    int64          `json:"updated_by"`
	AuthorIDs    []int64        `json:"author_ids"`
	TagIDs       []int64        `json:"tag_ids"`
	ContactIDs   []int64        `json:"contact_ids"`
	RelatedIDs   []int64        `json:"related_ids"`
}

// encodeSnapshot returns a's saved fields as JSON. Times are kept in UTC to the second,
// as the articles table keeps them.
func encodeSnapshot(a *content.Article) (string, error) {
	utc := func(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }
	b, err := json.Marshal(articleSnapshot{
		ID: a.ID, StoryID: a.StoryID, Kind: a.Kind, Lang: a.Lang, Slug: a.Slug, Title: a.Title,
		Standfirst: a.Standfirst, Body: a.Body, BodyHTML: a.BodyHTML, Signature: a.Signature,
		SectionID: a.SectionID, Status: a.Status, Featured: a.Featured,
		ImagePath: a.Image.Path, ImageAlt: a.Image.Alt, ImageCaption: a.Image.Caption, ImageCredit: a.Image.Credit,
		PhotoID: a.PhotoID, PublishAt: utc(a.PublishAt), CreatedAt: utc(a.CreatedAt), UpdatedAt: utc(a.UpdatedAt),
		DeletedAt: utc(a.DeletedAt), Version: a.Version, CreatedBy: a.CreatedBy, UpdatedBy: a.UpdatedBy,
		AuthorIDs: a.AuthorIDs, TagIDs: a.TagIDs, ContactIDs: a.ContactIDs, RelatedIDs: a.RelatedIDs,
	})
	if err != nil {
		return "", fmt.Errorf("article snapshot: %w", err)
	}
	return string(b), nil
}

// decodeSnapshot reads back what encodeSnapshot wrote.
func decodeSnapshot(s string) (content.Article, error) {
	var x articleSnapshot
	if err := json.Unmarshal([]byte(s), &x); err != nil {
		return content.Article{}, fmt.Errorf("article snapshot: %w", err)
	}
	utc := func(t time.Time) time.Time {
		if t.IsZero() {
			return time.Time{}
		}
		return t.UTC()
	}
	return content.Article{
		ID: x.ID, StoryID: x.StoryID, Kind: x.Kind, Lang: x.Lang, Slug: x.Slug, Title: x.Title,
		Standfirst: x.Standfirst, Body: x.Body, BodyHTML: x.BodyHTML, Signature: x.Signature,
		SectionID: x.SectionID, Status: x.Status, Featured: x.Featured,
		Image:     content.Image{Path: x.ImagePath, Alt: x.ImageAlt, Caption: x.ImageCaption, Credit: x.ImageCredit},
		PhotoID:   x.PhotoID,
		PublishAt: utc(x.PublishAt), CreatedAt: utc(x.CreatedAt), UpdatedAt: utc(x.UpdatedAt),
		DeletedAt: utc(x.DeletedAt), Version: x.Version, CreatedBy: x.CreatedBy, UpdatedBy: x.UpdatedBy,
		AuthorIDs: x.AuthorIDs, TagIDs: x.TagIDs, ContactIDs: x.ContactIDs, RelatedIDs: x.RelatedIDs,
	}, nil
}
