package search

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/snowballstem"
)

// frenchWordList is Debian's list of French word forms (package wfrench), which
// TestAccentsOnFrenchWordList measures the accent handling on when it is installed.
const frenchWordList = "/usr/share/dict/french"

// TestAccentsOnFrenchWordList measures, over every form of a French dictionary, how
// often a word typed without its accents misses the term its accented form is
// indexed as ("misses"), and how often such a word also matches the stem of another
// family of words, whose forms fold otherwise ("extra"). It skips without the list.
func TestAccentsOnFrenchWordList(t *testing.T) {
	if testing.Short() {
		t.Skip("stems a dictionary")
	}
	words := readWordList(t, frenchWordList)
	env := snowballstem.NewEnv("")
	indexed := map[string]string{}    // word → its term
	families := map[string][]string{} // term → the words indexed as it
	byPlain := map[string][]string{}  // folded word → the words that fold to it
	for _, w := range words {
		term := frenchStems.term(env, w)
		indexed[w] = term
		families[term] = append(families[term], w)
		plain := fold(spellLigatures(w))
		byPlain[plain] = append(byPlain[plain], w)
	}
	accented, before, misses, extra := 0, 0, 0, 0
	var missed []string
	for plain, ws := range byPlain {
		forms := frenchStems.forms(env, plain, plain)
		for _, w := range ws {
			if w == plain {
				continue
			}
			accented++
			if t := indexed[w]; frenchStems.term(env, plain) != t && !strings.HasPrefix(t, plain) {
				before++ // neither the term of the unaccented word nor the plain prefix
			}
			if !slices.Contains(forms, indexed[w]) {
				misses++
				missed = append(missed, w)
			}
		}
		for _, f := range forms[1:] {
			if fam, ok := families[f]; ok && !slices.ContainsFunc(fam, func(w string) bool { return fold(spellLigatures(w)) == plain }) {
				extra++
			}
		}
	}
	slices.Sort(missed)
	t.Logf("%d forms, %d with accents: typed without them, %d missed their term before, %d miss it now (%v…); "+
		"%d of %d unaccented spellings also match another family's term",
		len(words), accented, before, misses, missed[:min(12, len(missed))], extra, len(byPlain))
	if misses*500 > accented {
		t.Errorf("%d of %d accented forms are missed when typed without accents; want under 0.2 %%", misses, accented)
	}
	if extra*50 > len(byPlain) {
		t.Errorf("%d of %d spellings match another family; want under 2 %%", extra, len(byPlain))
	}
}

// readWordList reads a word list, lowercase, leaving out compounds and elisions; it
// skips the test when the list is not installed.
func readWordList(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no word list: %v (Debian's wfrench installs it)", err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := strings.ToLower(sc.Text()); w != "" && !strings.ContainsAny(w, "- '’") {
			words = append(words, w)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return words
}
