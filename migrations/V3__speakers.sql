-- Speakers across the archive: the last word of a name, indexed, so that
-- "Trump" in one article finds "Donald Trump" of another; and the speakers report.

ALTER TABLE speakers ADD COLUMN surname TEXT;
-- The last word of a name: what remains after removing everything up to the last space.
UPDATE speakers SET surname = replace(name, rtrim(name, replace(name, ' ', '')), '');
CREATE INDEX speakers_surname ON speakers(surname COLLATE NOCASE);

-- Each speaker: quotes (body speech), articles and outlets that quote them,
-- first and last publication date, and the other names they go by.
CREATE VIEW report_speakers AS
SELECT s.name AS speaker,
       count(q.id) AS quotes,
       count(DISTINCT q.article_id) AS articles,
       count(DISTINCT a.outlet_id) AS outlets,
       min(a.published_at) AS first_quoted,
       max(a.published_at) AS last_quoted,
       (SELECT group_concat(alias, '; ') FROM (SELECT alias FROM speaker_aliases WHERE speaker_id = s.id ORDER BY alias)) AS aliases
FROM speakers s
JOIN quotes q ON q.speaker_id = s.id AND q.region = 'body' AND q.kind IN ('full', 'partial')
JOIN articles a ON a.id = q.article_id
GROUP BY s.id
ORDER BY quotes DESC, outlets DESC, speaker;
