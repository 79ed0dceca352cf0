// Package hosts knows the addresses the site answers on: the main domain (--base-url),
// which search engines index, and the other addresses readers use when it is blocked (a
// mirror domain, an onion address). A request's Host picks the address its page's links
// use; a Host that is none of them gets the main domain's, so that no page ever echoes a
// Host an attacker chose.
//
// It must not import net/http, the store or the site.
package hosts

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/idna"
)

// Origin is one address of the site: a scheme and a host, with a port when it is not
// the scheme's default. The zero Origin is no address.
type Origin struct {
	Scheme string // "http" or "https"
	Host   string // lower case, ASCII (an IDN in its xn-- form), with ":port" when not the default
}

// String is the origin as links begin: "https://mirror.example.net".
func (o Origin) String() string {
	if o.Host == "" {
		return ""
	}
	return o.Scheme + "://" + o.Host
}

// Hostname is the host without its port.
func (o Origin) Hostname() string {
	if h, _, err := net.SplitHostPort(o.Host); err == nil {
		return h
	}
	return o.Host
}

// Onion reports whether the origin is a Tor onion service.
func (o Origin) Onion() bool { return strings.HasSuffix(o.Hostname(), ".onion") }

// maxOriginLen bounds what ParseOrigin reads: a host name is at most 253 bytes.
const maxOriginLen = 300

// ParseOrigin reads an address as an administrator writes it: a scheme and a host, an
// optional port and nothing else ("https://mirror.example.net", "http://xyz.onion/"). An
// internationalised name is kept in its ASCII form.
func ParseOrigin(s string) (Origin, error) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > maxOriginLen {
		return Origin{}, fmt.Errorf("%q is not an address: give a scheme and a host, such as https://mirror.example.net", s)
	}
	u, err := url.Parse(strings.TrimSuffix(s, "/"))
	switch {
	case err != nil:
		return Origin{}, fmt.Errorf("%q is not an address: %w", s, err)
	case u.Scheme != "http" && u.Scheme != "https":
		return Origin{}, fmt.Errorf("%q: the address must begin with https:// or http://", s)
	case u.User != nil || u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "":
		return Origin{}, fmt.Errorf("%q: give the scheme and host only, without a path, a query or a user", s)
	}
	host, err := canonicalHost(u.Host, u.Scheme)
	if err != nil {
		return Origin{}, fmt.Errorf("%q: %w", s, err)
	}
	return Origin{Scheme: u.Scheme, Host: host}, nil
}

// OriginOf is the origin of an absolute URL, such as the site's base URL: its scheme and
// host, whatever path follows.
func OriginOf(u *url.URL) (Origin, error) {
	return ParseOrigin(u.Scheme + "://" + u.Host)
}

// ParseList reads a list of addresses separated by commas, spaces or new lines, as the
// --hosts flag and the newsroom's settings take it. Repeated addresses count once.
func ParseList(s string) ([]Origin, error) {
	var out []Origin
	seen := map[Origin]bool{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\r' || r == '\t' }) {
		o, err := ParseOrigin(f)
		if err != nil {
			return nil, err
		}
		if !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	return out, nil
}

// FormatList writes origins as ParseList reads them, one per line.
func FormatList(os []Origin) string {
	var b strings.Builder
	for i, o := range os {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(o.String())
	}
	return b.String()
}

// lookup checks host names as DNS does: letters, digits and hyphens in labels of 1 to
// 63 bytes. It is immutable.
var lookup = idna.New(idna.MapForLookup(), idna.VerifyDNSLength(true), idna.StrictDomainName(true), idna.BidiRule())

// errBadHost: a Host header or an address's host that is no DNS name or IP address.
var errBadHost = errors.New("not a valid host name")

// canonicalHost lower-cases host, turns an IDN into its ASCII form, checks the port and
// drops it when it is the scheme's default.
func canonicalHost(hostport, scheme string) (string, error) {
	host, port := hostport, ""
	if h, p, err := net.SplitHostPort(hostport); err == nil {
		host, port = h, p
	} else if strings.Contains(strings.TrimSuffix(strings.TrimPrefix(hostport, "["), "]"), ":") && !strings.HasPrefix(hostport, "[") {
		return "", errBadHost
	}
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || strings.HasPrefix(port, "0") {
			return "", fmt.Errorf("port %q is not a port number", port)
		}
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if ip := net.ParseIP(strings.Trim(host, "[]")); ip != nil {
		host = ip.String()
		if ip.To4() == nil {
			host = "[" + host + "]"
		}
	} else {
		ascii, err := lookup.ToASCII(host)
		if err != nil || ascii == "" || len(ascii) > 253 {
			return "", errBadHost
		}
		host = ascii
	}
	if port == "" || port == "443" && scheme == "https" || port == "80" && scheme == "http" {
		return host, nil
	}
	return host + ":" + port, nil
}
