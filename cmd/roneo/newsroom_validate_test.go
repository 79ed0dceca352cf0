package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/auth"
)

// newsroomClient signs in over HTTP and keeps the session cookie.
func newsroomClient(t *testing.T, base, email string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.PostForm(base+"/newsroom/signin", url.Values{"email": {email}, "password": {newsroomPassword}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/newsroom/articles" {
		t.Fatalf("signing in ended at %s", resp.Request.URL)
	}
	return c
}

func fetch(t *testing.T, c *http.Client, u string) (int, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// newsroomPagesToValidate saves the newsroom's pages, in French and Dutch, into out for
// TestValidators, and returns the files; the newsroom keeps running until the test ends,
// for the stylesheet they load.
func newsroomPagesToValidate(t *testing.T, out string) []string {
	t.Helper()
	m, _ := startServe(t, "60", "--demo-pictures", "1")
	newsroomUser(t, m, auth.RoleAdmin, "fr@example.org", "fr", "")
	nl := newsroomUser(t, m, auth.RoleAdmin, "nl@example.org", "nl", "")
	anon := &http.Client{}
	var files []string
	save := func(name, body string) {
		// Files load the stylesheet from the server, so that axe judges the real contrast.
		body = strings.ReplaceAll(body, `="/newsroom/static/`, `="`+m.URL()+`/newsroom/static/`)
		file := filepath.Join(out, "newsroom-"+name+".html")
		os.WriteFile(file, []byte(body), 0o644)
		files = append(files, file)
	}
	for _, path := range []string{"/newsroom/signin", "/newsroom/forgot", "/newsroom/nowhere"} {
		_, body := fetch(t, anon, m.URL()+path)
		save("anon"+strings.ReplaceAll(path, "/", "-"), body)
	}
	for _, lang := range []string{"fr", "nl"} {
		c := newsroomClient(t, m.URL(), lang+"@example.org")
		_, list := fetch(t, c, m.URL()+"/newsroom/articles")
		article := regexp.MustCompile(`href="(/newsroom/articles/\d+)"`).FindStringSubmatch(list)
		if article == nil {
			t.Fatal("no article in the list")
		}
		_, library := fetch(t, c, m.URL()+"/newsroom/photos")
		photo := regexp.MustCompile(`href="(/newsroom/photos/\d+)"`).FindStringSubmatch(library)
		if photo == nil {
			t.Fatal("no photo in the library")
		}
		for _, path := range []string{"/newsroom/articles", "/newsroom/articles/new", article[1], article[1] + "/revisions",
			"/newsroom/trash", "/newsroom/account", "/newsroom/account/2fa", "/newsroom/users", "/newsroom/users/new",
			"/newsroom/users/" + idString(nl.ID), "/newsroom/settings", "/newsroom/audit", "/newsroom/sections",
			"/newsroom/sections/new", "/newsroom/tags", "/newsroom/dossiers", "/newsroom/dossiers/new", "/newsroom/people",
			"/newsroom/people/new", "/newsroom/redirects", "/newsroom/jobs", "/newsroom/photos", "/newsroom/photos/upload",
			photo[1], article[1] + "/album"} {
			status, body := fetch(t, c, m.URL()+path)
			if status != http.StatusOK {
				t.Fatalf("%s: %d", path, status)
			}
			save(lang+strings.ReplaceAll(path, "/", "-"), body)
		}
	}
	return files
}

func idString(id int64) string { return strconv.FormatInt(id, 10) }
