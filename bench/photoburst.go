package main

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// photos-burst sends -album-photos uploads at once to the newsroom of a running roneo
// serve on the demo site, each a request of its own, as a newsroom's photographers do
// on the morning of a march, and reads the server's peak resident memory (VmHWM) once
// every derivative is stored: the uploads' buffers and the derivative jobs both count.

// derivativesPerPhoto is how many derivatives a photo wider than the widest derivative
// gets: 400, 800 and 1600 px, in JPEG and WebP.
const derivativesPerPhoto = 6

// burstTimeout is how long an upload of the burst may take, queueing included.
const burstTimeout = 15 * time.Minute

// derivativeQuiet is how long no new derivative may appear before the benchmark stops
// waiting for the jobs: a photo's derivatives take a second or two.
const derivativeQuiet = 20 * time.Second

// burstResult is what photos-burst measured.
type burstResult struct {
	Uploads  int `json:"uploads"`
	Accepted int `json:"accepted"`
	// Failed holds the first failure's message when some uploads failed.
	Failed string `json:"failed,omitempty"`
	// UploadSeconds is the time until every upload was answered, DerivedSeconds until
	// every derivative was stored (or none appeared for derivativeQuiet).
	UploadSeconds  float64 `json:"upload_seconds"`
	DerivedSeconds float64 `json:"derived_seconds"`
	Derivatives    int     `json:"derivatives"`          // new derivative files
	Expected       int     `json:"expected_derivatives"` // six a photo accepted
	BeforeMB       float64 `json:"before_rss_mb"`
	PeakMB         float64 `json:"peak_rss_mb"` // VmHWM once the derivatives are made
}

// measurePhotosBurst runs photos-burst for one binary.
func (b *bench) measurePhotosBurst(ctx context.Context, s *side) error {
	files, err := b.setFiles(s, scenarioPhotosBurst, burstPhotos(b.cfg.AlbumPhotos))
	if err != nil {
		return err
	}
	srv, err := b.startRoneo(ctx, s, roneoInstance{label: scenarioPhotosBurst, pageCache: true})
	if err != nil {
		return err
	}
	defer srv.stop()
	nc, err := b.newsroomSignIn(ctx, s, srv, false)
	if err != nil {
		return err
	}
	up, err := b.uploadForm(ctx, nc, srv.base)
	if err != nil {
		return err
	}
	// Uploads queue behind the server's bound on decoding: the last of 200 is answered
	// minutes after it was sent, where a page is given 30 s.
	burst := *nc
	burst.Timeout = burstTimeout
	mediaBefore, err := mediaFiles(s.dataDir)
	if err != nil {
		return err
	}
	mem, err := readMemory(srv.pid())
	if err != nil {
		return err
	}
	res := &burstResult{Uploads: len(files), BeforeMB: mem.RSSMB}
	b.logf("photos-burst (%s): %d uploads at once to %s", s.describe(), len(files), up.action)
	start := time.Now()
	b.uploadAll(ctx, &burst, up, files, res)
	res.UploadSeconds = time.Since(start).Seconds()
	if err := srv.exitedErr(); err != nil {
		return err
	}
	if res.Accepted == 0 {
		return fmt.Errorf("photos-burst: no upload was accepted: %s", res.Failed)
	}
	res.Expected = res.Accepted * derivativesPerPhoto
	if err := b.awaitDerivatives(ctx, s.dataDir, mediaBefore, res.Expected, res); err != nil {
		return err
	}
	res.DerivedSeconds = time.Since(start).Seconds()
	if mem, err = readMemory(srv.pid()); err != nil {
		return err
	}
	res.PeakMB = mem.PeakMB
	s.res.photos().Burst = res
	b.logf("photos-burst (%s): %d/%d accepted in %.1f s, %d derivatives after %.1f s; RSS %.1f MB before, peak %.1f MB",
		s.describe(), res.Accepted, res.Uploads, res.UploadSeconds, res.Derivatives, res.DerivedSeconds, res.BeforeMB, res.PeakMB)
	return nil
}

// exitedErr is the server's exit, nil while it runs.
func (s *roneoServer) exitedErr() error {
	select {
	case <-s.done:
		return s.exited()
	default:
		return nil
	}
}

// uploadAll sends one upload a file, all at once, and counts those accepted.
func (b *bench) uploadAll(ctx context.Context, nc *http.Client, up uploadForm, files []string, res *burstResult) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, f := range files {
		wg.Go(func() {
			err := up.send(ctx, nc, f)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				res.Accepted++
			case res.Failed == "":
				res.Failed = firstLine(err.Error())
			}
		})
	}
	wg.Wait()
}

// awaitDerivatives waits until want derivatives more than before are stored under the
// data directory, or none has appeared for derivativeQuiet (a photo stored already
// gets none), and records how many there are.
func (b *bench) awaitDerivatives(ctx context.Context, dataDir string, before map[string]bool, want int, res *burstResult) error {
	last, lastChange := -1, time.Now()
	for {
		now, err := mediaFiles(dataDir)
		if err != nil {
			return err
		}
		n := derivatives(now) - derivatives(before)
		if n != last {
			last, lastChange = n, time.Now()
		}
		res.Derivatives = n
		if n >= want || time.Since(lastChange) > derivativeQuiet {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// setFiles generates a set of photos for a scenario of the side's, or finds it made.
func (b *bench) setFiles(s *side, scenario string, set photoSet) ([]string, error) {
	b.logf("%s (%s): %s", scenario, s.describe(), plural(set.count, set.name+" photo"))
	return photoFiles(b.photoDir(), set)
}
