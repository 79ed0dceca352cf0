package newsroom

import (
	"strconv"
	"strings"
)

// Revisions and conflicts are compared line by line with a longest-common-subsequence
// diff of our own, after trimming the lines both texts share at the start and the end.
// Articles are Markdown with a paragraph per line and edits are local, so what is left
// in the middle is small; when it is not (over maxDiffCells), the middle is shown as
// removed and added whole — coarse but correct, and bounded in memory. A dependency
// (sergi/go-diff) would add character-level diffs that a newsroom does not need.
const (
	maxDiffCells = 4_000_000 // 16 MB of int32 at most
	diffContext  = 2         // unchanged lines shown around each change
)

// diffLine is a line of a diff: "same", "add", "del", or "gap" for unchanged lines left out.
type diffLine struct {
	Kind string
	Text string
}

// lineDiff returns how to go from a to b, with unchanged stretches shortened.
func lineDiff(a, b string) []diffLine {
	x, y := splitLines(a), splitLines(b)
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	var out []diffLine
	for _, l := range x[:pre] {
		out = append(out, diffLine{"same", l})
	}
	out = append(out, middleDiff(x[pre:len(x)-suf], y[pre:len(y)-suf])...)
	for _, l := range x[len(x)-suf:] {
		out = append(out, diffLine{"same", l})
	}
	return shorten(out)
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// middleDiff is the LCS diff of what differs.
func middleDiff(x, y []string) []diffLine {
	var out []diffLine
	if len(x)*len(y) > maxDiffCells {
		for _, l := range x {
			out = append(out, diffLine{"del", l})
		}
		for _, l := range y {
			out = append(out, diffLine{"add", l})
		}
		return out
	}
	// lcs[i][j] is the length of the LCS of x[i:] and y[j:].
	w := len(y) + 1
	lcs := make([]int32, (len(x)+1)*w)
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			out = append(out, diffLine{"same", x[i]})
			i, j = i+1, j+1
		case i < len(x) && (j == len(y) || lcs[(i+1)*w+j] >= lcs[i*w+j+1]):
			out = append(out, diffLine{"del", x[i]}) // removals before additions, as people read a change
			i++
		default:
			out = append(out, diffLine{"add", y[j]})
			j++
		}
	}
	return out
}

// shorten keeps diffContext unchanged lines around each change and replaces the rest
// of each unchanged stretch by one "gap" line saying how many were left out.
func shorten(lines []diffLine) []diffLine {
	var out []diffLine
	for i := 0; i < len(lines); {
		if lines[i].Kind != "same" {
			out = append(out, lines[i])
			i++
			continue
		}
		j := i
		for j < len(lines) && lines[j].Kind == "same" {
			j++
		}
		head, tail := diffContext, diffContext
		if i == 0 {
			head = 0 // nothing changed before this stretch
		}
		if j == len(lines) {
			tail = 0
		}
		if n := j - i; n <= head+tail+1 {
			out = append(out, lines[i:j]...)
		} else {
			out = append(out, lines[i:i+head]...)
			out = append(out, diffLine{"gap", strconv.Itoa(n - head - tail)})
			out = append(out, lines[j-tail:j]...)
		}
		i = j
	}
	return out
}

// changed reports whether a diff holds any change.
func changed(d []diffLine) bool {
	for _, l := range d {
		if l.Kind == "add" || l.Kind == "del" {
			return true
		}
	}
	return false
}
