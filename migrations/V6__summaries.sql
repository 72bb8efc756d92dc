-- Summary tables behind the reports, so that every report reads a few
-- indexed rows per line instead of aggregating the archive.
--
-- They are refreshed incrementally: whatever changes an outlet, a speaker or
-- a quotation (a cluster that is not a fragment) records it in
-- summary_stale, in the same transaction as the change; the linker then
-- recomputes the summaries of exactly those, and empties summary_stale.
-- Reports link (and so refresh) first when anything is stale.

CREATE TABLE summary_stale (
    kind  TEXT NOT NULL CHECK (kind IN ('outlet', 'speaker', 'cluster')),
    id    INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

DROP VIEW report_outlet_pairs;
DROP VIEW report_quote_overlap;
DROP VIEW report_quote_spread;
DROP VIEW report_quote_variants;
DROP VIEW report_article_similarity;
DROP VIEW report_outlets;
DROP VIEW report_speakers;
DROP VIEW cluster_spread;
DROP VIEW outlet_clusters;

-- Which outlet carried which quotation, and whether in its canonical wording
-- (`canonical`) and other than as a fragment (`direct`).
CREATE TABLE outlet_clusters (
    cluster_id  INTEGER NOT NULL,
    outlet_id   INTEGER NOT NULL,
    canonical   INTEGER NOT NULL,
    direct      INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, outlet_id)
) WITHOUT ROWID;
CREATE INDEX outlet_clusters_outlet ON outlet_clusters(outlet_id, cluster_id);

-- Per quotation.
CREATE TABLE cluster_stats (
    cluster_id       INTEGER PRIMARY KEY,
    outlets          INTEGER NOT NULL,
    articles         INTEGER NOT NULL,
    wordings         INTEGER NOT NULL,
    fragments        INTEGER NOT NULL,
    first_published  TEXT,
    first_outlet_id  INTEGER
);
CREATE INDEX cluster_stats_rank ON cluster_stats(outlets DESC, articles DESC, cluster_id);

-- Per outlet: its articles and quotes, and its share of quotations.
CREATE TABLE outlet_stats (
    outlet_id        INTEGER PRIMARY KEY,
    articles         INTEGER NOT NULL,
    words            INTEGER NOT NULL,
    quotes           INTEGER NOT NULL,
    speakers         INTEGER NOT NULL,
    first_published  TEXT,
    last_published   TEXT,
    quotations       INTEGER NOT NULL,
    shared           INTEGER NOT NULL,
    unique_quotes    INTEGER NOT NULL,
    reworded         INTEGER NOT NULL
);

-- Per pair of outlets (by id, outlet_a < outlet_b): quotations both carried.
CREATE TABLE outlet_pair_stats (
    outlet_a  INTEGER NOT NULL,
    outlet_b  INTEGER NOT NULL,
    shared    INTEGER NOT NULL,
    PRIMARY KEY (outlet_a, outlet_b)
) WITHOUT ROWID;
CREATE INDEX outlet_pair_stats_b ON outlet_pair_stats(outlet_b);
CREATE INDEX outlet_pair_stats_rank ON outlet_pair_stats(shared DESC);

-- Per speaker.
CREATE TABLE speaker_stats (
    speaker_id    INTEGER PRIMARY KEY,
    quotes        INTEGER NOT NULL,
    articles      INTEGER NOT NULL,
    outlets       INTEGER NOT NULL,
    first_quoted  TEXT,
    last_quoted   TEXT,
    aliases       TEXT
);
CREATE INDEX speaker_stats_rank ON speaker_stats(quotes DESC, outlets DESC);

-- Per wording of a quotation printed in more than one wording.
CREATE TABLE wording_stats (
    wording_id  INTEGER PRIMARY KEY,
    cluster_id  INTEGER NOT NULL,
    outlets     TEXT,
    articles    INTEGER NOT NULL
);
CREATE INDEX wording_stats_cluster ON wording_stats(cluster_id);

-- The larger of the two shares, for ranking pairs of articles.
ALTER TABLE article_pairs ADD COLUMN score REAL
    GENERATED ALWAYS AS (max(1.0 * a_found / a_sentences, 1.0 * b_found / b_sentences)) VIRTUAL;
CREATE INDEX article_pairs_score ON article_pairs(score DESC, article_a, article_b);

