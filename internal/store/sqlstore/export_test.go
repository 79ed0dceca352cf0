package sqlstore

import "context"

// ObserveQueries makes fn see every query of db's read pool, with its arguments.
func ObserveQueries(db *DB, fn func(query string, args []any)) { db.observe.Store(&fn) }

// ExplainQueryPlan returns the details of SQLite's plan for query.
func ExplainQueryPlan(ctx context.Context, db *DB, query string, args []any) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return nil, err
		}
		out = append(out, detail)
	}
	return out, rows.Err()
}
