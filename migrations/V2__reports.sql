-- Canned reports. Each `newsarchive report NAME` prints `SELECT * FROM report_NAME`
-- (the CLI adds formatting only), so sqlite3 users see exactly what the CLI shows.

-- Which outlet carried which quote cluster (body speech only: quote_units
-- exist only for full and partial quotes in the article body).
CREATE VIEW outlet_clusters AS
SELECT DISTINCT a.outlet_id, u.cluster_id
FROM quote_units u
JOIN articles a ON a.id = u.article_id
WHERE u.cluster_id IS NOT NULL;

-- How many outlets carried each cluster.
CREATE VIEW cluster_spread AS
SELECT cluster_id, count(*) AS outlets
FROM outlet_clusters
GROUP BY cluster_id;

CREATE VIEW report_outlets AS
SELECT o.name AS outlet,
       (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id) AS articles,
       (SELECT coalesce(sum(a.word_count), 0) FROM articles a WHERE a.outlet_id = o.id) AS words,
       (SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE a.outlet_id = o.id AND q.region = 'body' AND q.kind IN ('full', 'partial')) AS quotes,
       (SELECT count(DISTINCT q.speaker_id) FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE a.outlet_id = o.id AND q.region = 'body' AND q.kind IN ('full', 'partial')) AS speakers,
       (SELECT min(a.published_at) FROM articles a WHERE a.outlet_id = o.id) AS first_published,
       (SELECT max(a.published_at) FROM articles a WHERE a.outlet_id = o.id) AS last_published
FROM outlets o
ORDER BY articles DESC, outlet;

-- Per outlet: distinct quoted sentences carried, how many of them at least
-- one other outlet carried too, and how many only this outlet did.
CREATE VIEW report_quote_overlap AS
SELECT o.name AS outlet,
       (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id) AS articles,
       count(s.cluster_id) AS quotes,
       coalesce(sum(s.outlets > 1), 0) AS shared,
       coalesce(sum(s.outlets = 1), 0) AS unique_quotes,
       CASE WHEN count(s.cluster_id) = 0 THEN NULL
            ELSE round(100.0 * sum(s.outlets > 1) / count(s.cluster_id), 1) END AS shared_pct
FROM outlets o
LEFT JOIN outlet_clusters oc ON oc.outlet_id = o.id
LEFT JOIN cluster_spread s ON s.cluster_id = oc.cluster_id
GROUP BY o.id
ORDER BY shared DESC, quotes DESC, outlet;

-- Every pair of outlets (each pair once, outlet_a < outlet_b) with the
-- quote clusters both carried, and what share of each outlet's quotes that is.
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
