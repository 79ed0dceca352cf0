package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/newsroom"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/web"
)

// newsroomFlags configure the newsroom: how long sessions last and how e-mail leaves.
type newsroomFlags struct {
	SessionIdle time.Duration
	SessionMax  time.Duration
	SMTP        string // smtp://user:password@host:587 (STARTTLS) or smtps://…:465
	MailFrom    string
	Proxies     string // comma-separated addresses or CIDR ranges of trusted reverse proxies
	proxies     []netip.Prefix
}

func defaultNewsroomFlags() newsroomFlags {
	return newsroomFlags{SessionIdle: 24 * time.Hour, SessionMax: 30 * 24 * time.Hour}
}

func (n *newsroomFlags) register(fs *flag.FlagSet) {
	fs.DurationVar(&n.SessionIdle, "session-idle", n.SessionIdle, "newsroom sessions end after this long unused")
	fs.DurationVar(&n.SessionMax, "session-max", n.SessionMax, "newsroom sessions end this long after sign-in, used or not")
	fs.StringVar(&n.SMTP, "smtp", n.SMTP, "mail server for password links, smtp://user:password@host:587 or smtps://…:465 (without it, admins hand links over)")
	fs.StringVar(&n.MailFrom, "mail-from", n.MailFrom, "sender address of the newsroom's e-mails (required with --smtp)")
	fs.StringVar(&n.Proxies, "trusted-proxies", n.Proxies, "reverse proxies whose X-Forwarded-For gives the client's address, e.g. 127.0.0.1,10.0.0.0/8 (for the sign-in limit per address)")
}

func (n *newsroomFlags) check() error {
	if n.SessionIdle < time.Minute || n.SessionMax < n.SessionIdle {
		return fmt.Errorf("%w: --session-idle must be at least 1m and --session-max at least as long", errUsage)
	}
	if n.SMTP != "" && n.MailFrom == "" {
		return fmt.Errorf("%w: --smtp needs --mail-from", errUsage)
	}
	n.proxies = nil
	for _, p := range strings.Split(n.Proxies, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		prefix, err := netip.ParsePrefix(p)
		if err != nil {
			addr, aerr := netip.ParseAddr(p)
			if aerr != nil {
				return fmt.Errorf("%w: --trusted-proxies: %q is neither an IP address nor a CIDR range", errUsage, p)
			}
			prefix = netip.PrefixFrom(addr, addr.BitLen())
		}
		n.proxies = append(n.proxies, prefix.Masked())
	}
	return nil
}

// newNewsroom builds the newsroom for serve.
func (m *Main) newNewsroom(ctx context.Context, base *url.URL) (*newsroom.Server, error) {
	n := m.Config.Newsroom
	var mailer newsroom.Mailer
	if n.SMTP != "" {
		mm, err := newSMTPMailer(n.SMTP, n.MailFrom)
		if err != nil {
			return nil, err
		}
		mailer = mm
	}
	return newsroom.New(ctx, m.store, newsroom.Config{
		Editorial: m.editorial, Scheme: m.scheme,
		BaseURL: base, Theme: web.FS, Logger: m.log, Clock: time.Now,
		Renderer: render.New(), Hasher: auth.NewHasher(auth.Params{}, 0), Mailer: mailer,
		SessionIdle: n.SessionIdle, SessionMax: n.SessionMax, TrustedProxies: n.proxies,
		Hosts: m.Config.hosts,
		Media: m.media, PhotoLimits: m.Config.Photos.Limits, DBTimeout: m.Config.DBTimeout,
	})
}

// withNewsroom sends /newsroom and everything below it to the newsroom, the rest to the
// public site.
func withNewsroom(site, nr http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/newsroom" || strings.HasPrefix(r.URL.Path, "/newsroom/") {
			nr.ServeHTTP(w, r)
			return
		}
		site.ServeHTTP(w, r)
	})
}

// printSetupLink prints the one-time link that creates the first admin when the newsroom
// has no account yet. There is no default password: whoever can read the console of
// the server sets the first one.
func printSetupLink(ctx context.Context, nr store.Accounts, base string, stdout io.Writer) error {
	link, err := newsroom.SetupLink(ctx, nr, base, time.Now())
	if errors.Is(err, newsroom.ErrHasUsers) {
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "No newsroom account exists yet. Create the first admin within 24 hours, once, at:\n  %s\n", link)
	return nil
}

const userUsage = `Usage:
  roneo user setup-link [flags]              print a one-time link that creates the first admin
  roneo user reset-link --email X [flags]    print a one-time password-reset link (valid 1 hour)

The links are for an admin at the console when no e-mail can be sent.
`

// runUser is "roneo user": links for the first admin and for lost passwords.
func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "setup-link" && args[0] != "reset-link") {
		fmt.Fprint(stderr, userUsage)
		return errUsage
	}
	data := dataFlags{Dir: "roneo-data"}
	base, email := "http://127.0.0.1:8080", ""
	fs := newFlagSet("user "+args[0], stderr)
	fs.StringVar(&base, "base-url", base, "public address of the site, as given to serve")
	if args[0] == "reset-link" {
		fs.StringVar(&email, "email", email, "the account's e-mail address")
	}
	data.register(fs)
	if _, err := parseArgs(fs, args[1:], noArgs()); err != nil {
		return err
	}
	if args[0] == "reset-link" && email == "" {
		return fmt.Errorf("%w: user reset-link needs --email, the e-mail address of the account", errUsage)
	}
	s, err := data.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	base = strings.TrimRight(base, "/")
	if args[0] == "setup-link" {
		link, err := newsroom.SetupLink(ctx, s, base, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Create the first admin within 24 hours, once, at:\n  %s\n", link)
		return nil
	}
	link, err := newsroom.ResetLink(ctx, s, base, email, time.Now())
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no account has the e-mail address %s", email)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Set a new password for %s within an hour, once, at:\n  %s\n", email, link)
	return nil
}
