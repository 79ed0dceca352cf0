package newsroom

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
)

// The domain's and the editorial core's problems about photos carry numbers and
// languages ("photo 3 of the album needs an alt text in nl before …"): each pattern
// below has a translation whose arguments are the parts it captures, a language code
// shown by its name.
var problemPatterns = []struct {
	re   *regexp.Regexp
	key  string
	lang int // the captured group that is a language code, from 1; 0: none
}{
	{regexp.MustCompile(`^needs an alt text in ([a-z-]+) before the article is published$`), "nr.problem.photo.alt", 1},
	{regexp.MustCompile(`^photo:([0-9]+) is no photo of the library$`), "nr.problem.body.nophoto", 0},
	{regexp.MustCompile(`^photo:([0-9]+) needs an alt text in ([a-z-]+) before the article is published$`), "nr.problem.body.alt", 2},
	{regexp.MustCompile(`^photo ([0-9]+) of the album needs an alt text in ([a-z-]+) before the article is published$`), "nr.problem.album.alt", 2},
	{regexp.MustCompile(`^photo ([0-9]+) needs an alt text in ([a-z-]+) before the article can show it$`), "nr.problem.album.alt", 2},
	{regexp.MustCompile(`^needed: “(.+)” shows this photo$`), "nr.problem.alt.needed", 0},
	{regexp.MustCompile(`^at most ([0-9]+) characters$`), "nr.problem.atmost", 0},
	{regexp.MustCompile(`^at most ([0-9]+) photos$`), "nr.problem.album.toolong", 0},
}

// albumItemProblem is a problem of one photo of an album: "photo 3: at most 1000
// characters", whose second part is a problem of its own.
var albumItemProblem = regexp.MustCompile(`^photo ([0-9]+): (.+)$`)

// patternProblem translates a problem that matches one of the patterns.
func patternProblem(r *request, msg string) (string, bool) {
	for _, p := range problemPatterns {
		m := p.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, part := range m[1:] {
			args[i] = part
			if i+1 == p.lang {
				args[i] = langName(content.Lang(part))
			}
		}
		return r.T(p.key, args...), true
	}
	if m := albumItemProblem.FindStringSubmatch(msg); m != nil {
		return r.T("nr.problem.album.item", m[1], problemText(r, m[2])), true
	}
	return "", false
}

// sizeText writes a number of bytes for people: "40 MB", "40 Mo", "1,5 MB".
func sizeText(r *request, n int64) string {
	switch {
	case n >= 1<<20:
		return r.T("nr.unit.mb", decimal(r, float64(n)/(1<<20)))
	case n >= 1<<10:
		return r.T("nr.unit.kb", decimal(r, float64(n)/(1<<10)))
	}
	return r.T("nr.unit.bytes", strconv.FormatInt(n, 10))
}

// millions writes a number of pixels in millions: "50", "0,2".
func millions(r *request, n int64) string { return decimal(r, float64(n)/1e6) }

// decimal writes f with at most one decimal, in the person's language's notation.
func decimal(r *request, f float64) string {
	s := strings.TrimSuffix(strconv.FormatFloat(f, 'f', 1, 64), ".0")
	if r.p.Lang().Base() != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
