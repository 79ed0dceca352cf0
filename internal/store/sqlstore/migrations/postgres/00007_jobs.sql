-- +goose Up
-- A job may carry a key: at most one unfinished job of a kind holds a given key, so that
-- a burst of changes asking for the same work (push the mirror, redo an image's
-- derivatives) queues it once. Enqueueing names jobs_pending_key in its ON CONFLICT
-- clause, then finds the job holding the key through jobs_key, which keeps finished
-- jobs too: the holder may finish between the two statements.
ALTER TABLE jobs ADD COLUMN dedupe_key TEXT;
CREATE UNIQUE INDEX jobs_pending_key ON jobs (kind, dedupe_key)
    WHERE done_at IS NULL AND dedupe_key IS NOT NULL;
CREATE INDEX jobs_key ON jobs (kind, dedupe_key, id) WHERE dedupe_key IS NOT NULL;
-- The admin page lists jobs that failed or wait to be retried, newest first. They are
-- few among the finished jobs that pile up, so they get an index of their own.
CREATE INDEX jobs_with_error ON jobs (id) WHERE last_error IS NOT NULL;

-- +goose Down
DROP INDEX jobs_with_error;
DROP INDEX jobs_key;
DROP INDEX jobs_pending_key;
ALTER TABLE jobs DROP COLUMN dedupe_key;
