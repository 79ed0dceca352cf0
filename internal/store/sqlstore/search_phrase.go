package sqlstore

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// phraseChunk is how many candidates one statement tests for a phrase.
const phraseChunk = 400

// phraseWindow is searchWindow for a PostgreSQL query holding a phrase. The GIN index
// knows which articles hold a word, not where, so it answers "droit de grève" with
// every article holding the three words, and PostgreSQL then reads each one's document
// (kept out of line, in TOAST) to test the phrase: thousands of reads for a common
// phrase, 35 to 50 ms. Instead, the candidates (candidates, the phrase's words in any
// order, which the index answers alone) are listed newest first, and tested for the
// phrase a chunk at a time until the window is full: a few hundred reads. Past a full
// window, the total supposes the untested candidates hold the phrase as often as the
// tested ones did.
func (db *DB) phraseWindow(ctx context.Context, r querier, f *filter, where, candidates string) (*window, error) {
	args := append([]any{candidates}, f.args[1:]...)
	rows, err := db.queryIn(ctx, r, `SELECT f.article_id FROM article_search f
		WHERE f.document @@ CAST($1 AS tsquery) AND `+where+` ORDER BY f.article_id + 0 DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("search: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	rows.Close()

	w := &window{}
	checked := 0
	for checked < len(ids) && len(w.hits) < rankWindow {
		chunk := ids[checked:min(len(ids), checked+phraseChunk)]
		hits, err := db.phraseHits(ctx, r, f.args[0], chunk)
		if err != nil {
			return nil, err
		}
		w.hits = append(w.hits, hits...)
		checked += len(chunk)
	}
	slices.SortFunc(w.hits, func(a, b windowHit) int { return cmp.Compare(b.id, a.id) })
	if len(w.hits) > rankWindow {
		w.hits = w.hits[:rankWindow]
		// Candidates newer than the window's edge were all tested.
		edge := w.edge()
		checked = 0
		for checked < len(ids) && ids[checked] >= edge {
			checked++
		}
	}
	w.total = len(w.hits)
	if rest := len(ids) - checked; rest > 0 && checked > 0 {
		w.total += int(math.Round(float64(rest) * float64(len(w.hits)) / float64(checked)))
	}
	return w, nil
}

// phraseHits tests the candidates ids against the query match, phrase included, and
// returns those that match with their relevance.
func (db *DB) phraseHits(ctx context.Context, r querier, match any, ids []int64) ([]windowHit, error) {
	var b strings.Builder
	b.WriteString(`SELECT f.article_id, ts_rank(f.document, CAST($1 AS tsquery), 1), f.publish_at
		FROM article_search f WHERE f.document @@ CAST($1 AS tsquery) AND f.article_id IN (`)
	args := make([]any, 0, len(ids)+1)
	args = append(args, match)
	for i, id := range ids {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(i+2))
		args = append(args, id)
	}
	b.WriteString(")")
	rows, err := db.queryIn(ctx, r, b.String(), args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	var hits []windowHit
	for rows.Next() {
		var h windowHit
		if err := rows.Scan(&h.id, &h.relevance, &h.published); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}
