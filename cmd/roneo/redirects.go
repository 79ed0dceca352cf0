package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/sqlstore"
)

const redirectsUsage = `Usage:
  roneo redirects add [flags] OLD NEW        OLD answers 301 to NEW (a path of this site or an http(s) URL)
  roneo redirects gone [flags] OLD           OLD answers 410 Gone
  roneo redirects remove [flags] OLD         OLD answers as it would without a redirect
  roneo redirects import [flags] FILE.csv    lines "old,new"; an empty new address means gone
  roneo redirects list [flags] [TEXT]        every redirect, or those whose addresses contain TEXT

OLD may be a path ("/2019/05/greve/"), a path with a query string ("/?p=123") or a
whole URL of the old site. Changes are written in the audit log. Every command takes
--data and --database.
`

// runRedirects is "roneo redirects": the old addresses that lead elsewhere.
func runRedirects(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, redirectsUsage)
		return errUsage
	}
	verbs := map[string]func(context.Context, []string, io.Writer, io.Writer) error{
		"add": redirectsAdd, "gone": redirectsGone, "remove": redirectsRemove,
		"import": redirectsImport, "list": redirectsList,
	}
	run, ok := verbs[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "roneo redirects: unknown command %q\n\n%s", args[0], redirectsUsage)
		return errUsage
	}
	return run(ctx, args[1:], stdout, stderr)
}

// commandLine is who the audit log says made a change from the console.
var commandLine = editorial.System("command line")

// openRedirects parses a redirects command's flags and opens the data.
func openRedirects(ctx context.Context, name string, args []string, want positionals, stderr io.Writer) (*sqlstore.DB, []string, error) {
	data := dataFlags{Dir: "roneo-data"}
	fs := newFlagSet("redirects "+name, stderr)
	data.register(fs)
	pos, err := parseArgs(fs, args, want)
	if err != nil {
		return nil, nil, err
	}
	db, err := data.open(ctx)
	return db, pos, err
}

func editorialOn(db *sqlstore.DB) *editorial.Service {
	return editorial.New(db, editorial.Config{Clock: time.Now})
}

func redirectsAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	db, pos, err := openRedirects(ctx, "add", args, exactly("OLD", "NEW"), stderr)
	if err != nil {
		return err
	}
	defer db.Close()
	if strings.TrimSpace(pos[1]) == "" {
		return fmt.Errorf("%w: NEW is empty; to say OLD is gone, use roneo redirects gone OLD", errUsage)
	}
	return addRedirects(ctx, db, stdout, editorial.RedirectLine{From: pos[0], To: pos[1]})
}

func redirectsGone(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	db, pos, err := openRedirects(ctx, "gone", args, exactly("OLD"), stderr)
	if err != nil {
		return err
	}
	defer db.Close()
	return addRedirects(ctx, db, stdout, editorial.RedirectLine{From: pos[0]})
}

func addRedirects(ctx context.Context, db *sqlstore.DB, stdout io.Writer, lines ...editorial.RedirectLine) error {
	n, err := editorialOn(db).AddRedirects(ctx, commandLine, lines)
	if err != nil {
		return err
	}
	if n != 1 {
		return nil
	}
	old, _ := editorial.OldAddress(lines[0].From)
	if lines[0].To == "" {
		fmt.Fprintf(stdout, "%s now answers 410 Gone.\n", old)
	} else {
		fmt.Fprintf(stdout, "%s now answers 301 to %s.\n", old, strings.TrimSpace(lines[0].To))
	}
	return nil
}

func redirectsRemove(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	db, pos, err := openRedirects(ctx, "remove", args, exactly("OLD"), stderr)
	if err != nil {
		return err
	}
	defer db.Close()
	err = editorialOn(db).RemoveRedirect(ctx, commandLine, pos[0])
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no redirect from %s", pos[0])
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Removed the redirect from %s.\n", pos[0])
	return nil
}

func redirectsImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	db, pos, err := openRedirects(ctx, "import", args, exactly("FILE.csv"), stderr)
	if err != nil {
		return err
	}
	defer db.Close()
	in := io.Reader(os.Stdin)
	if pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	lines, err := editorial.ReadRedirectsCSV(in)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	n, err := editorialOn(db).AddRedirects(ctx, commandLine, lines)
	if err != nil {
		return fmt.Errorf("%s: nothing imported: %w", pos[0], err)
	}
	fmt.Fprintf(stdout, "Imported %d redirects from %s.\n", n, pos[0])
	return nil
}

func redirectsList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	db, pos, err := openRedirects(ctx, "list", args, positionals{names: []string{"TEXT"}, max: 1}, stderr)
	if err != nil {
		return err
	}
	defer db.Close()
	q := store.RedirectQuery{Limit: 1000}
	if len(pos) == 1 {
		q.Contains = pos[0]
	}
	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
	for {
		list, err := db.Redirects(ctx, q)
		if err != nil {
			return err
		}
		for _, r := range list {
			to := r.To
			if r.Gone {
				to = "(gone)"
			}
			fmt.Fprintf(tw, "%s\t%s\n", r.From, to)
		}
		if len(list) < q.Limit {
			return tw.Flush()
		}
		q.Offset += q.Limit
	}
}
