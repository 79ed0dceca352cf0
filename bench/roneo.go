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

// buildRoneo compiles ./cmd/roneo once, so that no scenario measures "go run".
func (b *bench) buildRoneo(ctx context.Context) error {
	b.roneoBin = b.ws.path("roneo")
	b.logf("building roneo (go build ./cmd/roneo)")
	_, err := runTool(ctx, b.root, "go", "build", "-buildvcs=false", "-o", b.roneoBin, "./cmd/roneo")
	return err
}

// prepareData generates the demo site, timed, or checks the directory given with -data.
func (b *bench) prepareData(ctx context.Context) error {
	if b.cfg.DataDir == "" {
		b.dataDir = b.ws.path("data")
		return b.generateDemo(ctx)
	}
	b.dataDir = b.cfg.DataDir
	if _, err := os.Stat(filepath.Join(b.dataDir, databaseFile)); err != nil {
		return fmt.Errorf("-data: %w", err)
	}
	size, err := databaseSize(b.dataDir)
	b.res.Database = size
	b.logf("using %s (database %.1f MB); demo generation not measured", b.dataDir, mb(size.Total))
	return err
}

func (b *bench) generateDemo(ctx context.Context) error {
	b.logf("generating %d demo articles", b.cfg.Articles)
	n := strconv.Itoa(b.cfg.Articles)
	start := time.Now()
	out, err := runTool(ctx, b.root, b.roneoBin, "demo", "--data", b.dataDir, "--articles", n, "--seed", "1")
	elapsed := time.Since(start)
	if err != nil {
		return err
	}
	line, _, _ := bytes.Cut(bytes.TrimSpace(out), []byte("\n"))
	if !bytes.HasPrefix(line, []byte("Generated "+n+" articles")) {
		return fmt.Errorf("roneo demo printed %q, want a line starting \"Generated %s articles\"", line, n)
	}
	size, err := databaseSize(b.dataDir)
	if err != nil {
		return err
	}
	b.res.Demo = &demoResult{Articles: b.cfg.Articles, Seconds: elapsed.Seconds(), Output: string(line)}
	b.res.Database = size
	b.logf("demo: %.1f s, database %.1f MB; roneo said: %s", elapsed.Seconds(), mb(size.Total), line)
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
	port       int    // 0: the benchmark's port, b.port
	pageCache  bool
	onPostgres bool // the benchmark's PostgreSQL schema, not the SQLite data directory
}

// startRoneo starts "roneo serve" and returns once it has announced itself and
// /healthz answers 200. Every instance gets the same base URL, on the benchmark's port,
// so that they all build the same page whatever port they listen on.
func (b *bench) startRoneo(ctx context.Context, in roneoInstance) (*roneoServer, error) {
	if b.port == 0 {
		var err error
		if b.port, err = freePort(); err != nil {
			return nil, err
		}
	}
	port := cmp.Or(in.port, b.port)
	args := []string{b.roneoBin, "serve", "--addr", loopback(port), "--base-url", "http://" + loopback(b.port), "--log-level", "warn"}
	if in.onPostgres {
		// --data too, so that nothing lands in a roneo-data of the working directory.
		args = append(args, "--database", b.pg.url, "--media", b.pgMedia, "--data", b.ws.path("pg-data"))
	} else {
		args = append(args, "--data", b.dataDir)
	}
	if !in.pageCache {
		args = append(args, "--page-cache", "0")
	}
	b.logf("starting roneo serve (%s) on %s", in.label, loopback(port))
	ann := newAnnouncement("Roneo is running at")
	c, err := startChild("roneo serve ("+in.label+")", b.ws.path("roneo-"+in.label+".log"), ann, args...)
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

// choosePage picks the first article of the French home page, once: every scenario
// then requests the same page.
func (b *bench) choosePage(ctx context.Context, base string) error {
	if b.page != nil {
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
	b.page = &page{Path: path, Body: body}
	b.res.Page = &pageResult{Path: path, Bytes: len(body)}
	b.logf("page: %s (%d bytes)", path, len(body))
	return nil
}
