package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// RESULTS.md keeps the figures of the runs worth keeping, one section a run, committed
// with the code they measured. Each section has a fenced block of "name: value unit"
// lines that the benchmark reads back: every run compares its figures with those of the
// last section recorded for the same site and wrk settings.

// resultsFile is RESULTS.md's place in the repository.
var resultsFile = filepath.Join("bench", "RESULTS.md")

// defaultTolerance is how much worse than the recorded figure a figure may be before
// the comparison flags it, in percent: the noise of our two-core shared machines
// between runs taken at different times, where nginx alone has measured 27.8k and 45k
// req/s a minute apart.
const defaultTolerance = 25.0

// resultsPreamble starts a new RESULTS.md; it holds no "## " heading, which starts a
// section.
const resultsPreamble = `# Benchmark results

Each section below is one run of ` + "`go run ./bench -record \"note\"`" + ` (see README.md,
"RESULTS.md"): when it ran, the commit measured ("-dirty": with changes not committed),
the reference measured beside it with -ref, the command, the machine, and the figures in a
` + "`figures`" + ` block of ` + "`name: value unit (min–max of the rounds)`" + ` lines. The benchmark
reads these blocks back to compare every run with the last section of the same site size
and wrk settings. Add sections with -record; notes may be edited by hand, the blocks not.
`

// Settings recorded with the figures; the first three must match for two runs to be
// compared.
const (
	settingSite        = "site"
	settingConnections = "connections"
	settingThreads     = "threads"
	settingDuration    = "duration"
	settingRounds      = "rounds"
)

var comparableSettings = []string{settingSite, settingConnections, settingThreads}

// section is one recorded run.
type section struct {
	Heading  string // "2026-12-14 10:32 UTC — a42d2aa"
	Settings map[string]string
	Figures  []figure // the tree's
	Ref      []figure // the reference's, when the run had one
}

// recordInfo is what a section says about its run besides the figures.
type recordInfo struct {
	Date     time.Time
	Commit   string
	Ref      string // "HEAD~3 (fe48df4)", "" without -ref
	Command  string
	Machine  string
	Note     string
	Settings [][2]string // in the order written
}

// runSettings are the settings of a run as RESULTS.md records them.
func runSettings(s settings) [][2]string {
	site := fmt.Sprintf("%d demo articles", s.Articles)
	if s.DataDir != "" {
		site = "data from " + s.DataDir
	}
	return [][2]string{
		{settingSite, site},
		{settingConnections, strconv.Itoa(s.Connections)},
		{settingThreads, strconv.Itoa(s.Threads)},
		{settingDuration, s.Duration},
		{settingRounds, strconv.Itoa(s.Rounds)},
	}
}

// renderSection writes a run as a section of RESULTS.md.
func renderSection(info recordInfo, tree, ref []figure) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s — %s\n\n", info.Date.UTC().Format("2006-01-02 15:04 MST"), info.Commit)
	if note := strings.TrimSpace(info.Note); note != "" {
		b.WriteString(note + "\n\n")
	}
	fmt.Fprintf(&b, "- command: `%s`\n- tree: %s\n", info.Command, info.Commit)
	if info.Ref != "" {
		fmt.Fprintf(&b, "- reference: %s, measured in the same run\n", info.Ref)
	}
	fmt.Fprintf(&b, "- machine: %s\n\n", info.Machine)
	writeBlock(&b, "figures", info.Settings, tree)
	if info.Ref != "" {
		b.WriteString("\n")
		writeBlock(&b, "figures ref "+info.Ref, nil, ref)
	}
	return b.String()
}

func writeBlock(b *strings.Builder, info string, settings [][2]string, fs []figure) {
	b.WriteString("```" + info + "\n")
	for _, s := range settings {
		fmt.Fprintf(b, "%s: %s\n", s[0], s[1])
	}
	for _, f := range fs {
		if f.NA != "" {
			fmt.Fprintf(b, "%s: n/a (%s)\n", f.Name, firstLine(f.NA))
			continue
		}
		fmt.Fprintf(b, "%s: %s\n", f.Name, f.format())
	}
	b.WriteString("```\n")
}

// parseResults reads the sections of RESULTS.md that hold a figures block, in order.
func parseResults(text string) []section {
	var sections []section
	var cur *section
	var block *[]figure // the block being read, nil outside one
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\r\n")
		switch {
		case block == nil && strings.HasPrefix(line, "## "):
			sections = append(sections, section{Heading: strings.TrimSpace(line[3:]), Settings: map[string]string{}})
			cur = &sections[len(sections)-1]
		case cur != nil && block == nil && line == "```figures":
			block = &cur.Figures
		case cur != nil && block == nil && strings.HasPrefix(line, "```figures ref"):
			block = &cur.Ref
		case block != nil && strings.HasPrefix(line, "```"):
			block = nil
		case block != nil:
			name, value, ok := strings.Cut(line, ": ")
			if !ok {
				continue
			}
			if block == &cur.Figures && isSetting(name) {
				cur.Settings[name] = value
				continue
			}
			*block = append(*block, parseFigure(name, value))
		}
	}
	return slices.DeleteFunc(sections, func(s section) bool { return len(s.Figures) == 0 })
}

