-- Full-text search in every script. The index now holds text as
-- fts_segment() writes it: runs of scripts written without spaces (Chinese,
-- Japanese, Korean, Thai …) as overlapping character pairs, so that a word
-- inside such a run can be found (`newsarchive search` rewrites queries the
-- same way). Combining marks (M*) are word characters, so words in Thai or
-- Devanagari are not cut at their vowel signs. The tables keep reading
-- their text from `articles` and `quotes` (external content), declared
-- with content="…" in double quotes, the form by which Datasette and
-- sqlite-utils find a table's full-text index.
--
-- fts_segment() is a function of newsarchive: rows changed from sqlite3
-- cannot update the index (the triggers below need it); change them with
-- newsarchive, or run `newsarchive check` to see what is missing.

DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TRIGGER quotes_fts_delete;
DROP TRIGGER quotes_fts_update;
DROP TABLE articles_fts;
DROP TABLE quotes_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content="articles", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body)
    VALUES ('delete', old.id, fts_segment(old.title), fts_segment(old.body));
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body)
    VALUES ('delete', old.id, fts_segment(old.title), fts_segment(old.body));
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, fts_segment(new.title), fts_segment(new.body));
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content="quotes", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, fts_segment(old.text));
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, fts_segment(old.text));
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, fts_segment(new.text));
END;

INSERT INTO articles_fts(rowid, title, body) SELECT id, fts_segment(title), fts_segment(body) FROM articles;
INSERT INTO quotes_fts(rowid, text) SELECT id, fts_segment(text) FROM quotes;
