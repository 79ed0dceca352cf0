package site_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/web"
)

// Every interface string the templates and handlers ask for exists in every catalog:
// a missing one would show its key to readers.
func TestEveryUsedKeyIsTranslated(t *testing.T) {
	b, err := i18n.Load(web.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	patterns := []*regexp.Regexp{
		regexp.MustCompile(`\.T "([a-z0-9_.]+)"`),
		regexp.MustCompile(`\.T\("([a-z0-9_.]+[a-z0-9])"`),
	}
	// A plural is a key with a form for one and one for the others.
	plural := regexp.MustCompile(`\.N "([a-z0-9_.]+)"`)
	scan := func(text string) {
		for _, re := range patterns {
			for _, m := range re.FindAllStringSubmatch(text, -1) {
				used[m[1]] = true
			}
		}
		for _, m := range plural.FindAllStringSubmatch(text, -1) {
			used[m[1]+".one"], used[m[1]+".other"] = true, true
		}
	}
	fs.WalkDir(web.FS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(web.FS, p)
			scan(string(data))
		}
		return nil
	})
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		scan(string(data))
	}
	// Keys built at run time.
	for _, k := range []string{"kind.press_release", "kind.photo_report", "article.contacts.one", "article.contacts.other"} {
		used[k] = true
	}
	for _, code := range []string{"400", "403", "404", "410", "500", "503"} {
		used["error."+code+".title"], used["error."+code+".message"] = true, true
	}
	if len(used) < 40 {
		t.Fatalf("found only %d keys: the scan is broken", len(used))
	}
	for _, lang := range b.Langs() {
		have := map[string]bool{}
		for _, k := range b.Keys(lang) {
			have[k] = true
		}
		for k := range used {
			if !have[k] && k != "article.contacts" {
				t.Errorf("%s.json lacks %q", lang, k)
			}
		}
	}
}
