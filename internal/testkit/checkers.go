package testkit

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// The third-party checkers `make test` installs (scripts/install-test-deps.sh): Debian's
// python3-feedparser and python3-pyld, xmllint, exiftool, and the JSON Feed schema under
// $RONEO_VALIDATORS. Each finder stops the test through Missing when its checker is not
// there.

// SystemPython is Debian's interpreter, which Debian's Python packages are installed for
// (a python3 earlier on PATH, from pyenv say, does not see them).
const SystemPython = "/usr/bin/python3"

// Python returns the interpreter that imports every one of modules.
func Python(tb testing.TB, modules ...string) string {
	tb.Helper()
	for _, m := range modules {
		if err := exec.Command(SystemPython, "-c", "import "+m).Run(); err != nil {
			Missing(tb, "%s cannot import %s (%v): `make deps` installs Debian's python3-%s", SystemPython, m, err, m)
		}
	}
	return SystemPython
}

// Validator returns the path of a checker script the test command copied into
// $RONEO_VALIDATORS (jsonfeed-check.mjs, feedparser-check.py, sitemap-check.sh…), after
// checking that the node modules it needs are there too.
func Validator(tb testing.TB, script string, nodeModules ...string) string {
	tb.Helper()
	dir := os.Getenv("RONEO_VALIDATORS")
	if dir == "" {
		Missing(tb, "RONEO_VALIDATORS is not set: `make test` installs the validators and sets it")
	}
	for _, f := range append([]string{script}, prefixed("node_modules/", nodeModules)...) {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			Missing(tb, "%s is not installed in %s (%v): `make validators` installs it", f, dir, err)
		}
	}
	return filepath.Join(dir, script)
}

// SitemapSchemas is the directory of the sitemaps.org XSDs in the shared fixtures, next
// to the repository, once xmllint is known to be installed.
func SitemapSchemas(tb testing.TB) string {
	tb.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		Missing(tb, "xmllint is not installed: `make deps` installs Debian's libxml2-utils")
	}
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "fixtures", "schemas", "sitemaps")
	if _, err := os.Stat(filepath.Join(dir, "sitemap.xsd")); err != nil {
		Missing(tb, "the sitemaps.org schemas are not in %s (%v)", dir, err)
	}
	return dir
}

// Exiftool returns the path of exiftool, which reads every kind of metadata an image
// can carry (EXIF, GPS, IPTC, XMP, ICC, maker notes, PNG and WebP chunks): the tests'
// witness that a cleaned photo keeps none.
func Exiftool(tb testing.TB) string {
	tb.Helper()
	path, err := exec.LookPath("exiftool")
	if err != nil {
		Missing(tb, "exiftool is not installed: `make deps` installs Debian's libimage-exiftool-perl")
	}
	return path
}

func prefixed(prefix string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}
