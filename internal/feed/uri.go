package feed

import "strings"

// uri is a URL as the feeds write it: cleaned, and escaped where the caller left
// characters a URI cannot hold.
func uri(s string) string {
	return escapeURI(cleanXML(s))
}

// escapeURI percent-encodes the bytes of s that a URI cannot hold: controls, spaces,
// quotes, angle brackets, the bytes of an IRI's non-ASCII letters, a "%" that starts no
// escape. A URL the caller did not escape still reaches readers as a URL, and JSON
// Feed's schema accepts only URIs.
func escapeURI(s string) string {
	i := 0
	for i < len(s) && uriByte(s, i) {
		i++
	}
	if i == len(s) {
		return s
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		if c := s[i]; uriByte(s, i) {
			b.WriteByte(c)
		} else {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// uriByte reports whether s[i] may stand as it is in a URI (RFC 3986).
func uriByte(s string, i int) bool {
	switch c := s[i]; {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	case c == '%':
		return i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
	default:
		return strings.IndexByte("-._~:/?#[]@!$&'()*+,;=", c) >= 0
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
