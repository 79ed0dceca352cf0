package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
)

// testFlags are the flags of a command made up for these tests: "roneo redirects add".
type testFlags struct {
	data, to string
	demo     bool
	n        int
}

func (f *testFlags) flagSet(stderr io.Writer) *flag.FlagSet {
	fs := newFlagSet("redirects add", stderr)
	fs.StringVar(&f.data, "data", "roneo-data", "data directory")
	fs.StringVar(&f.to, "to", "", "destination")
	fs.BoolVar(&f.demo, "demo", false, "a boolean")
	fs.IntVar(&f.n, "n", 1, "a number")
	return fs
}

func TestParseArgs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		want  positionals
		args  []string
		flags testFlags
		pos   []string
	}{
		{"flags before", exactly("OLD", "NEW"), []string{"--data", "d", "/a", "/b"}, testFlags{data: "d", n: 1}, []string{"/a", "/b"}},
		{"flags after", exactly("OLD", "NEW"), []string{"/a", "/b", "--data", "d", "--n", "3"}, testFlags{data: "d", n: 3}, []string{"/a", "/b"}},
		{"flags between", exactly("OLD", "NEW"), []string{"/a", "--data", "d", "/b"}, testFlags{data: "d", n: 1}, []string{"/a", "/b"}},
		{"flags everywhere", atLeast(1, "PATH"), []string{"-n", "2", "x", "--to", "t", "y", "--data=d", "z"}, testFlags{data: "d", to: "t", n: 2}, []string{"x", "y", "z"}},
		{"--x=y", exactly("DIR"), []string{"--data=d", "--n=4", "dir"}, testFlags{data: "d", n: 4}, []string{"dir"}},
		{"-x y", exactly("DIR"), []string{"dir", "-data", "d"}, testFlags{data: "d", n: 1}, []string{"dir"}},
		{"a value that looks like a flag", exactly("DIR"), []string{"--to", "-x", "dir"}, testFlags{data: "roneo-data", to: "-x", n: 1}, []string{"dir"}},
		{"boolean before a positional", exactly("OLD", "NEW"), []string{"--demo", "/a", "/b"}, testFlags{data: "roneo-data", demo: true, n: 1}, []string{"/a", "/b"}},
		{"boolean with =false", exactly("DIR"), []string{"--demo=false", "dir"}, testFlags{data: "roneo-data", n: 1}, []string{"dir"}},
		{"-- ends flags", atLeast(1, "PATH"), []string{"--data", "d", "--", "-x", "--to", "t", "-"}, testFlags{data: "d", n: 1}, []string{"-x", "--to", "t", "-"}},
		{"-- first", exactly("DIR"), []string{"--", "--demo"}, testFlags{data: "roneo-data", n: 1}, []string{"--demo"}},
		{"-- as a flag's value", exactly("DIR"), []string{"--to", "--", "--demo", "--", "-dir-"}, testFlags{data: "roneo-data", to: "--", demo: true, n: 1}, []string{"-dir-"}},
		{"a second -- is a positional", atLeast(1, "PATH"), []string{"--", "--"}, testFlags{data: "roneo-data", n: 1}, []string{"--"}},
		{"- is a positional", exactly("FILE"), []string{"-", "--to", "t"}, testFlags{data: "roneo-data", to: "t", n: 1}, []string{"-"}},
		{"the last flag wins", noArgs(), []string{"--data", "a", "--data", "b"}, testFlags{data: "b", n: 1}, nil},
		{"optional left out", positionals{names: []string{"DIR"}, max: 1}, []string{"--demo"}, testFlags{data: "roneo-data", demo: true, n: 1}, nil},
		{"nothing", noArgs(), nil, testFlags{data: "roneo-data", n: 1}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var f testFlags
			var stderr bytes.Buffer
			pos, err := parseArgs(f.flagSet(&stderr), tc.args, tc.want)
			if err != nil {
				t.Fatalf("parseArgs(%q): %v\n%s", tc.args, err, stderr.String())
			}
			if f != tc.flags || !slices.Equal(pos, tc.pos) {
				t.Errorf("parseArgs(%q) = %q, flags %+v; want %q, flags %+v", tc.args, pos, f, tc.pos, tc.flags)
			}
			if stderr.Len() > 0 {
				t.Errorf("stderr: %q", stderr.String())
			}
		})
	}
}

