-- Quotations linked across languages. A quotation (a cluster of wordings,
-- all in one language) and its translation in another are linked when
-- their sentence vectors agree and nothing they state differs (figures,
-- names, negation). Translations are a relation between clusters, never a
-- merge: each language keeps its own wordings, variants and diffs. A
-- statement is a quotation with every quotation linked to it as a
-- translation, directly or through others.

-- The language a quotation was printed in: the language of most of its
-- articles; set when the quotation is first looked at for translations.
ALTER TABLE quote_clusters ADD COLUMN language TEXT;

-- Sentence vectors of wordings, computed once (encoder v3 multilingual,
-- 512 values scaled to bytes; see `embed::to_blob`).
CREATE TABLE wording_vectors (
    wording_id  INTEGER PRIMARY KEY REFERENCES quote_wordings(id) ON DELETE CASCADE,
    vector      BLOB NOT NULL
);

-- Pairs of quotations (clusters that are not fragments, cluster_a <
-- cluster_b) in different languages found to be the same statement, and
-- the cosine of their vectors.
CREATE TABLE quote_translations (
    cluster_a   INTEGER NOT NULL REFERENCES quote_clusters(id) ON DELETE CASCADE,
    cluster_b   INTEGER NOT NULL REFERENCES quote_clusters(id) ON DELETE CASCADE,
    similarity  REAL NOT NULL,
    PRIMARY KEY (cluster_a, cluster_b),
    CHECK (cluster_a < cluster_b)
) WITHOUT ROWID;
CREATE INDEX quote_translations_b ON quote_translations(cluster_b);

-- Each quotation that has a translation, and its statement: the lowest
-- cluster id among the quotations linked to it, directly or not.
CREATE TABLE quote_statements (
    cluster_id    INTEGER PRIMARY KEY,
    statement_id  INTEGER NOT NULL
);
CREATE INDEX quote_statements_statement ON quote_statements(statement_id, cluster_id);

-- Candidate keys for translations: what survives translation (the
-- speaker, figures, names), each with the day of the quotation's first
-- article, so that only quotations of the same days are compared.
CREATE TABLE translation_keys (
    key         INTEGER NOT NULL,
    cluster_id  INTEGER NOT NULL,
    PRIMARY KEY (key, cluster_id)
) WITHOUT ROWID;

-- Clusters up to this id have been looked at for translations.
CREATE TABLE translations_linked (upto INTEGER NOT NULL);
INSERT INTO translations_linked(upto) VALUES (0);

-- Per outlet: of the quotations no other outlet printed in its language,
-- how many another outlet carried in translation.
ALTER TABLE outlet_stats ADD COLUMN translated INTEGER NOT NULL DEFAULT 0;

-- Per pair of outlets (by id, outlet_a < outlet_b): statements both
-- carried, but only in different languages (no quotation in common).
CREATE TABLE outlet_translation_pair_stats (
    outlet_a  INTEGER NOT NULL,
    outlet_b  INTEGER NOT NULL,
    shared    INTEGER NOT NULL,
    PRIMARY KEY (outlet_a, outlet_b)
) WITHOUT ROWID;
CREATE INDEX outlet_translation_pair_stats_b ON outlet_translation_pair_stats(outlet_b);

DROP VIEW report_quote_overlap;
DROP VIEW report_outlet_pairs;
DROP VIEW report_quote_spread;

-- Per outlet, a quotation carried in translation by another outlet counts
-- as shared; `in_translation_only` says how many were shared only so.
CREATE VIEW report_quote_overlap AS
SELECT o.name AS outlet, s.articles, s.quotations AS quotes, s.shared + s.translated AS shared,
       s.unique_quotes - s.translated AS unique_quotes,
       CASE WHEN s.quotations = 0 THEN NULL ELSE round(100.0 * (s.shared + s.translated) / s.quotations, 1) END
           AS shared_pct,
       s.reworded,
       s.translated AS in_translation_only
FROM outlet_stats s JOIN outlets o ON o.id = s.outlet_id
ORDER BY s.shared + s.translated DESC, s.quotations DESC, o.name;

-- The same, counting only quotations carried in the same language.
CREATE VIEW report_quote_overlap_same_language AS
SELECT o.name AS outlet, s.articles, s.quotations AS quotes, s.shared, s.unique_quotes,
       CASE WHEN s.quotations = 0 THEN NULL ELSE round(100.0 * s.shared / s.quotations, 1) END AS shared_pct,
       s.reworded
FROM outlet_stats s JOIN outlets o ON o.id = s.outlet_id
ORDER BY s.shared DESC, s.quotations DESC, o.name;

