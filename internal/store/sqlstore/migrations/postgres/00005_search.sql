-- +goose Up
-- Full-text search. article_search holds each article's terms as the search package
-- analyses them in the article's language, as a tsvector whose title lexemes are
-- weighted A (search.TSVector), with a GIN index. Migration 6 fills it.
--
-- It also holds copies of the article columns searches filter on: a common word matches
-- tens of thousands of articles, and testing each on this narrow table costs a fraction
-- of reading the article's row. Triggers keep the copies, in the transaction that
-- changes the article, whatever code changes it: one fills them from articles whenever
-- an entry is written, the other rewrites the entry when one of those columns changes.
CREATE TABLE article_search (
    article_id BIGINT   PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    document   tsvector NOT NULL,
    status     TEXT     NOT NULL DEFAULT '',
    deleted_at BIGINT,
    publish_at BIGINT,
    lang       TEXT     NOT NULL DEFAULT '',
    kind       TEXT     NOT NULL DEFAULT '',
    section_id BIGINT,
    created_by BIGINT
);
CREATE INDEX article_search_document ON article_search USING gin (document);

-- +goose StatementBegin
CREATE FUNCTION article_search_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.status, a.deleted_at, a.publish_at, a.lang, a.kind, a.section_id, a.created_by
    INTO NEW.status, NEW.deleted_at, NEW.publish_at, NEW.lang, NEW.kind, NEW.section_id, NEW.created_by
    FROM articles a WHERE a.id = NEW.article_id;
    RETURN NEW;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER article_search_copy BEFORE INSERT OR UPDATE ON article_search
    FOR EACH ROW EXECUTE FUNCTION article_search_copy();

-- +goose StatementBegin
CREATE FUNCTION article_search_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_search SET status = NEW.status WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER article_search_follow AFTER UPDATE ON articles FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at
        OR OLD.publish_at IS DISTINCT FROM NEW.publish_at OR OLD.lang IS DISTINCT FROM NEW.lang
        OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.section_id IS DISTINCT FROM NEW.section_id
        OR OLD.created_by IS DISTINCT FROM NEW.created_by)
    EXECUTE FUNCTION article_search_follow();

-- +goose Down
DROP TRIGGER article_search_follow ON articles;
DROP FUNCTION article_search_follow();
DROP TABLE article_search;
DROP FUNCTION article_search_copy();
