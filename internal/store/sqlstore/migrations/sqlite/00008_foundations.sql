-- +goose Up
-- Redirects: old addresses of the site (a renamed page, the paths of a WordPress site
-- that came before) and where they lead now, or that they are gone (410). from_path is
-- the decoded path readers ask for, with a query string when the old site used one.
CREATE TABLE redirects (
    from_path  TEXT    PRIMARY KEY,
    to_url     TEXT    NOT NULL DEFAULT '',
    gone       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL
);

-- Revisions of any content type, not only articles: subject_type says which table
-- subject_id is in. Articles are never deleted from the table (the trash is a state), so
-- their revisions need no cascade.
CREATE TABLE revisions (
    id           INTEGER PRIMARY KEY,
    subject_type TEXT    NOT NULL,
    subject_id   INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    user_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    saved_at     INTEGER NOT NULL,
    snapshot     TEXT    NOT NULL,
    UNIQUE (subject_type, subject_id, version)
);
INSERT INTO revisions (id, subject_type, subject_id, version, user_id, saved_at, snapshot)
    SELECT id, 'article', article_id, version, user_id, saved_at, snapshot FROM article_revisions;
DROP TABLE article_revisions;

-- What each committed transaction changed, for the other processes using this database
-- file: a command-line import writing into the data of a running site must reach its
-- page cache. Each process reads the rows after the last it has seen, a few times a
-- second; writers delete rows old enough that every reader has read them.
CREATE TABLE change_log (
    id     INTEGER PRIMARY KEY,
    origin TEXT    NOT NULL,
    at     INTEGER NOT NULL,
    change TEXT    NOT NULL
);

-- +goose Down
DROP TABLE change_log;
CREATE TABLE article_revisions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    saved_at   INTEGER NOT NULL,
    snapshot   TEXT    NOT NULL,
    UNIQUE (article_id, version)
);
INSERT INTO article_revisions (id, article_id, version, user_id, saved_at, snapshot)
    SELECT id, subject_id, version, user_id, saved_at, snapshot FROM revisions WHERE subject_type = 'article';
DROP TABLE revisions;
DROP TABLE redirects;
