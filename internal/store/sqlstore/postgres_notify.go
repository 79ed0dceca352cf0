package sqlstore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	mathrand "math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// Instances of one site share its PostgreSQL database and hear of each other's changes
// through LISTEN/NOTIFY, so that every page cache is purged whichever instance saved.
const (
	// maxPayload: PostgreSQL refuses a notification payload of 8000 bytes or more.
	maxPayload = 7999
	// The listener retries a lost connection at once, then after growing pauses of at
	// most a second (with jitter, so that a hundred instances do not retry in step): an
	// instance that cannot hear changes may serve stale pages, so it must hear again
	// within a second of the database's return.
	minReconnectDelay = 100 * time.Millisecond
	maxReconnectDelay = time.Second
	// After a quiet second the listener checks that the server still answers, within a
	// second: a silent network partition sends no error, and TCP keepalives would take a
	// minute to notice it. A check costs one round trip.
	quietProbe   = time.Second
	probeTimeout = time.Second
	// connectTimeout bounds one attempt to reconnect, so that an attempt stuck in a
	// partition does not delay the next one past the database's return.
	connectTimeout = 2 * time.Second
)

// everything is what subscribers are told when changes may have been missed or are too
// many to list: every cache starts over.
var everything = store.Change{All: true}

// pgPeers sends this instance's changes and hears the others', through PostgreSQL's
// notifications.
type pgPeers struct {
	instance string // tells this DB's own notifications from other instances'
	schema   string // sites in other schemas of the database share the channel
	cfg      *pgx.ConnConfig
	deliver  func(store.Change)
	log      *slog.Logger
	pid      atomic.Uint32 // the listener's server process, for tests that kill it
	deaf     atomic.Bool   // the listener's connection is lost
	stop     context.CancelFunc
	done     chan struct{}
}

// notification is the payload, kept short: it has to fit in 8000 bytes.
type notification struct {
	Instance string     `json:"i"`
	Schema   string     `json:"s"`
	Change   wireChange `json:"c"`
}

// wireChange is a store.Change as other instances and processes receive it.
type wireChange struct {
	All  bool          `json:"a,omitempty"`
	Keys []content.Key `json:"k,omitempty"`
	Jobs bool          `json:"j,omitempty"`
}

func toWire(c store.Change) wireChange { return wireChange{All: c.All, Keys: c.Keys, Jobs: c.Jobs} }

func (w wireChange) change() store.Change {
	return store.Change{All: w.All, Keys: w.Keys, Jobs: w.Jobs}
}

// startPeers connects the listener before returning, so that nothing committed after
// OpenPostgres returns can be missed, then keeps it connected until close.
func startPeers(ctx context.Context, cfg *pgx.ConnConfig, schema string, deliver func(store.Change), log *slog.Logger) (*pgPeers, error) {
	p := &pgPeers{instance: rand.Text(), schema: schema, cfg: listenerConfig(cfg), deliver: deliver, log: log,
		done: make(chan struct{})}
	conn, err := p.connect(ctx)
	if err != nil {
		return nil, err
	}
	runCtx, stop := context.WithCancel(context.Background())
	p.stop = stop
	go p.run(runCtx, conn)
	return p, nil
}

// listenerConfig names the listening connection, so that an operator looking at
// pg_stat_activity tells it from the pool. It needs no TCP keepalives: the listener
// checks after each quiet second that the server answers (see receive).
func listenerConfig(cfg *pgx.ConnConfig) *pgx.ConnConfig {
	c := cfg.Copy()
	name := c.RuntimeParams["application_name"]
	if name == "" {
		name = "roneo"
	}
	c.RuntimeParams["application_name"] = name + " (listener)"
	return c
}

func (p *pgPeers) hearing() bool { return !p.deaf.Load() }

func (p *pgPeers) close() {
	p.stop()
	<-p.done
}

