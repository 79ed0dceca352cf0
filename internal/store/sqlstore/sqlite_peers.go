package sqlstore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/roneo/roneo/internal/store"
)

// Processes that share a SQLite file (a running site, and "roneo import" writing into
// its data directory) hear of each other's changes through the change_log table: each
// transaction adds a row, and every process reads the rows after the last one it has
// seen a few times a second. Reading them is an index seek on a table of a few hundred
// rows at most.
const (
	// changePoll is how often the log is read: well within the second in which a
	// change must reach every page cache.
	changePoll = 250 * time.Millisecond
	// keepChanges is how many rows the log keeps. A reader that falls further behind
	// (stopped in a debugger, a machine asleep) cannot know what it missed and starts
	// over with everything.
	keepChanges = 1000
)

// logPeers writes and reads SQLite's change log.
type logPeers struct {
	db       *DB
	instance string
	deliver  func(store.Change)
	log      *slog.Logger
	stop     context.CancelFunc
	done     chan struct{}

	mu   sync.Mutex
	last int64       // the last row read
	deaf atomic.Bool // the last read of the log failed
}

// startLogPeers starts reading the log from its current end: what was committed before
// the database was opened is already on disk, and no cache of this process holds it.
func startLogPeers(ctx context.Context, db *DB, deliver func(store.Change), log *slog.Logger) (*logPeers, error) {
	p := &logPeers{db: db, instance: rand.Text(), deliver: deliver, log: log, done: make(chan struct{})}
	if err := db.queryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM change_log`).Scan(&p.last); err != nil {
		return nil, err
	}
	runCtx, stop := context.WithCancel(context.Background())
	p.stop = stop
	go p.run(runCtx)
	return p, nil
}

func (p *logPeers) hearing() bool { return !p.deaf.Load() }

func (p *logPeers) close() {
	p.stop()
	<-p.done
}

// announce adds the change to the log in the writing transaction, and trims the log.
func (p *logPeers) announce(ctx context.Context, tx *sql.Tx, c store.Change) error {
	payload, _ := json.Marshal(toWire(c)) // strings and booleans: nothing fails
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO change_log (origin, at, change) VALUES ($1, $2, $3) RETURNING id`,
		p.instance, p.db.now().Unix(), string(payload)).Scan(&id); err != nil {
		return err
	}
	if id%100 == 0 {
		_, err := tx.ExecContext(ctx, `DELETE FROM change_log WHERE id <= $1`, id-keepChanges)
		return err
	}
	return nil
}

func (p *logPeers) run(ctx context.Context) {
	defer close(p.done)
	tick := time.NewTicker(changePoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		err := p.read(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			if !p.deaf.Swap(true) {
				p.log.Warn("reading other processes' changes failed; will try again", "err", err)
			}
		case err == nil && p.deaf.Load():
			// What was committed meanwhile may have been missed.
			p.deliver(everything)
			p.deaf.Store(false)
		}
	}
}

// read delivers the changes other processes logged since the last read.
func (p *logPeers) read(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	rs, err := p.db.query(ctx, `SELECT id, origin, change FROM change_log WHERE id > $1 ORDER BY id`, p.last)
	if err != nil {
		return err
	}
	defer rs.Close()
	first := true
	for rs.Next() {
		var id int64
		var origin, payload string
		if err := rs.Scan(&id, &origin, &payload); err != nil {
			return err
		}
		if first && id > p.last+1 && p.last > 0 {
			p.deliver(everything) // rows were trimmed before this process read them
		}
		first = false
		p.last = id
		if origin == p.instance {
			continue // delivered after its own commit
		}
		var w wireChange
		if err := json.Unmarshal([]byte(payload), &w); err != nil {
			p.deliver(everything) // from another version of Roneo: assume the worst
			continue
		}
		if c := w.change(); !c.Empty() {
			p.deliver(c)
		}
	}
	return rs.Err()
}
