-- +goose Up
-- Which migrations leave the schema fit for the versions of Roneo that came before
-- them. A version that finds the database at a migration it does not know reads it,
-- and writes only if every such migration has a row here saying older versions may:
-- that is what lets instances of the old and the new version run side by side during
-- a rolling upgrade. Every migration from this one on adds its row (a test checks):
-- TRUE when older versions can ignore what it changes (a new table, a column that may
-- be NULL or has a default, an index), FALSE when they would read or write it wrongly
-- (a renamed or dropped column, a new constraint, data moved elsewhere).
CREATE TABLE schema_compat (
    version                  BIGINT  PRIMARY KEY,
    older_binaries_may_write BOOLEAN NOT NULL
);
INSERT INTO schema_compat (version, older_binaries_may_write) VALUES (10, TRUE);

-- +goose Down
DROP TABLE schema_compat;
