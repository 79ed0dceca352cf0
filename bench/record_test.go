package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var recordSettings = [][2]string{
	{settingSite, "2000 demo articles"}, {settingConnections, "32"}, {settingThreads, "2"},
	{settingDuration, "3s"}, {settingRounds, "3"},
}

func sampleFigures() []figure {
	return []figure{
		{Name: "demo time", Unit: "s", Value: 1.19},
		{Name: "cached/nginx", Unit: "%", Higher: true, Value: 69.6, Rounds: 3, Min: 65.2, Max: 71},
		{Name: "cached throughput", Unit: "req/s", Higher: true, Value: 37976, Rounds: 3, Min: 36000, Max: 38100},
		{Name: "uncached p99", Unit: "ms", Value: 45.69, Rounds: 3, Min: 40.1, Max: 47},
		{Name: "search reindex, sqlite", Unit: "s", NA: "roneo: unknown command \"search\"\nusage: …"},
	}
}

func TestRenderSectionReadsBack(t *testing.T) {
	info := recordInfo{
		Date: time.Date(2026, 12, 14, 10, 32, 0, 0, time.UTC), Commit: "a42d2aa-dirty", Ref: "HEAD~3 (fe48df4)",
		Command: "go run ./bench -articles 2000 -ref HEAD~3", Machine: "AMD EPYC, 2 cores", Note: "A quick check.",
		Settings: recordSettings,
	}
	text := renderSection(info, sampleFigures(), sampleFigures()[:2])
	for _, want := range []string{
		"## 2026-12-14 10:32 UTC — a42d2aa-dirty\n\nA quick check.\n",
		"- command: `go run ./bench -articles 2000 -ref HEAD~3`\n",
		"- reference: HEAD~3 (fe48df4), measured in the same run\n",
		"- machine: AMD EPYC, 2 cores\n",
		"```figures\nsite: 2000 demo articles\nconnections: 32\n",
		"cached throughput: 37976 req/s (36000–38100)\n",
		"search reindex, sqlite: n/a (roneo: unknown command \"search\")\n",
		"```figures ref HEAD~3 (fe48df4)\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("section lacks %q:\n%s", want, text)
		}
	}
	sections := parseResults(resultsPreamble + "\n" + text)
	if len(sections) != 1 {
		t.Fatalf("%d sections read back, want 1:\n%s", len(sections), text)
	}
	s := sections[0]
	if s.Heading != "2026-12-14 10:32 UTC — a42d2aa-dirty" || s.Settings[settingSite] != "2000 demo articles" || s.Settings[settingRounds] != "3" {
		t.Errorf("heading %q, settings %v", s.Heading, s.Settings)
	}
	if len(s.Figures) != 5 || len(s.Ref) != 2 {
		t.Fatalf("%d figures and %d of the reference, want 5 and 2: %+v", len(s.Figures), len(s.Ref), s)
	}
	if f := s.Figures[2]; f.Name != "cached throughput" || f.Value != 37976 || f.Unit != "req/s" || f.Min != 36000 || f.Max != 38100 {
		t.Errorf("read back %+v", f)
	}
	if f := s.Figures[3]; f.Value != 45.69 || f.Unit != "ms" {
		t.Errorf("read back %+v", f)
	}
	if f := s.Figures[4]; f.NA == "" {
		t.Errorf("an n/a figure read back as a value: %+v", f)
	}
}

func TestParseResultsSkipsProse(t *testing.T) {
	text := resultsPreamble + `
## A heading without figures

Some words.

` + "```" + `
site: not a figures block
` + "```" + `

## 2026-12-01 09:00 UTC — 1111111

` + "```figures\nsite: 100000 demo articles\nconnections: 32\nthreads: 2\nuncached p99: 8.100 ms (7.900–9.000)\n```\n"
	sections := parseResults(text)
	if len(sections) != 1 || sections[0].Heading != "2026-12-01 09:00 UTC — 1111111" {
		t.Fatalf("sections %+v", sections)
	}
	if f := sections[0].Figures; len(f) != 1 || f[0].Value != 8.1 {
		t.Errorf("figures %+v", f)
	}
}

func TestLastComparable(t *testing.T) {
	mk := func(heading, site, conns string) section {
		return section{Heading: heading, Settings: map[string]string{settingSite: site, settingConnections: conns, settingThreads: "2", settingRounds: "1"},
			Figures: []figure{{Name: "demo time", Value: 1}}}
	}
	sections := []section{
		mk("full 1", "100000 demo articles", "32"),
		mk("quick", "2000 demo articles", "32"),
		mk("full 2", "100000 demo articles", "32"),
		mk("one connection", "100000 demo articles", "1"),
	}
	full := [][2]string{{settingSite, "100000 demo articles"}, {settingConnections, "32"}, {settingThreads, "2"}, {settingRounds, "3"}}
	demo := []figure{{Name: "demo time", Value: 2}}
	if got := lastComparable(sections, full, demo); got == nil || got.Heading != "full 2" {
		t.Errorf("last comparable = %+v, want full 2 (rounds may differ, connections may not)", got)
	}
	other := [][2]string{{settingSite, "500 demo articles"}, {settingConnections, "32"}, {settingThreads, "2"}}
	if got := lastComparable(sections, other, demo); got != nil {
		t.Errorf("a run at another size compared with %q", got.Heading)
	}
	sections = append(sections, section{Heading: "purges only", Settings: sections[2].Settings,
		Figures: []figure{{Name: "hitrate home", Value: 99}}})
	if got := lastComparable(sections, full, demo); got == nil || got.Heading != "full 2" {
		t.Errorf("last comparable = %+v, want full 2: the last section measured other scenarios", got)
	}
}

