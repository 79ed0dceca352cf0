package newsroom

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// throttleKey is one counter of sign-in attempts, shared by every instance through the
// store, and the most it may hold in a window.
type throttleKey struct {
	key    string
	limit  int
	window time.Duration
}

// Limits: five failures in a quarter of an hour lock an account for the rest of it; an
// address trying many accounts gets twenty. The second factor has its own counter, so a
// stolen password cannot be paired with a brute-forced code.
const (
	accountLimit = 5
	addressLimit = 20
	codeLimit    = 5
	limitWindow  = 15 * time.Minute
)

func (s *Server) signinKeys(email string, r *request) []throttleKey {
	return []throttleKey{
		{key: "signin:account:" + email, limit: accountLimit, window: limitWindow},
		{key: "signin:address:" + clientAddress(r.Request, s.cfg.TrustedProxies), limit: addressLimit, window: limitWindow},
	}
}

func codeKeys(userID int64) []throttleKey {
	return []throttleKey{{key: "signin:code:" + strconv.FormatInt(userID, 10), limit: codeLimit, window: limitWindow}}
}

// overLimit records an attempt under each key and reports whether the failures in its
// window went past the limit: after five failures even the right password waits for the
// window to end. Only failures count: a newsroom behind one address signs in every
// morning without locking itself out, and a success resets nothing. The store's
// throttle can only add, so each key has three counters — attempts, failures, successes
// — and a success learns the failures before it as attempts minus successes.
func (s *Server) overLimit(ctx context.Context, ok bool, keys ...throttleKey) (bool, error) {
	over, now := false, s.now() // one instant, so that the three counters share a window
	for _, k := range keys {
		all, err := s.store.Hit(ctx, k.key+":all", k.window, now)
		if err != nil {
			return false, err
		}
		if ok {
			good, err := s.store.Hit(ctx, k.key+":ok", k.window, now)
			if err != nil {
				return false, err
			}
			over = over || all-good >= k.limit
			continue
		}
		failed, err := s.store.Hit(ctx, k.key+":failed", k.window, now)
		if err != nil {
			return false, err
		}
		over = over || failed > k.limit
	}
	return over, nil
}

// clientAddress is the IP address of whoever sent r. When the peer is one of the trusted
// reverse proxies, it is the last address of X-Forwarded-For that is not a trusted proxy
// itself: the addresses before it were written by the client and prove nothing. Without
// trusted proxies, every request through a proxy shares its address, and the
// per-address limit then protects all accounts together.
func clientAddress(r *http.Request, trusted []netip.Prefix) string {
	peer, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			return r.RemoteAddr
		}
		return host
	}
	addr := peer.Addr().Unmap()
	if !isTrusted(addr, trusted) {
		return addr.String()
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // a malformed hop: trust nothing before it
		}
		if addr = hop.Unmap(); !isTrusted(addr, trusted) {
			return addr.String()
		}
	}
	return addr.String()
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

func urlQuery(s string) string { return url.QueryEscape(s) }
