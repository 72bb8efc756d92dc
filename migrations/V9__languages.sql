-- The language of each article: given (by the corpus record, the manifest
-- or the page) or detected from its words, and where it came from. The
-- outlets report lists the languages each outlet wrote in.

-- 'given' or 'detected'; NULL when no language is known.
ALTER TABLE articles ADD COLUMN language_source TEXT CHECK (language_source IN ('given', 'detected'));
UPDATE articles SET language_source = 'given' WHERE language IS NOT NULL;

-- Articles stored before detection existed get a language from their
-- stored body when the archive is next linked.
ALTER TABLE articles ADD COLUMN language_pending INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET language_pending = 1 WHERE language IS NULL;
CREATE INDEX articles_language_pending ON articles(id) WHERE language_pending = 1;

-- The reports' --language filter.
CREATE INDEX articles_language ON articles(language) WHERE language IS NOT NULL;

-- Per outlet: its articles' languages, most used first ("en; fr").
ALTER TABLE outlet_stats ADD COLUMN languages TEXT;
INSERT OR IGNORE INTO summary_stale(kind, id) SELECT 'outlet', id FROM outlets;

DROP VIEW report_outlets;
CREATE VIEW report_outlets AS
SELECT o.name AS outlet, s.articles, s.languages, s.words, s.quotes, s.speakers,
       s.first_published, s.last_published
FROM outlet_stats s JOIN outlets o ON o.id = s.outlet_id
ORDER BY s.articles DESC, o.name;
