package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/testkit"
)

// validators returns the directory where the test command installed the Nu HTML Checker
// and axe-core. Without them (plain `go test`, or no shared tools when installing) the
// test is skipped and the skip reported, or fails in CI: see testkit.Missing.
func validators(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("RONEO_VALIDATORS")
	if dir == "" {
		testkit.Missing(t, "RONEO_VALIDATORS is not set: `make test` installs the validators and sets it")
	}
	for _, tool := range []string{"vnu-check.sh", "axe-check.mjs", "node_modules/vnu-jar/build/dist/vnu.jar", "node_modules/axe-core", "node_modules/playwright-core"} {
		if _, err := os.Stat(filepath.Join(dir, tool)); err != nil {
			testkit.Missing(t, "the validators are not installed in %s (%v): `make validators` installs them from ../shared/tools/validators", dir, err)
		}
	}
	return dir
}

// samplePages finds a home, article, section, tag and dossier page, and a photo report
// with its gallery and a photo's page, in each language.
func samplePages(t *testing.T, base string) map[string]string {
	pages := map[string]string{}
	first := func(body, pattern string) string {
		m := regexp.MustCompile(pattern).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no link matching %s", pattern)
		}
		return m[1]
	}
	for _, lang := range []string{"fr", "nl"} {
		_, home := httpGet(t, base+"/"+lang+"/")
		pages[lang+"-home"] = "/" + lang + "/"
		pages[lang+"-article"] = first(home, `class="teaser-title"><a href="(/`+lang+`/[a-z]+/[^"]+)"`)
		pages[lang+"-section"] = first(home, `<li><a href="(/`+lang+`/(?:rubrique|rubriek)/[^"]+)"`)
		pages[lang+"-dossier"] = first(home, `<h3 id="dossier-\d+"><a href="([^"]+)"`)
		_, article := httpGet(t, base+pages[lang+"-article"])
		pages[lang+"-tag"] = first(article, `<a href="([^"]+)" rel="tag"`)
		// A photo report: its article with a picture and the start of its gallery, the
		// gallery, and a photo's page.
		search := map[string]string{"fr": "/fr/recherche/", "nl": "/nl/zoeken/"}[lang]
		_, reports := httpGet(t, base+search+"?kind=photo_report")
		report := first(reports, `href="(/`+lang+`/(?:article|artikel)/[^"/]+)"`)
		words := map[string][2]string{"fr": {"photos", "photo"}, "nl": {"fotos", "foto"}}[lang]
		pages[lang+"-photo-report"] = report
		pages[lang+"-album"] = report + "/" + words[0]
		pages[lang+"-album-photo"] = report + "/" + words[1] + "/2"
	}
	pages["nl-press"] = "/nl/persberichten/"
	pages["fr-search"] = "/fr/recherche/?q=gr%C3%A8ves&section=&kind=&lang=&from=&to="
	pages["nl-search"] = "/nl/zoeken/?q=stakingen&lang=all"
	pages["en-search-empty"] = "/en/search/"
	return pages
}

// The pages readers see and the newsroom's pass the Nu HTML Checker with no errors and
// axe-core with no violations, in French and Dutch. Each validator runs once over all
// of them: starting its engine (a Java VM, a browser) costs more than a page.
func TestValidators(t *testing.T) {
	dir := validators(t)
	t.Parallel() // most of its time is the validators', in processes of their own
	out := t.TempDir()
	files, targets := sitePagesToValidate(t, out)
	newsroomFiles := newsroomPagesToValidate(t, out)
	files, targets = append(files, newsroomFiles...), append(targets, newsroomFiles...)
	// The two run side by side: each waits on its own engine part of the time.
	var vnuOut, axeOut bytes.Buffer
	vnu := exec.Command(filepath.Join(dir, "vnu-check.sh"), files...)
	vnu.Stdout, vnu.Stderr = &vnuOut, &vnuOut
	axe := exec.Command("node", append([]string{filepath.Join(dir, "axe-check.mjs")}, targets...)...)
	axe.Stdout, axe.Stderr = &axeOut, &axeOut
	vnuRun, axeRun := testkit.Start(t, vnu), testkit.Start(t, axe)
	if err := vnuRun.Wait(); err != nil {
		t.Errorf("Nu HTML Checker: %v\n%s", err, vnuOut.Bytes())
	}
	if err := axeRun.Wait(); err != nil {
		t.Errorf("axe-core: %v\n%s", err, axeOut.Bytes())
	}
	if n := strings.Count(axeOut.String(), "0 violation rule(s)"); n != len(targets) {
		t.Logf("axe-core:\n%s", axeOut.Bytes())
	}
}

// sitePagesToValidate saves the public pages into out for the Nu HTML Checker and
// returns the files, and their addresses on a running site for axe-core.
func sitePagesToValidate(t *testing.T, out string) (files, urls []string) {
	t.Helper()
	m := startDemo(t, "200", "--demo-pictures", "2")
	for name, path := range samplePages(t, m.URL()) {
		status, body := httpGet(t, m.URL()+path)
		if status != 200 {
			t.Fatalf("%s %s: %d", name, path, status)
		}
		file := filepath.Join(out, name+".html")
		os.WriteFile(file, []byte(body), 0o644)
		files = append(files, file)
		urls = append(urls, m.URL()+path)
	}
	return files, urls
}
