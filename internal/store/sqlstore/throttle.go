package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// maxThrottleWindow bounds windows so that one rule keeps the table small for every key:
// a window that started more than a day ago has ended and can go.
const maxThrottleWindow = 24 * time.Hour

// Hit counts one attempt for key in the window of the given length that contains now.
// Windows are aligned on the Unix epoch, so every instance agrees on where they start.
// A key is meant to be used with one window length.
func (db *DB) Hit(ctx context.Context, key string, window time.Duration, now time.Time) (int, error) {
	if window < time.Second || window > maxThrottleWindow || window%time.Second != 0 {
		return 0, fmt.Errorf("throttle %s: %w: window %v is not whole seconds from 1s to 24h", key, content.ErrInvalid, window)
	}
	start := windowStart(now, window)
	var count int
	// One statement, so that concurrent hits from any instance are all counted.
	err := db.write.QueryRowContext(ctx, `INSERT INTO throttle (key, window_start, count) VALUES ($1, $2, 1)
		ON CONFLICT (key, window_start) DO UPDATE SET count = throttle.count + 1
		RETURNING count`, key, start).Scan(&count)
	if err != nil {
		return 0, fmt.Errorf("throttle %s: %w", key, db.dialect.translate(err))
	}
	if count == 1 {
		// A new window opened: sweep the ended ones. Each row is deleted once, through
		// the index on window_start, so the cost stays in proportion to the hits.
		if err := db.sweepThrottle(ctx, now); err != nil {
			return 0, err
		}
	}
	return count, nil
}

// windowStart is the Unix second at which the window containing now began.
func windowStart(now time.Time, window time.Duration) int64 {
	s, w := now.Unix(), int64(window/time.Second)
	return s - ((s%w)+w)%w // floored, also before 1970
}

// sweepThrottle deletes the windows that started more than a day before now.
func (db *DB) sweepThrottle(ctx context.Context, now time.Time) error {
	_, err := db.write.ExecContext(ctx, `DELETE FROM throttle WHERE window_start < $1`,
		now.Add(-maxThrottleWindow).Unix())
	if err != nil {
		return fmt.Errorf("sweeping throttle windows: %w", db.dialect.translate(err))
	}
	return nil
}
