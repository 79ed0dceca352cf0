-- +goose Up
-- Photos: cleaned originals in the media store, named by the SHA-256 of their bytes, so
-- that the same photo uploaded twice is one row. alt holds the alt texts as a JSON object
-- of language → text; folded is the caption, credit and alt texts folded as the
-- newsroom's title search folds them (foldText), for the library's search; widths lists
-- the derivatives that exist, ascending ("400,800,1600").
CREATE TABLE photos (
    id         INTEGER PRIMARY KEY,
    hash       TEXT    NOT NULL UNIQUE,
    format     TEXT    NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    bytes      INTEGER NOT NULL,
    alt        TEXT    NOT NULL DEFAULT '{}',
    caption    TEXT    NOT NULL DEFAULT '',
    credit     TEXT    NOT NULL DEFAULT '',
    focus_x    INTEGER NOT NULL DEFAULT 50,
    focus_y    INTEGER NOT NULL DEFAULT 50,
    widths     TEXT    NOT NULL DEFAULT '',
    folded     TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL
);
-- The library lists the newest first.
CREATE INDEX photos_by_date ON photos (created_at DESC, id DESC);

-- An article's featured photo: its picture on its page, in lists and in share previews.
-- A table of its own rather than a column of articles: SQLite adds a column after the
-- long texts, where every list reading it would walk each body's overflow pages (see
-- migrate_layout.go), and putting it among the short ones means rewriting the table,
-- which took 29 s on a 100,000-article demo database while the site waited. A new table
-- costs nothing on either database, and a list finds the photo by the article's key.
CREATE TABLE featured_photos (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    photo_id   INTEGER NOT NULL REFERENCES photos (id) ON DELETE RESTRICT
);
CREATE INDEX featured_photos_photo ON featured_photos (photo_id);

-- An article's album, in order. A photo stays while an album holds it; the album goes
-- with its article.
CREATE TABLE album_items (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    photo_id   INTEGER NOT NULL REFERENCES photos (id) ON DELETE RESTRICT,
    caption    TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, position)
);
CREATE INDEX album_items_photo ON album_items (photo_id);

-- The photos an article's text places, so that the library knows what uses them.
CREATE TABLE body_photos (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    photo_id   INTEGER NOT NULL REFERENCES photos (id) ON DELETE RESTRICT,
    PRIMARY KEY (article_id, photo_id)
);
CREATE INDEX body_photos_photo ON body_photos (photo_id);

-- New tables, which older versions never read.
INSERT INTO schema_compat (version, older_binaries_may_write) VALUES (13, TRUE);

-- +goose Down
DELETE FROM schema_compat WHERE version = 13;
DROP TABLE body_photos;
DROP TABLE featured_photos;
DROP TABLE album_items;
DROP TABLE photos;
