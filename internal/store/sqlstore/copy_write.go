package sqlstore

import (
	"context"
	"database/sql"
	"slices"
	"strings"
)

// maxParams keeps multi-row INSERTs under both databases' limits on bound parameters.
const maxParams = 30000

// batchWriter inserts the rows of one table in multi-row INSERTs, leaving deferred
// columns for a second pass.
type batchWriter struct {
	ctx      context.Context
	tx       *sql.Tx
	d        *dialect
	t        copyTable
	perStmt  int
	pending  [][]any
	deferred [][]any // id, then the deferred columns' values
	written  int
	stmts    map[int]*sql.Stmt
}

func newBatchWriter(ctx context.Context, tx *sql.Tx, d *dialect, t copyTable) *batchWriter {
	return &batchWriter{ctx: ctx, tx: tx, d: d, t: t, perStmt: min(200, maxParams/len(t.cols)), stmts: map[int]*sql.Stmt{}}
}

func (w *batchWriter) add(row []any) error {
	if len(w.t.deferred) > 0 {
		later := []any{row[0]}
		for i, c := range w.t.cols {
			if slices.Contains(w.t.deferred, c.name) {
				later = append(later, row[i])
				row[i] = nil
			}
		}
		w.deferred = append(w.deferred, later)
	}
	w.pending = append(w.pending, row)
	if len(w.pending) == w.perStmt {
		return w.flush()
	}
	return nil
}

func (w *batchWriter) flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	stmt, err := w.insert(len(w.pending))
	if err != nil {
		return err
	}
	args := make([]any, 0, len(w.pending)*len(w.t.cols))
	for _, row := range w.pending {
		args = append(args, row...)
	}
	if _, err := stmt.ExecContext(w.ctx, args...); err != nil {
		return w.d.translate(err)
	}
	w.written += len(w.pending)
	w.pending = w.pending[:0]
	return nil
}

// insert prepares the INSERT for n rows once per size.
func (w *batchWriter) insert(n int) (*sql.Stmt, error) {
	if s := w.stmts[n]; s != nil {
		return s, nil
	}
	names := make([]string, len(w.t.cols))
	for i, c := range w.t.cols {
		names[i] = c.name
	}
	var b strings.Builder
	b.WriteString("INSERT INTO " + w.t.name + " (" + strings.Join(names, ", ") + ") VALUES ")
	for r := range n {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(" + placeholders(r*len(names)+1, len(names)) + ")")
	}
	s, err := w.tx.PrepareContext(w.ctx, b.String())
	if err != nil {
		return nil, w.d.translate(err)
	}
	w.stmts[n] = s
	return s, nil
}

// finish writes the deferred columns, moves PostgreSQL's identity past the copied IDs
// and releases the statements.
func (w *batchWriter) finish() error {
	defer func() {
		for _, s := range w.stmts {
			s.Close()
		}
	}()
	for _, later := range w.deferred {
		for i, col := range w.t.deferred {
			if later[i+1] == nil {
				continue
			}
			if _, err := w.tx.ExecContext(w.ctx, `UPDATE `+w.t.name+` SET `+col+` = $1 WHERE id = $2`, later[i+1], later[0]); err != nil {
				return w.d.translate(err)
			}
		}
	}
	if w.t.identity {
		return w.d.translate(w.d.resetIdentity(w.ctx, w.tx, w.t.name))
	}
	return nil
}
