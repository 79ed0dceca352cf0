package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// results is everything one run measured; it is printed and written as JSON.
type results struct {
	Started              time.Time      `json:"started"`
	Finished             time.Time      `json:"finished"`
	Commit               string         `json:"commit"` // what was built: the tree's short commit, "-dirty" when changed; the reference's full one
	Machine              machineInfo    `json:"machine"`
	Settings             settings       `json:"settings"`
	Demo                 *demoResult    `json:"demo,omitempty"`
	Database             databaseResult `json:"database"`
	Page                 *pageResult    `json:"page,omitempty"`
	Runs                 []measurement  `json:"runs"`                              // every measured run, in the order run
	Summaries            []summary      `json:"summaries"`                         // each scenario over its rounds
	CachedVsNginxPercent *float64       `json:"cached_vs_nginx_percent,omitempty"` // median of the rounds
	CachedVsNginxRounds  []roundRatio   `json:"cached_vs_nginx_rounds,omitempty"`
	Postgres             *postgresInfo  `json:"postgres,omitempty"`
	Copy                 *copyResult    `json:"copy,omitempty"`
	// Cached2xVs1xPercent is the median of the rounds' cached-2x / cached-1x req/s.
	Cached2xVs1xPercent *float64         `json:"cached_2x_vs_1x_percent,omitempty"`
	Cached2xVs1xRounds  []roundRatio     `json:"cached_2x_vs_1x_rounds,omitempty"`
	Memory              []memoryResult   `json:"memory"`
	Newsroom            *newsroomResult  `json:"newsroom,omitempty"`
	Search              []searchResult   `json:"search,omitempty"`
	PublishPG           *publishPGResult `json:"publish_pg,omitempty"`
	HitRate             *hitRateResult   `json:"hitrate,omitempty"`
	Sitemap             *sitemapResult   `json:"sitemap,omitempty"`
	Photos              *photosResult    `json:"photos,omitempty"`
	Targets             []target         `json:"targets"`
	// NotAvailable says, for each selected scenario this binary could not run (a
	// reference revision without the command or flag it needs), why.
	NotAvailable map[string]string `json:"not_available,omitempty"`
	// Ref is the -ref revision's results, measured in the same run.
	Ref *results `json:"ref,omitempty"`
}

type machineInfo struct {
	CPUModel  string `json:"cpu_model,omitempty"`
	CPUs      int    `json:"cpus"`
	OS        string `json:"os"`
	Arch      string `json:"arch"`
	Kernel    string `json:"kernel,omitempty"`
	GoVersion string `json:"go_version"`
}

type settings struct {
	Articles    int      `json:"articles,omitempty"` // 0 with -data
	DataDir     string   `json:"data_dir,omitempty"`
	Duration    string   `json:"duration"`
	Rounds      int      `json:"rounds"`
	Connections int      `json:"connections"`
	Threads     int      `json:"threads"`
	Only        []string `json:"only"`
	Ref         string   `json:"ref,omitempty"` // -ref as given
	Photos      int      `json:"photos"`        // -photos
	AlbumPhotos int      `json:"album_photos"`  // -album-photos
}

// postgresInfo says where the scale-out scenarios ran.
type postgresInfo struct {
	URL    string `json:"url"` // -postgres, without a password
	Schema string `json:"schema"`
	Kept   bool   `json:"kept"` // -keep: the schema was not dropped
}

type demoResult struct {
	Articles int     `json:"articles"`
	Seconds  float64 `json:"seconds"`
	Output   string  `json:"output"`
}

type databaseResult struct {
	DBBytes  int64 `json:"db_bytes"`
	WALBytes int64 `json:"wal_bytes"`
	Total    int64 `json:"total_bytes"`
}

type pageResult struct {
	Path  string `json:"path"`
	Bytes int    `json:"bytes"`
}

// measurement is one measured wrk run of a scenario.
type measurement struct {
	Scenario string `json:"scenario"`
	Round    int    `json:"round"` // from 1
	URL      string `json:"url"`
	// SamePageBytes is true when the server sent exactly the reference page; the
	// benchmark requires the same length in any case.
	SamePageBytes bool `json:"same_page_bytes"`
	// CPU is where the machine's CPU went during the measured run.
	CPU cpuShare `json:"cpu"`
	wrkResult
}

func newResults(cfg config) *results {
	kernel, _ := os.ReadFile("/proc/sys/kernel/osrelease")
	articles := cfg.Articles
	if cfg.DataDir != "" {
		articles = 0
	}
	return &results{
		Started: time.Now(),
		Machine: machineInfo{
			CPUModel: cpuModel(), CPUs: runtime.NumCPU(), OS: runtime.GOOS, Arch: runtime.GOARCH,
			Kernel: strings.TrimSpace(string(kernel)), GoVersion: runtime.Version(),
		},
		Settings: settings{
			Articles: articles, DataDir: cfg.DataDir, Duration: cfg.Duration.String(), Rounds: cfg.Rounds,
			Connections: cfg.Connections, Threads: cfg.Threads, Only: cfg.Only, Ref: cfg.Ref,
			Photos: cfg.Photos, AlbumPhotos: cfg.AlbumPhotos,
		},
		Runs:      []measurement{},
		Summaries: []summary{},
		Memory:    []memoryResult{},
	}
}

// summary is the summary of scenario name, nil when it was not measured.
func (r *results) summary(name string) *summary {
	for i := range r.Summaries {
		if r.Summaries[i].Name == name {
			return &r.Summaries[i]
		}
	}
	return nil
}

// peakRSS is the highest VmHWM seen, nil when memory was not measured.
func (r *results) peakRSS() *float64 {
	var peak *float64
	for _, m := range r.Memory {
		if peak == nil || m.PeakMB > *peak {
			peak = &m.PeakMB
		}
	}
	return peak
}

// write saves the results as bench/results/latest.json in the repository.
func (r *results) write(root string) error {
	dir := filepath.Join(root, "bench", "results")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "latest.json"), append(b, '\n'), 0o644)
}

// cpuModel is the first "model name" of /proc/cpuinfo, "" where there is none.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	return parseCPUModel(string(b))
}

func parseCPUModel(cpuinfo string) string {
	for line := range strings.Lines(cpuinfo) {
		key, value, ok := strings.Cut(line, ":")
		if ok && strings.TrimSpace(key) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return ""
}

// summary is the machine in a line: "AMD EPYC, 2 cores (linux/amd64, kernel 6.1.0, go1.26.8)".
func (m machineInfo) summary() string {
	model := m.CPUModel
	if model == "" {
		model = "unknown CPU"
	}
	s := fmt.Sprintf("%s, %d cores (%s/%s", model, m.CPUs, m.OS, m.Arch)
	if m.Kernel != "" {
		s += ", kernel " + m.Kernel
	}
	return s + ", " + m.GoVersion + ")"
}
