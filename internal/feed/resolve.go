package feed

import (
	"net/url"
	"strings"
)

// resolveURL returns raw resolved against base, raw itself when it is absolute or a
// fragment, and false when it cannot be parsed even once repaired.
func resolveURL(base *url.URL, raw string) (string, bool) {
	// A link to a #fragment of the page (a footnote) resolves to the page too: in a
	// feed reader, "#fn:1" would point into the reader's own page.
	v := urlAttrValue(raw)
	u, err := url.Parse(v)
	if err != nil {
		if u, err = url.Parse(repairURL(v)); err != nil {
			return "", false
		}
	}
	if u.Scheme != "" {
		return raw, true
	}
	return base.ResolveReference(u).String(), true
}

// urlAttrValue is the URL in an attribute value as browsers read it: leading and
// trailing spaces and controls stripped, tabs and newlines removed anywhere.
func urlAttrValue(raw string) string {
	v := strings.TrimFunc(raw, func(r rune) bool { return r <= ' ' })
	if strings.ContainsAny(v, "\t\n\r") {
		v = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)
	}
	return v
}

// resolveSrcset resolves each candidate URL of a srcset ("a.jpg 1x, /b.jpg 640w") as
// HTML parses the attribute: a URL is a run of non-space characters, which commas at
// its end close, and its descriptors run to the next comma outside parentheses. A
// candidate whose URL cannot be parsed is dropped; false when none is left.
func resolveSrcset(base *url.URL, raw string) (string, bool) {
	const space = " \t\n\r\f"
	var out []string
	for s := raw; ; {
		s = strings.TrimLeft(s, space+",")
		if s == "" {
			break
		}
		end := strings.IndexAny(s, space)
		if end < 0 {
			end = len(s)
		}
		u, desc := s[:end], ""
		s = s[end:]
		if trimmed := strings.TrimRight(u, ","); trimmed != u {
			u = trimmed
		} else {
			end = descriptorsEnd(s)
			desc, s = strings.Trim(s[:end], space), s[end:]
		}
		abs, ok := resolveURL(base, u)
		if !ok {
			continue
		}
		if desc != "" {
			abs += " " + desc
		}
		out = append(out, abs)
	}
	return strings.Join(out, ", "), len(out) > 0
}

// descriptorsEnd returns the index of the comma that ends a candidate's descriptors,
// or len(s).
func descriptorsEnd(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth = max(depth-1, 0)
		case ',':
			if depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

// repairURL makes what browsers take for a URL and Go's parser refuses into one it
// takes: it escapes the bytes a URI cannot hold (controls, spaces, a "%" that starts no
// escape…), and puts "./" before a relative path whose first segment holds a colon,
// which would otherwise read as a scheme.
func repairURL(v string) string {
	s := escapeURI(v)
	first := s[:strings.IndexAny(s+"/", "/?#")]
	if strings.Contains(first, ":") && !hasScheme(first) {
		s = "./" + s
	}
	return s
}

// hasScheme reports whether s starts with a URL scheme and its colon.
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}
