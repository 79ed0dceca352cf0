package urls

import (
	"maps"
	"net/url"
	"slices"
	"strings"
)

// maxOldAddresses bounds the spellings of one request that are looked up in the
// redirects: a query string of a hundred parameters is a probe, not a reader.
const maxOldAddresses = 12

// CanonicalQuery orders a query string's parameters, so that "?b=2&a=1" and "?a=1&b=2"
// are one old address, and drops the parameters trackers add to links (utm_source,
// fbclid…), which never named a page. A query that does not parse is kept as it is.
func CanonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	v, err := url.ParseQuery(raw)
	if err != nil {
		return raw
	}
	for k := range v {
		if tracker(k) {
			delete(v, k)
		}
	}
	return v.Encode()
}

// tracker reports whether a query parameter is one that marketing and social networks
// add to links.
func tracker(name string) bool {
	switch strings.ToLower(name) {
	case "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_ga":
		return true
	}
	return strings.HasPrefix(strings.ToLower(name), "utm_")
}

// OldAddresses are the spellings under which a request for path?rawQuery may have been
// recorded as an old address, most precise first: with its whole query string, with
// each of its parameters alone (so that "?p=123&utm_source=x" finds "/?p=123"), without
// it, and with the trailing slash the other way round.
func OldAddresses(path, rawQuery string) []string {
	var out []string
	if q := CanonicalQuery(rawQuery); q != "" {
		out = append(out, path+"?"+q)
		if v, err := url.ParseQuery(q); err == nil && len(v) > 1 {
			for _, k := range slices.Sorted(maps.Keys(v)) {
				for _, x := range v[k] {
					out = append(out, path+"?"+url.Values{k: {x}}.Encode())
				}
			}
		}
	}
	out = append(out, path)
	if path != "/" {
		if strings.HasSuffix(path, "/") {
			out = append(out, strings.TrimSuffix(path, "/"))
		} else {
			out = append(out, path+"/")
		}
	}
	if len(out) > maxOldAddresses {
		out = append(out[:maxOldAddresses-2], out[len(out)-2:]...)
	}
	return out
}
