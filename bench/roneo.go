package main

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// The database files of a data directory, as roneo's SQLite store names them.
const (
	databaseFile = "roneo.db"
	walFile      = databaseFile + "-wal"
)

// roneoServer is a running "roneo serve".
type roneoServer struct {
	*child
	base       string // http://127.0.0.1:PORT
	onPostgres bool
}

// database names the kind of database the server reads.
func (s *roneoServer) database() string {
	if s.onPostgres {
		return "postgres"
	}
	return "sqlite"
}

// buildRoneo compiles ./cmd/roneo once, so that no scenario measures "go run", and the
// -ref revision's beside it.
func (b *bench) buildRoneo(ctx context.Context) error {
	b.tree.bin = b.ws.path("roneo")
	b.logf("building roneo (go build ./cmd/roneo)")
	if _, err := runTool(ctx, b.root, "go", "build", "-buildvcs=false", "-o", b.tree.bin, "./cmd/roneo"); err != nil {
		return err
	}
	if b.ref == nil {
		return nil
	}
	return b.buildRef(ctx)
}

// prepareData gives each side its site: the demo, timed, or the directory given with
// -data (which -ref does not accept: each side needs a site its binary wrote).
func (b *bench) prepareData(ctx context.Context) error {
	if b.cfg.DataDir != "" {
		return b.useData(b.tree)
	}
	for _, s := range b.sides() {
		if s.noSite != "" {
			continue
		}
		s.dataDir = b.ws.path(s.name("data"))
		err := b.generateDemo(ctx, s)
		if err != nil && s.ref && ctx.Err() == nil {
			s.noSite = refused("roneo demo", err)
			b.logf("%s: %s; every scenario is n/a for it", s.describe(), s.noSite)
			s.res.markNA(b.cfg, allScenarios, s.noSite)
			continue
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// useData checks the directory given with -data.
func (b *bench) useData(s *side) error {
	s.dataDir = b.cfg.DataDir
	if _, err := os.Stat(filepath.Join(s.dataDir, databaseFile)); err != nil {
		return fmt.Errorf("-data: %w", err)
	}
	size, err := databaseSize(s.dataDir)
	s.res.Database = size
	b.logf("using %s (database %.1f MB); demo generation not measured", s.dataDir, mb(size.Total))
	return err
}

func (b *bench) generateDemo(ctx context.Context, s *side) error {
	b.logf("generating %d demo articles (%s)", b.cfg.Articles, s.describe())
	n := strconv.Itoa(b.cfg.Articles)
	start := time.Now()
	out, err := runTool(ctx, b.root, s.bin, "demo", "--data", s.dataDir, "--articles", n, "--seed", "1")
	elapsed := time.Since(start)
	if err != nil {
		return err
	}
	line, _, _ := bytes.Cut(bytes.TrimSpace(out), []byte("\n"))
	if !bytes.HasPrefix(line, []byte("Generated "+n+" articles")) {
		return fmt.Errorf("roneo demo printed %q, want a line starting \"Generated %s articles\"", line, n)
	}
	size, err := databaseSize(s.dataDir)
	if err != nil {
		return err
	}
	s.res.Demo = &demoResult{Articles: b.cfg.Articles, Seconds: elapsed.Seconds(), Output: string(line)}
	s.res.Database = size
	b.logf("demo (%s): %.1f s, database %.1f MB; roneo said: %s", s.describe(), elapsed.Seconds(), mb(size.Total), line)
	return nil
}

// databaseSize adds up the database and its write-ahead log (absent once checkpointed).
func databaseSize(dir string) (databaseResult, error) {
	var r databaseResult
	fi, err := os.Stat(filepath.Join(dir, databaseFile))
	if err != nil {
		return r, err
	}
	r.DBBytes = fi.Size()
	if fi, err := os.Stat(filepath.Join(dir, walFile)); err == nil {
		r.WALBytes = fi.Size()
	}
	r.Total = r.DBBytes + r.WALBytes
	return r, nil
}

// roneoInstance says how to start one "roneo serve".
type roneoInstance struct {
	label      string // names its log file and its messages
	port       int    // 0: the side's port
	pageCache  bool
	onPostgres bool   // the side's PostgreSQL schema, not its SQLite data directory
	dataDir    string // another SQLite data directory than the side's demo site
}

// startRoneo starts the side's "roneo serve" and returns once it has announced itself
// and /healthz answers 200. Every instance of a side gets the same base URL, on the
// side's port, so that they all build the same page whatever port they listen on.
func (b *bench) startRoneo(ctx context.Context, s *side, in roneoInstance) (*roneoServer, error) {
	if s.port == 0 {
		var err error
		if s.port, err = freePort(); err != nil {
			return nil, err
		}
	}
	port := cmp.Or(in.port, s.port)
	args := []string{s.bin, "serve", "--addr", loopback(port), "--base-url", "http://" + loopback(s.port), "--log-level", "warn"}
	if in.dataDir != "" {
		args = append(args, "--data", in.dataDir)
	} else {
		args = append(args, s.where(b, in.onPostgres)...)
	}
	if in.onPostgres {
		args = append(args, "--media", s.pgMedia)
	}
	if !in.pageCache {
		args = append(args, "--page-cache", "0")
	}
	label := s.name(in.label)
	b.logf("starting roneo serve (%s) on %s", label, loopback(port))
	ann := newAnnouncement("Roneo is running at")
	c, err := startChild("roneo serve ("+label+")", b.ws.path("roneo-"+label+".log"), ann, args...)
	if err != nil {
		return nil, err
	}
	srv := &roneoServer{child: b.track(c), base: "http://" + loopback(port), onPostgres: in.onPostgres}
	if err := awaitAnnouncement(ctx, c, ann, 2*time.Minute); err != nil {
		return nil, err
	}
	return srv, waitHealthy(ctx, b.http, c, srv.base+"/healthz", 30*time.Second)
}

func awaitAnnouncement(ctx context.Context, c *child, ann *announcement, timeout time.Duration) error {
	select {
	case <-ann.seen:
		return nil
	case <-c.done:
		return c.exited()
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(timeout):
		return fmt.Errorf("%s did not print %q within %s; its log ends:\n%s", c.name, ann.marker, timeout, logTail(c.log, 20))
	}
}

// choosePage picks the first article of the French home page, once for each side:
// every scenario of the side then requests the same page.
func (b *bench) choosePage(ctx context.Context, s *side, base string) error {
	if s.page != nil {
		return nil
	}
	home, err := fetch(ctx, b.http, base+"/fr/")
	if err != nil {
		return err
	}
	path, err := firstArticlePath(home)
	if err != nil {
		return err
	}
	body, err := fetch(ctx, b.http, base+path)
	if err != nil {
		return err
	}
	s.page = &page{Path: path, Body: body}
	s.res.Page = &pageResult{Path: path, Bytes: len(body)}
	b.logf("page (%s): %s (%d bytes)", s.describe(), path, len(body))
	return nil
}