func TestParseArgsMistakes(t *testing.T) {
	for _, tc := range []struct {
		want    positionals
		args    []string
		message string
	}{
		{noArgs(), []string{"stray"}, `unexpected argument "stray"`},
		{noArgs(), []string{"--data", "d", "stray", "--n", "2"}, `unexpected argument "stray"`},
		{noArgs(), []string{"--", "--demo"}, `unexpected argument "--demo"`},
		{noArgs(), []string{"-"}, `unexpected argument "-"`},
		{noArgs(), []string{"--demo", "false"}, `unexpected argument "false"`}, // a boolean takes no separate value
		{exactly("OLD", "NEW"), nil, "redirects add needs OLD and NEW"},
		{exactly("OLD", "NEW"), []string{"/a", "--data", "d"}, "redirects add needs OLD and NEW"},
		{exactly("OLD", "NEW"), []string{"/a", "/b", "/c"}, `unexpected argument "/c"`},
		{exactly("DIR"), []string{"--demo"}, "redirects add needs DIR"},
		{exactly("A", "B", "C"), []string{"a"}, "redirects add needs A, B and C"},
		{atLeast(1, "PATH"), []string{"--data", "d"}, "redirects add needs at least one PATH"},
		{atLeast(2, "PATH"), []string{"p"}, "redirects add needs at least 2 PATH arguments"},
		{positionals{names: []string{"DIR"}, max: 1}, []string{"a", "b"}, `unexpected argument "b"`},
		{exactly("DIR"), []string{"dir", "--nope"}, "flag provided but not defined: -nope"},
		{exactly("DIR"), []string{"dir", "--nope", "value"}, "flag provided but not defined: -nope"},
		{exactly("DIR"), []string{"dir", "--data"}, "flag needs an argument: -data"},
		{exactly("DIR"), []string{"--n", "many", "dir"}, `invalid value "many" for flag -n`},
		{exactly("DIR"), []string{"---n", "dir"}, "bad flag syntax: ---n"},
	} {
		var f testFlags
		var stderr bytes.Buffer
		_, err := parseArgs(f.flagSet(&stderr), tc.args, tc.want)
		if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), tc.message) {
			t.Errorf("parseArgs(%q, %s) = %v, want a usage error with %q", tc.args, tc.want.usage(), err, tc.message)
		}
		if !strings.HasPrefix(stderr.String(), "Usage: roneo redirects add [flags]") {
			t.Errorf("parseArgs(%q) printed %q, want the usage", tc.args, stderr.String())
		}
		if strings.Contains(stderr.String(), tc.message) {
			t.Errorf("parseArgs(%q) printed the message, which is main's to report:\n%s", tc.args, stderr.String())
		}
	}
}

func TestParseArgsEnvironment(t *testing.T) {
	t.Setenv("RONEO_DATA", "from-env")
	t.Setenv("RONEO_DEMO", "true")
	t.Setenv("RONEO_N", "7")
	for _, tc := range []struct {
		args  []string
		flags testFlags
	}{
		{[]string{"dir"}, testFlags{data: "from-env", demo: true, n: 7}},
		{[]string{"--data", "flag", "dir"}, testFlags{data: "flag", demo: true, n: 7}},
		{[]string{"dir", "--data=flag", "--demo=false", "-n", "2"}, testFlags{data: "flag", n: 2}},
		{[]string{"--", "dir"}, testFlags{data: "from-env", demo: true, n: 7}},
	} {
		var f testFlags
		if _, err := parseArgs(f.flagSet(io.Discard), tc.args, exactly("DIR")); err != nil {
			t.Fatal(err)
		}
		if f != tc.flags {
			t.Errorf("parseArgs(%q): flags %+v, want %+v: the environment fills what the command line does not set", tc.args, f, tc.flags)
		}
	}
	t.Setenv("RONEO_N", "many")
	var f testFlags
	_, err := parseArgs(f.flagSet(io.Discard), []string{"dir"}, exactly("DIR"))
	if err == nil || !strings.Contains(err.Error(), `RONEO_N="many"`) {
		t.Errorf("a bad environment value: %v", err)
	}
	if _, err := parseArgs(f.flagSet(io.Discard), []string{"dir", "--n", "3"}, exactly("DIR")); err != nil {
		t.Errorf("a bad environment value the command line overrides: %v", err)
	}
}

