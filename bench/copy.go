package main

import (
	"bufio"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// copyResult is the timed "roneo copy" of the demo site into the PostgreSQL schema.
type copyResult struct {
	Seconds        float64 `json:"seconds"`         // wall time of the whole process
	RoneoSeconds   float64 `json:"roneo_seconds"`   // what it printed: "Copied and verified in …"
	Articles       int64   `json:"articles"`        // rows of the articles table, as it printed them
	Rows           int64   `json:"rows"`            // rows of every table
	Tables         int     `json:"tables"`          // tables copied
	SchemaBytes    int64   `json:"schema_bytes"`    // the schema on disk once copied and analyzed
	AnalyzeSeconds float64 `json:"analyze_seconds"` // ANALYZE afterwards, not part of Seconds
	Output         string  `json:"output"`
}

// preparePostgres makes a schema for each side when a scenario needs it.
func (b *bench) preparePostgres(ctx context.Context) error {
	if !b.cfg.wantsPostgres() {
		return nil
	}
	for _, sd := range b.sides() {
		s, err := createSchema(ctx, b.cfg.Postgres)
		if err != nil {
			return err
		}
		sd.pg = s
		sd.pgMedia = b.ws.path(sd.name("pg-media"))
		sd.res.Postgres = &postgresInfo{URL: redacted(b.cfg.Postgres), Schema: s.name, Kept: b.cfg.Keep}
		b.logf("PostgreSQL (%s): schema %s in %s", sd.describe(), s.name, redacted(b.cfg.Postgres))
	}
	return nil
}

// copyToPostgres times "roneo copy" of the side's demo site into its schema: every
// PostgreSQL scenario needs it, so it runs (and is reported) whenever one of them does.
// Without the copy, the side's PostgreSQL scenarios cannot run.
func (b *bench) copyToPostgres(ctx context.Context, s *side) error {
	err := b.copySite(ctx, s)
	if err != nil && s.ref {
		s.noPostgres = refused("roneo copy", err)
	}
	return err
}

func (b *bench) copySite(ctx context.Context, s *side) error {
	b.logf("copying the site to PostgreSQL (%s: roneo copy --from sqlite:%s)", s.describe(), s.dataDir)
	start := time.Now()
	out, err := runTool(ctx, b.root, s.bin, "copy", "--from", "sqlite:"+s.dataDir, "--to", s.pg.url, "--to-media", s.pgMedia)
	elapsed := time.Since(start)
	if err != nil {
		return err
	}
	res, err := parseCopy(string(out))
	if err != nil {
		return err
	}
	res.Seconds = elapsed.Seconds()
	start = time.Now()
	if err := s.pg.analyze(ctx); err != nil {
		return err
	}
	res.AnalyzeSeconds = time.Since(start).Seconds()
	if res.SchemaBytes, err = s.pg.size(ctx); err != nil {
		return err
	}
	s.res.Copy = &res
	b.logf("copy (%s): %.1f s (roneo said %.1f s), %d articles, %d rows in %d tables, schema %.1f MB; ANALYZE %.1f s",
		s.describe(), res.Seconds, res.RoneoSeconds, res.Articles, res.Rows, res.Tables, mb(res.SchemaBytes), res.AnalyzeSeconds)
	return nil
}

// parseCopy reads what roneo copy prints: a table of "name rows checksum" under a
// "table rows checksum (SHA-256)" header, and "Copied and verified in 1m2.345s."
func parseCopy(out string) (copyResult, error) {
	r := copyResult{Output: out}
	inTable, articlesSeen, done := false, false, false
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		f := strings.Fields(line)
		switch {
		case len(f) > 2 && f[0] == "table" && f[1] == "rows":
			inTable = true
		case inTable && len(f) == 3:
			n, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return r, fmt.Errorf("roneo copy: table line %q: %w", line, err)
			}
			r.Rows += n
			r.Tables++
			if f[0] == "articles" {
				r.Articles, articlesSeen = n, true
			}
		case strings.HasPrefix(line, "Copied and verified in "):
			d, err := time.ParseDuration(strings.TrimSuffix(strings.TrimPrefix(line, "Copied and verified in "), "."))
			if err != nil {
				return r, fmt.Errorf("roneo copy: %q: %w", line, err)
			}
			r.RoneoSeconds, done = d.Seconds(), true
		default:
			inTable = false
		}
	}
	switch {
	case !articlesSeen:
		return r, fmt.Errorf("roneo copy printed no row count for articles:\n%s", out)
	case !done:
		return r, fmt.Errorf("roneo copy did not print \"Copied and verified in …\":\n%s", out)
	}
	return r, nil
}
