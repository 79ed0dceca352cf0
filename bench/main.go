// Command bench measures what the performance issue asks of Roneo: how many article pages
// a second it serves with and without its page cache, against nginx serving the same
// bytes from disk as the ceiling; the latency of uncached pages; the memory of
// "roneo serve"; and how long "roneo demo" takes to write a large site.
//
// With PostgreSQL it measures the scale-out set-up too: how long "roneo copy" takes to
// move the site from SQLite, the uncached latency on PostgreSQL, and what a second
// instance behind an nginx reverse proxy adds.
//
// It drives the real programs (roneo built from ./cmd/roneo, nginx and wrk) as child
// processes, so it measures what an operator runs. It imports nothing from Roneo and,
// beyond the standard library, only the pgx driver, to make and drop its PostgreSQL
// schema. Run it from the repository with "make bench".
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if err != nil {
		stop()
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	err = run(ctx, cfg, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// run builds roneo, then measures every scenario the configuration selects and prints
// the figures to out; progress goes to progress.
func run(ctx context.Context, cfg config, out, progress io.Writer) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	ws, err := newWorkspace(cfg.Keep)
	if err != nil {
		return err
	}
	defer ws.remove(progress)
	b := &bench{cfg: cfg, root: root, ws: ws, progress: progress, tree: &side{res: newResults(cfg)}}
	b.tree.commit = treeCommit(ctx, root)
	b.tree.res.Commit = b.tree.commit
	if cfg.Ref != "" {
		b.ref = &side{ref: true, res: newResults(cfg)}
		if err := b.resolveRef(ctx); err != nil {
			return err
		}
	}
	defer b.dropPostgres() // once the servers using it have stopped
	defer b.stopAll()
	if err := b.measure(ctx); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted: %w", ctx.Err())
		}
		return err
	}
	b.tree.res.judge(time.Now())
	if b.ref != nil {
		b.ref.res.judge(time.Now())
		b.tree.res.Ref = b.ref.res
	}
	printReport(out, b.tree.res)
	if err := b.compareWithRecorded(out); err != nil {
		return err
	}
	if err := b.tree.res.write(root); err != nil {
		return err
	}
	fmt.Fprintln(out, "results written to bench/results/latest.json")
	if cfg.Record {
		if err := appendSection(root, b.section()); err != nil {
			return err
		}
		fmt.Fprintf(out, "run recorded in %s\n", resultsFile)
	}
	return nil
}

// compareWithRecorded prints how this run's figures compare with the last comparable
// run recorded in RESULTS.md.
func (b *bench) compareWithRecorded(out io.Writer) error {
	sections, err := readResults(b.root)
	if err != nil {
		return err
	}
	r := b.tree.res
	printSinceRecorded(out, sections, runSettings(r.Settings), r.figures(), b.cfg.Tolerance)
	return nil
}

// section is this run as a section of RESULTS.md.
func (b *bench) section() string {
	r := b.tree.res
	info := recordInfo{
		Date: r.Started, Commit: r.Commit, Command: commandLine(b.cfg.Args),
		Machine: r.Machine.summary(), Note: b.cfg.RecordNote, Settings: runSettings(r.Settings),
	}
	var ref []figure
	if r.Ref != nil {
		info.Ref = refLabel(b.cfg.Ref, r.Ref.Commit)
		ref = r.Ref.figures()
	}
	return renderSection(info, r.figures(), ref)
}

// dropPostgres drops the benchmark's schemas, or says where they are with -keep.
func (b *bench) dropPostgres() {
	for _, s := range b.sides() {
		if s.pg == nil {
			continue
		}
		if b.cfg.Keep {
			fmt.Fprintf(b.progress, "kept PostgreSQL schema %s (%s): roneo serve --database '%s'; drop it with DROP SCHEMA %s CASCADE\n",
				s.pg.name, s.describe(), redacted(s.pg.url), s.pg.name)
		} else if err := s.pg.drop(); err != nil {
			fmt.Fprintf(b.progress, "bench: drop PostgreSQL schema %s: %v\n", s.pg.name, err)
		}
		s.pg.close()
	}
}
