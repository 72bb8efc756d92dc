-- Facts and text reuse linked across shards by the Spark job, loaded by
-- `newsarchive import-links` beside the quotations (V21), replaced with
-- them by every load.

-- Of this archive's claims, how many a load linked.
ALTER TABLE global_links ADD COLUMN claims INTEGER NOT NULL DEFAULT 0;

-- Each claim of this archive (by its article's content hash and its
-- offset, the key every shard shares) and the fact it states across all
-- shards: `cluster` is the job's claim cluster, `outlets` how many
-- outlets, in all shards, stated it.
CREATE TABLE global_claims (
    article_sha256  TEXT NOT NULL,
    start           INTEGER NOT NULL,
    cluster         INTEGER NOT NULL,
    outlets         INTEGER NOT NULL,
    PRIMARY KEY (article_sha256, start)
) WITHOUT ROWID;
CREATE INDEX global_claims_cluster ON global_claims(cluster);

-- The job's claim reports over all shards, as it computed them (same
-- columns as report_claim_coverage and report_claim_outlet_pairs).
CREATE TABLE global_claim_coverage (
    outlet      TEXT NOT NULL PRIMARY KEY,
    articles    INTEGER NOT NULL,
    claims      INTEGER NOT NULL,
    facts       INTEGER NOT NULL,
    stated      INTEGER NOT NULL,
    shared      INTEGER NOT NULL,
    only_here   INTEGER NOT NULL,
    shared_pct  REAL,
    conflicts   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE global_claim_outlet_pairs (
    outlet_a   TEXT NOT NULL,
    outlet_b   TEXT NOT NULL,
    shared     INTEGER NOT NULL,
    pct_of_a   REAL,
    pct_of_b   REAL,
    PRIMARY KEY (outlet_a, outlet_b)
) WITHOUT ROWID;

-- Pairs of articles sharing text of which at least one is in this
-- archive (the other may be in any shard), as the job's
-- report_article_similarity gives them, in its order (`rank`).
CREATE TABLE global_article_similarity (
    rank           INTEGER NOT NULL PRIMARY KEY,
    article_a      TEXT NOT NULL,
    article_b      TEXT NOT NULL,
    a_in_b_pct     REAL NOT NULL,
    b_in_a_pct     REAL NOT NULL,
    likely_source  TEXT,
    source_reason  TEXT,
    a_sha256       TEXT NOT NULL,
    b_sha256       TEXT NOT NULL
);

CREATE VIEW report_claim_coverage_global AS
SELECT outlet, articles, claims, facts, stated, shared, only_here, shared_pct, conflicts
FROM global_claim_coverage
ORDER BY shared DESC, stated DESC, outlet COLLATE NOCASE, outlet;

CREATE VIEW report_claim_outlet_pairs_global AS
SELECT outlet_a, outlet_b, shared, pct_of_a, pct_of_b
FROM global_claim_outlet_pairs
ORDER BY shared DESC, outlet_a, outlet_b;

-- This archive's articles that share text with another, in any shard:
-- whether the other is here (`b_here`, `a_here`: 1 if that article is in
-- this archive).
CREATE VIEW report_article_similarity_global AS
SELECT s.article_a, s.article_b, s.a_in_b_pct, s.b_in_a_pct, s.likely_source, s.source_reason,
       EXISTS (SELECT 1 FROM articles x WHERE x.content_sha256 = s.a_sha256) AS a_here,
       EXISTS (SELECT 1 FROM articles x WHERE x.content_sha256 = s.b_sha256) AS b_here,
       s.a_sha256, s.b_sha256
FROM global_article_similarity s
ORDER BY s.rank;

-- Each fact this archive states with how far it travelled across all
-- shards: the outlets here that stated it and the outlets anywhere.
CREATE VIEW report_claims_global AS
SELECT g.cluster AS global_fact,
       (SELECT c.text FROM claims c JOIN articles a ON a.id = c.article_id
          JOIN global_claims x ON x.article_sha256 = a.content_sha256 AND x.start = c.start
         WHERE x.cluster = g.cluster ORDER BY c.id LIMIT 1) AS text,
       count(DISTINCT a.outlet_id) AS outlets_here,
       max(g.outlets) AS outlets_anywhere
FROM global_claims g
JOIN articles a ON a.content_sha256 = g.article_sha256
JOIN claims c ON c.article_id = a.id AND c.start = g.start
GROUP BY g.cluster
ORDER BY outlets_anywhere DESC, outlets_here DESC, global_fact;
