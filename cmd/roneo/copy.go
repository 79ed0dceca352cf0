package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/roneo/roneo/internal/store/sqlstore"
)

// runCopy is "roneo copy": a whole site from one database (and media store) to another,
// verified by row counts and checksums.
func runCopy(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c copyFlags
	fs := newFlagSet("copy", stderr)
	fs.StringVar(&c.from, "from", "", "source: sqlite:DIR or postgres://…")
	fs.StringVar(&c.to, "to", "", "destination, which must be empty: sqlite:DIR or postgres://…")
	fs.StringVar(&c.fromMedia, "from-media", "", "source media: a directory or s3://… (default: DIR/media of a sqlite: source)")
	fs.StringVar(&c.toMedia, "to-media", "", "destination media: a directory or s3://… (default: DIR/media of a sqlite: destination)")
	fs.BoolVar(&c.noMedia, "no-media", false, "copy the database only")
	fs.BoolVar(&c.allowNewer, "allow-newer-schema", false, allowNewerSchemaUsage)
	if _, err := parseArgs(fs, args, noArgs()); err != nil {
		return err
	}
	if err := c.check(); err != nil {
		return err
	}
	return c.run(ctx, stdout, stderr)
}

type copyFlags struct {
	from, to, fromMedia, toMedia string
	noMedia, allowNewer          bool
}

// check refuses what is missing before anything is opened.
func (c *copyFlags) check() error {
	switch {
	case c.from == "":
		return fmt.Errorf("%w: copy needs --from, the database to copy: sqlite:DIR or postgres://…", errUsage)
	case c.to == "":
		return fmt.Errorf("%w: copy needs --to, the empty database to copy into: sqlite:DIR or postgres://…", errUsage)
	}
	if err := checkLocation("--from", c.from); err != nil {
		return err
	}
	if err := checkLocation("--to", c.to); err != nil {
		return err
	}
	_, _, err := c.mediaLocations()
	return err
}

func (c *copyFlags) run(ctx context.Context, stdout, stderr io.Writer) error {
	start := time.Now()
	opts := sqlstore.Options{AllowNewerSchema: c.allowNewer}
	src, err := openLocationWith(ctx, c.from, opts)
	if err != nil {
		return err
	}
	defer src.Close()
	if err := refuseNewer("the schema of "+describeLocation(c.from), src.SchemaStatus(), c.allowNewer); err != nil {
		return err
	}
	dst, err := openLocationWith(ctx, c.to, opts)
	if err != nil {
		return err
	}
	defer dst.Close()
	if err := refuseNewer("the schema of "+describeLocation(c.to), dst.SchemaStatus(), c.allowNewer); err != nil {
		return err
	}
	media, err := c.mediaStores()
	if err != nil {
		return err
	}
	if media != nil {
		defer media.Close()
	}
	fmt.Fprintf(stdout, "Copying %s to %s\n", describeLocation(c.from), describeLocation(c.to))
	report, err := sqlstore.Copy(ctx, src, dst, tableProgress(stderr))
	if err != nil {
		return fmt.Errorf("nothing was written to %s: %w", describeLocation(c.to), err)
	}
	printTables(stdout, report)
	if media != nil {
		files, bytes, err := copyMedia(ctx, media.from, media.to, stderr)
		if err != nil {
			return fmt.Errorf("the database was copied, the media were not all copied: %w", err)
		}
		fmt.Fprintf(stdout, "media: %d files, %s, verified\n", files, humanBytes(bytes))
	}
	fmt.Fprintf(stdout, "Copied and verified in %s.\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// printTables prints each table's rows and checksum, the same on both sides.
func printTables(w io.Writer, report []sqlstore.TableCopy) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "table\trows\tchecksum (SHA-256)\t")
	for _, t := range report {
		fmt.Fprintf(tw, "%s\t%d\t%s\t\n", t.Table, t.Rows, t.Checksum[:16])
	}
	tw.Flush()
}

// tableProgress draws a bar per table on a terminal and stays quiet elsewhere.
func tableProgress(w io.Writer) sqlstore.CopyProgress {
	if !isTerminal(w) {
		return nil
	}
	var bar *progressbar.ProgressBar
	var current string
	return func(table string, done, total int) {
		if table != current || bar == nil {
			current = table
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(table),
				progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
		}
		bar.Set(done)
	}
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
