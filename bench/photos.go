package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// The photo scenarios measure what the photos issue asks of Roneo, with photos the
// benchmark draws itself (photogen.go):
//
//   - photos-derive: "roneo media import" of 12-megapixel JPEGs into an empty site,
//     cleaning and every derivative included: photos a second, and the command's peak
//     memory; then a 50-megapixel photo alone, whose peak beside a tiny photo's is what
//     a large photo costs (target ≤ 500 MB more);
//   - photos-serve: the 800 px WebP of a photo from roneo serve and the same file from
//     nginx, in the same rounds, as cached and nginx are;
//   - photos-burst: uploads sent at once to the newsroom of a running roneo serve, and
//     its peak memory until their derivatives are made (target < 1 GB);
//   - photos-zip: an album's ZIP: time to first byte, throughput, and the server's
//     memory while it streams.
//
// They run last, after the scenarios that only read the demo site: serve, burst and
// zip add photos to it. A reference binary without photos gets n/a for them.

// Defaults of -photos and -album-photos: the 200-photo album and burst, and
// enough 12-megapixel photos for a rate that start-up does not dominate.
const (
	defaultPhotos      = 20
	defaultAlbumPhotos = 200
)

// The photos issue's targets.
const (
	targetHugeExtraMB     = 500.0
	targetBurstPeakMB     = 1024.0
	targetBurstUploads    = 200
	photoDerivativeWidth  = 800 // the derivative photos-serve requests
	photoDerivativeFormat = "webp"
)

// photosResult is what the photo scenarios measured for one binary.
type photosResult struct {
	Derive *deriveResult `json:"derive,omitempty"`
	Serve  *serveResult  `json:"serve,omitempty"`
	Burst  *burstResult  `json:"burst,omitempty"`
	Zip    *zipResult    `json:"zip,omitempty"`
	// ServeVsNginxPercent is the median of the rounds' photos-serve / photos-nginx req/s.
	ServeVsNginxPercent *float64     `json:"serve_vs_nginx_percent,omitempty"`
	ServeVsNginxRounds  []roundRatio `json:"serve_vs_nginx_rounds,omitempty"`
}

// photos is the side's photo results, made on first use.
func (r *results) photos() *photosResult {
	if r.Photos == nil {
		r.Photos = &photosResult{}
	}
	return r.Photos
}

// photoDir is where the run keeps the photos it generates, for every scenario and both
// binaries.
func (b *bench) photoDir() string { return b.ws.path("photos") }

// importRun is one "roneo media import".
type importRun struct {
	Files   int     `json:"files"`       // given to the command
	Added   int     `json:"added"`       // as roneo reports them
	Seconds float64 `json:"seconds"`     // wall time, start-up included
	PeakMB  float64 `json:"peak_rss_mb"` // the process's peak resident memory
	Said    string  `json:"said"`        // the line that reports the photos added
	// Album is how many photos the album of --album holds afterwards, as roneo says.
	Album int `json:"album,omitempty"`
	// Refused is what roneo said when it refused a file (exit status 1).
	Refused string `json:"refused,omitempty"`
}

// importPhotos runs "roneo media import" of files into the data directory dir, with the
// extra flags given, and measures it. A refusal of a file (exit status 1, and "… files
// were not added:" with the reasons) is returned as an importRun with Refused set and
// an error wrapping errRefused; any other failure is the program's.
func (b *bench) importPhotos(ctx context.Context, s *side, dir string, files []string, extra ...string) (importRun, error) {
	argv := append([]string{s.bin, "media", "import", "--data", dir}, extra...)
	argv = append(argv, files...)
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = b.root
	cmd.SysProcAttr = childAttrs()
	cmd.Cancel = func() error { return signalGroup(cmd.Process.Pid, syscall.SIGKILL) }
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	run := importRun{Files: len(files), Seconds: time.Since(start).Seconds()}
	if ctx.Err() != nil {
		return run, ctx.Err()
	}
	if cmd.ProcessState != nil {
		run.PeakMB, _ = peakRSSOf(cmd.ProcessState)
	}
	shown := fmt.Sprintf("%s media import (%d files)", s.bin, len(files))
	if err != nil {
		var exit *exec.ExitError
		said := firstLine(stderr.String() + "\n" + stdout.String())
		if errors.As(err, &exit) && exit.ExitCode() == 1 && notAddedRe.MatchString(stdout.String()) {
			run.Refused = said
			return run, fmt.Errorf("%s: %w: %s", shown, errRefused, said)
		}
		return run, &programError{msg: fmt.Sprintf("%s: %v\n%s", shown, err, lastLines(stderr.String(), 20)), err: err, said: said}
	}
	run.Added, run.Said, err = parseImported(stdout.String())
	if err != nil {
		return run, fmt.Errorf("%s: %w", shown, err)
	}
	run.Album = parseAlbumHolds(stdout.String())
	return run, nil
}

