-- Cross-outlet linking: distinct wordings of quoted sentences, clusters that
-- join near-identical wordings and fragments, candidate keys for linking,
-- and article similarity.
--
-- Units now point to their wording; a wording points to its cluster. A
-- cluster gathers wordings that differ by a few words ("I get along with
-- them" / "I got along with him"); a fragment cluster ("a very big asset")
-- points to the cluster of the longer quotation it is part of. Clusters are
-- derived data: this migration clears them and the linker rebuilds them.

DROP VIEW report_outlet_pairs;
DROP VIEW report_quote_overlap;
DROP VIEW cluster_spread;
DROP VIEW outlet_clusters;

CREATE TABLE quote_wordings (
    id          INTEGER PRIMARY KEY,
    normalized  TEXT NOT NULL UNIQUE,
    text        TEXT NOT NULL,      -- as first printed
    words       INTEGER NOT NULL,
    speaker_id  INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
    cluster_id  INTEGER REFERENCES quote_clusters(id) ON DELETE SET NULL,
    -- Word edits that turn this wording into its cluster's canonical one
    -- ("got→get, him→them, +the"); NULL for the canonical wording itself.
    diff        TEXT
);
CREATE INDEX quote_wordings_cluster ON quote_wordings(cluster_id);
CREATE INDEX quote_wordings_unlinked ON quote_wordings(id) WHERE cluster_id IS NULL;

INSERT INTO quote_wordings(normalized, text, words)
SELECT normalized, text, length(normalized) - length(replace(normalized, ' ', '')) + 1
FROM quote_units WHERE true ORDER BY id
ON CONFLICT(normalized) DO NOTHING;

UPDATE quote_wordings SET speaker_id = (
    SELECT q.speaker_id FROM quote_units u JOIN quotes q ON q.id = u.quote_id
    WHERE u.normalized = quote_wordings.normalized AND q.speaker_id IS NOT NULL
    ORDER BY u.id LIMIT 1);

CREATE TABLE quote_units_v4 (
    id          INTEGER PRIMARY KEY,
    quote_id    INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    wording_id  INTEGER NOT NULL REFERENCES quote_wordings(id),
    UNIQUE (quote_id, seq)
);
INSERT INTO quote_units_v4(id, quote_id, article_id, seq, wording_id)
SELECT u.id, u.quote_id, u.article_id, u.seq, w.id
FROM quote_units u JOIN quote_wordings w ON w.normalized = u.normalized;
DROP TABLE quote_units;
ALTER TABLE quote_units_v4 RENAME TO quote_units;
CREATE INDEX quote_units_wording ON quote_units(wording_id, article_id);
CREATE INDEX quote_units_article ON quote_units(article_id);

DELETE FROM quote_clusters;
ALTER TABLE quote_clusters ADD COLUMN fragment_of INTEGER REFERENCES quote_clusters(id) ON DELETE SET NULL;
CREATE INDEX quote_clusters_fragment ON quote_clusters(fragment_of);

-- Candidate keys of wordings (hashed pairs of content words): wordings that
-- share a key are compared; no pair of wordings is compared otherwise.
-- Wordings are never deleted, and the linker writes keys in key order: a
-- foreign-key check would look up every wording in random order.
CREATE TABLE wording_keys (
    key         INTEGER NOT NULL,
    wording_id  INTEGER NOT NULL,
    PRIMARY KEY (key, wording_id)
) WITHOUT ROWID;

-- Article similarity: a sample of each article's word shingles (for finding
-- candidates), and the pairs found to share text.
ALTER TABLE articles ADD COLUMN linked INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_unlinked ON articles(id) WHERE linked = 0;

CREATE TABLE article_shingles (
    hash        INTEGER NOT NULL,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (hash, article_id)
) WITHOUT ROWID;

CREATE TABLE article_pairs (
    article_a        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    article_b        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    a_sentences      INTEGER NOT NULL,   -- sentences of a
    a_found          INTEGER NOT NULL,   -- of them, found in b
    b_sentences      INTEGER NOT NULL,
    b_found          INTEGER NOT NULL,
    likely_source    INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    source_reason    TEXT,               -- 'published earlier' or 'contained in the other'
    PRIMARY KEY (article_a, article_b),
    CHECK (article_a < article_b)
) WITHOUT ROWID;
CREATE INDEX article_pairs_b ON article_pairs(article_b);

-- Each unit with its cluster; a fragment counts as the quotation it is part of.
CREATE VIEW unit_clusters AS
SELECT u.id AS unit_id, u.quote_id, u.article_id, u.wording_id,
       w.cluster_id, coalesce(c.fragment_of, c.id) AS root_id,
       c.fragment_of IS NOT NULL AS fragment,
       w.diff IS NULL AND c.fragment_of IS NULL AS canonical
FROM quote_units u
JOIN quote_wordings w ON w.id = u.wording_id
JOIN quote_clusters c ON c.id = w.cluster_id;

-- Which outlet carried which quotation, and whether in its canonical wording.
CREATE VIEW outlet_clusters AS
SELECT a.outlet_id, uc.root_id AS cluster_id,
       max(uc.canonical) AS canonical,
       max(NOT uc.fragment) AS direct
