-- The per-outlet fidelity report from a summary instead of aggregating
-- every verdict on each read (1.3 s at 100k articles; a few rows now).
--
-- Each verdict carries its article's outlet, so that the summary can be
-- kept by triggers on quote_fidelity alone: when a quotation is deleted
-- its verdict goes by cascade after the quotation, and the outlet could
-- no longer be found through it. It also lets `report fidelity --outlet`
-- read one outlet's verdicts through an index.

ALTER TABLE quote_fidelity ADD COLUMN outlet_id INTEGER REFERENCES outlets(id);
UPDATE quote_fidelity
SET outlet_id = (SELECT a.outlet_id FROM quotes q JOIN articles a ON a.id = q.article_id
                 WHERE q.id = quote_fidelity.quote_id);
CREATE INDEX quote_fidelity_outlet ON quote_fidelity(outlet_id, quote_id);

-- Per outlet: its verdicts by class.
CREATE TABLE fidelity_outlet_stats (
    outlet_id      INTEGER PRIMARY KEY REFERENCES outlets(id),
    verbatim       INTEGER NOT NULL DEFAULT 0,
    trimmed        INTEGER NOT NULL DEFAULT 0,
    altered        INTEGER NOT NULL DEFAULT 0,
    stitched       INTEGER NOT NULL DEFAULT 0,
    misattributed  INTEGER NOT NULL DEFAULT 0,
    not_in_record  INTEGER NOT NULL DEFAULT 0,
    translated     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO fidelity_outlet_stats
SELECT outlet_id, sum(class = 'verbatim'), sum(class = 'trimmed'), sum(class = 'altered'), sum(class = 'stitched'),
       sum(class = 'misattributed'), sum(class = 'not_in_record'), sum(class = 'translated')
FROM quote_fidelity WHERE outlet_id IS NOT NULL GROUP BY outlet_id;

-- The fidelity pass adds its verdicts' counts per outlet once per batch
-- (a trigger per inserted verdict cost a fifth of the pass at 100k
-- articles); the triggers take away whatever leaves, whoever deletes it:
-- the pass judging again, a cascade from a deleted quotation or record,
-- or sqlite3. `newsarchive link --rebuild` recounts from the verdicts.
CREATE TRIGGER quote_fidelity_uncounted AFTER DELETE ON quote_fidelity WHEN old.outlet_id IS NOT NULL BEGIN
    UPDATE fidelity_outlet_stats SET
        verbatim = verbatim - (old.class = 'verbatim'), trimmed = trimmed - (old.class = 'trimmed'),
        altered = altered - (old.class = 'altered'), stitched = stitched - (old.class = 'stitched'),
        misattributed = misattributed - (old.class = 'misattributed'),
        not_in_record = not_in_record - (old.class = 'not_in_record'),
        translated = translated - (old.class = 'translated')
    WHERE outlet_id = old.outlet_id;
    -- An outlet with no verdict left has no line.
    DELETE FROM fidelity_outlet_stats
    WHERE outlet_id = old.outlet_id
      AND verbatim + trimmed + altered + stitched + misattributed + not_in_record + translated = 0;
END;

CREATE TRIGGER quote_fidelity_recounted AFTER UPDATE OF class, outlet_id ON quote_fidelity BEGIN
    UPDATE fidelity_outlet_stats SET
        verbatim = verbatim - (old.class = 'verbatim'), trimmed = trimmed - (old.class = 'trimmed'),
        altered = altered - (old.class = 'altered'), stitched = stitched - (old.class = 'stitched'),
        misattributed = misattributed - (old.class = 'misattributed'),
        not_in_record = not_in_record - (old.class = 'not_in_record'),
        translated = translated - (old.class = 'translated')
    WHERE outlet_id = old.outlet_id;
    INSERT INTO fidelity_outlet_stats(outlet_id, verbatim, trimmed, altered, stitched, misattributed, not_in_record,
                                      translated)
    SELECT new.outlet_id, new.class = 'verbatim', new.class = 'trimmed', new.class = 'altered',
           new.class = 'stitched', new.class = 'misattributed', new.class = 'not_in_record',
           new.class = 'translated'
    WHERE new.outlet_id IS NOT NULL
    ON CONFLICT (outlet_id) DO UPDATE SET
        verbatim = verbatim + excluded.verbatim, trimmed = trimmed + excluded.trimmed,
        altered = altered + excluded.altered, stitched = stitched + excluded.stitched,
        misattributed = misattributed + excluded.misattributed,
        not_in_record = not_in_record + excluded.not_in_record, translated = translated + excluded.translated;
    DELETE FROM fidelity_outlet_stats
    WHERE outlet_id = old.outlet_id
      AND verbatim + trimmed + altered + stitched + misattributed + not_in_record + translated = 0;
END;

-- The same report, its outlet read from the verdict, so that one
-- outlet's verdicts are found through quote_fidelity_outlet.
DROP VIEW report_fidelity;
CREATE VIEW report_fidelity AS
SELECT f.quote_id, o.name AS outlet, a.id AS article_id, a.published_at, s.name AS speaker, q.text AS quote,
       f.class, coalesce(ts.name, t.label) AS said_by,
       -- A stitched quotation's passages, in its order, joined by "[…]"
       -- (an ordered subquery, not group_concat(… ORDER BY): older SQLite
       -- versions, as Python's and Datasette's may be, cannot read that).
       CASE WHEN f.passages > 1
            THEN (SELECT group_concat(words, ' […] ') FROM (
                      SELECT substr(tr.text, p.start + 1, p."end" - p.start) AS words
                      FROM fidelity_passages p WHERE p.quote_id = f.quote_id ORDER BY p.seq))
            ELSE substr(tr.text, f.start + 1, f."end" - f.start) END AS record_words,
       f.diff,
       round(f.similarity, 3) AS similarity, f.passages, tr.title AS transcript, f.transcript_id
FROM quote_fidelity f
JOIN quotes q ON q.id = f.quote_id
JOIN articles a ON a.id = q.article_id
JOIN outlets o ON o.id = f.outlet_id
JOIN transcripts tr ON tr.id = f.transcript_id
LEFT JOIN speakers s ON s.id = q.speaker_id
LEFT JOIN transcript_turns t ON t.id = f.turn_id
LEFT JOIN speakers ts ON ts.id = t.speaker_id;

DROP VIEW report_fidelity_outlets;
CREATE VIEW report_fidelity_outlets AS
SELECT o.name AS outlet,
       s.checked,
       round(100.0 * s.verbatim / nullif(s.checked, 0), 1) AS verbatim_pct,
       round(100.0 * s.trimmed / nullif(s.checked, 0), 1) AS trimmed_pct,
       round(100.0 * s.altered / nullif(s.checked, 0), 1) AS altered_pct,
       round(100.0 * s.stitched / nullif(s.checked, 0), 1) AS stitched_pct,
       round(100.0 * s.misattributed / nullif(s.checked, 0), 1) AS misattributed_pct,
       round(100.0 * s.not_in_record / nullif(s.checked, 0), 1) AS not_in_record_pct,
       s.translated
FROM (SELECT outlet_id, verbatim, trimmed, altered, stitched, misattributed, not_in_record, translated,
             verbatim + trimmed + altered + stitched + misattributed + not_in_record AS checked
      FROM fidelity_outlet_stats) s
JOIN outlets o ON o.id = s.outlet_id
ORDER BY s.checked DESC, o.name;
