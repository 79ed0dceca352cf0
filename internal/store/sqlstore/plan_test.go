package sqlstore_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/demo"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/store/sqlstore"
	"github.com/roneo/roneo/web"
)

// TestPublicPagesUseTheirIndexes crawls a demo site with planner statistics, as
// "roneo demo" and "roneo serve" leave it, and asks SQLite how it runs every query the
// public pages made. None may read the whole articles table, nor walk the newsroom's
// indexes (by status, by author), whose order is not the public one: either costs a
// page on 100,000 articles a tenth of a second instead of a millisecond.
func TestPublicPagesUseTheirIndexes(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a demo site")
	}
	ctx := context.Background()
	db, err := sqlstore.OpenSQLite(ctx, t.TempDir(), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := time.Now()
	ed := editorial.New(db, editorial.Config{Renderer: render.New(), Clock: func() time.Time { return now }})
	if _, err := demo.Generate(ctx, db, ed, demo.Options{Articles: 1500, Seed: 7, Now: now}); err != nil {
		t.Fatal(err)
	}
	if err := db.Analyze(ctx); err != nil {
		t.Fatal(err)
	}

	type call struct {
		query string
		args  []any
		page  string
	}
	var (
		mu    sync.Mutex
		calls = map[string]call{}
		page  string
	)
	sqlstore.ObserveQueries(db, func(q string, args []any) {
		mu.Lock()
		defer mu.Unlock()
		if _, seen := calls[q]; !seen {
			calls[q] = call{q, slices.Clone(args), page}
		}
	})
	base, _ := url.Parse("https://news.example.org")
	s, err := site.New(ctx, db, site.Config{BaseURL: base, Theme: web.FS, Clock: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)

	// Every kind of page is a few links from a home page; a few of each are enough.
	href := regexp.MustCompile(`href="(/[^"#]*)"`)
	queue := []string{"/fr/", "/nl/", "/en/", "/fr/recherche?q=budget", "/nl/zoeken?q=begroting", "/en/search?q=budget"}
	visited := map[string]bool{}
	shapes := map[string]int{}
	for len(queue) > 0 && len(visited) < 400 {
		p := queue[0]
		queue = queue[1:]
		if visited[p] {
			continue
		}
		visited[p] = true
		mu.Lock()
		page = p
		mu.Unlock()
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code >= 500 {
			t.Fatalf("GET %s: %d", p, rec.Code)
		}
		if !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			continue
		}
		for _, m := range href.FindAllStringSubmatch(rec.Body.String(), -1) {
			link := strings.ReplaceAll(m[1], "&amp;", "&")
			if strings.HasPrefix(link, "/static/") || strings.HasPrefix(link, "/media/") || visited[link] {
				continue
			}
			shape := regexp.MustCompile(`[^/?=&]+`).ReplaceAllStringFunc(link, func(s string) string {
				if len(s) > 12 || strings.ContainsAny(s, "0123456789") {
					return "*"
				}
				return s
			})
			if shapes[shape] >= 3 {
				continue
			}
			shapes[shape]++
			queue = append(queue, link)
		}
	}
	t.Logf("%d pages, %d distinct queries", len(visited), len(calls))
	if len(calls) < 10 {
		t.Fatalf("the crawl made only %d queries: the observer or the crawl is broken", len(calls))
	}

	fullScan := regexp.MustCompile(`^SCAN (a|articles)$`)
	for _, c := range calls {
		rows, err := sqlstore.ExplainQueryPlan(ctx, db, c.query, c.args)
		if err != nil {
			t.Errorf("explain (%s): %v\n%s", c.page, err, c.query)
			continue
		}
		if os.Getenv("RONEO_SHOW_PLANS") != "" {
			t.Logf("%s\n%s\n  %s", c.page, c.query, strings.Join(rows, "\n  "))
		}
		for _, detail := range rows {
			if fullScan.MatchString(detail) || strings.Contains(detail, "articles_newsroom") {
				t.Errorf("a query of %s runs as %q:\n%s\n%s", c.page, detail, c.query, strings.Join(rows, "\n"))
			}
		}
	}
}
