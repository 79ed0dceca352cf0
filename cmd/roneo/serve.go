package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/hosts"
	"github.com/roneo/roneo/internal/jobs"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/newsroom"
	"github.com/roneo/roneo/internal/photo"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/web"
)

// ServeConfig is everything "roneo serve" can be told.
type ServeConfig struct {
	Addr    string
	BaseURL string
	// Hosts are the site's other addresses as --hosts lists them; hosts is the list
	// read, nil when none was given, so that the newsroom's setting applies.
	Hosts        string
	hosts        []hosts.Origin
	PageCacheMB  int
	Demo         bool
	DemoArticles int
	DemoPictures int
	LogLevel     string
	LogFormat    string
	AccessLog    bool
	DBTimeout    time.Duration
	Data         dataFlags
	Newsroom     newsroomFlags
	// Photos are the limits of each uploaded photo: --max-upload-size, --max-pixels.
	Photos photoLimits
}

// Main is a running "roneo serve": tests start it on port 0 and stop it with Close.
type Main struct {
	Config ServeConfig
	stdout io.Writer
	stderr io.Writer

	log       *slog.Logger
	store     store.Store
	media     media.Store
	scheme    *urls.Scheme
	editorial *editorial.Service
	jobs      *jobs.Runner
	site      *site.Server
	newsroom  *newsroom.Server
	http      *http.Server
	listener  net.Listener
	cancel    context.CancelFunc
	wg        sync.WaitGroup
	closeOnce sync.Once
	closeErr  error
}

// NewMain returns a Main with the default configuration.
func NewMain(stdout, stderr io.Writer) *Main {
	return &Main{stdout: stdout, stderr: stderr, Config: ServeConfig{
		Addr: "127.0.0.1:8080", PageCacheMB: 32, DemoArticles: 300, DemoPictures: -1, LogLevel: "info", LogFormat: "text", DBTimeout: defaultDBTimeout,
		Data: dataFlags{Dir: "roneo-data"}, Newsroom: defaultNewsroomFlags(), Photos: photoLimits{photo.DefaultLimits},
	}}
}

// ParseFlags reads the command line and the environment.
func (m *Main) ParseFlags(args []string) error {
	c := &m.Config
	fs := newFlagSet("serve", m.stderr)
	fs.StringVar(&c.Addr, "addr", c.Addr, "address to listen on, host:port (port 0 picks a free one)")
	fs.StringVar(&c.BaseURL, "base-url", c.BaseURL, "public address of the site, such as https://news.example.org (default: http://<addr>)")
	fs.StringVar(&c.Hosts, "hosts", c.Hosts, "other addresses of the site, for readers who cannot reach --base-url (mirror domains, an onion service), such as https://mirror.example.net,http://xyz.onion; replaces the newsroom's list")
	fs.IntVar(&c.PageCacheMB, "page-cache", c.PageCacheMB, "memory for the page cache, in MB; 0 disables it")
	fs.BoolVar(&c.Demo, "demo", c.Demo, "fill an empty data directory with demo content before starting")
	fs.IntVar(&c.DemoArticles, "demo-articles", c.DemoArticles, "number of articles --demo generates")
	fs.IntVar(&c.DemoPictures, "demo-pictures", c.DemoPictures, "number of pictures --demo draws (default: one for every dozen articles, at most 24; 0 for none)")
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "debug, info, warn or error")
	fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, "text or json")
	fs.BoolVar(&c.AccessLog, "access-log", c.AccessLog, "log every request (off by default: readers' visits are not recorded)")
	fs.DurationVar(&c.DBTimeout, "db-timeout", c.DBTimeout, "how long a request may wait for the database before it answers 503 (media downloads excepted)")
	c.Data.register(fs)
	c.Newsroom.register(fs)
	c.Photos.register(fs)
	if _, err := parseArgs(fs, args, noArgs()); err != nil {
		return err
	}
	return c.check()
}

