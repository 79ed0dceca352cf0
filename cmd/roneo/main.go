// Command roneo runs a Roneo site and its maintenance tasks. It is the only place that
// knows every package and wires them together.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	_ "time/tzdata" // sites choose their zone; minimal machines lack the zone files

	"github.com/roneo/roneo/internal/store/sqlstore"
)

const usage = `Roneo — a publishing platform for campaigning organisations and their newspapers.

Usage:
  roneo serve [flags]    run the site (--demo fills an empty data directory first)
  roneo demo [flags]     fill the data directory with generated demo content
  roneo copy [flags]     copy a whole site between SQLite and PostgreSQL, verified
  roneo backup [flags]   write a consistent backup archive of a running site
  roneo restore [flags]  put a backup archive back into an empty database
  roneo user <command>   one-time links for the first admin and for lost passwords
  roneo search <command> rebuild the search index, see its size, try a search
  roneo redirects <command>  old addresses that lead elsewhere or are gone
  roneo media import PATH…   add photos to the library, cleaned of their metadata
  roneo version          print the version

Run "roneo <command> -h" for a command's flags. Flags go before or after a command's
other arguments; "--" ends them. Every flag can also be set with an environment
variable: --base-url is RONEO_BASE_URL, and so on.
`

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		reportError(os.Stderr, err)
		os.Exit(exitCode(err))
	}
}

// errUsage marks a mistake on the command line (exit code 2). Bare, it means the user
// has been shown the usage and there is nothing more to say; wrapped, its message says
// what was wrong.
var errUsage = errors.New("usage")

// errHelp says that the user asked for a command's usage (-h, --help) and has been shown
// it: not a mistake, so run returns nil and roneo exits with 0.
var errHelp = errors.New("help requested")

// reportError tells the user what went wrong, after any usage text already printed.
func reportError(w io.Writer, err error) {
	if err == errUsage {
		return
	}
	msg := strings.TrimPrefix(err.Error(), errUsage.Error()+": ")
	if errors.Is(err, sqlstore.ErrWritesRefused) {
		msg += ": " + newerSchemaHint
	}
	fmt.Fprintln(w, "roneo:", msg)
}

func exitCode(err error) int {
	if errors.Is(err, errUsage) {
		return 2
	}
	return 1
}

// run dispatches a subcommand. Tests call it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	err := dispatch(ctx, args, stdout, stderr)
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}

// groups are the commands that take a command of their own, with their usage.
var groups = map[string]string{"user": userUsage, "search": searchUsage, "redirects": redirectsUsage, "media": mediaUsage}

func dispatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	if u, ok := groups[args[0]]; ok && len(args) > 1 && isHelp(args[1]) {
		fmt.Fprint(stdout, u)
		return errHelp
	}
	switch args[0] {
	case "serve":
		m := NewMain(stdout, stderr)
		if err := m.ParseFlags(args[1:]); err != nil {
			return err
		}
		if err := m.Run(ctx); err != nil {
			m.Close()
			return err
		}
		<-ctx.Done()
		return m.Close()
	case "demo":
		return runDemo(ctx, args[1:], stdout, stderr)
	case "copy":
		return runCopy(ctx, args[1:], stdout, stderr)
	case "backup":
		return runBackup(ctx, args[1:], stdout, stderr)
	case "restore":
		return runRestore(ctx, args[1:], stdout, stderr)
	case "user":
		return runUser(ctx, args[1:], stdout, stderr)
	case "search":
		return runSearch(ctx, args[1:], stdout, stderr)
	case "redirects":
		return runRedirects(ctx, args[1:], stdout, stderr)
	case "media":
		return runMedia(ctx, args[1:], stdout, stderr)
	case "version", "--version", "-version":
		if _, err := parseArgs(newFlagSet("version", stderr), args[1:], noArgs()); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "roneo", version)
		return nil
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "roneo: unknown command %q\n\n%s", args[0], usage)
	return errUsage
}

func isHelp(arg string) bool {
	return arg == "-h" || arg == "--help" || arg == "-help" || arg == "help"
}
