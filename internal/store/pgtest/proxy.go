package pgtest

import (
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
)

// Proxy forwards TCP connections to PostgreSQL and can cut them (Break), or stall them
// as a network that drops packets does (Stall), to test what happens when the database
// goes away and comes back.
type Proxy struct {
	ln      net.Listener
	target  string
	stalled atomic.Bool
	dropped atomic.Int64 // connections the client closed
	mu      sync.Mutex
	down    bool
	conns   map[net.Conn]bool // the clients' side of the live connections
}

// NewProxy listens on a free loopback port and forwards to the host of dbURL. It
// returns the proxy and dbURL rewritten to go through it.
func NewProxy(tb testing.TB, dbURL string) (*Proxy, string) {
	tb.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		tb.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	p := &Proxy{ln: ln, target: u.Host, conns: map[net.Conn]bool{}}
	go p.accept()
	tb.Cleanup(func() { ln.Close(); p.Break() })
	u.Host = ln.Addr().String()
	return p, u.String()
}

// Break closes every forwarded connection and refuses new ones until Restore.
func (p *Proxy) Break() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = true
	for c := range p.conns {
		c.Close()
	}
	clear(p.conns)
}

// Stall carries nothing either way, on open connections and new ones, without closing
// any: what is sent meanwhile is lost, and neither side hears a word until Restore.
func (p *Proxy) Stall() { p.stalled.Store(true) }

// Restore forwards connections again.
func (p *Proxy) Restore() {
	p.stalled.Store(false)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = false
}

// Dropped counts the connections their client closed, to see a driver give up on one
// that stopped answering.
func (p *Proxy) Dropped() int64 { return p.dropped.Load() }

func (p *Proxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		go p.forward(c)
	}
}

func (p *Proxy) forward(client net.Conn) {
	up, err := net.Dial("tcp", p.target)
	if err != nil {
		client.Close()
		return
	}
	p.mu.Lock()
	if p.down {
		p.mu.Unlock()
		client.Close()
		up.Close()
		return
	}
	p.conns[client] = true
	p.mu.Unlock()
	go func() {
		p.pipe(client, up)
		p.forget(client) // the server ended it: not counted as dropped
		client.Close()
	}()
	p.pipe(up, client)
	if p.forget(client) { // before closing up, which ends the other direction too
		p.dropped.Add(1)
	}
	up.Close()
	client.Close()
}

// pipe copies src to dst, reading and dropping while the proxy is stalled, until src
// ends.
func (p *Proxy) pipe(dst, src net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 && !p.stalled.Load() {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// forget removes the client c from the live connections and reports whether it was
// there: false when the proxy or the server closed it.
func (p *Proxy) forget(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	live := p.conns[c]
	delete(p.conns, c)
	return live
}
