package demo

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/sqlstore"
)

func TestGenerateCounts(t *testing.T) {
	const n = 2000
	_, rec, stats := MustGenerate(t, n, 7)
	if stats.Articles != n || len(rec.articles) != n {
		t.Fatalf("created %d articles (stats say %d), want %d", len(rec.articles), stats.Articles, n)
	}
	archived := 0
	for _, a := range rec.articles {
		if a.Status == content.StatusArchived {
			archived++
		}
	}
	for _, c := range []struct {
		name     string
		got      int
		min, max int
	}{
		{"press releases", stats.PressReleases, n * 9 / 100, n * 16 / 100},
		{"photo reports", stats.PhotoReports, n * 5 / 100, n * 11 / 100},
		{"translations", stats.Translations, n * 20 / 100, n * 40 / 100},
		{"scheduled", stats.Scheduled, min(n/100, maxScheduled), min(n/100, maxScheduled)},
		{"drafts", stats.Drafts, n / 100, n / 100},
		{"archived", archived, 2, n / 200},
		{"sections", stats.Sections, 14, 14},
		{"tags", stats.Tags, 3 * 30, 3 * 45},
		{"dossiers", stats.Dossiers, 18, 18},
		{"persons", stats.Persons, 40, 40},
	} {
		if c.got < c.min || c.got > c.max {
			t.Errorf("%s: %d, want %d to %d", c.name, c.got, c.min, c.max)
		}
	}
}

func TestGenerateArticles(t *testing.T) {
	_, rec, _ := MustGenerate(t, 1000, 3)
	versions := map[int64][]content.Article{}
	var last time.Time
	for _, a := range rec.articles {
		if err := a.Validate(); err != nil {
			t.Errorf("article %d (%s/%s): %v", a.ID, a.Lang, a.Slug, err)
		}
		checkStatus(t, &a)
		checkPeople(t, &a)
		checkBody(t, &a)
		if !a.PublishAt.IsZero() {
			if a.PublishAt.Before(last) {
				t.Errorf("article %d published %v, before the previous one (%v): IDs must grow with dates", a.ID, a.PublishAt, last)
			}
			last = a.PublishAt
		}
		versions[a.StoryID] = append(versions[a.StoryID], a)
	}
	checkTranslations(t, versions)
}

func checkStatus(t *testing.T, a *content.Article) {
	t.Helper()
	switch a.Status {
	case content.StatusScheduled:
		if !a.PublishAt.After(now) || a.PublishAt.After(now.Add(72*time.Hour)) {
			t.Errorf("scheduled article %d goes out at %v, want within 72 hours after %v", a.ID, a.PublishAt, now)
		}
	case content.StatusPublished, content.StatusArchived:
		if a.PublishAt.After(now) || a.PublishAt.Before(now.AddDate(-3, 0, -1)) {
			t.Errorf("%s article %d dated %v, want in the three years before %v", a.Status, a.ID, a.PublishAt, now)
		}
	}
}

func checkPeople(t *testing.T, a *content.Article) {
	t.Helper()
	isPress := a.Kind == content.KindPressRelease
	if isPress && (len(a.ContactIDs) < 1 || len(a.ContactIDs) > 2 || a.Standfirst == "") {
		t.Errorf("press release %d has %d contacts and standfirst %q, want 1–2 and one", a.ID, len(a.ContactIDs), a.Standfirst)
	}
	if !isPress && len(a.AuthorIDs) == 0 && a.Signature == "" {
		t.Errorf("article %d has neither authors nor signature", a.ID)
	}
	if len(a.AuthorIDs) > 3 || len(a.TagIDs) < 2 || len(a.TagIDs) > 4 {
		t.Errorf("article %d has %d authors and %d tags, want up to 3 and 2–4", a.ID, len(a.AuthorIDs), len(a.TagIDs))
	}
	for _, id := range a.RelatedIDs {
		if id >= a.ID {
			t.Errorf("article %d picks %d as related reading: picks must be earlier articles", a.ID, id)
		}
	}
}

// checkBody checks length and, in French, that typography was applied: a colon, a
// question mark or guillemets in a title come with narrow no-break spaces.
func checkBody(t *testing.T, a *content.Article) {
	t.Helper()
	if words := len(strings.Fields(a.Body)); words < 300 || words > 900 {
		t.Errorf("article %d body has %d words, want 300–900", a.ID, words)
	}
	if !strings.Contains(a.BodyHTML, "<p>") {
		t.Errorf("article %d has no rendered body: %.80q", a.ID, a.BodyHTML)
	}
	if a.Lang != "fr" {
		return
	}
	for _, mark := range []string{":", "?", "«", "»"} {
		spaced := strings.Contains(a.Title, "\u202f"+mark) || strings.Contains(a.Title, mark+"\u202f")
		if strings.Contains(a.Title, mark) && !spaced {
			t.Errorf("French title %q has %q without a narrow no-break space", a.Title, mark)
		}
	}
	if strings.Contains(a.Title+a.Standfirst, "'") {
		t.Errorf("French title or standfirst keeps a straight apostrophe: %q / %q", a.Title, a.Standfirst)
	}
}