// errRefused is roneo media import saying that it refused a file.
var errRefused = errors.New("a photo was refused")

// notAddedRe is the line above the list of files roneo media import refused.
var notAddedRe = regexp.MustCompile(`(?m)^\d+ files? (?:was|were) not added:`)

var importedRe = regexp.MustCompile(`(?m)^Added (\d+) photos?\b.*$`)

// parseImported reads what roneo media import prints once done: "Added 20 photos…".
func parseImported(out string) (added int, line string, err error) {
	m := importedRe.FindStringSubmatch(out)
	if m == nil {
		return 0, "", fmt.Errorf("roneo media import printed no \"Added N photos\" line: %q", lastLines(out, 5))
	}
	added, _ = strconv.Atoi(m[1])
	return added, strings.TrimSpace(m[0]), nil
}

var albumHoldsRe = regexp.MustCompile(`photo report of article \d+ now holds (\d+) photos`)

// parseAlbumHolds reads how many photos an album holds after --album: "The photo report
// of article 12 now holds 200 photos."; 0 when roneo did not say.
func parseAlbumHolds(out string) int {
	m := albumHoldsRe.FindStringSubmatch(out)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// mediaDir is where roneo keeps a data directory's media.
func mediaDir(dataDir string) string { return filepath.Join(dataDir, "media") }

// mediaFiles lists the files under a data directory's media/photos, by their names in
// the media store ("photos/ab/ab12…ef-800.webp"); none when there is no such directory.
func mediaFiles(dataDir string) (map[string]bool, error) {
	root := mediaDir(dataDir)
	files := map[string]bool{}
	err := filepath.WalkDir(filepath.Join(root, "photos"), func(path string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return fs.SkipAll
		}
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, path)
		files[filepath.ToSlash(rel)] = true
		return err
	})
	return files, err
}

var derivativeNameRe = regexp.MustCompile(`^photos/([0-9a-f]{2})/([0-9a-f]{64})-(\d+)\.(jpg|webp)$`)

// derivatives counts the derivative files among names: what the jobs have written.
func derivatives(names map[string]bool) int {
	n := 0
	for name := range names {
		if derivativeNameRe.MatchString(name) {
			n++
		}
	}
	return n
}

// derivativeIn is the name of the derivative of width w in format ext among names, in
// sorted order, "" when there is none.
func derivativeIn(names []string, w int, ext string) string {
	for _, name := range slices.Sorted(slices.Values(names)) {
		if m := derivativeNameRe.FindStringSubmatch(name); m != nil && m[3] == strconv.Itoa(w) && m[4] == ext {
			return name
		}
	}
	return ""
}

// added are the names in after that are not in before.
func added(before, after map[string]bool) []string {
	var out []string
	for name := range after {
		if !before[name] {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// rssSampler reads a process's VmRSS every interval until stopped, keeping the highest.
type rssSampler struct {
	stopOnce sync.Once
	quit     chan struct{}
	done     chan struct{}
	maxMB    float64
	samples  int
	err      error
	// sampled hears of each sample that no one has heard of yet, for who waits on them.
	sampled chan struct{}
}

// sampleRSS starts reading pid's resident memory every interval.
func sampleRSS(pid int, every time.Duration) *rssSampler {
	s := &rssSampler{quit: make(chan struct{}), done: make(chan struct{}), sampled: make(chan struct{}, 1)}
	go func() {
		defer close(s.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			m, err := readMemory(pid)
			if err != nil {
				s.err = err
				return
			}
			s.maxMB, s.samples = max(s.maxMB, m.RSSMB), s.samples+1
			select {
			case s.sampled <- struct{}{}:
			default:
			}
			select {
			case <-s.quit:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// stop ends the sampling and returns the highest VmRSS seen and how many samples it
// took: one at the start, then one every interval.
func (s *rssSampler) stop() (maxMB float64, samples int, err error) {
	s.stopOnce.Do(func() { close(s.quit) })
	<-s.done
	return s.maxMB, s.samples, s.err
}

// measurePhotos runs the selected photo scenarios, each binary in turn except
// photos-serve, whose rounds alternate the servers with nginx.
func (b *bench) measurePhotos(ctx context.Context) error {
	if b.cfg.wants(scenarioPhotosDerive) {
		if err := b.eachSide(ctx, []string{scenarioPhotosDerive}, b.measurePhotosDerive); err != nil {
			return err
		}
	}
	if b.cfg.wants(scenarioPhotosServe) {
		if err := b.measurePhotosServe(ctx); err != nil {
			return err
		}
	}
	for _, step := range []struct {
		scenario string
		run      func(context.Context, *side) error
	}{{scenarioPhotosBurst, b.measurePhotosBurst}, {scenarioPhotosZip, b.measurePhotosZip}} {
		if !b.cfg.wants(step.scenario) {
			continue
		}
		if err := b.eachSide(ctx, []string{step.scenario}, step.run); err != nil {
			return err
		}
	}
	return nil
}
