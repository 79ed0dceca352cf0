package site_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/testkit"
)

// TestPhotoPagesValidate: the pages that show photos (an article with its photo and its
// album, the album's grid and a photo's page, in French and in Dutch) pass the Nu HTML
// Checker with no errors and axe-core with no violations. The demo's pages are checked
// in cmd/roneo; these have photos whatever the demo holds.
func TestPhotoPagesValidate(t *testing.T) {
	vnu := testkit.Validator(t, "vnu-check.sh", "vnu-jar")
	axe := testkit.Validator(t, "axe-check.mjs", "axe-core", "playwright-core")
	t.Parallel()
	f := newFixture(t, 0)
	f.addPhotos(t)
	srv := httptest.NewServer(f.site)
	defer srv.Close()
	dir := t.TempDir()
	var files, targets []string
	for _, path := range []string{
		"/fr/", "/fr/article/greve-generale", "/fr/article/communique-ambassade",
		"/fr/article/communique-ambassade/photos", "/fr/article/communique-ambassade/photo/1",
		"/fr/article/communique-ambassade/photo/3", "/nl/artikel/algemene-staking/fotos", "/nl/artikel/algemene-staking/foto/2",
	} {
		p := f.get(t, path).wantStatus(t, http.StatusOK)
		file := filepath.Join(dir, strings.Trim(strings.ReplaceAll(path, "/", "-"), "-")+".html")
		if err := os.WriteFile(file, []byte(p.body), 0o644); err != nil {
			t.Fatal(err)
		}
		files, targets = append(files, file), append(targets, srv.URL+path)
	}
	var vnuOut, axeOut bytes.Buffer
	vc := exec.Command(vnu, files...)
	vc.Stdout, vc.Stderr = &vnuOut, &vnuOut
	ac := exec.Command("node", append([]string{axe}, targets...)...)
	ac.Stdout, ac.Stderr = &axeOut, &axeOut
	vr, ar := testkit.Start(t, vc), testkit.Start(t, ac)
	if err := vr.Wait(); err != nil {
		t.Errorf("Nu HTML Checker: %v\n%s", err, vnuOut.Bytes())
	}
	if err := ar.Wait(); err != nil {
		t.Errorf("axe-core: %v\n%s", err, axeOut.Bytes())
	}
}
