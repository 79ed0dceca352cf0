package main

import (
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
)

// stallProxy forwards TCP connections to PostgreSQL until it stalls: then it keeps every
// connection open and accepts new ones, but carries nothing either way, as a network
// that drops packets does. It counts the connections the client closed, to see a
// driver drop a connection that stopped answering.
type stallProxy struct {
	ln       net.Listener
	target   string
	stalled  atomic.Bool
	mu       sync.Mutex
	conns    map[net.Conn]bool
	dropped  atomic.Int64 // connections the client closed
	accepted atomic.Int64
}

// newStallProxy listens on a free port and returns the proxy and dbURL through it.
func newStallProxy(t *testing.T, dbURL string) (*stallProxy, string) {
	t.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &stallProxy{ln: ln, target: u.Host, conns: map[net.Conn]bool{}}
	go p.accept()
	t.Cleanup(p.close)
	u.Host = ln.Addr().String()
	return p, u.String()
}

func (p *stallProxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.accepted.Add(1)
		go p.forward(c)
	}
}

func (p *stallProxy) forward(client net.Conn) {
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		client.Close()
		return
	}
	p.mu.Lock()
	p.conns[client], p.conns[server] = true, true
	p.mu.Unlock()
	go func() {
		p.pipe(client, server)
		server.Close()
	}()
	p.pipe(server, client)
	client.Close()
	if p.forget(client) {
		p.dropped.Add(1)
	}
}

// pipe copies from src to dst, or reads and drops while stalled, until src ends.
func (p *stallProxy) pipe(dst, src net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 && !p.stalled.Load() {
			dst.Write(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

// forget removes client from the live connections and reports whether it was there:
// false when the proxy closed it itself.
func (p *stallProxy) forget(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	live := p.conns[c]
	delete(p.conns, c)
	return live
}

func (p *stallProxy) close() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.conns {
		c.Close()
	}
	clear(p.conns)
}
