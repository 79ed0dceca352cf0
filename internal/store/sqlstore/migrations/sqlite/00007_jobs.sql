-- +goose Up
-- The admin page lists jobs that failed or wait to be retried, newest first. They are
-- few among the finished jobs that pile up, so they get an index of their own.
CREATE INDEX jobs_with_error ON jobs (id) WHERE last_error IS NOT NULL;

-- +goose Down
DROP INDEX jobs_with_error;
