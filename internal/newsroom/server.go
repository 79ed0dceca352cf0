// Package newsroom serves the newsroom under /newsroom/: sign-in with a second factor,
// accounts and roles, the article editor and its workflow, revisions, embargoed preview
// links, taxonomy, the photo library and photo reports' albums, settings and the audit
// log. Every route names the action it needs and the server checks it on every request.
//
// Handlers call the domain (content, auth, render) and the store and nothing else. It
// must not import the public site, the SQL backends or the command line.
package newsroom

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/hosts"
	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/photo"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// Mailer sends a plain-text e-mail. The newsroom uses it for password links; without one
// (no SMTP configured) an admin hands the links over.
type Mailer interface {
	Send(ctx context.Context, to, subject, body string) error
}

// Store is what the newsroom reads, and the little it writes itself: sessions, tokens,
// autosaves, accounts and preview links. Content changes go through the editorial core.
type Store interface {
	store.Accounts
	store.AuditReader
	store.Previews
	store.Autosaves
	store.ArticleReader
	store.TaxonomyReader
	store.DossierReader
	store.RevisionReader
	store.RedirectReader
	store.JobAdmin
	store.Searcher
	store.PhotoReader
	store.Throttle
	store.Updater
}

// Config is what the newsroom needs from the command line.
type Config struct {
	// Editorial makes every change of content.
	Editorial *editorial.Service
	// Scheme builds the public site's addresses: "view on the site", preview links.
	Scheme *urls.Scheme
	// BaseURL is the public address; links in e-mails are made absolute with it, and
	// cookies are marked Secure when it is https.
	BaseURL  *url.URL
	Theme    fs.FS // templates/newsroom/, static/, i18n/
	Logger   *slog.Logger
	Clock    func() time.Time
	Renderer *render.Renderer
	Hasher   *auth.Hasher
	Mailer   Mailer // nil: no e-mail
	// SessionIdle ends a session nobody used for this long (default 24 h); SessionMax
	// ends any session this long after sign-in (default 30 days).
	SessionIdle time.Duration
	SessionMax  time.Duration
	// TrustedProxies are the reverse proxies whose X-Forwarded-For tells the client's
	// address, for the per-address sign-in limit.
	TrustedProxies []netip.Prefix
	// Hosts are the site's other addresses as the server's --hosts gives them. When set,
	// the settings page shows them and no form changes the stored list; nil: the
	// settings page edits the stored list.
	Hosts []hosts.Origin
	// Media keeps the photos: uploads are cleaned into it, and a deleted photo's files
	// are removed from it. Nil: the newsroom takes no uploads.
	Media media.Store
	// PhotoLimits bound each uploaded file (--max-upload-size, --max-pixels).
	PhotoLimits photo.Limits
	// DBTimeout bounds each database step of an upload, whose request as a whole lasts
	// as long as its files take to arrive (0: no bound but the request's).
	DBTimeout time.Duration
}

// Server is the newsroom, an http.Handler for /newsroom/ and everything below it.
type Server struct {
	cfg      Config
	store    Store
	log      *slog.Logger
	now      func() time.Time
	base     string       // BaseURL without a trailing slash
	main     hosts.Origin // BaseURL's scheme and host, which no other address may repeat
	secure   bool         // cookies only over TLS
	tmpl     *templates
	bundle   *i18n.Bundle
	assets   *webkit.Assets
	handler  http.Handler
	serveMux *http.ServeMux // the routes, to tell which one a resumed form goes to
	table    []route
}

// New builds the newsroom. Templates and assets are read once, here.
func New(ctx context.Context, st Store, cfg Config) (*Server, error) {
	if cfg.BaseURL == nil || cfg.Theme == nil || cfg.Renderer == nil || cfg.Hasher == nil || cfg.Editorial == nil {
		return nil, fmt.Errorf("newsroom: base URL, theme, renderer, hasher and editorial core are required")
	}
	if cfg.Scheme == nil {
		cfg.Scheme = urls.New()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.SessionIdle <= 0 {
		cfg.SessionIdle = 24 * time.Hour
	}
	if cfg.SessionMax <= 0 {
		cfg.SessionMax = 30 * 24 * time.Hour
	}
	if cfg.PhotoLimits.MaxBytes <= 0 {
		cfg.PhotoLimits.MaxBytes = photo.DefaultLimits.MaxBytes
	}
	if cfg.PhotoLimits.MaxPixels <= 0 {
		cfg.PhotoLimits.MaxPixels = photo.DefaultLimits.MaxPixels
	}
	s := &Server{
		cfg: cfg, store: st, log: cfg.Logger, now: cfg.Clock,
		base:   strings.TrimRight(cfg.BaseURL.String(), "/"),
		secure: cfg.BaseURL.Scheme == "https",
	}
	// A base URL ParseOrigin refuses (a test's 127.0.0.1:0) leaves main the zero
	// Origin, which no address equals.
	s.main, _ = hosts.OriginOf(cfg.BaseURL)
	var err error
	if s.bundle, err = i18n.Load(cfg.Theme, "i18n"); err != nil {
		return nil, err
	}
	if s.assets, err = webkit.LoadAssets(cfg.Theme, "static", func(hashed string) string { return prefix + "static/" + hashed }, assetNames...); err != nil {
		return nil, err
	}
	if s.tmpl, err = parseTemplates(cfg.Theme, s.assets); err != nil {
		return nil, err
	}
	s.table = s.routes()
	fields := append(slices.Clone(securityFields), webkit.HSTS(cfg.BaseURL)...)
	s.handler = webkit.Headers(fields)(s.mux(s.table))
	return s, nil
}

// prefix is where the newsroom lives on the site.
const prefix = "/newsroom/"

// ServeHTTP answers every request below /newsroom/ with the newsroom's security headers,
// Strict-Transport-Security among them when the base URL is https.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// absolute makes a newsroom path absolute with the configured base URL, for e-mails and
// the console.
func (s *Server) absolute(path string) string { return s.base + path }
