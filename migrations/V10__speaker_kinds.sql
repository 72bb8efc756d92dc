-- Who each speaker is: a person; a role nobody in its article is named
-- for ("police commissioner", "a ministry source"); an organisation ("the
-- White House", "the campaign"); or unnamed people ("officials", "a source
-- familiar with the talks"). A speaker's kind is settled when it is first
-- stored; those stored before kinds existed count as people (`speakers
-- merge` joins a wrongly kept one to the right speaker).
ALTER TABLE speakers ADD COLUMN kind TEXT NOT NULL DEFAULT 'person'
    CHECK (kind IN ('person', 'role', 'organisation', 'anonymous'));

-- The reports' --speaker-kind filter.
CREATE INDEX speakers_kind ON speakers(kind, name);

DROP VIEW report_speakers;
CREATE VIEW report_speakers AS
SELECT s.name AS speaker, s.kind, st.quotes, st.articles, st.outlets, st.first_quoted, st.last_quoted, st.aliases
FROM speaker_stats st JOIN speakers s ON s.id = st.speaker_id
ORDER BY st.quotes DESC, st.outlets DESC, s.name;
