package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// judgePhotos pairs each photos-serve run with the nginx run before it in its round.
func (r *results) judgePhotos() {
	ratios := pairedRatios(r.Runs, scenarioPhotosNginx, scenarioPhotosServe)
	if len(ratios) == 0 {
		return
	}
	p := r.photos()
	p.ServeVsNginxRounds, p.ServeVsNginxPercent = ratios, medianRatio(ratios)
}

// photoFigures are the photo scenarios' figures, for the before/after table and
// RESULTS.md. The burst's and the album's figures name their size, which they depend on.
func (r *results) photoFigures() []figure {
	var fs []figure
	p := r.Photos
	if p == nil {
		p = &photosResult{}
	}
	if r.selected(scenarioPhotosDerive) {
		fs = append(fs, r.deriveFigures(p.Derive)...)
	}
	if r.selected(scenarioPhotosServe) {
		nginx := r.wrkFigures(scenarioPhotosNginx)[0]
		nginx.Shared = true
		fs = append(fs, nginx)
		fs = append(fs, r.wrkFigures(scenarioPhotosServe)...)
		fs = append(fs, r.ratioFigure("photos-serve/nginx", p.ServeVsNginxPercent, p.ServeVsNginxRounds, scenarioPhotosServe))
	}
	if r.selected(scenarioPhotosBurst) {
		fs = append(fs, r.burstFigures(p.Burst)...)
	}
	if r.selected(scenarioPhotosZip) {
		fs = append(fs, r.zipFigures(p.Zip)...)
	}
	return fs
}

func (r *results) deriveFigures(d *deriveResult) []figure {
	fs := []figure{
		{Name: "photos-derive 12 MP rate", Unit: "photos/s", Higher: true},
		{Name: "photos-derive 12 MP peak RSS", Unit: "MB"},
		{Name: "photos-derive 50 MP peak RSS", Unit: "MB"},
		{Name: "photos-derive 50 MP extra memory", Unit: "MB"},
	}
	if d == nil {
		return r.allNA(fs, scenarioPhotosDerive)
	}
	for i, v := range []float64{d.PhotosPerSec, d.Batch.PeakMB, d.Huge.PeakMB, d.ExtraMB} {
		fs[i].Value = v
	}
	return fs
}

func (r *results) burstFigures(bu *burstResult) []figure {
	n := r.Settings.AlbumPhotos
	fs := []figure{
		{Name: fmt.Sprintf("photos-burst peak RSS, %d uploads", n), Unit: "MB"},
		{Name: fmt.Sprintf("photos-burst time, %d uploads", n), Unit: "s"},
	}
	if bu == nil {
		return r.allNA(fs, scenarioPhotosBurst)
	}
	fs[0].Value, fs[1].Value = bu.PeakMB, bu.DerivedSeconds
	return fs
}

func (r *results) zipFigures(z *zipResult) []figure {
	fs := []figure{
		{Name: "photos-zip first byte", Unit: "ms"},
		{Name: "photos-zip throughput", Unit: "MB/s", Higher: true},
		{Name: "photos-zip memory growth", Unit: "MB"},
		{Name: fmt.Sprintf("photos-zip size, %d photos", r.Settings.AlbumPhotos), Unit: "MB"},
	}
	if z == nil {
		return r.allNA(fs, scenarioPhotosZip)
	}
	for i, v := range []float64{z.FirstByteMS, z.MBPerSec, z.growthMB(), mb(z.Bytes)} {
		fs[i].Value = v
	}
	return fs
}

// allNA marks every figure of fs as not measured, for the reason the scenario has.
func (r *results) allNA(fs []figure, scenario string) []figure {
	for i := range fs {
		fs[i] = r.measured(fs[i], false, scenario)
	}
	return fs
}

// photoTargets judge the 50-megapixel photo's memory and the burst's peak, when
// measured.
func (r *results) photoTargets() []target {
	var ts []target
	p := r.Photos
	if p == nil {
		p = &photosResult{}
	}
	if r.selected(scenarioPhotosDerive) {
		t := target{Name: "a 50 MP photo takes ≤ 500 MB more than a tiny one (media import)", Limit: targetHugeExtraMB, Unit: "MB", AtMost: true}
		if d := p.Derive; d != nil {
			t = t.check(&d.ExtraMB, "")
			if d.Huge.Refused != "" {
				t.Note = "refused: " + d.Huge.Refused
			}
		} else {
			t = t.check(nil, "")
		}
		ts = append(ts, t)
	}
	if r.selected(scenarioPhotosBurst) {
		ts = append(ts, burstTarget(p.Burst, r.Settings.AlbumPhotos))
	}
	return ts
}

