-- Other clients find a table's full-text index by how it is declared:
-- Datasette (and sqlite-utils) look for content="articles" in double
-- quotes, and V1 wrote content='articles'. FTS5 reads both alike, so the
-- indexes are declared again, the same in every other respect, and rebuilt
-- from their tables. The triggers that keep them in step name them, not
-- their declaration, and stay.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content="articles", content_rowid="id", tokenize="unicode61 remove_diacritics 2"
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content="quotes", content_rowid="id", tokenize="unicode61 remove_diacritics 2"
);
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
