-- Two reports that took over 200 ms at 100k articles.
--
-- `report_article_similarity` read both articles' rows for a title, a file
-- name and an outlet: rows that hold the bodies. `articles_meta` now
-- carries the title and file name too, and the view reads it instead
-- (`INDEXED BY`: for a lookup by id the planner would take the row).
--
-- `report_quote_spread` looked for translations three times for every
-- quotation, most of which have none; now only for those linked to a
-- statement in another language.

DROP INDEX articles_meta;
CREATE INDEX articles_meta ON articles(id, outlet_id, published_at, title, source_path);

DROP VIEW report_article_similarity;
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
JOIN articles a INDEXED BY articles_meta ON a.id = p.article_a
JOIN articles b INDEXED BY articles_meta ON b.id = p.article_b
JOIN outlets oa ON oa.id = a.outlet_id
JOIN outlets ob ON ob.id = b.outlet_id
WHERE p.score >= 0.3
ORDER BY p.score DESC, p.article_a, p.article_b;

DROP VIEW report_quote_spread;
CREATE VIEW report_quote_spread AS
SELECT c.id AS cluster, s.name AS speaker, c.canonical_text, cs.outlets, cs.articles, cs.wordings,
       cs.fragments, cs.first_published, o.name AS first_outlet, c.language,
       CASE WHEN qs.statement_id IS NULL THEN 0 ELSE (SELECT count(*) FROM quote_statements x WHERE x.statement_id = qs.statement_id AND x.cluster_id <> c.id) END
           AS translations,
       CASE WHEN qs.statement_id IS NULL THEN 0 ELSE (SELECT count(DISTINCT oc.outlet_id) FROM quote_statements x
        JOIN outlet_clusters oc ON oc.cluster_id = x.cluster_id
        WHERE x.statement_id = qs.statement_id AND x.cluster_id <> c.id) END AS translation_outlets,
       CASE WHEN qs.statement_id IS NOT NULL THEN (SELECT group_concat(language, '; ') FROM (
            SELECT DISTINCT t.language FROM quote_statements x JOIN quote_clusters t ON t.id = x.cluster_id
            WHERE x.statement_id = qs.statement_id AND x.cluster_id <> c.id AND t.language IS NOT NULL
            ORDER BY t.language)) END AS translation_languages
FROM cluster_stats cs
JOIN quote_clusters c ON c.id = cs.cluster_id
LEFT JOIN speakers s ON s.id = c.speaker_id
LEFT JOIN outlets o ON o.id = cs.first_outlet_id
LEFT JOIN quote_statements qs ON qs.cluster_id = c.id
ORDER BY cs.outlets DESC, cs.articles DESC, cs.cluster_id;