// check refuses what Run would refuse, before anything is opened: every mistake on the
// command line is found here and named by its flag.
func (c *ServeConfig) check() error {
	if err := c.Newsroom.check(); err != nil {
		return err
	}
	if err := c.Photos.check(); err != nil {
		return err
	}
	if c.Newsroom.SMTP != "" {
		if _, err := newSMTPMailer(c.Newsroom.SMTP, c.Newsroom.MailFrom); err != nil {
			return err
		}
	}
	if c.PageCacheMB < 0 {
		return fmt.Errorf("%w: --page-cache %d: give the memory in MB, 0 or more (0 turns the cache off)", errUsage, c.PageCacheMB)
	}
	if c.DemoArticles < 1 || c.DemoArticles > maxDemoArticles {
		return fmt.Errorf("%w: --demo-articles %d: give a number from 1 to %d", errUsage, c.DemoArticles, maxDemoArticles)
	}
	if c.DBTimeout <= 0 {
		return fmt.Errorf("%w: --db-timeout %s: give a positive duration, such as 5s", errUsage, c.DBTimeout)
	}
	if err := checkLogFlags(c.LogLevel, c.LogFormat); err != nil {
		return err
	}
	if c.BaseURL != "" {
		if _, err := parseBaseURL(c.BaseURL); err != nil {
			return err
		}
	}
	if err := c.checkHosts(); err != nil {
		return err
	}
	_, err := mediaConfig(c.Data.mediaLocation())
	return err
}

// checkHosts reads --hosts. The main address is refused among the others: the site
// would answer on it as the main one anyway, and listing it there means the
// difference between --base-url and --hosts was missed.
func (c *ServeConfig) checkHosts() error {
	c.hosts = nil
	list, err := hosts.ParseList(c.Hosts)
	if err != nil {
		return fmt.Errorf("%w: --hosts: %w", errUsage, err)
	}
	if len(list) > content.MaxHosts {
		return fmt.Errorf("%w: --hosts lists %d addresses, %d at most", errUsage, len(list), content.MaxHosts)
	}
	if c.BaseURL != "" {
		mainAddr := mainOrigin(c.BaseURL)
		for _, o := range list {
			if o.Host == mainAddr.Host {
				return fmt.Errorf("%w: --hosts: %s is the main address, --base-url %s; list only the others", errUsage, o, c.BaseURL)
			}
		}
	}
	if len(list) > 0 {
		c.hosts = list
	}
	return nil
}

// mainOrigin is the scheme and host of a base URL parseBaseURL accepted.
func mainOrigin(baseURL string) hosts.Origin {
	u, err := parseBaseURL(baseURL)
	if err != nil {
		return hosts.Origin{}
	}
	o, _ := hosts.OriginOf(u)
	return o
}

// Run opens the data, starts the scheduler and the HTTP server, and returns once the
// site is reachable.
func (m *Main) Run(ctx context.Context) (err error) {
	if m.log, err = newLogger(m.stderr, m.Config.LogLevel, m.Config.LogFormat); err != nil {
		return err
	}
	limitMemory(m.Config.PageCacheMB)
	db, err := m.Config.Data.openLogged(ctx, m.log)
	if err != nil {
		return err // m.store stays a nil interface, not a nil *DB that Close would call
	}
	m.store = db
	logSchema(m.log, db.SchemaStatus())
	if m.media, err = openMedia(m.Config.Data.mediaLocation()); err != nil {
		return err
	}
	m.scheme = urls.New()
	m.editorial = editorial.New(m.store, editorial.Config{Renderer: render.New(), Scheme: m.scheme, Clock: time.Now, Log: m.log})
	if m.Config.Demo {
		if err := m.fillDemo(ctx); err != nil {
			return err
		}
	}
	m.listener, err = net.Listen("tcp", m.Config.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", m.Config.Addr, err)
	}
	base, err := m.baseURL()
	if err != nil {
		return err
	}
	m.site, err = site.New(ctx, m.store, site.Config{
		BaseURL: base, Hosts: m.Config.hosts, PageCacheBytes: int64(m.Config.PageCacheMB) << 20, Theme: web.FS, Scheme: m.scheme,
		Media: m.media, Logger: m.log, Clock: time.Now,
	})
	if err != nil {
		return err
	}
	if m.newsroom, err = m.newNewsroom(ctx, base); err != nil {
		return err
	}
	if err := m.startBackground(ctx); err != nil {
		return err
	}
	m.startHTTP()
	fmt.Fprintf(m.stdout, "Roneo is running at %s/\n", strings.TrimRight(base.String(), "/"))
	if m.writesRefused() {
		fmt.Fprintf(m.stdout, "The database is newer than this version of Roneo: it serves readers and refuses every write.\n")
	} else if err := printSetupLink(ctx, m.store, strings.TrimRight(base.String(), "/"), m.stdout); err != nil {
		return err
	}
	m.log.Info("serving", "addr", m.listener.Addr().String(), "base_url", base.String(),
		"database", m.Config.Data.describe(), "media", m.Config.Data.mediaLocation())
	return nil
}

