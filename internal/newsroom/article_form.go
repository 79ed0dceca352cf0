package newsroom

import (
	"strconv"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// articleForm is the editor's form as typed: what a page shows again after a problem, a
// conflict, an autosave or an expired session, so that nothing typed is ever lost.
type articleForm struct {
	ID, Version   int64
	Kind          content.Kind
	Lang          content.Lang
	Title         string
	Standfirst    string
	Body          string
	Signature     string
	SectionID     int64
	TagIDs        []int64
	NewTags       string
	DossierIDs    []int64
	AuthorIDs     []int64
	ContactIDs    []int64
	RelatedIDs    []int64
	TranslationOf int64
	PhotoID       int64 // the featured photo, 0 for none
	Featured      bool
	PublishAt     string // datetime-local, in the site's time zone
	RelatedQ      string
	TranslationQ  string
	PhotoQ        string
}

// dateLayout is what an <input type="datetime-local"> sends.
const dateLayout = "2006-01-02T15:04"

// formFromArticle shows a stored article in the form.
func formFromArticle(a *content.Article, dossierIDs []int64, loc *time.Location) articleForm {
	f := articleForm{
		ID: a.ID, Version: a.Version, Kind: a.Kind, Lang: a.Lang, Title: a.Title,
		Standfirst: a.Standfirst, Body: a.Body, Signature: a.Signature, SectionID: a.SectionID,
		TagIDs: a.TagIDs, DossierIDs: dossierIDs, AuthorIDs: a.AuthorIDs, ContactIDs: a.ContactIDs,
		RelatedIDs: a.RelatedIDs, Featured: a.Featured, PhotoID: a.PhotoID,
	}
	if a.StoryID != 0 && a.StoryID != a.ID {
		f.TranslationOf = a.StoryID
	}
	if !a.PublishAt.IsZero() {
		f.PublishAt = a.PublishAt.In(loc).Format(dateLayout)
	}
	return f
}

// readArticleForm reads the editor's fields. IDs that are not numbers are a forged form
// (400); everything a person can get wrong is checked later, field by field.
func readArticleForm(r *request) (articleForm, error) {
	v := r.PostForm
	f := articleForm{
		Kind: content.Kind(v.Get("kind")), Lang: content.Lang(v.Get("lang")),
		Title: v.Get("title"), Standfirst: v.Get("standfirst"), Body: normalizeNewlines(v.Get("body")),
		Signature: v.Get("signature"), NewTags: v.Get("new_tags"), Featured: v.Get("featured") == "1",
		PublishAt:    strings.TrimSpace(v.Get("publish_at")),
		RelatedQ:     strings.TrimSpace(v.Get("related_q")),
		TranslationQ: strings.TrimSpace(v.Get("translation_q")),
		PhotoQ:       strings.TrimSpace(v.Get("photo_q")),
	}
	var err error
	if raw := v.Get("version"); raw != "" {
		if f.Version, err = strconv.ParseInt(raw, 10, 64); err != nil {
			return f, badRequest(err)
		}
	}
	for _, one := range []struct {
		name string
		to   *int64
	}{{"section", &f.SectionID}, {"translation_of", &f.TranslationOf}, {"photo", &f.PhotoID}} {
		if raw := v.Get(one.name); raw != "" && raw != "0" {
			id, ok := formID(raw)
			if !ok {
				return f, badRequest(nil)
			}
			*one.to = id
		}
	}
	for _, many := range []struct {
		name string
		to   *[]int64
	}{{"tags", &f.TagIDs}, {"dossiers", &f.DossierIDs}, {"authors", &f.AuthorIDs}, {"contacts", &f.ContactIDs}, {"related", &f.RelatedIDs}} {
		if *many.to, err = formIDs(v[many.name]); err != nil {
			return f, err
		}
	}
	return f, nil
}

// normalizeNewlines stores "\n" whatever the browser sent (forms send "\r\n"), so that
// revisions and diffs do not differ in invisible characters.
func normalizeNewlines(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

// publishTime reads the publication time typed in the site's zone. Empty is zero.
func publishTime(typed string, loc *time.Location) (time.Time, bool) {
	if typed == "" {
		return time.Time{}, true
	}
	for _, layout := range []string{dateLayout, "2006-01-02T15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, typed, loc); err == nil && t.Year() >= 1900 && t.Year() < 3000 {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// newTagNames splits the "new tags" field: commas separate, blanks and repeats go.
func newTagNames(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range strings.Split(s, ",") {
		n = strings.Join(strings.Fields(n), " ")
		if n != "" && !seen[strings.ToLower(n)] {
			seen[strings.ToLower(n)] = true
			out = append(out, n)
		}
	}
	return out
}
