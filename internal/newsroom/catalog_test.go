package newsroom

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/web"
)

// usedKeys scans the newsroom's templates and Go files for the interface strings they
// ask for, plus the keys built at run time.
func usedKeys(t *testing.T) map[string]bool {
	used := map[string]bool{}
	re := regexp.MustCompile(`"(nr\.[a-z0-9_.]+[a-z0-9]|nr\.problem\.[^"]+)"`)
	done := regexp.MustCompile(`done=([a-z0-9]+)|withDone\(.+, "([a-z0-9]+)"\)`)
	scan := func(text string) {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			used[m[1]] = true
		}
		for _, m := range done.FindAllStringSubmatch(text, -1) {
			used["nr.done."+m[1]+m[2]] = true
		}
	}
	fs.WalkDir(web.FS, "templates/newsroom", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(web.FS, p)
			scan(string(data))
		}
		return nil
	})
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			data, _ := os.ReadFile(f)
			scan(string(data))
		}
	}
	for _, k := range content.Kinds {
		used["nr.kind."+string(k)] = true
	}
	// Ops redirect with ?done=<op>; the domain's validation messages are translated.
	for _, o := range []op{opSave, opSubmit, opPublish, opSchedule, opUnpublish, opArchive} {
		used["nr.done."+o.done] = true
	}
	for _, msg := range []string{"required", "too long", "not valid UTF-8", "unknown kind",
		"a publication time is required", "only press releases carry press contacts",
		"use lower-case letters, digits and single hyphens", "not a language tag", "not an e-mail address",
		"too short: at least 12 characters", "too common: attackers try it first", "reserved", "taken", "future", "gone",
		"too many addresses", "between 0 and 100", "control characters"} {
		used["nr.problem."+msg] = true
	}
	for _, role := range auth.Roles {
		used["nr.role."+string(role)] = true
	}
	for _, f := range auditFamilies {
		used["nr.audit.family."+f] = true
	}
	for _, k := range []string{"nr.mail.invite", "nr.mail.reset"} {
		used[k+".subject"], used[k+".body"] = true, true
		delete(used, k)
	}
	// Counts choose between a singular and a plural (Printer.N).
	for _, k := range []string{"nr.redirects.total", "nr.redirects.imported", "nr.photos.total", "nr.photos.uses",
		"nr.photo.hiddenuses", "nr.album.noalt", "nr.album.count", "nr.editor.album"} {
		used[k+".one"], used[k+".other"] = true, true
		delete(used, k)
	}
	for _, role := range []content.PhotoRole{content.PhotoFeatured, content.PhotoInAlbum, content.PhotoInBody} {
		used["nr.photo.role."+string(role)] = true
	}
	for _, s := range content.Statuses {
		used["nr.status."+string(s)] = true
	}
	for _, code := range []string{"400", "403", "404", "409", "413", "413file", "500", "503", "csrf", "enrol", "trashed", "notembargoed", "nomedia"} {
		used["nr.error."+code+".title"], used["nr.error."+code+".message"] = true, true
	}
	for _, k := range []string{"nr.error.400", "nr.error.403", "nr.error.404", "nr.error.409", "nr.error.413",
		"nr.error.500", "nr.error.503", "nr.error.csrf", "nr.error.enrol", "nr.error.trashed", "nr.error.notembargoed", "nr.error.nomedia",
		"nr.setup.done", "nr.link.expired"} {
		delete(used, k)
	}
	if len(used) < 100 {
		t.Fatalf("found only %d keys: the scan is broken", len(used))
	}
	return used
}

// Every string the newsroom asks for exists in French, Dutch and English, and nothing
// unused lingers in the catalogs.
func TestNewsroomCatalogsAreComplete(t *testing.T) {
	used := usedKeys(t)
	for _, lang := range []string{"en", "fr", "nl"} {
		data, err := fs.ReadFile(web.FS, "i18n/newsroom/"+lang+".json")
		if err != nil {
			t.Fatal(err)
		}
		cat := map[string]string{}
		if err := json.Unmarshal(data, &cat); err != nil {
			t.Fatal(err)
		}
		for k := range used {
			if _, ok := cat[k]; !ok {
				t.Errorf("%s.json lacks %q", lang, k)
			}
		}
		for k, v := range cat {
			if !strings.HasPrefix(k, "nr.") {
				t.Errorf("%s.json: %q is not under nr.", lang, k)
			}
			if lang == "fr" && regexp.MustCompile(`[^\x{202F}\s][:;!?](\s|$)| [:;!?]`).MatchString(v) && !strings.Contains(v, "://") {
				t.Errorf("fr.json %q: high punctuation needs a narrow no-break space before it: %q", k, v)
			}
		}
	}
}