-- Everything is stale at first: the next link computes it all.
INSERT INTO summary_stale(kind, id) SELECT 'outlet', id FROM outlets;
INSERT INTO summary_stale(kind, id) SELECT 'speaker', id FROM speakers;
INSERT INTO summary_stale(kind, id) SELECT 'cluster', id FROM quote_clusters WHERE fragment_of IS NULL;

-- The reports, as before, now over the summaries.

CREATE VIEW report_outlets AS
SELECT o.name AS outlet, s.articles, s.words, s.quotes, s.speakers,
       s.first_published, s.last_published
FROM outlet_stats s JOIN outlets o ON o.id = s.outlet_id
ORDER BY s.articles DESC, o.name;

CREATE VIEW report_quote_overlap AS
SELECT o.name AS outlet, s.articles, s.quotations AS quotes, s.shared, s.unique_quotes,
       CASE WHEN s.quotations = 0 THEN NULL ELSE round(100.0 * s.shared / s.quotations, 1) END AS shared_pct,
       s.reworded
FROM outlet_stats s JOIN outlets o ON o.id = s.outlet_id
ORDER BY s.shared DESC, s.quotations DESC, o.name;

CREATE VIEW report_outlet_pairs AS
SELECT CASE WHEN a.name < b.name THEN a.name ELSE b.name END AS outlet_a,
       CASE WHEN a.name < b.name THEN b.name ELSE a.name END AS outlet_b,
       p.shared,
       round(100.0 * p.shared / CASE WHEN a.name < b.name THEN sa.quotations ELSE sb.quotations END, 1) AS pct_of_a,
       round(100.0 * p.shared / CASE WHEN a.name < b.name THEN sb.quotations ELSE sa.quotations END, 1) AS pct_of_b
FROM outlet_pair_stats p
JOIN outlets a ON a.id = p.outlet_a
JOIN outlets b ON b.id = p.outlet_b
JOIN outlet_stats sa ON sa.outlet_id = p.outlet_a
JOIN outlet_stats sb ON sb.outlet_id = p.outlet_b
ORDER BY p.shared DESC, outlet_a, outlet_b;

CREATE VIEW report_quote_spread AS
SELECT c.id AS cluster, s.name AS speaker, c.canonical_text, cs.outlets, cs.articles, cs.wordings, cs.fragments,
       cs.first_published, o.name AS first_outlet
FROM cluster_stats cs
JOIN quote_clusters c ON c.id = cs.cluster_id
LEFT JOIN speakers s ON s.id = c.speaker_id
LEFT JOIN outlets o ON o.id = cs.first_outlet_id
ORDER BY cs.outlets DESC, cs.articles DESC, cs.cluster_id;

CREATE VIEW report_quote_variants AS
SELECT c.id AS cluster, s.name AS speaker, c.canonical_text, w.text AS wording, w.diff IS NULL AS canonical,
       w.diff, ws.outlets, ws.articles
FROM wording_stats ws
JOIN quote_wordings w ON w.id = ws.wording_id
JOIN quote_clusters c ON c.id = ws.cluster_id
LEFT JOIN speakers s ON s.id = c.speaker_id
ORDER BY c.id, w.diff IS NOT NULL, ws.articles DESC, w.id;

CREATE VIEW report_speakers AS
SELECT s.name AS speaker, st.quotes, st.articles, st.outlets, st.first_quoted, st.last_quoted, st.aliases
FROM speaker_stats st JOIN speakers s ON s.id = st.speaker_id
ORDER BY st.quotes DESC, st.outlets DESC, s.name;

CREATE VIEW report_article_similarity AS
SELECT oa.name || ': ' || coalesce(a.title, a.source_path) AS article_a,
       ob.name || ': ' || coalesce(b.title, b.source_path) AS article_b,
       round(100.0 * p.a_found / p.a_sentences, 1) AS a_in_b_pct,
       round(100.0 * p.b_found / p.b_sentences, 1) AS b_in_a_pct,
       CASE p.likely_source WHEN a.id THEN 'a' WHEN b.id THEN 'b' END AS likely_source,
       p.source_reason,
       a.id AS a_id,
       b.id AS b_id
FROM article_pairs p
JOIN articles a ON a.id = p.article_a
JOIN articles b ON b.id = p.article_b
JOIN outlets oa ON oa.id = a.outlet_id
JOIN outlets ob ON ob.id = b.outlet_id
WHERE p.score >= 0.3
ORDER BY p.score DESC, p.article_a, p.article_b;