func TestParseArgsHelp(t *testing.T) {
	for _, help := range []string{"-h", "--help", "-help"} {
		var f testFlags
		var stderr bytes.Buffer
		_, err := parseArgs(f.flagSet(&stderr), []string{"/a", help}, exactly("OLD", "NEW"))
		if err != errHelp {
			t.Errorf("%s: err = %v, want errHelp (nothing to report after the usage, and no mistake)", help, err)
		}
		for _, want := range []string{"Usage: roneo redirects add [flags] OLD NEW\n", "  --data  (RONEO_DATA)\n", `(default "roneo-data")`} {
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("%s: usage lacks %q:\n%s", help, want, stderr.String())
			}
		}
	}
	var stderr bytes.Buffer
	if _, err := parseArgs(newFlagSet("version", &stderr), []string{"-h"}, noArgs()); err != errHelp || stderr.String() != "Usage: roneo version\n" {
		t.Errorf("a command without flags: %v, usage %q", err, stderr.String())
	}
}

func TestPositionalsUsage(t *testing.T) {
	for _, tc := range []struct {
		want positionals
		line string
	}{
		{noArgs(), ""},
		{exactly("DIR"), "DIR"},
		{exactly("OLD", "NEW"), "OLD NEW"},
		{atLeast(1, "PATH"), "PATH..."},
		{atLeast(0, "PATH"), "[PATH...]"},
		{positionals{names: []string{"DIR"}, max: 1}, "[DIR]"},
		{positionals{names: []string{"SRC", "DST"}, min: 1, max: 2}, "SRC [DST]"},
	} {
		if got := tc.want.usage(); got != tc.line {
			t.Errorf("%+v: usage %q, want %q", tc.want, got, tc.line)
		}
	}
}

// TestEveryCommandRefusesStrayArgument guards against a typo being silently ignored: a
// command that takes no positional argument refuses one, before its flags or after
// them, before touching any data.
func TestEveryCommandRefusesStrayArgument(t *testing.T) {
	dir := t.TempDir()
	for _, cmd := range [][]string{
		{"serve", "--data", dir}, {"demo", "--data", dir},
		{"copy", "--from", "sqlite:" + dir, "--to", "sqlite:" + t.TempDir()},
		{"backup", "--data", dir, "--to", dir + "/b.tar.gz"}, {"restore", "--data", dir, "--from", dir + "/b.tar.gz"},
		{"user", "setup-link", "--data", dir}, {"user", "reset-link", "--email", "a@example.org", "--data", dir},
		{"search", "reindex", "--data", dir}, {"search", "stats", "--data", dir},
		{"search", "query", "--q", "x", "--data", dir}, {"version"},
		{"redirects", "add", "/a", "/b", "--data", dir}, {"redirects", "gone", "/a", "--data", dir},
		{"redirects", "remove", "/a", "--data", dir}, {"redirects", "import", "r.csv", "--data", dir},
		{"redirects", "list", "text", "--data", dir},
	} {
		verb := slices.IndexFunc(cmd, func(a string) bool { return strings.HasPrefix(a, "-") })
		if verb < 0 {
			verb = len(cmd)
		}
		for _, args := range [][]string{
			slices.Concat(cmd[:verb], []string{"stray"}, cmd[verb:]),
			slices.Concat(cmd, []string{"stray"}),
		} {
			var stdout bytes.Buffer
			err := run(context.Background(), args, &stdout, io.Discard)
			if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), `unexpected argument "stray"`) {
				t.Errorf("roneo %s: %v, want unexpected argument", strings.Join(args, " "), err)
			}
			if stdout.Len() > 0 {
				t.Errorf("roneo %s wrote %q", strings.Join(args, " "), stdout.String())
			}
		}
	}
	if entries, err := os.ReadDir(dir); err != nil || len(entries) > 0 {
		t.Errorf("the data directory was touched: %v %v", entries, err)
	}
}
