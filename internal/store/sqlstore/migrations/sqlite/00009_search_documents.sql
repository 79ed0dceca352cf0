-- +goose Up
-- The search index opens to content other than articles: the pages of the printed
-- issues, events. search_documents keeps what their owners give the index, text
-- included: a reindex analyses it again (nobody can re-extract a PDF's pages then), a
-- copy or a backup carries it, and a hit hands it back for its snippet. One row a
-- subject's part (an issue's page); AUTOINCREMENT, because an ID must never come back
-- after a deletion: a rebuild of the index tells a changed document by its ID and
-- version.
CREATE TABLE search_documents (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    subject_type TEXT    NOT NULL,
    subject_id   INTEGER NOT NULL,
    part         INTEGER NOT NULL DEFAULT 0,
    lang         TEXT    NOT NULL,
    visible      BOOLEAN NOT NULL,
    publish_at   INTEGER,
    version      INTEGER NOT NULL DEFAULT 1,
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    UNIQUE (subject_type, subject_id, part)
);
-- Every column a search filters on, so that testing a match reads this index and not
-- the row, whose text puts them in overflow pages; and the version, which a rebuild of
-- the index compares (as articles_search does for articles).
CREATE INDEX search_documents_search ON search_documents (id, subject_type, visible, publish_at, lang, version);
-- The documents' terms, as article_search holds the articles': a table of their own, so
-- that articles are ranked against articles alone (bm25 weighs a word by how rare it
-- is in its table) and their searches read no document's entry. Its rowid is the
-- document's ID.
CREATE VIRTUAL TABLE document_search USING fts5(
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO document_search (document_search, rank) VALUES ('automerge', 16);

-- +goose Down
DROP TABLE document_search;
DROP INDEX search_documents_search;
DROP TABLE search_documents;
