-- +goose Up
-- Full-text search. article_search holds each article's terms as the search package
-- analyses them in the article's language (not its text, which articles holds): the title
-- and the body (standfirst first), so that bm25 can weigh a title hit above a body hit.
-- Its rowid is the article's ID. Contentless, because nothing reads the terms back;
-- contentless_delete, so that a save can replace an article's entry. The terms are
-- already folded lowercase letters and digits, which unicode61 keeps whole. The prefix
-- indexes serve the shortest prefixes a query makes (the word being typed, from three
-- letters; every word of four): longer ones match few terms. Migration 6 fills it.
CREATE VIRTUAL TABLE article_search USING fts5(
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3 4'
);
-- Every column a search filters on, so that testing a match reads this index and not
-- the article's row, whose body puts them in overflow pages.
CREATE INDEX articles_search ON articles (id, status, deleted_at, publish_at, lang, kind,
    section_id, created_by);

-- +goose Down
DROP INDEX articles_search;
DROP TABLE article_search;
