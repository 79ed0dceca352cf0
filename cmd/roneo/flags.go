package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// newFlagSet makes the flag set of "roneo NAME". parseArgs reads it: its flags default to
// RONEO_* environment variables, so that a service manager or a container can configure
// everything without arguments.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("roneo "+name, flag.ContinueOnError)
	fs.SetOutput(stderr) // where parseArgs prints the usage
	return fs
}

// envName is the environment variable for a flag: base-url → RONEO_BASE_URL.
func envName(flagName string) string {
	return "RONEO_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// parseArgs reads a command's arguments: flags before, between or after the positional
// arguments want describes, "--" ending the flags, a lone "-" being a positional
// argument (standard input or output). Flags not given take their RONEO_* environment
// variable. It returns the positional arguments, as many as want allows. -h prints the
// usage and returns errHelp; a mistake prints the usage too and returns errUsage with a
// message, which main reports.
func parseArgs(fs *flag.FlagSet, args []string, want positionals) ([]string, error) {
	stderr := fs.Output()
	fs.Usage = func() { printUsage(stderr, fs, want) }
	flags, positional := splitArgs(fs, args)
	fs.SetOutput(io.Discard) // its messages come back as errors, which main reports after the usage
	err := fs.Parse(flags)
	fs.SetOutput(stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, errHelp
		}
		return nil, fmt.Errorf("%w: %w", errUsage, err)
	}
	if err := want.check(strings.TrimPrefix(fs.Name(), "roneo "), positional); err != nil {
		fs.Usage()
		return nil, err
	}
	return positional, applyEnv(fs)
}

// splitArgs separates the flags, with their values, from the positional arguments. It
// reads each flag as the flag package does — one that is not boolean and has no
// "=value" takes the next argument as its value — so that fs.Parse reads all of flags.
// Parsing in rounds, restarting after each positional argument, cannot tell a "--" that
// ends the flags from a "--" that is a flag's value (--q --); reading left to right can.
func splitArgs(fs *flag.FlagSet, args []string) (flags, positional []string) {
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--":
			return flags, append(positional, args[i+1:]...)
		case a == "-" || !strings.HasPrefix(a, "-"):
			positional = append(positional, a)
		default:
			flags = append(flags, a)
			if takesValue(fs, a) && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		}
	}
	return flags, positional
}

// takesValue reports whether arg is a known flag that takes the next argument as its
// value: not boolean, and without "=value". An unknown flag takes nothing; fs.Parse
// refuses it.
func takesValue(fs *flag.FlagSet, arg string) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-")
	if strings.Contains(name, "=") {
		return false
	}
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

// applyEnv sets the flags not given on the command line from their environment
// variables. Command-line flags win.
func applyEnv(fs *flag.FlagSet) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		v, ok := os.LookupEnv(envName(f.Name))
		if ok && !given[f.Name] && err == nil {
			if serr := f.Value.Set(v); serr != nil {
				err = fmt.Errorf("%s=%q: %w", envName(f.Name), v, serr)
			}
		}
	})
	return err
}

func printUsage(w io.Writer, fs *flag.FlagSet, want positionals) {
	line := []string{"Usage:", fs.Name()}
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		line = append(line, "[flags]")
	}
	if u := want.usage(); u != "" {
		line = append(line, u)
	}
	fmt.Fprintln(w, strings.Join(line, " "))
	if !hasFlags {
		return
	}
	fmt.Fprint(w, "\nFlags (each also read from the environment variable shown):\n")
	fs.VisitAll(func(f *flag.Flag) {
		fmt.Fprintf(w, "  --%s  (%s)\n    \t%s", f.Name, envName(f.Name), f.Usage)
		if f.DefValue != "" {
			fmt.Fprintf(w, " (default %q)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// positionals are the arguments a command takes besides its flags: noArgs(),
// exactly("OLD", "NEW"), atLeast(1, "PATH"), or, for optional ones, a literal such as
// positionals{names: []string{"DIR"}, max: 1}.
type positionals struct {
	names []string // as the usage line shows them; the last repeats when max < 0
	min   int      // how many must be given
	max   int      // how many may be given; negative for any number
}

func noArgs() positionals { return positionals{} }

func exactly(names ...string) positionals {
	return positionals{names: names, min: len(names), max: len(names)}
}

func atLeast(n int, name string) positionals {
	return positionals{names: []string{name}, min: n, max: -1}
}

// usage is the positional part of the usage line: "OLD NEW", "PATH...", "[DIR]".
func (p positionals) usage() string {
	words := make([]string, len(p.names))
	for i, name := range p.names {
		if p.max < 0 && i == len(p.names)-1 {
			name += "..."
		}
		if i >= p.min {
			name = "[" + name + "]"
		}
		words[i] = name
	}
	return strings.Join(words, " ")
}

// check says what is missing or which argument is one too many, for the command name.
func (p positionals) check(name string, got []string) error {
	switch {
	case len(got) < p.min && p.max < 0 && len(p.names) == 1:
		return fmt.Errorf("%w: %s needs at least %s", errUsage, name, count(p.min, p.names[0]))
	case len(got) < p.min:
		return fmt.Errorf("%w: %s needs %s", errUsage, name, andList(p.names[:min(p.min, len(p.names))]))
	case p.max >= 0 && len(got) > p.max:
		return fmt.Errorf("%w: unexpected argument %q", errUsage, got[p.max])
	}
	return nil
}

// count is "one PATH" or "3 PATH arguments".
func count(n int, name string) string {
	if n == 1 {
		return "one " + name
	}
	return fmt.Sprintf("%d %s arguments", n, name)
}

// andList is "DIR", "OLD and NEW", "A, B and C".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
