-- +goose Up
-- SQLite rewrites its articles table at this version, with the short columns before the
-- long texts (see migrate_layout.go). PostgreSQL keeps long values apart on its own and
-- changes nothing; the version is taken so that both databases count alike, and a backup
-- made on one restores into the other.
INSERT INTO schema_compat (version, older_binaries_may_write) VALUES (12, TRUE);

-- +goose Down
DELETE FROM schema_compat WHERE version = 12;
