-- +goose Up
-- The newsroom: accounts, their sessions and one-time links, the audit log, article
-- revisions, embargo preview links and autosaves. Times are Unix seconds in UTC.

CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    email          TEXT    NOT NULL UNIQUE, -- lower case (auth.NormalizeEmail)
    name           TEXT    NOT NULL,
    role           TEXT    NOT NULL CHECK (role IN ('contributor', 'editor', 'admin')),
    lang           TEXT    NOT NULL,
    password_hash  TEXT    NOT NULL,
    totp_secret    TEXT    NOT NULL DEFAULT '',
    totp_last_step INTEGER NOT NULL DEFAULT 0,
    recovery_codes TEXT    NOT NULL DEFAULT '[]', -- a JSON array of hashes
    person_id      INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    disabled       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);

-- Sessions and tokens are keyed by the SHA-256 of their secret, never the secret.
CREATE TABLE sessions (
    hash          TEXT    PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    second_factor BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    INTEGER NOT NULL,
    last_seen     INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    user_agent    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE tokens (
    hash       TEXT    PRIMARY KEY,
    purpose    TEXT    NOT NULL,
    user_id    INTEGER REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX tokens_by_expiry ON tokens (expires_at);

-- Entries outlive the accounts they name: user_id has no foreign key. Nothing ever
-- updates or deletes a row.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    user_id INTEGER,
    actor   TEXT    NOT NULL DEFAULT '',
    action  TEXT    NOT NULL,
    target  TEXT    NOT NULL DEFAULT '',
    detail  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_time ON audit_log (at, id);
CREATE INDEX audit_log_by_user ON audit_log (user_id, at, id);
CREATE INDEX audit_log_by_action ON audit_log (action, at, id);

-- snapshot is the saved article as JSON: its fields and its relations as IDs.
CREATE TABLE article_revisions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    saved_at   INTEGER NOT NULL,
    snapshot   TEXT    NOT NULL,
    UNIQUE (article_id, version)
);

CREATE TABLE previews (
    hash       TEXT    PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER,
    note       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX previews_by_article ON previews (article_id);

-- article_id 0 is an article not created yet, so it has no foreign key.
CREATE TABLE autosaves (
    article_id INTEGER NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    saved_at   INTEGER NOT NULL,
    snapshot   TEXT    NOT NULL,
    PRIMARY KEY (article_id, user_id)
);

-- title_folded is the title lower-cased, accents removed and words separated by single
-- spaces, computed in Go on every save: the two databases fold non-ASCII letters
-- differently. Migration 4 fills it for the articles that exist.
ALTER TABLE articles ADD COLUMN created_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN deleted_at INTEGER;
ALTER TABLE articles ADD COLUMN title_folded TEXT NOT NULL DEFAULT '';
-- The newsroom's list of live articles, most recently changed first. Every filter it
-- takes is in each of its indexes (deleted_at too, or SQLite reads the row to check it),
-- so that whichever the planner walks, it reads no article row but those it shows; a
-- rare value of a filter (the articles waiting for review, a small section, one
-- person's, a language little used) has an index that starts with it.
CREATE INDEX articles_newsroom ON articles (updated_at DESC, id DESC,
    status, kind, lang, section_id, created_by, title_folded, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX articles_newsroom_by_status ON articles (status, updated_at DESC, id DESC,
    kind, lang, section_id, created_by, title_folded, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX articles_newsroom_by_section ON articles (section_id, updated_at DESC, id DESC,
    status, kind, lang, created_by, title_folded, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX articles_newsroom_by_creator ON articles (created_by, updated_at DESC, id DESC,
    status, kind, lang, section_id, title_folded, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX articles_newsroom_by_lang ON articles (lang, updated_at DESC, id DESC,
    status, kind, section_id, created_by, title_folded, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX articles_trash ON articles (deleted_at) WHERE deleted_at IS NOT NULL;

-- +goose Down
DROP INDEX articles_trash;
DROP INDEX articles_newsroom_by_lang;
DROP INDEX articles_newsroom_by_creator;
DROP INDEX articles_newsroom_by_section;
DROP INDEX articles_newsroom_by_status;
DROP INDEX articles_newsroom;
ALTER TABLE articles DROP COLUMN title_folded;
ALTER TABLE articles DROP COLUMN deleted_at;
ALTER TABLE articles DROP COLUMN updated_by;
ALTER TABLE articles DROP COLUMN created_by;
DROP TABLE autosaves;
DROP TABLE previews;
DROP TABLE article_revisions;
DROP TABLE audit_log;
DROP TABLE tokens;
DROP TABLE sessions;
DROP TABLE users;
