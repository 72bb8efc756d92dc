-- The whole blindspots report (every outlet, as `export` writes it) joined
-- every claim of an outlet's story with every other claim of it before
-- grouping: 26 s at 100k articles for 1.1M rows. Finding first the
-- articles that tell an outlet's stories, then the facts they state, each
-- once, gives the same rows in the same order in 11 s.
DROP VIEW report_blindspots;

CREATE VIEW report_blindspots AS
WITH story_articles AS (
    SELECT DISTINCT a.outlet_id, same.article_id
    FROM articles a
    JOIN claims mine ON mine.article_id = a.id
    JOIN claim_cluster_stats ms ON ms.cluster_id = mine.cluster_id AND ms.articles < 65
    JOIN claims same ON same.cluster_id = mine.cluster_id AND same.article_id <> mine.article_id
), missed AS (
    SELECT DISTINCT s.outlet_id, other.cluster_id
    FROM story_articles s
    JOIN claims other ON other.article_id = s.article_id AND other.cluster_id IS NOT NULL
    WHERE NOT EXISTS (SELECT 1 FROM outlet_claim_clusters x WHERE x.outlet_id = s.outlet_id AND x.cluster_id = other.cluster_id)
)
SELECT o.name AS outlet, k.id AS cluster, k.canonical_text, st.facts, st.outlets, st.outlet_names AS stated_by,
       st.first_published
FROM missed m
JOIN outlets o ON o.id = m.outlet_id
JOIN claim_clusters k ON k.id = m.cluster_id
JOIN claim_cluster_stats st ON st.cluster_id = k.id
ORDER BY o.name, st.outlets DESC, st.score DESC, k.id;