func TestPrintSinceRecorded(t *testing.T) {
	recorded := parseResults(renderSection(recordInfo{Date: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), Commit: "1111111", Settings: recordSettings}, sampleFigures(), nil))
	now := sampleFigures()
	now[2].Value = 30000 // throughput 21 % lower: within 25 %
	now[3].Value = 60    // p99 31 % higher: beyond
	now[0].Value = 0.5   // better
	var out strings.Builder
	printSinceRecorded(&out, recorded, recordSettings, now, 25)
	got := out.String()
	for _, want := range []string{
		"Since 2026-12-01 09:00 UTC — 1111111 in bench/RESULTS.md",
		"WARNING: uncached p99 regressed since 2026-12-01 09:00 UTC — 1111111: 60.000 ms against 45.690 ms recorded (×1.31), beyond the tolerance of 25 %",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("comparison lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "WARNING"); n != 1 {
		t.Errorf("%d warnings, want 1:\n%s", n, got)
	}
	out.Reset()
	printSinceRecorded(&out, nil, recordSettings, now, 25)
	if !strings.Contains(out.String(), "holds no run of 2000 demo articles") {
		t.Errorf("without a comparable section: %s", out.String())
	}
}

func TestAppendSection(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "bench"), 0o755); err != nil {
		t.Fatal(err)
	}
	first := renderSection(recordInfo{Date: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), Commit: "1111111", Settings: recordSettings}, sampleFigures(), nil)
	second := renderSection(recordInfo{Date: time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC), Commit: "2222222", Settings: recordSettings}, sampleFigures(), nil)
	for _, s := range []string{first, second} {
		if err := appendSection(root, s); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(filepath.Join(root, resultsFile))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !strings.HasPrefix(text, "# Benchmark results\n") || strings.Contains(text, "\n\n\n") || !strings.HasSuffix(text, "```\n") {
		t.Errorf("RESULTS.md:\n%s", text)
	}
	sections, err := readResults(root)
	if err != nil || len(sections) != 2 || !strings.HasSuffix(sections[1].Heading, "2222222") {
		t.Errorf("read back %d sections, %v", len(sections), err)
	}
	if s, err := readResults(t.TempDir()); err != nil || s != nil {
		t.Errorf("no RESULTS.md: %v, %v", s, err)
	}
}

func TestCommandLine(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-articles", "2000", "-ref", "HEAD~3", "-record", "after the cache's rewrite", "-only", "demo,cached"},
			"go run ./bench -articles 2000 -ref HEAD~3 -only demo,cached"},
		{[]string{"--record=a note", "-ref", "v1.0 rc"}, "go run ./bench -ref 'v1.0 rc'"},
		{[]string{"-postgres", "postgres://u@h/db?sslmode=disable&x=1"}, "go run ./bench -postgres 'postgres://u@h/db?sslmode=disable&x=1'"},
		{[]string{"-only", "it's"}, `go run ./bench -only 'it'\''s'`},
	} {
		if got := commandLine(c.args); got != c.want {
			t.Errorf("commandLine(%q) = %s\nwant %s", c.args, got, c.want)
		}
	}
}

func TestParseFlagsRecord(t *testing.T) {
	cfg, err := parseFlags([]string{"-record", "", "-only", "demo"}, nil)
	if err != nil || !cfg.Record || cfg.RecordNote != "" || cfg.Tolerance != defaultTolerance {
		t.Errorf("-record \"\": %+v, %v", cfg, err)
	}
	if cfg, _ := parseFlags([]string{"-only", "demo"}, nil); cfg.Record {
		t.Error("recorded without -record")
	}
	if _, err := parseFlags([]string{"-tolerance", "0", "-only", "demo"}, nil); err == nil {
		t.Error("-tolerance 0 gave no error")
	}
}

func TestMachineSummary(t *testing.T) {
	model := parseCPUModel("processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\nprocessor\t: 1\nmodel name\t: AMD EPYC 7B13\n")
	m := machineInfo{CPUModel: model, CPUs: 2, OS: "linux", Arch: "amd64", Kernel: "6.1.0-28", GoVersion: "go1.26.8"}
	if got, want := m.summary(), "AMD EPYC 7B13, 2 cores (linux/amd64, kernel 6.1.0-28, go1.26.8)"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}