func isSetting(name string) bool {
	return slices.Contains([]string{settingSite, settingConnections, settingThreads, settingDuration, settingRounds}, name)
}

var figureValueRe = regexp.MustCompile(`^(-?[0-9.]+) (\S+)(?: \(([-0-9.]+)–([-0-9.]+)\))?`)

// parseFigure reads "37976 req/s (36000–38000)" or "n/a (why)".
func parseFigure(name, value string) figure {
	f := figure{Name: name}
	m := figureValueRe.FindStringSubmatch(value)
	if m == nil {
		f.NA = strings.TrimSpace(strings.TrimPrefix(value, "n/a"))
		if f.NA == "" {
			f.NA = "n/a"
		}
		return f
	}
	f.Value, _ = strconv.ParseFloat(m[1], 64)
	f.Unit = m[2]
	if m[3] != "" {
		f.Min, _ = strconv.ParseFloat(m[3], 64)
		f.Max, _ = strconv.ParseFloat(m[4], 64)
		f.Rounds = 2 // at least; the count is not recorded
	}
	return f
}

// lastComparable is the last section recorded with the same site and wrk connections
// and threads as settings, and with at least one of the figures now (a run of other
// scenarios has nothing to say about these); nil when there is none.
func lastComparable(sections []section, settings [][2]string, now []figure) *section {
	for i := len(sections) - 1; i >= 0; i-- {
		if comparable(sections[i], settings) && len(compareRecorded(sections[i].Figures, now, 0)) > 0 {
			return &sections[i]
		}
	}
	return nil
}

func comparable(s section, settings [][2]string) bool {
	for _, kv := range settings {
		if slices.Contains(comparableSettings, kv[0]) && s.Settings[kv[0]] != kv[1] {
			return false
		}
	}
	return true
}

// readResults reads RESULTS.md; a missing file has no sections.
func readResults(root string) ([]section, error) {
	b, err := os.ReadFile(filepath.Join(root, resultsFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return parseResults(string(b)), nil
}

// appendSection adds a section at the end of RESULTS.md, starting the file when it
// does not exist, with one blank line between sections.
func appendSection(root, text string) error {
	path := filepath.Join(root, resultsFile)
	old, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		old, err = []byte(resultsPreamble), nil
	}
	if err != nil {
		return err
	}
	return os.WriteFile(path, []byte(joinSections(string(old), text)), 0o644)
}

// joinSections puts text after old with exactly one blank line between them.
func joinSections(old, text string) string {
	return strings.TrimRight(old, "\n") + "\n\n" + strings.TrimRight(text, "\n") + "\n"
}

// printSinceRecorded compares this run's figures with the last comparable section of
// RESULTS.md and flags each figure worse by more than the tolerance.
func printSinceRecorded(out io.Writer, sections []section, settings [][2]string, now []figure, tolerancePercent float64) {
	last := lastComparable(sections, settings, now)
	if last == nil {
		fmt.Fprintf(out, "\n%s holds no run of %s with wrk -t%s -c%s", resultsFile,
			settingOf(settings, settingSite), settingOf(settings, settingThreads), settingOf(settings, settingConnections))
		if len(sections) > 0 {
			fmt.Fprintf(out, " (its last section, %s, measured %s)", sections[len(sections)-1].Heading, sections[len(sections)-1].Settings[settingSite])
		}
		fmt.Fprintln(out, " with figures of the same scenarios to compare with; -record adds this run.")
		return
	}
	fmt.Fprintf(out, "\nSince %s in %s (the last run of %s with these scenarios recorded there), tolerance %.0f %%:\n",
		last.Heading, resultsFile, settingOf(settings, settingSite), tolerancePercent)
	if last != &sections[len(sections)-1] {
		fmt.Fprintf(out, "(its last section, %s, measured other settings or scenarios)\n", sections[len(sections)-1].Heading)
	}
	changes := compareRecorded(last.Figures, now, tolerancePercent/100)
	rows := [][]string{{"figure", "recorded", "now", "now/recorded"}}
	for _, c := range changes {
		rows = append(rows, []string{c.After.Name, c.Before.format(), c.After.format(), ratioText(c)})
	}
	printTable(out, rows)
	for _, c := range changes {
		if c.Worse {
			fmt.Fprintf(out, "WARNING: %s regressed since %s: %s against %s recorded (×%.2f), beyond the tolerance of %.0f %%\n",
				c.After.Name, last.Heading, formatValue(c.After.Value, c.After.Unit), formatValue(c.Before.Value, c.Before.Unit), c.Ratio, tolerancePercent)
		}
	}
}

func settingOf(settings [][2]string, key string) string {
	for _, kv := range settings {
		if kv[0] == key {
			return kv[1]
		}
	}
	return ""
}