// checkTranslations: versions of a story are in different languages and the first one's
// ID is the story's.
func checkTranslations(t *testing.T, versions map[int64][]content.Article) {
	t.Helper()
	translated := 0
	for story, vs := range versions {
		langs := map[content.Lang]bool{}
		for _, v := range vs {
			if langs[v.Lang] {
				t.Errorf("story %d has two %s versions", story, v.Lang)
			}
			langs[v.Lang] = true
		}
		if vs[0].ID != story {
			t.Errorf("story %d: its first version is article %d", story, vs[0].ID)
		}
		if len(vs) > 1 {
			translated++
			if vs[0].Kind != vs[1].Kind || vs[0].SectionID != vs[1].SectionID {
				t.Errorf("story %d: versions differ in kind or section", story)
			}
		}
	}
	if translated == 0 {
		t.Error("no story has a translation")
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	_, a, _ := MustGenerate(t, 300, 42)
	_, b, _ := MustGenerate(t, 300, 42)
	_, c, _ := MustGenerate(t, 300, 43)
	for i := range a.articles {
		if !reflect.DeepEqual(a.articles[i], b.articles[i]) {
			t.Fatalf("same seed, article %d differs:\n%+v\n%+v", i, a.articles[i], b.articles[i])
		}
	}
	if reflect.DeepEqual(a.articles, c.articles) {
		t.Error("seeds 42 and 43 gave the same articles")
	}
}

// TestGenerateStored reads back through the store what readers will see.
func TestGenerateStored(t *testing.T) {
	db, rec, _ := MustGenerate(t, 600, 11)
	ctx := context.Background()
	site, err := db.Site(ctx)
	if err != nil || site.Name == "Roneo" || len(site.Langs) != 3 || site.Taglines["nl"] == "" {
		t.Fatalf("site settings: %+v, %v", site, err)
	}
	for i, want := range rec.articles {
		if i%25 != 0 {
			continue
		}
		got, err := db.Article(ctx, want.Lang, want.Slug)
		if err != nil {
			t.Fatal(err)
		}
		for _, tag := range got.Tags {
			if tag.Lang != got.Lang {
				t.Errorf("article %d (%s) tagged %q in %s", got.ID, got.Lang, tag.Name, tag.Lang)
			}
		}
		if got.Kind == content.KindPressRelease && len(got.Contacts) == 0 {
			t.Errorf("press release %d lost its contacts", got.ID)
		}
	}
	for _, lang := range langs {
		checkDossiers(t, db, lang)
	}
}

func checkDossiers(t *testing.T, db *sqlstore.DB, lang content.Lang) {
	t.Helper()
	ctx := context.Background()
	dossiers, err := db.Dossiers(ctx, lang, false, 100, 0)
	if err != nil || len(dossiers) != len(dossierSpecs) {
		t.Fatalf("%s dossiers: %d, %v", lang, len(dossiers), err)
	}
	for _, d := range dossiers {
		list, err := db.DossierArticles(ctx, d.ID, store.Readers, 100, 0)
		if err != nil || len(list) == 0 || len(list) > 40 {
			t.Errorf("dossier %s/%s has %d articles (%v), want 1–40", lang, d.Slug, len(list), err)
		}
		for _, a := range list {
			if a.Lang != lang {
				t.Errorf("dossier %s/%s lists a %s article", lang, d.Slug, a.Lang)
			}
		}
	}
}

func TestGenerateTinySites(t *testing.T) {
	for _, n := range []int{1, 2, 9, 31} {
		if _, _, stats := MustGenerate(t, n, 5); stats.Articles != n {
			t.Errorf("asked for %d articles, got %d", n, stats.Articles)
		}
	}
}

func TestGenerateRefusesNonEmptyStore(t *testing.T) {
	generated, _, _ := MustGenerate(t, 50, 1)
	onePerson := MustOpen(t)
	err := onePerson.Update(context.Background(), func(tx store.Tx) error {
		return tx.CreatePerson(context.Background(), &content.Person{Slug: "ada", Name: "Ada"})
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, db := range map[string]*sqlstore.DB{"generated": generated, "one person": onePerson} {
		_, err := Generate(context.Background(), db, newEditorial(db), Options{Articles: 50, Now: now})
		if !errors.Is(err, ErrNotEmpty) {
			t.Errorf("%s: %v, want ErrNotEmpty", name, err)
		}
	}
}

func TestGenerateStopsWhenCancelled(t *testing.T) {
	db := MustOpen(t)
	ctx, cancel := context.WithCancel(context.Background())
	var progress bytes.Buffer
	time.AfterFunc(300*time.Millisecond, cancel)
	_, err := Generate(ctx, db, newEditorial(db), Options{Articles: 50_000, Now: now, Progress: &progress})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: %v, want context.Canceled", err)
	}
}

func TestGenerateDrawsProgress(t *testing.T) {
	var progress bytes.Buffer
	db := MustOpen(t)
	_, err := Generate(context.Background(), db, newEditorial(db), Options{Articles: 40, Now: now, Progress: &progress})
	if err != nil || !strings.Contains(progress.String(), "40/40") {
		t.Fatalf("progress %q, %v", progress.String(), err)
	}
}

var benchArticles = flag.Int("demo.articles", 2000, "articles BenchmarkGenerate creates per run")

// BenchmarkGenerate reports the time per article and the size of the database. The large
// case: go test ./internal/demo -run '^$' -bench Generate -benchtime 1x -demo.articles 100000
func BenchmarkGenerate(b *testing.B) {
	n := *benchArticles
	var size int64
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		db := MustOpenIn(b, dir)
		b.StartTimer()
		if _, err := Generate(context.Background(), db, newEditorial(db), Options{Articles: n, Now: now}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close() // checkpoints the write-ahead log into the file
		if fi, err := os.Stat(filepath.Join(dir, sqlstore.SQLiteFile)); err == nil {
			size = fi.Size()
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/article")
	b.ReportMetric(float64(size)/1e6, "MB/db")
}
