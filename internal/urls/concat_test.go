package urls_test

import (
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/urls"
)

// Hand-built public paths. Only string literals of Go code are read (comments are
// not), and a literal is flagged when it:
//   - is "/" followed by `+ string(`: a language spliced into a path;
//   - starts with a language of the site's three, "/fr/" or "/nl" (handBuiltLang);
//   - starts with "/" and a word of the scheme in any of the three languages, then "/",
//     "?" or its end: "/article/", "/rubriek", "/preview/", "/print", "/media/",
//     "/page/" (schemeWords, from the scheme's own table, so that new kinds are
//     watched without editing this test).
//
// The newsroom's own paths start with "/newsroom/" and pass; so do route patterns
// ("GET /static/{file}"), which start with their method.
var handBuiltLang = regexp.MustCompile(`^/(fr|nl|en)(/|$)`)

// schemeWords matches a literal that starts with a word of the scheme.
func schemeWords(s *urls.Scheme) *regexp.Regexp {
	var words []string
	for _, k := range urls.Kinds() {
		for _, lang := range []content.Lang{"fr", "nl", "en"} {
			if w := s.Word(lang, k); w != "" && !slices.Contains(words, w) {
				words = append(words, regexp.QuoteMeta(w))
			}
		}
	}
	words = append(words, "page")
	return regexp.MustCompile(`^/(` + strings.Join(words, "|") + `)(/|\?|$)`)
}

// TestNoPublicPathConcatenation: one address scheme builds every public path; nothing
// else spells one. Test files, the bench and test-support packages (mediatest,
// storetest: tests in all but their file names) are not read.
func TestNoPublicPathConcatenation(t *testing.T) {
	words := schemeWords(urls.New())
	for _, root := range []string{"../../internal", "../../cmd"} {
		err := filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case d.IsDir() && (d.Name() == "urls" || d.Name() == "bench" || strings.HasSuffix(d.Name(), "test")):
				return filepath.SkipDir
			case d.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go"):
				return nil
			}
			for _, hit := range handBuilt(t, name, words) {
				t.Errorf("%s builds a public path by hand: %s", hit.pos, hit.why)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

type hit struct {
	pos token.Position
	why string
}

// handBuilt scans one file's tokens for the literals described above.
func handBuilt(t *testing.T, name string, words *regexp.Regexp) []hit {
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var sc scanner.Scanner
	sc.Init(fset.AddFile(filepath.ToSlash(strings.TrimPrefix(name, "../../")), -1, len(src)), src, nil, 0)
	var toks []string // every token so far, as kind and text
	var at []token.Pos
	var hits []hit
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		toks, at = append(toks, tok.String()+lit), append(at, pos)
		if n := len(toks); n >= 4 && strings.Join(toks[n-4:], " ") == `STRING"/" + IDENTstring (` {
			hits = append(hits, hit{fset.Position(at[n-4]), `"/" + string(`})
		}
		if tok != token.STRING {
			continue
		}
		v, err := strconv.Unquote(lit)
		if err == nil && (handBuiltLang.MatchString(v) || words.MatchString(v)) {
			hits = append(hits, hit{fset.Position(pos), strconv.Quote(v)})
		}
	}
	return hits
}
