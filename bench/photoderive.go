package main

import (
	"context"
	"errors"
	"fmt"
)

// photos-derive imports generated photos with "roneo media import", which cleans each
// one and makes all its derivatives before it returns, into data directories of their
// own, empty, so that nothing else the site holds is measured. Each import runs as a
// process of its own, whose peak resident memory the kernel reports when it exits.

// deriveResult is what photos-derive measured.
type deriveResult struct {
	// Batch is the import of the 12-megapixel photos, all in one command.
	Batch        importRun `json:"batch"`
	PhotosPerSec float64   `json:"photos_per_sec"`
	// Huge is one 50-megapixel photo imported alone, Tiny one tiny photo: its peak is
	// the command's own memory, start-up and database included.
	Huge    importRun `json:"huge"`
	Tiny    importRun `json:"tiny"`
	ExtraMB float64   `json:"huge_extra_mb"` // Huge's peak less Tiny's
}

// measurePhotosDerive runs photos-derive for one binary.
func (b *bench) measurePhotosDerive(ctx context.Context, s *side) error {
	res := &deriveResult{}
	sets := []struct {
		set  photoSet
		into *importRun
	}{{tinyPhoto, &res.Tiny}, {derivePhotos(b.cfg.Photos), &res.Batch}, {hugePhoto, &res.Huge}}
	for _, x := range sets {
		files, err := b.setFiles(s, scenarioPhotosDerive, x.set)
		if err != nil {
			return err
		}
		dir := b.ws.path(s.name("photos-derive-" + x.set.name))
		run, err := b.importPhotos(ctx, s, dir, files)
		// A 50-megapixel photo may be refused, as the issue allows, if refusing it
		// keeps the memory down; any other photo must be taken.
		if err != nil && !(x.set.name == hugePhoto.name && errors.Is(err, errRefused)) {
			return err
		}
		if run.Refused == "" && run.Added != len(files) {
			return fmt.Errorf("photos-derive: roneo media import added %d of %d photos: %s", run.Added, len(files), run.Said)
		}
		*x.into = run
		b.logf("photos-derive (%s): %s in %.1f s, peak RSS %.1f MB%s", s.describe(), plural(len(files), x.set.name+" photo"),
			run.Seconds, run.PeakMB, refusedText(run))
	}
	res.PhotosPerSec = float64(res.Batch.Files) / res.Batch.Seconds
	res.ExtraMB = res.Huge.PeakMB - res.Tiny.PeakMB
	s.res.photos().Derive = res
	return nil
}

func refusedText(r importRun) string {
	if r.Refused == "" {
		return ""
	}
	return " (refused: " + r.Refused + ")"
}
