package content

import (
	"testing"
	"time"
)

func TestRelatedReading(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	tz := func(id, story int64, lang Lang, age time.Duration) Candidate {
		return Candidate{ID: id, StoryID: story, Lang: lang, PublishAt: now.Add(-age)}
	}
	self := &Article{ID: 1, StoryID: 1, Lang: "fr"}
	src := RelatedSources{
		Manual:  []Candidate{tz(9, 9, "fr", 400*day), tz(2, 1, "nl", day), tz(9, 9, "fr", 400*day)},
		Dossier: []Candidate{tz(3, 3, "fr", 200*day), tz(1, 1, "fr", 0)},
		ByTag: map[int64][]Candidate{
			10: {tz(4, 4, "fr", 2*day), tz(5, 5, "fr", 50*day), tz(6, 6, "nl", 0)},
			11: {tz(5, 5, "fr", 50*day), tz(7, 7, "fr", 0)},
		},
		Section: []Candidate{tz(8, 8, "fr", 0)},
	}
	ids := RelatedReading(self, src, now, 5)
	// 9: manual pick, first whatever its age. 3: same dossier (6). 5: two shared tags
	// (4 + a little recency) beats 4 and 7 with one tag each and more recency (2 + ~2).
	want := []int64{9, 3, 5, 7, 4}
	if len(ids) != len(want) {
		t.Fatalf("related = %v, want %v", ids, want)
	}
	for i := range want {
		if ids[i] != want[i] {
			t.Fatalf("related = %v, want %v", ids, want)
		}
	}
	if got := RelatedReading(self, src, now, 2); len(got) != 2 {
		t.Errorf("limit 2 gave %d", len(got))
	}
	if got := RelatedReading(self, RelatedSources{}, now, 5); len(got) != 0 {
		t.Errorf("no sources gave %v", got)
	}
}