// burstTarget judges the server's peak during the burst: invalid when uploads failed,
// SKIP when the burst was not of the 200.
func burstTarget(bu *burstResult, uploads int) target {
	t := target{Name: "200 uploads at once keep roneo serve under 1 GB", Limit: targetBurstPeakMB, Unit: "MB", AtMost: true}
	if bu == nil {
		return t.check(nil, "")
	}
	invalid := ""
	if bu.Accepted < bu.Uploads {
		invalid = fmt.Sprintf("%d of %d uploads failed: %s", bu.Uploads-bu.Accepted, bu.Uploads, bu.Failed)
	}
	t = t.check(&bu.PeakMB, invalid)
	if uploads != targetBurstUploads && t.Status != statusFail {
		t.Status, t.Note = statusSkip, fmt.Sprintf("measured with %d uploads", uploads)
	}
	return t
}

// printPhotos prints the photo scenarios' figures.
func printPhotos(out io.Writer, r *results) {
	p := r.Photos
	if p == nil {
		return
	}
	fmt.Fprintln(out, "\nPhotos:")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	if d := p.Derive; d != nil {
		fmt.Fprintf(tw, "  media import, %d × 12 MP (4000×3000):\t%.2f photos/s (%.1f s, all derivatives made), peak RSS %.1f MB\n",
			d.Batch.Files, d.PhotosPerSec, d.Batch.Seconds, d.Batch.PeakMB)
		fmt.Fprintf(tw, "  media import, 1 × 50 MP (8660×5773):\t%.1f s, peak RSS %.1f MB%s\n", d.Huge.Seconds, d.Huge.PeakMB, refusedText(d.Huge))
		fmt.Fprintf(tw, "  media import, 1 tiny photo (64×48):\t%.1f s, peak RSS %.1f MB\n", d.Tiny.Seconds, d.Tiny.PeakMB)
		fmt.Fprintf(tw, "  extra memory of the 50 MP photo:\t%.1f MB (target ≤ %.0f MB)\n", d.ExtraMB, targetHugeExtraMB)
	}
	if s := p.Serve; s != nil {
		fmt.Fprintf(tw, "  derivative served:\t%s (%d bytes, %s, Cache-Control: %s)\n", s.Path, s.Bytes, s.ContentType, s.CacheControl)
		if sum, ng := r.summary(scenarioPhotosServe), r.summary(scenarioPhotosNginx); sum != nil && ng != nil {
			fmt.Fprintf(tw, "  roneo / nginx, req/s:\t%.0f / %.0f (medians)\n", sum.RequestsPerSec, ng.RequestsPerSec)
			fmt.Fprintf(tw, "  roneo / nginx, p99:\t%.3f ms / %.3f ms\n", sum.P99MS, ng.P99MS)
		}
		if v := p.ServeVsNginxPercent; v != nil {
			fmt.Fprintf(tw, "  photos-serve / nginx req/s:\t%.1f %% (median of the rounds; by round %s)\n", *v, roundPercents(p.ServeVsNginxRounds))
		}
	}
	if bu := p.Burst; bu != nil {
		fmt.Fprintf(tw, "  burst of %d uploads to the newsroom:\t%d accepted in %.1f s; %d of %d derivatives stored after %.1f s\n",
			bu.Uploads, bu.Accepted, bu.UploadSeconds, bu.Derivatives, bu.Expected, bu.DerivedSeconds)
		fmt.Fprintf(tw, "  roneo serve during the burst:\tRSS %.1f MB before, peak %.1f MB (target < %.0f MB)\n", bu.BeforeMB, bu.PeakMB, targetBurstPeakMB)
		if bu.Failed != "" {
			fmt.Fprintf(tw, "  first failed upload:\t%s\n", bu.Failed)
		}
	}
	if z := p.Zip; z != nil {
		fmt.Fprintf(tw, "  album ZIP, %d photos:\t%s, %.1f MB, %d entries (credits included), CRCs checked\n", z.Photos, z.ZipPath, mb(z.Bytes), z.Entries)
		fmt.Fprintf(tw, "  album ZIP, streaming:\tfirst byte %.1f ms, %.1f MB/s (%.2f s); the album's import took %.1f s\n", z.FirstByteMS, z.MBPerSec, z.Seconds, z.ImportSeconds)
		fmt.Fprintf(tw, "  roneo serve's RSS around the ZIP:\t%.1f MB before, at most %.1f MB during (+%.1f MB, %d samples every %s), %.1f MB after\n",
			z.BeforeMB, z.DuringMB, z.growthMB(), z.Samples, zipSampleEvery, z.AfterMB)
		fmt.Fprintf(tw, "  roneo serve's peak RSS (VmHWM):\t%.1f MB before the ZIP, %.1f MB after\n", z.PeakBeforeMB, z.PeakAfterMB)
	}
	tw.Flush()
}
