package hosts

import (
	"strings"
)

// Set is the site's addresses: the main one and the others. It is immutable and safe
// for concurrent use.
type Set struct {
	main   Origin
	others []Origin
	byHost map[string]Origin // every address's host as a Host header names it
}

// NewSet makes the set of main and others; an other address equal to the main one, or
// on the same host, is dropped.
func NewSet(main Origin, others []Origin) *Set {
	s := &Set{main: main, byHost: map[string]Origin{main.Host: main}}
	for _, o := range others {
		if _, dup := s.byHost[o.Host]; dup || o.Host == "" {
			continue
		}
		s.byHost[o.Host] = o
		s.others = append(s.others, o)
	}
	return s
}

// Others are the other addresses, in the order given: mirrors and onion services.
func (s *Set) Others() []Origin { return s.others }

// Onion is the first onion address among the others, for Onion-Location.
func (s *Set) Onion() (Origin, bool) {
	for _, o := range s.others {
		if o.Onion() {
			return o, true
		}
	}
	return Origin{}, false
}

// maxHostHeader bounds the Host headers Match reads.
const maxHostHeader = 300

// Match finds the address a request's Host header names. Ports are compared as the
// addresses were configured: "mirror.example.net:443" is "https://mirror.example.net".
// An unknown, malformed or absurd Host is the main domain, with ok false.
func (s *Set) Match(hostHeader string) (o Origin, ok bool) {
	if hostHeader == "" || len(hostHeader) > maxHostHeader {
		return s.main, false
	}
	if o, ok := s.byHost[hostHeader]; ok { // the common case: as configured
		return o, true
	}
	h := strings.ToLower(hostHeader)
	for _, scheme := range [...]string{"https", "http"} {
		if c, err := canonicalHost(h, scheme); err == nil {
			if o, ok := s.byHost[c]; ok && o.Scheme == scheme {
				return o, true
			}
		}
	}
	return s.main, false
}
