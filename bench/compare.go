package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// onceTolerance is how much worse a figure measured once (demo time, memory, a copy) or
// over a single round may be in the tree than in the reference before the report
// warns: such a figure has no spread between rounds to judge its noise by.
const onceTolerance = 0.10

// change is one figure before and after: the reference and the tree, or the section
// last recorded in RESULTS.md and this run.
type change struct {
	Before, After figure
	Ratio         float64 // After / Before; 0 when either is n/a or Before is 0
	// Allowed is how much worse After may be than Before, in the figure's unit,
	// before it counts as worse: the spread between rounds, or a share of Before.
	Allowed  float64
	BySpread bool
	Worse    bool
}

// compareRef sets each of the tree's figures beside the reference's. A figure with
// rounds on both sides may be worse by the wider of their spreads (min–max) before it
// is flagged: that much, the rounds of one binary already differ by.
func compareRef(ref, tree []figure) []change {
	var changes []change
	for _, t := range tree {
		if t.Shared {
			continue
		}
		c := change{Before: findFigure(ref, t), After: t}
		if c.Before.NA == "" && t.NA == "" {
			if c.Before.Rounds > 1 && t.Rounds > 1 {
				c.Allowed, c.BySpread = max(c.Before.Max-c.Before.Min, t.Max-t.Min), true
			} else {
				c.Allowed = onceTolerance * math.Abs(c.Before.Value)
			}
			c.judge()
		}
		changes = append(changes, c)
	}
	return changes
}

// compareRecorded sets this run's figures beside those recorded; a figure is flagged
// when it is worse by more than tolerance (a fraction) of the recorded value.
func compareRecorded(recorded, now []figure, tolerance float64) []change {
	var changes []change
	for _, n := range now {
		if n.Shared {
			continue
		}
		i := slices.IndexFunc(recorded, func(f figure) bool { return f.Name == n.Name })
		if i < 0 {
			continue // a figure the recorded run did not measure
		}
		c := change{Before: recorded[i], After: n}
		if c.Before.NA == "" && n.NA == "" {
			c.Allowed = tolerance * math.Abs(c.Before.Value)
			c.judge()
		}
		changes = append(changes, c)
	}
	return changes
}

func (c *change) judge() {
	b, a := c.Before.Value, c.After.Value
	if b != 0 {
		c.Ratio = a / b
	}
	if c.After.Higher {
		c.Worse = a < b-c.Allowed
	} else {
		c.Worse = a > b+c.Allowed
	}
}

// findFigure is the figure of the same name in fs, or one saying it was not measured.
func findFigure(fs []figure, like figure) figure {
	if i := slices.IndexFunc(fs, func(f figure) bool { return f.Name == like.Name }); i >= 0 {
		return fs[i]
	}
	return figure{Name: like.Name, Unit: like.Unit, Higher: like.Higher, NA: "not measured"}
}

// printBeforeAfter sets the reference's figures beside the tree's, measured in the same
// run, and warns of each figure that got worse beyond the noise.
func printBeforeAfter(out io.Writer, tree *results) {
	ref := tree.Ref
	if ref == nil {
		return
	}
	refName := "ref " + refLabel(tree.Settings.Ref, ref.Commit)
	fmt.Fprintf(out, "\nBefore and after, measured in the same run: %s and this tree (%s)\n", refName, tree.Commit)
	changes := compareRef(ref.figures(), tree.figures())
	rows := [][]string{{"figure", refName, "this tree", "tree/ref", "noise allowed"}}
	for _, c := range changes {
		rows = append(rows, []string{c.After.Name, c.Before.format(), c.After.format(), ratioText(c), allowedText(c)})
	}
	printTable(out, rows)
	printPages(out, tree, ref)
	if n, all := disturbedRuns(tree); n > 0 {
		fmt.Fprintf(out, "note: other processes were busy during %d of the %d runs (see the WARNINGs above): differences may be the machine's, not the binaries'\n", n, all)
	}
	printNotAvailable(out, refName, ref)
	printNotAvailable(out, "this tree", tree)
	for _, c := range changes {
		if c.Worse {
			noise := fmt.Sprintf("the spread between rounds (%s)", formatValue(c.Allowed, c.After.Unit))
			if !c.BySpread {
				noise = fmt.Sprintf("%.0f %%, the allowance for a figure measured once", 100*onceTolerance)
			}
			fmt.Fprintf(out, "WARNING: %s is worse in this tree than in %s: %s against %s (×%.2f), by more than %s\n",
				c.After.Name, refName, formatValue(c.After.Value, c.After.Unit), formatValue(c.Before.Value, c.Before.Unit), c.Ratio, noise)
		}
	}
}

func ratioText(c change) string {
	if c.Ratio == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f", c.Ratio)
}

func allowedText(c change) string {
	switch {
	case c.Before.NA != "" || c.After.NA != "":
		return ""
	case c.BySpread:
		return "± " + formatValue(c.Allowed, c.After.Unit) + " (rounds)"
	}
	return fmt.Sprintf("± %.0f %% (one value)", 100*onceTolerance)
}

// printTable writes rows in columns: the first left-aligned, the others right-aligned
// except the last, a note.
func printTable(out io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			switch {
			case i == 0:
				b.WriteString(cell + pad)
			case i == len(row)-1:
				b.WriteString("  " + cell)
			default:
				b.WriteString("  " + pad + cell)
			}
		}
		fmt.Fprintln(out, strings.TrimRight(b.String(), " "))
	}
}

// printPages notes when the two binaries' pages differ in size: nginx serves the
// tree's, so each cached/nginx is then taken against a ceiling of another size.
func printPages(out io.Writer, tree, ref *results) {
	if tree.Page != nil && ref.Page != nil && tree.Page.Bytes != ref.Page.Bytes {
		fmt.Fprintf(out, "note: the reference's page is %d bytes and the tree's %d; nginx serves the tree's\n", ref.Page.Bytes, tree.Page.Bytes)
	}
}

// printNotAvailable lists the scenarios a binary could not run, by reason.
func printNotAvailable(out io.Writer, who string, r *results) {
	byReason := map[string][]string{}
	for n, why := range r.NotAvailable {
		byReason[why] = append(byReason[why], n)
	}
	var reasons []string
	for why, names := range byReason {
		sort.Strings(names)
		reasons = append(reasons, why)
	}
	sort.Strings(reasons)
	for _, why := range reasons {
		fmt.Fprintf(out, "n/a for %s: %s: %s\n", who, strings.Join(byReason[why], ","), why)
	}
}

// disturbedRuns counts the measured runs, both binaries' and nginx's, during which
// other processes took more than busyOtherCores.
func disturbedRuns(r *results) (disturbed, all int) {
	for _, run := range allRuns(r) {
		all++
		if run.CPU.OtherCores > busyOtherCores {
			disturbed++
		}
	}
	return disturbed, all
}
