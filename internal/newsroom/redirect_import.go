package newsroom

import (
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
)

// redirectsUpload bounds the request that brings a CSV file of redirects: room for a
// hundred thousand lines, more than the old sites this one replaces have. A larger
// request is refused whole (413) and nothing of it is written.
const redirectsUpload = 5 << 20

// importRedirects adds the redirects of a CSV file, "old,new" a line, all or none: a
// line the core refuses leaves everything as it was and is named on the form.
func (s *Server) importRedirects(w http.ResponseWriter, r *request) error {
	if err := r.ParseMultipartForm(redirectsUpload); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return &httpError{Status: http.StatusRequestEntityTooLarge, Key: "413file", Err: err}
		}
		return badRequest(err)
	}
	defer r.MultipartForm.RemoveAll()
	file, _, err := r.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) {
		return s.redirectsAgain(w, r, fieldErrors{"file": r.T("nr.redirects.problem.nofile")}, editorial.RedirectLine{})
	}
	if err != nil {
		return badRequest(err)
	}
	defer file.Close()
	lines, err := editorial.ReadRedirectsCSV(file)
	if err != nil {
		if !errors.Is(err, content.ErrInvalid) {
			return err
		}
		return s.redirectsAgain(w, r, fieldErrors{"file": unreadableCSV(r, err)}, editorial.RedirectLine{})
	}
	if len(lines) == 0 {
		return s.redirectsAgain(w, r, fieldErrors{"file": r.T("nr.redirects.problem.empty")}, editorial.RedirectLine{})
	}
	n, err := s.cfg.Editorial.AddRedirects(r.Context(), editorial.Person(r.user), lines)
	if err == nil {
		seeOther(w, r, prefix+"redirects?done=redirectsimported&n="+strconv.Itoa(n))
		return nil
	}
	msg, ok := fileProblem(r, err, lines)
	if !ok {
		return err
	}
	return s.redirectsAgain(w, r, fieldErrors{"file": msg}, editorial.RedirectLine{})
}

// fileProblem explains why the core refused a file's redirects: the first line it
// refuses, as it reads them in order, and what is wrong with it.
func fileProblem(r *request, err error, lines []editorial.RedirectLine) (string, bool) {
	if !errors.Is(err, content.ErrInvalid) {
		return "", false
	}
	for _, l := range lines {
		if p := lineProblem(l); p != "" {
			typed := l.To
			if p == badFrom {
				typed = l.From
			}
			return r.T(addressProblems[p].line, l.Line, shortAddress(typed)), true
		}
	}
	return problemText(r, err.Error()), true
}

// shortAddress keeps an address quoted in a message to a readable length.
func shortAddress(s string) string {
	s = strings.TrimSpace(s)
	if t := truncate(s, 100); t != s {
		return t + "…"
	}
	return s
}

// csvLine finds the line number in the CSV reader's message, which the core passes on
// as text ("parse error on line 3, column 7: …", "line 3: 3 fields").
var csvLine = regexp.MustCompile(`\bline (\d+)\b`)

// unreadableCSV says which line of a file is not CSV, when the reader says.
func unreadableCSV(r *request, err error) string {
	if m := csvLine.FindStringSubmatch(err.Error()); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil {
			return r.T("nr.redirects.problem.csvline", n)
		}
	}
	return r.T("nr.redirects.problem.csv")
}