// announce sends changes to the other instances from inside the writing transaction:
// PostgreSQL delivers the notification only if it commits.
func (p *pgPeers) announce(ctx context.Context, tx *sql.Tx, c store.Change) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_notify('roneo_changes', $1)`, p.payload(c))
	return err
}

func (p *pgPeers) payload(c store.Change) string {
	msg := notification{Instance: p.instance, Schema: p.schema, Change: toWire(c)}
	b, _ := json.Marshal(msg) // plain strings and booleans: nothing fails to marshal
	if len(b) > maxPayload {
		msg.Change = wireChange{All: true, Jobs: c.Jobs}
		b, _ = json.Marshal(msg)
	}
	return string(b)
}

// decode returns the change another instance of this site announced; false for this
// instance's own (already delivered after its commit) and for other sites'.
func (p *pgPeers) decode(payload string) (store.Change, bool) {
	var msg notification
	if err := json.Unmarshal([]byte(payload), &msg); err != nil {
		return everything, true // from a newer or older version of Roneo: assume the worst
	}
	c := msg.Change.change()
	if msg.Instance == p.instance || msg.Schema != p.schema || c.Empty() {
		return store.Change{}, false
	}
	return c, true
}

// connect opens the listener's own connection: LISTEN holds a session, which a pooled
// database/sql connection cannot promise.
func (p *pgPeers) connect(ctx context.Context) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, p.cfg)
	if err != nil {
		return nil, err
	}
	if _, err := conn.PgConn().Exec(ctx, `LISTEN roneo_changes`).ReadAll(); err != nil {
		conn.Close(context.Background())
		return nil, err
	}
	p.pid.Store(conn.PgConn().PID())
	return conn, nil
}

// run waits for notifications until close, reconnecting whenever the connection dies.
// Between notifications the goroutine sleeps in a read, checking after each quiet
// second that the server still answers.
func (p *pgPeers) run(ctx context.Context, conn *pgx.Conn) {
	defer close(p.done)
	for conn != nil {
		err := p.receive(ctx, conn)
		closing, cancel := context.WithTimeout(context.Background(), time.Second)
		conn.Close(closing)
		cancel()
		if ctx.Err() != nil {
			return
		}
		p.deaf.Store(true)
		p.log.Warn("lost the connection that hears other instances' changes; reconnecting", "err", err)
		if conn = p.reconnect(ctx); conn != nil {
			p.log.Info("hearing other instances' changes again")
			// What was committed meanwhile is unknown: every cache must start over, and
			// only then trust what it holds again.
			p.deliver(everything)
			p.deaf.Store(false)
		}
	}
}

func (p *pgPeers) receive(ctx context.Context, conn *pgx.Conn) error {
	for {
		wait, cancel := context.WithTimeout(ctx, quietProbe)
		n, err := conn.WaitForNotification(wait)
		cancel()
		switch {
		case err == nil:
			if c, ok := p.decode(n.Payload); ok {
				p.deliver(c)
			}
			continue
		case ctx.Err() != nil || wait.Err() == nil:
			return err // closing, or the connection failed
		}
		// A quiet second: the timeout left the connection usable (pgx only sets a
		// deadline on it); make sure the server is still there.
		probe, cancel := context.WithTimeout(ctx, probeTimeout)
		err = conn.Ping(probe)
		cancel()
		if err != nil {
			return fmt.Errorf("the database did not answer within %s: %w", probeTimeout, err)
		}
	}
}

// reconnect tries until it succeeds, pausing twice as long after each failure up to
// maxReconnectDelay, with jitter so that instances do not retry in step. It returns nil
// once close is called.
func (p *pgPeers) reconnect(ctx context.Context) *pgx.Conn {
	delay := minReconnectDelay
	for {
		attempt, cancel := context.WithTimeout(ctx, connectTimeout)
		conn, err := p.connect(attempt)
		cancel()
		if err == nil {
			return conn
		}
		if ctx.Err() != nil {
			return nil
		}
		p.log.Debug("listener reconnect failed", "err", err, "retry_in", delay)
		t := time.NewTimer(delay + mathrand.N(delay/2))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
		delay = min(2*delay, maxReconnectDelay)
	}
}
