package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"text/tabwriter"
	"time"
)

// publish-pg measures a publish seen across instances: two "roneo serve" on one
// PostgreSQL schema, an article published through the first one's newsroom, and the time
// until the second one's French home page, cached before, shows it. It also checks that
// a page the article does not touch (the Dutch home page) is still served from the
// second instance's cache afterwards: a targeted purge keeps it, a purge of the whole
// cache does not.

// unrelatedToFrench is the page of instance B that a French article does not change.
const unrelatedToFrench = "/nl/"

// draftSettle is how long B is given to hear of a draft saved through A before its
// pages are warmed: PostgreSQL's notifications take a millisecond or two on the
// loopback, and a purge arriving after the warming would leave the page cold.
const draftSettle = 200 * time.Millisecond

// publishPGResult is what publish-pg measured.
type publishPGResult struct {
	// VisibleMS is, for each article, the time from sending the publish request to
	// instance A to instance B's /fr/ showing its title.
	VisibleMS []float64 `json:"visible_ms"`
	// HitsReported is false when the server sends no X-Cache: the fields below are then
	// not measured.
	HitsReported  bool   `json:"hits_reported"`
	WarmHits      int    `json:"warm_hits"` // publishes before which B's /fr/ answered HIT
	UnrelatedPage string `json:"unrelated_page"`
	UnrelatedKept int    `json:"unrelated_kept"` // publishes after which it still answered HIT
	// Purges is how much B's purge counter grew over the scenario, nil when not reported.
	Purges *int64 `json:"purges,omitempty"`
}

// measurePublishPG runs publish-pg on the side's PostgreSQL copy.
func (b *bench) measurePublishPG(ctx context.Context, s *side) error {
	a, err := b.startRoneo(ctx, s, roneoInstance{label: scenarioPublishPG + "-a", pageCache: true, onPostgres: true})
	if err != nil {
		return err
	}
	defer a.stop()
	in := roneoInstance{label: scenarioPublishPG + "-b", pageCache: true, onPostgres: true}
	if in.port, err = freePort(); err != nil {
		return err
	}
	bsrv, err := b.startRoneo(ctx, s, in)
	if err != nil {
		return err
	}
	defer bsrv.stop()
	nc, err := b.newsroomSignIn(ctx, s, a, true)
	if err != nil {
		return err
	}
	before, err := b.readCounters(ctx, bsrv.base)
	if err != nil {
		return err
	}
	res := &publishPGResult{UnrelatedPage: unrelatedToFrench, HitsReported: true}
	for i := range publishes {
		if err := b.publishAcross(ctx, nc, a.base, bsrv.base, i, res); err != nil {
			return err
		}
	}
	after, err := b.readCounters(ctx, bsrv.base)
	if err != nil {
		return err
	}
	res.Purges = counterDelta(before.Purges, after.Purges)
	s.res.PublishPG = res
	b.logf("publish-pg (%s): visible on B median %.0f ms, max %.0f ms; %s", s.describe(),
		median(res.VisibleMS), slices.Max(res.VisibleMS), res.keptText())
	return nil
}

// publishAcross saves the i-th article as a draft through A, then warms B's French home
// page and the unrelated page (after the draft: a binary that purges on every change
// would otherwise have purged them again), publishes the draft through A, times until
// B's home page shows it, and checks that the unrelated page is still cached on B.
func (b *bench) publishAcross(ctx context.Context, nc *http.Client, aBase, bBase string, i int, res *publishPGResult) error {
	home, unrelated := bBase+"/fr/", bBase+res.UnrelatedPage
	title := publishTitle(i)
	d, err := saveDraft(ctx, nc, aBase, title)
	if err != nil {
		return err
	}
	time.Sleep(draftSettle)
	hit, reported, err := b.warmPage(ctx, home)
	if err != nil {
		return err
	}
	if _, _, err := b.warmPage(ctx, unrelated); err != nil {
		return err
	}
	res.HitsReported = res.HitsReported && reported
	if hit {
		res.WarmHits++
	}
	_, start, err := d.publish(ctx, nc, aBase)
	if err != nil {
		return err
	}
	visible, err := b.pollUntil(ctx, home, title, start)
	if err != nil {
		return err
	}
	res.VisibleMS = append(res.VisibleMS, visible)
	_, status, err := fetchCacheStatus(ctx, b.http, unrelated)
	if err != nil {
		return err
	}
	if status == cacheHit {
		res.UnrelatedKept++
	}
	return nil
}

// keptText says how many times the unrelated page stayed cached.
func (r *publishPGResult) keptText() string {
	if !r.HitsReported {
		return "unrelated pages kept: n/a: " + noHitReports
	}
	return fmt.Sprintf("unrelated pages kept: %d/%d (%s on B still X-Cache: HIT after the publish)", r.UnrelatedKept, len(r.VisibleMS), r.UnrelatedPage)
}

// publishPGFigures are publish-pg's figures.
func (r *results) publishPGFigures() []figure {
	if !r.selected(scenarioPublishPG) {
		return nil
	}
	med := figure{Name: "publish-pg visible, median", Unit: "ms"}
	slowest := figure{Name: "publish-pg visible, max", Unit: "ms"}
	kept := figure{Name: "publish-pg unrelated kept", Unit: "%", Higher: true}
	p := r.PublishPG
	if p == nil || len(p.VisibleMS) == 0 {
		return []figure{r.measured(med, false, scenarioPublishPG), r.measured(slowest, false, scenarioPublishPG), r.measured(kept, false, scenarioPublishPG)}
	}
	med.Value, slowest.Value = median(p.VisibleMS), slices.Max(p.VisibleMS)
	if p.HitsReported {
		kept.Value = 100 * float64(p.UnrelatedKept) / float64(len(p.VisibleMS))
	} else {
		kept.NA = noHitReports
	}
	return []figure{med, slowest, kept}
}

// printPublishPG prints publish-pg's figures.
func printPublishPG(out io.Writer, r *results) {
	p := r.PublishPG
	if p == nil || len(p.VisibleMS) == 0 {
		return
	}
	n := len(p.VisibleMS)
	fmt.Fprintf(out, "\nPublish across instances (publish-pg: 2 roneo serve on one PostgreSQL schema, %d French articles published through A):\n", n)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  visible on B's /fr/, cached before:\tmedian %.0f ms, max %.0f ms\n", median(p.VisibleMS), slices.Max(p.VisibleMS))
	warm, kept := "n/a: "+noHitReports, "n/a: "+noHitReports
	if p.HitsReported {
		warm = fmt.Sprintf("%d/%d X-Cache: HIT", p.WarmHits, n)
		kept = fmt.Sprintf("%d/%d (%s on B still X-Cache: HIT after the publish)", p.UnrelatedKept, n, p.UnrelatedPage)
	}
	fmt.Fprintf(tw, "  B's /fr/ cached before each publish:\t%s\n", warm)
	fmt.Fprintf(tw, "  unrelated pages kept:\t%s\n", kept)
	if p.Purges != nil {
		fmt.Fprintf(tw, "  purges on B:\t%d\n", *p.Purges)
	}
	tw.Flush()
}
