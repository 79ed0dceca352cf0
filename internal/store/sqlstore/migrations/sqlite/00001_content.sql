-- +goose Up
-- Times are Unix seconds in UTC: SQLite has no time type, and text timestamps compare
-- wrongly across zones.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE persons (
    id         INTEGER PRIMARY KEY,
    slug       TEXT    NOT NULL UNIQUE,
    name       TEXT    NOT NULL,
    role       TEXT    NOT NULL DEFAULT '',
    bio        TEXT    NOT NULL DEFAULT '',
    bio_html   TEXT    NOT NULL DEFAULT '',
    email      TEXT    NOT NULL DEFAULT '',
    phone      TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE sections (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES sections (id),
    position  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE section_names (
    section_id  INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    lang        TEXT    NOT NULL,
    slug        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (section_id, lang),
    UNIQUE (lang, slug)
);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    lang TEXT NOT NULL,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (lang, slug)
);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    story_id      INTEGER NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('article', 'press_release', 'photo_report')),
    lang          TEXT    NOT NULL,
    slug          TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    standfirst    TEXT    NOT NULL DEFAULT '',
    body          TEXT    NOT NULL DEFAULT '',
    body_html     TEXT    NOT NULL DEFAULT '',
    signature     TEXT    NOT NULL DEFAULT '',
    section_id    INTEGER REFERENCES sections (id),
    status        TEXT    NOT NULL CHECK (status IN ('draft', 'submitted', 'scheduled', 'published', 'archived')),
    featured      BOOLEAN NOT NULL DEFAULT FALSE,
    image_path    TEXT    NOT NULL DEFAULT '',
    image_alt     TEXT    NOT NULL DEFAULT '',
    image_caption TEXT    NOT NULL DEFAULT '',
    image_credit  TEXT    NOT NULL DEFAULT '',
    publish_at    INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    UNIQUE (lang, slug)
);
CREATE INDEX articles_by_lang ON articles (lang, status, publish_at DESC, id DESC);
CREATE INDEX articles_by_section ON articles (section_id, status, publish_at DESC, id DESC);
CREATE INDEX articles_by_story ON articles (story_id);
CREATE INDEX articles_scheduled ON articles (publish_at) WHERE status = 'scheduled';

CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES persons (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, person_id)
);
CREATE INDEX article_authors_by_person ON article_authors (person_id, article_id);

CREATE TABLE article_contacts (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES persons (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, person_id)
);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags (id),
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

CREATE TABLE article_related (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, related_id)
);

CREATE TABLE slug_history (
    lang       TEXT    NOT NULL,
    slug       TEXT    NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (lang, slug)
);

CREATE TABLE dossiers (
    id            INTEGER PRIMARY KEY,
    story_id      INTEGER NOT NULL,
    lang          TEXT    NOT NULL,
    slug          TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    intro         TEXT    NOT NULL DEFAULT '',
    intro_html    TEXT    NOT NULL DEFAULT '',
    featured      BOOLEAN NOT NULL DEFAULT FALSE,
    image_path    TEXT    NOT NULL DEFAULT '',
    image_alt     TEXT    NOT NULL DEFAULT '',
    image_caption TEXT    NOT NULL DEFAULT '',
    image_credit  TEXT    NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (lang, slug)
);
CREATE INDEX dossiers_by_story ON dossiers (story_id);

CREATE TABLE dossier_articles (
    dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (dossier_id, article_id)
);
CREATE INDEX dossier_articles_by_article ON dossier_articles (article_id);

-- +goose Down
DROP TABLE dossier_articles;
DROP TABLE dossiers;
DROP TABLE slug_history;
DROP TABLE article_related;
DROP TABLE article_tags;
DROP TABLE article_contacts;
DROP TABLE article_authors;
DROP TABLE articles;
DROP TABLE tags;
DROP TABLE section_names;
DROP TABLE sections;
DROP TABLE persons;
DROP TABLE settings;
