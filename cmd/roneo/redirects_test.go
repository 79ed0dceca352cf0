package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
)

// noFollow is a client that reports redirects instead of following them.
var noFollow = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// answer requests url and returns its status and Location.
func answer(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := noFollow.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location")
}

func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if err := run(context.Background(), args, &out, &errOut); err != nil {
		t.Fatalf("roneo %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
	}
	return out.String()
}

// TestRedirectsCommand adds, imports, lists and removes redirects from the command line
// into the data of a running site, which answers them at once.
func TestRedirectsCommand(t *testing.T) {
	t.Parallel()
	m := startDemo(t, "100")
	data := m.Config.Data.Dir
	ctx := context.Background()
	// An article readers see, and one they do not.
	published, err := m.store.Articles(ctx, store.ListQuery{Audience: store.Readers, Lang: "fr", Limit: 1})
	if err != nil || len(published) == 0 {
		t.Fatalf("no published article: %v", err)
	}
	target := m.scheme.Path(articleAt(published[0]))
	drafts, err := m.store.NewsroomArticles(ctx, store.ArticleQuery{Statuses: []content.Status{content.StatusDraft}, Limit: 1})
	if err != nil || len(drafts) == 0 {
		t.Fatalf("no draft: %v", err)
	}
	hidden := m.scheme.Path(articleAt(drafts[0].Teaser))

	runOK(t, "redirects", "add", "https://old.example.org/?p=123", target, "--data", data)
	runOK(t, "redirects", "add", "--data", data, "/2019/05/greve/", target)
	runOK(t, "redirects", "gone", "/campagne-2019", "--data", data)
	runOK(t, "redirects", "add", "/brouillon", hidden, "--data", data)
	csv := filepath.Join(t.TempDir(), "old.csv")
	os.WriteFile(csv, []byte("old,new\n# from the old site\n/?cat=4,/fr/\n/page-supprimee,\n"), 0o600)
	if out := runOK(t, "redirects", "import", csv, "--data", data); !strings.Contains(out, "Imported 2 redirects") {
		t.Errorf("import said %q", out)
	}

	for _, c := range []struct {
		path     string
		status   int
		location string
	}{
		{"/?p=123", http.StatusMovedPermanently, target},
		{"/?utm_source=mastodon&p=123", http.StatusMovedPermanently, target}, // a tracker does not hide it
		{"/?cat=4", http.StatusMovedPermanently, "/fr/"},
		{"/", http.StatusFound, "/fr/"}, // the root's own redirect comes after the old addresses
		{"/2019/05/greve/", http.StatusMovedPermanently, target},
		{"/2019/05/greve", http.StatusMovedPermanently, target}, // either spelling of the slash
		{"/campagne-2019", http.StatusGone, ""},
		{"/page-supprimee", http.StatusGone, ""},
		{"/brouillon", http.StatusNotFound, ""}, // leads to a draft: as if unknown
		{"/nothing-here", http.StatusNotFound, ""},
	} {
		status, location := answer(t, m.URL()+c.path)
		if status != c.status || location != c.location {
			t.Errorf("GET %s = %d %q, want %d %q", c.path, status, location, c.status, c.location)
		}
	}

	list := runOK(t, "redirects", "list", "--data", data)
	for _, want := range []string{"/?p=123", "/2019/05/greve/", "/campagne-2019", "(gone)", "/?cat=4"} {
		if !strings.Contains(list, want) {
			t.Errorf("list lacks %q:\n%s", want, list)
		}
	}
	// A filter that no generated slug can match: demo titles say "grève" often enough.
	if got := runOK(t, "redirects", "list", "/2019/05/", "--data", data); strings.Count(got, "\n") != 1 {
		t.Errorf("list /2019/05/:\n%s", got)
	}
	runOK(t, "redirects", "remove", "/campagne-2019", "--data", data)
	if status, _ := answer(t, m.URL()+"/campagne-2019"); status != http.StatusNotFound {
		t.Errorf("a removed redirect answers %d", status)
	}

	// Mistakes are told, and change nothing.
	for _, bad := range [][]string{
		{"redirects", "remove", "/never-added", "--data", data},
		{"redirects", "add", "relative/path", "/fr/", "--data", data},
		{"redirects", "add", "/x", "ftp://elsewhere", "--data", data},
		{"redirects", "add", "/x", "/x", "--data", data},
		{"redirects", "add", "/only-old", "--data", data},
		{"redirects", "frobnicate", "--data", data},
	} {
		if err := run(ctx, bad, io.Discard, io.Discard); err == nil {
			t.Errorf("roneo %s succeeded", strings.Join(bad, " "))
		}
	}
	broken := filepath.Join(t.TempDir(), "broken.csv")
	os.WriteFile(broken, []byte("/a,/fr/\n/b,/fr/,extra\n"), 0o600)
	err = run(ctx, []string{"redirects", "import", broken, "--data", data}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a broken file: %v", err)
	}
	if status, _ := answer(t, m.URL()+"/a"); status != http.StatusNotFound {
		t.Error("a failed import kept its first line")
	}
	var audit []store.AuditEntry
	if audit, err = m.store.AuditLog(ctx, store.AuditQuery{Action: "redirect.", Limit: 100}); err != nil {
		t.Fatal(err)
	}
	if len(audit) != 6 || audit[0].Actor != "command line" {
		t.Errorf("audit log: %+v", audit)
	}
	if !errors.Is(run(ctx, []string{"redirects"}, io.Discard, io.Discard), errUsage) {
		t.Error("roneo redirects without a command is not a usage error")
	}
}

// articleAt is the page of a teaser's article.
func articleAt(t content.Teaser) urls.Page {
	return urls.Page{Kind: urls.Article, Lang: t.Lang, Key: t.Slug}
}
