package main

import (
	"context"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
)

// aTitleWord returns a word of the newest article's title at loc, to search for.
func aTitleWord(t *testing.T, loc string) string {
	t.Helper()
	db, err := openLocation(context.Background(), loc)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	items, err := db.NewsroomArticles(context.Background(), store.ArticleQuery{Limit: 1})
	if err != nil || len(items) == 0 {
		t.Fatalf("no article at %s: %v", loc, err)
	}
	for _, w := range strings.FieldsFunc(items[0].Title, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') }) {
		if len(w) >= 5 {
			return w
		}
	}
	t.Fatalf("no word of five letters in %q", items[0].Title)
	return ""
}

func TestSearchReindexStatsQuery(t *testing.T) {
	t.Parallel()
	dir := demoDir(t, "40")
	for _, loc := range []struct{ name, flag, value string }{
		{"sqlite", "--data", dir},
		{"postgres", "--database", ""},
	} {
		t.Run(loc.name, func(t *testing.T) {
			if loc.name == "postgres" {
				loc.value = pgtest.URL(t)
				mustRun(t, "copy", "--from", "sqlite:"+dir, "--to", loc.value, "--to-media", t.TempDir())
			}
			out := mustRun(t, "search", "reindex", loc.flag, loc.value)
			if !strings.Contains(out, "Indexed 40 articles and documents in ") || !regexp.MustCompile(`The index holds 40 articles and 0 other documents and takes [0-9.]+ (kB|MB)\.`).MatchString(out) {
				t.Errorf("reindex output:\n%s", out)
			}
			if out := mustRun(t, "search", "stats", loc.flag, loc.value); !strings.HasPrefix(out, "The index holds 40 articles") {
				t.Errorf("stats output:\n%s", out)
			}
			word := aTitleWord(t, map[string]string{"--data": "sqlite:" + dir, "--database": loc.value}[loc.flag])
			out = mustRun(t, "search", "query", loc.flag, loc.value, "--q", word, "--staff", "--repeat", "5")
			if !regexp.MustCompile(`(?m)^[1-9][0-9]* articles match "`+word+`"\.\n  1\. `).MatchString(out) ||
				!regexp.MustCompile(`Searched 5 times: median [0-9.]+ ms, 95th percentile [0-9.]+ ms, slowest [0-9.]+ ms\.`).MatchString(out) {
				t.Errorf("query output:\n%s", out)
			}
			// Filters without words list newest first.
			out = mustRun(t, "search", "query", loc.flag, loc.value, "--lang", "fr", "--limit", "3")
			if !regexp.MustCompile(`(?m)^[1-9][0-9]* articles match the filters\.\n  1\.   0\.000 `).MatchString(out) {
				t.Errorf("listing output:\n%s", out)
			}
			out = mustRun(t, "search", "query", loc.flag, loc.value, "--q", `" -- '; DROP TABLE articles`, "--lang", "nl")
			if !strings.HasPrefix(out, "0 articles match") || !strings.Contains(out, "Searched in ") {
				t.Errorf("query output for nonsense:\n%s", out)
			}
		})
	}
}

func TestSearchUsage(t *testing.T) {
	for _, args := range [][]string{
		{"search"}, {"search", "rebuild"}, {"search", "query", "--data", t.TempDir()},
		{"search", "query", "--data", t.TempDir(), "--q", "x", "--repeat", "0"}, {"search", "reindex", "stray"},
	} {
		if err := run(context.Background(), args, io.Discard, io.Discard); !errors.Is(err, errUsage) {
			t.Errorf("roneo %s: %v, want a usage error", strings.Join(args, " "), err)
		}
	}
}
