package main

import (
	"archive/zip"
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"os"
	"slices"
	"time"
)

// photos-zip attaches -album-photos photos to an article as its album, with
// "roneo media import --album", and fetches the album's ZIP from roneo serve as a
// journalist does: the time to its first byte, its throughput, and the server's
// resident memory before, while (every zipSampleEvery) and after it streams. A ZIP
// streamed as it is written keeps the memory flat whatever the album's size; one built
// in memory first grows by the album's size. The ZIP is then read back with archive/zip:
// a photo an entry, plus the credits.

// zipSampleEvery is how often the server's VmRSS is read while the ZIP streams.
const zipSampleEvery = 50 * time.Millisecond

// zipCredits is the text file of credits every album ZIP holds.
const zipCredits = "credits.txt"

// The album's photos' credit and alt text: a published article's album needs an alt
// text in the article's language for every photo.
const (
	albumCredit = "Banc d’essai"
	albumAlt    = "Le cortège de la manifestation de ce matin, vu depuis le trottoir"
)

// zipResult is what photos-zip measured.
type zipResult struct {
	ZipPath       string  `json:"zip_path"` // /fr/article/…/photos.zip
	Photos        int     `json:"photos"`   // in the album
	ImportSeconds float64 `json:"import_seconds"`
	Entries       int     `json:"entries"` // in the ZIP, credits included
	Bytes         int64   `json:"bytes"`
	FirstByteMS   float64 `json:"first_byte_ms"`
	Seconds       float64 `json:"seconds"` // from the request to the last byte
	MBPerSec      float64 `json:"mb_per_sec"`
	// The server's VmRSS before the request, the highest while streaming, and after.
	BeforeMB float64 `json:"before_rss_mb"`
	DuringMB float64 `json:"during_max_rss_mb"`
	AfterMB  float64 `json:"after_rss_mb"`
	Samples  int     `json:"samples"`
	// The server's peak (VmHWM) before and after: a rise between samples shows here,
	// unless the server had been higher still before.
	PeakBeforeMB float64 `json:"peak_before_mb"`
	PeakAfterMB  float64 `json:"peak_after_mb"`
}

// growthMB is how far the memory rose above where it was while the ZIP streamed.
func (z *zipResult) growthMB() float64 { return z.DuringMB - z.BeforeMB }

// measurePhotosZip runs photos-zip for one binary.
func (b *bench) measurePhotosZip(ctx context.Context, s *side) error {
	files, err := b.setFiles(s, scenarioPhotosZip, albumPhotos(b.cfg.AlbumPhotos))
	if err != nil {
		return err
	}
	article, err := b.albumArticle(ctx, s)
	if err != nil {
		return err
	}
	b.logf("photos-zip (%s): roneo media import --album %s of %d photos", s.describe(), article.id, len(files))
	run, err := b.importPhotos(ctx, s, s.dataDir, files, "--album", article.id,
		"--credit", albumCredit, "--alt", albumAlt, "--alt-lang", "fr")
	if err != nil {
		return err
	}
	if run.Album != len(files) {
		return fmt.Errorf("photos-zip: after roneo media import --album %s the album holds %d photos, want %d", article.id, run.Album, len(files))
	}
	res := &zipResult{ZipPath: article.zipPath, Photos: run.Album, ImportSeconds: run.Seconds}
	srv, err := b.startRoneo(ctx, s, roneoInstance{label: scenarioPhotosZip, pageCache: true})
	if err != nil {
		return err
	}
	defer srv.stop()
	file := b.ws.path(s.name("album.zip"))
	defer os.Remove(file)
	if err := b.fetchZip(ctx, srv, article.zipPath, file, res); err != nil {
		return err
	}
	if res.Entries, err = checkZip(file); err != nil {
		return fmt.Errorf("photos-zip: %s: %w", article.zipPath, err)
	}
	if res.Entries != res.Photos+1 {
		return fmt.Errorf("photos-zip: %s holds %d entries, want %d photos and %s", article.zipPath, res.Entries, res.Photos, zipCredits)
	}
	s.res.photos().Zip = res
	b.logf("photos-zip (%s): %.1f MB, first byte %.0f ms, %.1f MB/s; RSS %.1f MB before, at most %.1f MB during (%d samples), %.1f MB after",
		s.describe(), mb(res.Bytes), res.FirstByteMS, res.MBPerSec, res.BeforeMB, res.DuringMB, res.Samples, res.AfterMB)
	return nil
}

// fetchZip downloads the ZIP at path into file, timing it and sampling the server's
// memory meanwhile.
func (b *bench) fetchZip(ctx context.Context, srv *roneoServer, path, file string, res *zipResult) error {
	before, err := readMemory(srv.pid())
	if err != nil {
		return err
	}
	res.BeforeMB, res.PeakBeforeMB = before.RSSMB, before.PeakMB
	var firstByte time.Time
	trace := &httptrace.ClientTrace{GotFirstResponseByte: func() { firstByte = time.Now() }}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), http.MethodGet, srv.base+path, nil)
	if err != nil {
		return err
	}
	sampler := sampleRSS(srv.pid(), zipSampleEvery)
	start := time.Now()
	n, err := download(zipClient, req, file)
	res.Seconds = time.Since(start).Seconds()
	during, samples, sampleErr := sampler.stop()
	if err != nil {
		return err
	}
	if sampleErr != nil {
		return sampleErr
	}
	res.Bytes, res.DuringMB, res.Samples = n, during, samples
	res.FirstByteMS = ms(firstByte.Sub(start))
	res.MBPerSec = mb(n) / res.Seconds
	after, err := readMemory(srv.pid())
	res.AfterMB, res.PeakAfterMB = after.RSSMB, after.PeakMB
	return err
}

// zipClient fetches an album's ZIP: hundreds of megabytes may take longer than the
// page client's 30 s.
var zipClient = &http.Client{Timeout: 10 * time.Minute, Transport: &http.Transport{DisableCompression: true, Proxy: nil}}

// download writes the answer to req into file and returns its length; anything but a
// 200 is an error.
func download(c *http.Client, req *http.Request, file string) (int64, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return 0, fmt.Errorf("GET %s: status %d, want 200: %s", req.URL, resp.StatusCode, body)
	}
	f, err := os.Create(file)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	n, err := io.Copy(w, resp.Body)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return n, fmt.Errorf("GET %s: %w", req.URL, err)
	}
	return n, nil
}

// checkZip reads a ZIP back, every entry to its end so that archive/zip checks each
// CRC, and returns how many entries it holds; it must hold the credits.
func checkZip(file string) (int, error) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return 0, err
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		if err := readEntry(f); err != nil {
			return 0, err
		}
		names = append(names, f.Name)
	}
	if !slices.Contains(names, zipCredits) {
		return len(names), fmt.Errorf("no %s among its %d entries", zipCredits, len(names))
	}
	return len(names), nil
}

func readEntry(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	if _, err := io.Copy(io.Discard, rc); err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	return nil
}