FROM unit_clusters uc
JOIN articles a ON a.id = uc.article_id
GROUP BY a.outlet_id, uc.root_id;

CREATE VIEW cluster_spread AS
SELECT cluster_id, count(*) AS outlets
FROM outlet_clusters
GROUP BY cluster_id;

-- Per outlet: quotations carried, shared with another outlet, only its own,
-- and of the shared ones how many it printed only in a wording other than
-- the most widely carried one.
CREATE VIEW report_quote_overlap AS
SELECT o.name AS outlet,
       (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id) AS articles,
       count(s.cluster_id) AS quotes,
       coalesce(sum(s.outlets > 1), 0) AS shared,
       coalesce(sum(s.outlets = 1), 0) AS unique_quotes,
       CASE WHEN count(s.cluster_id) = 0 THEN NULL
            ELSE round(100.0 * sum(s.outlets > 1) / count(s.cluster_id), 1) END AS shared_pct,
       coalesce(sum(s.outlets > 1 AND oc.direct AND NOT oc.canonical), 0) AS reworded
FROM outlets o
LEFT JOIN outlet_clusters oc ON oc.outlet_id = o.id
LEFT JOIN cluster_spread s ON s.cluster_id = oc.cluster_id
GROUP BY o.id
ORDER BY shared DESC, quotes DESC, outlet;

CREATE VIEW report_outlet_pairs AS
WITH per_outlet AS (
    SELECT outlet_id, count(*) AS quotes FROM outlet_clusters GROUP BY outlet_id
)
SELECT a.name AS outlet_a,
       b.name AS outlet_b,
       count(*) AS shared,
       round(100.0 * count(*) / pa.quotes, 1) AS pct_of_a,
       round(100.0 * count(*) / pb.quotes, 1) AS pct_of_b
FROM outlet_clusters x
JOIN outlet_clusters y ON y.cluster_id = x.cluster_id AND y.outlet_id <> x.outlet_id
JOIN outlets a ON a.id = x.outlet_id
JOIN outlets b ON b.id = y.outlet_id
JOIN per_outlet pa ON pa.outlet_id = a.id
JOIN per_outlet pb ON pb.outlet_id = b.id
WHERE a.name < b.name
GROUP BY a.id, b.id
ORDER BY shared DESC, outlet_a, outlet_b;

-- Each quotation (a cluster that is not a fragment): who said it, how widely
-- it was carried, where it first appeared, in how many wordings, and how
-- many fragments of it other articles quoted.
CREATE VIEW report_quote_spread AS
SELECT c.id AS cluster,
       s.name AS speaker,
       c.canonical_text,
       count(DISTINCT a.outlet_id) AS outlets,
       count(DISTINCT uc.article_id) AS articles,
       count(DISTINCT CASE WHEN NOT uc.fragment THEN uc.wording_id END) AS wordings,
       (SELECT count(*) FROM quote_clusters f WHERE f.fragment_of = c.id) AS fragments,
       min(a.published_at) AS first_published,
       (SELECT o.name FROM unit_clusters x JOIN articles a2 ON a2.id = x.article_id JOIN outlets o ON o.id = a2.outlet_id
         WHERE x.root_id = c.id ORDER BY a2.published_at IS NULL, a2.published_at, a2.id LIMIT 1) AS first_outlet
FROM quote_clusters c
JOIN unit_clusters uc ON uc.root_id = c.id
JOIN articles a ON a.id = uc.article_id
LEFT JOIN speakers s ON s.id = c.speaker_id
WHERE c.fragment_of IS NULL
GROUP BY c.id
ORDER BY outlets DESC, articles DESC, cluster;

-- Every quotation printed in more than one wording: each wording, the
-- outlets that printed it, and the word edits that turn it into the most
-- widely carried (canonical) wording. The misquote detector.
CREATE VIEW report_quote_variants AS
WITH multi AS (
    SELECT cluster_id FROM quote_wordings WHERE cluster_id IS NOT NULL
    GROUP BY cluster_id HAVING count(*) > 1
)
SELECT c.id AS cluster,
       s.name AS speaker,
       c.canonical_text,
       w.text AS wording,
       w.diff IS NULL AS canonical,
       w.diff,
       (SELECT group_concat(name, '; ') FROM (
            SELECT DISTINCT o.name FROM quote_units u JOIN articles a ON a.id = u.article_id
            JOIN outlets o ON o.id = a.outlet_id WHERE u.wording_id = w.id ORDER BY o.name)) AS outlets,
       (SELECT count(DISTINCT u.article_id) FROM quote_units u WHERE u.wording_id = w.id) AS articles
FROM multi m
JOIN quote_clusters c ON c.id = m.cluster_id
JOIN quote_wordings w ON w.cluster_id = c.id
LEFT JOIN speakers s ON s.id = c.speaker_id
ORDER BY c.id, w.diff IS NOT NULL, articles DESC, w.id;

-- Pairs of articles that share text: the share of each article's sentences
-- found in the other, and, where dates or containment tell, the likely source.
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
WHERE max(1.0 * p.a_found / p.a_sentences, 1.0 * p.b_found / p.b_sentences) >= 0.3
ORDER BY max(1.0 * p.a_found / p.a_sentences, 1.0 * p.b_found / p.b_sentences) DESC, a.id, b.id;
