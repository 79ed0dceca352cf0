-- +goose Up
-- Background jobs shared by every instance. A job is due when run_at has come, it is not
-- done, and nobody holds an unexpired lease on it. Finished jobs stay for inspection:
-- done_at set, last_error NULL when it succeeded, the last error when it was given up.
CREATE TABLE jobs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL,
    payload     BLOB    NOT NULL,
    run_at      INTEGER NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    claimed_by  TEXT,
    lease_until INTEGER,
    done_at     INTEGER,
    last_error  TEXT,
    created_at  INTEGER NOT NULL
);
-- Claiming walks unfinished jobs in the order it hands them out and stops at the first
-- due one; finished jobs are not in the index, however many pile up.
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE done_at IS NULL;

-- Attempts per key in fixed windows of at most a day; windows older than a day are
-- deleted as new ones open.
CREATE TABLE throttle (
    key          TEXT    NOT NULL,
    window_start INTEGER NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
);
CREATE INDEX throttle_by_window ON throttle (window_start);

-- +goose Down
DROP TABLE throttle;
DROP TABLE jobs;
