-- +goose Up
-- Full-text search. article_search holds each article's terms as the search package
-- analyses them in the article's language (not its text, which articles holds): the title
-- and the body (standfirst first), so that bm25 can weigh a title hit above a body hit.
-- Its rowid is the article's ID. Contentless, because nothing reads the terms back;
-- contentless_delete, so that a save can replace an article's entry. The terms are
-- already folded lowercase letters and digits, which unicode61 keeps whole. Migration 6
-- fills it.
--
-- No prefix indexes (prefix = '3 4'): on the 100,000-article demo site they made the
-- index 380 MB instead of 163 and each article's entry 2.5 times as dear to write, to
-- search the shortest prefixes a query makes (a word being typed, "grè"; any word of four
-- letters, "werk") in 7 ms instead of 14; other searches took the same time. FTS5 writes
-- its pending entries to disk at every statement savepoint, which each INSERT …
-- RETURNING of a transaction opens, so a bulk import leaves a small segment an article;
-- merging them 16 at a time rather than 4 made 20,000 demo articles 12 % quicker to
-- write.
CREATE VIRTUAL TABLE article_search USING fts5(
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO article_search (article_search, rank) VALUES ('automerge', 16);
-- Every column a search filters on, so that testing a match reads this index and not
-- the article's row, whose body puts them in overflow pages; and the version, which a
-- rebuild of the index compares.
CREATE INDEX articles_search ON articles (id, status, deleted_at, publish_at, lang, kind,
    section_id, created_by, version);

-- +goose Down
DROP INDEX articles_search;
DROP TABLE article_search;