// limitMemory sets a soft limit on the Go heap, unless GOMEMLIMIT does: twice the page
// cache plus room for requests. Without it, a full page cache lets
// the heap grow to twice its size before the collector runs.
func limitMemory(pageCacheMB int) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(int64(2*pageCacheMB+48) << 20)
}

// URL is where this instance can be reached (for tests and the start-up message).
func (m *Main) URL() string { return "http://" + m.listener.Addr().String() }

func (m *Main) baseURL() (*url.URL, error) {
	if m.Config.BaseURL == "" {
		return parseBaseURL(m.URL())
	}
	return parseBaseURL(m.Config.BaseURL)
}

func parseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: --base-url %q must be an absolute http(s) address", errUsage, raw)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	return u, nil
}

// startBackground starts this instance's job runner. Every instance runs one; the queue
// gives each job to one of them, and to another if that one dies.
func (m *Main) startBackground(ctx context.Context) error {
	if m.writesRefused() {
		// Claiming a job is a write: the instances that may write run them.
		m.log.Info("background jobs are left to instances that may write to the database")
		return nil
	}
	m.jobs = newJobRunner(m.store, m.editorial, m.media, m.log)
	runCtx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	stop := m.store.Subscribe(func(c store.Change) {
		if c.Jobs {
			m.jobs.Wake()
		}
	})
	m.wg.Go(func() {
		defer stop()
		m.jobs.Run(runCtx)
	})
	m.wg.Go(func() { m.keepStatistics(runCtx) })
	// Whatever was scheduled before this version queued jobs, or while every instance
	// was down, is published now or at its time; photos whose derivatives were given up
	// get them now.
	if n, err := m.editorial.QueueMissingDerivatives(ctx); err != nil {
		return err
	} else if n > 0 {
		m.log.Info("queued the derivatives photos lacked", "photos", n)
	}
	return m.editorial.QueueSchedule(ctx)
}

// statisticsInterval is how often a running instance refreshes the planner statistics
// that went stale, as SQLite recommends for long-lived connections: articles written
// since the start can change which index serves a page best.
const statisticsInterval = 6 * time.Hour

func (m *Main) keepStatistics(ctx context.Context) {
	t := time.NewTicker(statisticsInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := m.store.Optimize(ctx); err != nil && ctx.Err() == nil {
				m.log.Warn("could not refresh the planner statistics", "err", err)
			}
		}
	}
}

// writesRefused reports whether the store refuses every write (a newer schema).
func (m *Main) writesRefused() bool { return m.store.SchemaStatus().WritesRefused }

func (m *Main) startHTTP() {
	h := withNewsroom(m.site, m.newsroom)
	h = withDeadline(m.Config.DBTimeout, []string{m.mediaPrefix()}, m.log, h)
	if m.Config.AccessLog {
		h = accessLog(m.log, h)
	}
	m.http = &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(m.log.Handler(), slog.LevelWarn),
	}
	m.wg.Go(func() {
		if err := m.http.Serve(m.listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.log.Error("http server stopped", "err", err)
		}
	})
}

// mediaPrefix is where the site serves media files: "/media/".
func (m *Main) mediaPrefix() string {
	return strings.TrimSuffix(m.scheme.Path(urls.Page{Kind: urls.Media, Key: "x"}), "x")
}

// Close stops accepting requests, lets those under way finish (up to 15 s), stops the
// background jobs and closes the database.
func (m *Main) Close() error {
	m.closeOnce.Do(func() {
		var errs []error
		if m.http != nil {
			ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
			errs = append(errs, m.http.Shutdown(ctx))
			cancel()
		} else if m.listener != nil {
			m.listener.Close()
		}
		if m.cancel != nil {
			m.cancel()
		}
		m.wg.Wait()
		if m.site != nil {
			m.site.Close()
		}
		if m.store != nil {
			errs = append(errs, m.store.Close())
		}
		if m.media != nil {
			errs = append(errs, m.media.Close())
		}
		m.closeErr = errors.Join(errs...)
	})
	return m.closeErr
}
