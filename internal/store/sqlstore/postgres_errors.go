package sqlstore

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/roneo/roneo/internal/store"
)

// startupError says why OpenPostgres could not use the database, in words an operator
// can act on: the URL, the host, the database or the credentials.
func startupError(rawURL string, cfg *pgx.ConnConfig, err error) error {
	target := describeTarget(cfg)
	var pe *pgconn.PgError
	var dnsErr *net.DNSError
	var netErr net.Error
	var reason string
	switch {
	case errors.As(err, &pe) && pe.Code == "3D000": // invalid_catalog_name
		reason = fmt.Sprintf("database %q does not exist", cfg.Database)
	case errors.As(err, &pe) && (pe.Code == "28P01" || pe.Code == "28000"):
		// 28000 is also what a server answers for a role it does not know.
		reason = fmt.Sprintf("authentication failed for user %q", cfg.User)
	case errors.As(err, &pe):
		reason = "the server refused the connection"
	case errors.As(err, &dnsErr):
		reason = fmt.Sprintf("host %q cannot be resolved", dnsErr.Name)
		err = fmt.Errorf("%w: %w", store.ErrUnavailable, err)
	case errors.As(err, &netErr), postgresErrorClass(err) == errUnavailable:
		reason = fmt.Sprintf("host %s cannot be reached", hostPort(cfg))
		err = fmt.Errorf("%w: %w", store.ErrUnavailable, err)
	default:
		reason = "cannot connect"
	}
	return scrub(fmt.Errorf("postgres %s: %s: %w", target, reason, err), rawURL, cfg)
}

// describeTarget names the database without the password: user@host:port/database.
func describeTarget(cfg *pgx.ConnConfig) string {
	return fmt.Sprintf("%s@%s/%s", cfg.User, hostPort(cfg), cfg.Database)
}

func hostPort(cfg *pgx.ConnConfig) string {
	if strings.HasPrefix(cfg.Host, "/") { // a Unix socket directory
		return fmt.Sprintf("%s (port %d)", cfg.Host, cfg.Port)
	}
	return net.JoinHostPort(cfg.Host, fmt.Sprint(cfg.Port))
}

// scrubbedError keeps the cause for errors.Is and errors.As but shows a message from
// which every form of the password has been cut.
type scrubbedError struct {
	msg string
	err error
}

func (e *scrubbedError) Error() string { return e.msg }
func (e *scrubbedError) Unwrap() error { return e.err }

// scrub returns err with the password of rawURL (or of cfg) masked in its message.
// Driver messages redact recognisable passwords only on a best-effort basis, and a
// URL that does not parse can be quoted verbatim, so nothing is left to them.
func scrub(err error, rawURL string, cfg *pgx.ConnConfig) error {
	msg := err.Error()
	for _, secret := range passwordForms(rawURL, cfg) {
		msg = strings.ReplaceAll(msg, secret, "xxxxx")
	}
	return &scrubbedError{msg: msg, err: err}
}

var (
	// urlPassword takes everything between the user's colon and the last @ of the
	// authority, as a lenient reader of a malformed URL would.
	urlPassword = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*://[^:@/]*:(.*)@`)
	kvPassword  = regexp.MustCompile(`password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)`)
)

// passwordForms lists every way the password may appear in a message: as written in
// the URL, percent-decoded, quoted or not, and as the parsed configuration holds it,
// longest first so that no form is left half masked.
func passwordForms(rawURL string, cfg *pgx.ConnConfig) []string {
	var forms []string
	add := func(s string) {
		if s != "" {
			forms = append(forms, s)
			if dec, err := url.PathUnescape(s); err == nil && dec != s {
				forms = append(forms, dec)
			}
		}
	}
	if cfg != nil {
		add(cfg.Password)
	}
	if u, err := url.Parse(rawURL); err == nil && u.User != nil {
		p, _ := u.User.Password()
		add(p)
	}
	if m := urlPassword.FindStringSubmatch(rawURL); m != nil {
		add(m[1])
	}
	for _, m := range kvPassword.FindAllStringSubmatch(rawURL, -1) {
		add(m[1])
		add(strings.Trim(m[1], "'"))
	}
	slices.SortFunc(forms, func(a, b string) int { return len(b) - len(a) })
	return forms
}
