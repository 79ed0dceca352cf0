package sitemap

import (
	"errors"
	"net/netip"
	"strings"
)

// checkLoc accepts an escaped absolute http(s) URL with a host. It is written by hand
// rather than with net/url so that Add allocates nothing; the fuzz test holds it to
// agree with url.Parse on every Loc it accepts.
func checkLoc(loc string) error {
	if len(loc) < minLocBytes {
		return errors.New("shorter than the schema's 12 characters")
	}
	for i := 0; i < len(loc); i++ {
		// An escaped URL is printable ASCII; anything else means the caller did not
		// escape it, and no XML-illegal character can reach the file.
		c := loc[i]
		if c <= ' ' || c >= 0x7f {
			return errors.New("not an escaped URL (space, control or non-ASCII byte)")
		}
		if c == '%' && (i+2 >= len(loc) || !isHex(loc[i+1]) || !isHex(loc[i+2])) {
			return errors.New("a % that starts no escape")
		}
	}
	rest, ok := cutScheme(loc)
	if !ok {
		return errors.New("not an absolute http or https URL")
	}
	authority := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority = rest[:i]
	}
	return checkAuthority(authority)
}

func cutScheme(loc string) (string, bool) {
	for _, scheme := range []string{"https://", "http://"} {
		if len(loc) >= len(scheme) && strings.EqualFold(loc[:len(scheme)], scheme) {
			return loc[len(scheme):], true
		}
	}
	return "", false
}

// checkAuthority wants a host and an optional port, and no user information: a public
// sitemap has no business carrying credentials.
func checkAuthority(a string) error {
	host, port := a, ""
	if strings.HasPrefix(a, "[") {
		end := strings.IndexByte(a, ']')
		if end < 0 {
			return errors.New("unclosed IPv6 host")
		}
		host, port = a[1:end], a[end+1:]
		if ip, err := netip.ParseAddr(host); !allBytes(host, isIPv6Byte) || err != nil || !ip.Is6() {
			return errors.New("bad IPv6 host")
		}
	} else if i := strings.LastIndexByte(a, ':'); i >= 0 {
		host, port = a[:i], a[i:]
		if !allBytes(host, isHostByte) {
			return errors.New("bad host")
		}
	} else if !allBytes(host, isHostByte) {
		return errors.New("bad host")
	}
	if port != "" && (port[0] != ':' || !allBytes(port[1:], isDigit)) {
		return errors.New("bad port")
	}
	return nil
}

// allBytes is false for the empty string: a host or port that is there is not empty.
func allBytes(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isHostByte allows registered names in ASCII (internationalised ones in punycode)
// and IPv4 addresses.
func isHostByte(c byte) bool {
	return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'z' || c == '-' || c == '.'
}

func isHex(c byte) bool { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }

func isIPv6Byte(c byte) bool { return isHex(c) || c == ':' || c == '.' }

// appendEscaped escapes the five characters XML gives a meaning to, so the Loc can
// stand in element content (where only & and < must be) and reads the same to any
// consumer.
func appendEscaped(e []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\'':
			esc = "&apos;"
		case '"':
			esc = "&quot;"
		default:
			continue
		}
		e = append(append(e, s[start:i]...), esc...)
		start = i + 1
	}
	return append(e, s[start:]...)
}
