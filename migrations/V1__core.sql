-- newsarchive core schema.
-- Applied migrations are never edited: a change is a new V{n}__*.sql file.

CREATE TABLE outlets (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    domain    TEXT,
    country   TEXT,
    language  TEXT
);

CREATE TABLE import_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    finished_at TEXT,
    command     TEXT NOT NULL,
    imported    INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_errors (
    id       INTEGER PRIMARY KEY,
    run_id   INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
    path     TEXT NOT NULL,
    line     INTEGER,
    message  TEXT NOT NULL
);
CREATE INDEX import_errors_run ON import_errors(run_id);

-- One row per distinct document text. `body` holds the article's own
-- paragraphs, `boilerplate` what the importer set aside (promos, captions,
-- related-story blocks), both as paragraphs separated by a blank line.
-- Quote offsets point into the column their region names.
CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    outlet_id      INTEGER NOT NULL REFERENCES outlets(id),
    source_path    TEXT NOT NULL,
    url            TEXT,
    title          TEXT,
    author         TEXT,
    published_at   TEXT,          -- ISO 8601: date, or date and time as printed
    language       TEXT,
    dateline       TEXT,          -- place of a dateline such as "SEOUL, February 08 (AJP) -"
    body           TEXT NOT NULL,
    boilerplate    TEXT NOT NULL DEFAULT '',
    content_sha256 TEXT NOT NULL UNIQUE,
    word_count     INTEGER NOT NULL,
    import_run_id  INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
    imported_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_outlet ON articles(outlet_id);
CREATE INDEX articles_published ON articles(published_at);

-- The bytes an article came from, zstd-compressed, so the archive can be
-- re-extracted when the extractors improve.
CREATE TABLE sources (
    article_id     INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    media_type     TEXT NOT NULL,
    size           INTEGER NOT NULL,
    raw_zstd       BLOB NOT NULL
);

CREATE TABLE speakers (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE speaker_aliases (
    alias       TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    speaker_id  INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE
);
CREATE INDEX speaker_aliases_speaker ON speaker_aliases(speaker_id);

-- The same quoted words carried by one or more articles.
CREATE TABLE quote_clusters (
    id              INTEGER PRIMARY KEY,
    normalized      TEXT NOT NULL UNIQUE,
    canonical_text  TEXT NOT NULL,
    speaker_id      INTEGER REFERENCES speakers(id) ON DELETE SET NULL
);

-- A quotation as printed. `start`/`end` are character offsets into the
-- column named by `region` (articles.body, .boilerplate or .title), so
-- substr(body, start + 1, "end" - start) gives the quoted span back.
CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id    INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
    text          TEXT NOT NULL,
    normalized    TEXT NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    paragraph     INTEGER NOT NULL,
    line          INTEGER NOT NULL,   -- source line where the quotation opens
    kind          TEXT NOT NULL CHECK (kind IN ('full', 'partial', 'mention')),
    region        TEXT NOT NULL CHECK (region IN ('body', 'headline', 'boilerplate')),
    cue           TEXT,               -- the reporting verb or phrase, e.g. "said", "according to"
    speaker_text  TEXT,               -- how the article named the speaker: "the prime minister", "he"
    CHECK (start <= "end")
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);

-- Sentence-level pieces of the body speech quotes (full and partial);
-- clustering and overlap work on these. Mentions, headline and boilerplate
-- quotes have none.
CREATE TABLE quote_units (
    id          INTEGER PRIMARY KEY,
    quote_id    INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    normalized  TEXT NOT NULL,
    cluster_id  INTEGER REFERENCES quote_clusters(id) ON DELETE SET NULL,
    UNIQUE (quote_id, seq)
);
CREATE INDEX quote_units_cluster ON quote_units(cluster_id, article_id);
CREATE INDEX quote_units_article ON quote_units(article_id);
-- The linker's work list: units not yet in a cluster.
CREATE INDEX quote_units_unlinked ON quote_units(id) WHERE cluster_id IS NULL;

CREATE TABLE claim_clusters (
    id              INTEGER PRIMARY KEY,
    canonical_text  TEXT NOT NULL
);

CREATE TABLE claims (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id  INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    cluster_id  INTEGER REFERENCES claim_clusters(id) ON DELETE SET NULL,
    CHECK (start <= "end")
);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_cluster ON claims(cluster_id);

CREATE TABLE claim_facts (
    claim_id  INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('number', 'money', 'percent', 'date', 'year')),
    value     TEXT NOT NULL,
    unit      TEXT
);
CREATE INDEX claim_facts_claim ON claim_facts(claim_id);

-- Full-text search over articles and quotes, kept in step by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
