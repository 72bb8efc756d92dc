-- Quote fidelity against the record. A transcript is a primary source: the
-- record of what was said at an event (an official transcript, an
-- interview transcript, a captions file), imported with `import --primary`
-- or `kind = primary` in a manifest. It is never an outlet's article: it
-- has no outlet and counts in no report of coverage. Each quotation of an
-- article of the same event is aligned to it word by word and judged.

CREATE TABLE transcripts (
    id             INTEGER PRIMARY KEY,
    source_path    TEXT NOT NULL,
    layout         TEXT NOT NULL CHECK (layout IN ('transcript', 'interview', 'webvtt', 'srt')),
    title          TEXT,
    held_on        TEXT,          -- ISO 8601 date of the event
    language       TEXT,
    url            TEXT,
    -- The spoken words only (no speaker labels, stage directions or cue
    -- timings), each turn a paragraph; turns point into it.
    text           TEXT NOT NULL,
    content_sha256 TEXT NOT NULL UNIQUE,
    media_type     TEXT NOT NULL,
    size           INTEGER NOT NULL,
    raw_zstd       BLOB NOT NULL,
    import_run_id  INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
    imported_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX transcripts_held_on ON transcripts(held_on);

-- What one speaker said before another spoke. `start`/`end` are character
-- offsets into transcripts.text: substr(text, start + 1, "end" - start).
CREATE TABLE transcript_turns (
    id             INTEGER PRIMARY KEY,
    transcript_id  INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    label          TEXT,          -- the speaker as the transcript names them: "President Trump", "Q"
    role           TEXT,          -- what the label adds: "President of the United States"
    speaker_id     INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    line           INTEGER NOT NULL,
    start_ms       INTEGER,       -- from the start of the recording, where the source says
    end_ms         INTEGER,
    interpreted    INTEGER NOT NULL DEFAULT 0 CHECK (interpreted IN (0, 1)),
    UNIQUE (transcript_id, seq)
);
CREATE INDEX transcript_turns_speaker ON transcript_turns(speaker_id);

-- Each quotation judged against the record of its event. Quotations of
-- events without a record have no row.
CREATE TABLE quote_fidelity (
    quote_id       INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
    transcript_id  INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    class          TEXT NOT NULL CHECK (class IN ('verbatim', 'trimmed', 'altered', 'stitched', 'misattributed',
                                                  'translated', 'not_in_record')),
    -- The turn and the record's words the quotation stands for (the
    -- passage with most of its words), as offsets into transcripts.text;
    -- none for translated and not_in_record.
    turn_id        INTEGER REFERENCES transcript_turns(id) ON DELETE CASCADE,
    start          INTEGER,
    "end"          INTEGER,
    passages       INTEGER NOT NULL DEFAULT 0,
    similarity     REAL,
    diff           TEXT           -- word edits from the record's words to the quotation's
);
CREATE INDEX quote_fidelity_transcript ON quote_fidelity(transcript_id);
CREATE INDEX quote_fidelity_turn ON quote_fidelity(turn_id);

-- Every place a quotation's words come from, in the quotation's order
-- (two or more for a stitched quotation).
CREATE TABLE fidelity_passages (
    quote_id  INTEGER NOT NULL REFERENCES quote_fidelity(quote_id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    turn_id   INTEGER NOT NULL REFERENCES transcript_turns(id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    PRIMARY KEY (quote_id, seq)
) WITHOUT ROWID;
CREATE INDEX fidelity_passages_turn ON fidelity_passages(turn_id);

-- Articles whose quotations have been checked against the records there
-- are. A new record of their days, or new quotations, check them again.
CREATE TABLE fidelity_checked (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);
CREATE TRIGGER quotes_fidelity_recheck AFTER DELETE ON quotes BEGIN
    DELETE FROM fidelity_checked WHERE article_id = old.article_id;
END;

-- Each quotation judged, with the record's words beside the outlet's.
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
JOIN outlets o ON o.id = a.outlet_id
JOIN transcripts tr ON tr.id = f.transcript_id
LEFT JOIN speakers s ON s.id = q.speaker_id
LEFT JOIN transcript_turns t ON t.id = f.turn_id
LEFT JOIN speakers ts ON ts.id = t.speaker_id;

-- Per outlet: quotations checked against a record in their own language,
-- and the share of each verdict; translated ones are counted apart.
CREATE VIEW report_fidelity_outlets AS
SELECT o.name AS outlet,
       sum(f.class <> 'translated') AS checked,
       round(100.0 * sum(f.class = 'verbatim') / nullif(sum(f.class <> 'translated'), 0), 1) AS verbatim_pct,
       round(100.0 * sum(f.class = 'trimmed') / nullif(sum(f.class <> 'translated'), 0), 1) AS trimmed_pct,
       round(100.0 * sum(f.class = 'altered') / nullif(sum(f.class <> 'translated'), 0), 1) AS altered_pct,
       round(100.0 * sum(f.class = 'stitched') / nullif(sum(f.class <> 'translated'), 0), 1) AS stitched_pct,
       round(100.0 * sum(f.class = 'misattributed') / nullif(sum(f.class <> 'translated'), 0), 1)
           AS misattributed_pct,
       round(100.0 * sum(f.class = 'not_in_record') / nullif(sum(f.class <> 'translated'), 0), 1)
           AS not_in_record_pct,
       sum(f.class = 'translated') AS translated
FROM quote_fidelity f
JOIN quotes q ON q.id = f.quote_id
JOIN articles a ON a.id = q.article_id
JOIN outlets o ON o.id = a.outlet_id
GROUP BY o.id
ORDER BY checked DESC, o.name;
