package sqlstore

import (
	"context"

	"github.com/roneo/roneo/internal/store"
)

// Stats counts rows of the main tables.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	row := db.queryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM persons), (SELECT COUNT(*) FROM sections),
		(SELECT COUNT(*) FROM tags), (SELECT COUNT(*) FROM dossiers)`)
	err := row.Scan(&s.Articles, &s.Persons, &s.Sections, &s.Tags, &s.Dossiers)
	return s, err
}