-- Per pair of outlets: quotations both carried, in the same language or in
-- translation, and of them how many only in translation.
CREATE VIEW report_outlet_pairs AS
WITH pairs AS (
    SELECT outlet_a, outlet_b, sum(same) + sum(translated) AS shared, sum(translated) AS translated
    FROM (SELECT outlet_a, outlet_b, shared AS same, 0 AS translated FROM outlet_pair_stats
          UNION ALL
          SELECT outlet_a, outlet_b, 0, shared FROM outlet_translation_pair_stats)
    GROUP BY outlet_a, outlet_b
)
SELECT CASE WHEN a.name < b.name THEN a.name ELSE b.name END AS outlet_a,
       CASE WHEN a.name < b.name THEN b.name ELSE a.name END AS outlet_b,
       p.shared,
       round(100.0 * p.shared / CASE WHEN a.name < b.name THEN sa.quotations ELSE sb.quotations END, 1) AS pct_of_a,
       round(100.0 * p.shared / CASE WHEN a.name < b.name THEN sb.quotations ELSE sa.quotations END, 1) AS pct_of_b,
       p.translated AS in_translation_only
FROM pairs p
JOIN outlets a ON a.id = p.outlet_a
JOIN outlets b ON b.id = p.outlet_b
JOIN outlet_stats sa ON sa.outlet_id = p.outlet_a
JOIN outlet_stats sb ON sb.outlet_id = p.outlet_b
ORDER BY p.shared DESC, outlet_a, outlet_b;

CREATE VIEW report_outlet_pairs_same_language AS
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

-- Each quotation, now with its language and how far its statement
-- travelled in other languages: the translations' outlets and languages.
CREATE VIEW report_quote_spread AS
SELECT c.id AS cluster, s.name AS speaker, c.canonical_text, cs.outlets, cs.articles, cs.wordings,
       cs.fragments, cs.first_published, o.name AS first_outlet, c.language,
       (SELECT count(*) FROM quote_statements x WHERE x.statement_id = qs.statement_id AND x.cluster_id <> c.id)
           AS translations,
       (SELECT count(DISTINCT oc.outlet_id) FROM quote_statements x
        JOIN outlet_clusters oc ON oc.cluster_id = x.cluster_id
        WHERE x.statement_id = qs.statement_id AND x.cluster_id <> c.id) AS translation_outlets,
       (SELECT group_concat(language, '; ') FROM (
            SELECT DISTINCT t.language FROM quote_statements x JOIN quote_clusters t ON t.id = x.cluster_id
            WHERE x.statement_id = qs.statement_id AND x.cluster_id <> c.id AND t.language IS NOT NULL
            ORDER BY t.language)) AS translation_languages
FROM cluster_stats cs
JOIN quote_clusters c ON c.id = cs.cluster_id
LEFT JOIN speakers s ON s.id = c.speaker_id
LEFT JOIN outlets o ON o.id = cs.first_outlet_id
LEFT JOIN quote_statements qs ON qs.cluster_id = c.id
ORDER BY cs.outlets DESC, cs.articles DESC, cs.cluster_id;

-- Each pair of quotations linked as translations: both wordings, their
-- languages and outlets, and how alike their vectors are.
CREATE VIEW report_translations AS
SELECT qs.statement_id AS statement,
       t.cluster_a, ca.language AS language_a, ca.canonical_text AS text_a,
       (SELECT group_concat(name, '; ') FROM (SELECT o.name FROM outlet_clusters oc JOIN outlets o ON o.id = oc.outlet_id
                                            WHERE oc.cluster_id = t.cluster_a ORDER BY o.name)) AS outlets_a,
       t.cluster_b, cb.language AS language_b, cb.canonical_text AS text_b,
       (SELECT group_concat(name, '; ') FROM (SELECT o.name FROM outlet_clusters oc JOIN outlets o ON o.id = oc.outlet_id
                                            WHERE oc.cluster_id = t.cluster_b ORDER BY o.name)) AS outlets_b,
       s.name AS speaker,
       round(t.similarity, 3) AS similarity
FROM quote_translations t
JOIN quote_clusters ca ON ca.id = t.cluster_a
JOIN quote_clusters cb ON cb.id = t.cluster_b
JOIN quote_statements qs ON qs.cluster_id = t.cluster_a
LEFT JOIN speakers s ON s.id = coalesce(ca.speaker_id, cb.speaker_id)
ORDER BY qs.statement_id, t.cluster_a, t.cluster_b;
