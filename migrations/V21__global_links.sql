-- Quotations linked across shards: archives filled on several machines,
-- exported as Parquet (`export --format parquet`) and linked together by
-- the Spark job (spark/link.py). `newsarchive import-links DIR` loads its
-- results here, replacing what an earlier load put, so that this archive's
-- reports show the overlap with outlets other archives hold.

-- The job's run that was loaded.
CREATE TABLE global_links (
    dir        TEXT NOT NULL,   -- the job's output directory, as given
    loaded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    wordings   INTEGER NOT NULL,   -- of this archive's wordings, how many the job linked
    outlets    INTEGER NOT NULL    -- outlets in all shards
);

-- Each wording of this archive (by its normalized text, the key every
-- shard shares) and the global quotation it belongs to: `cluster` is the
-- job's cluster of near-identical wordings, `root` the quotation it counts
-- as (the cluster itself, or the longer quotation it is a fragment of);
-- `canonical` whether it is its cluster's most widely carried wording;
-- `outlets` how many outlets, in all shards, carried the root.
CREATE TABLE global_wordings (
    normalized  TEXT NOT NULL PRIMARY KEY,
    cluster     INTEGER NOT NULL,
    root        INTEGER NOT NULL,
    canonical   INTEGER NOT NULL,
    outlets     INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX global_wordings_root ON global_wordings(root);

-- The job's reports over all shards, as it computed them (same columns
-- as report_quote_overlap_same_language and report_outlet_pairs_same_language).
CREATE TABLE global_quote_overlap (
    outlet         TEXT NOT NULL PRIMARY KEY,
    articles       INTEGER NOT NULL,
    quotes         INTEGER NOT NULL,
    shared         INTEGER NOT NULL,
    unique_quotes  INTEGER NOT NULL,
    shared_pct     REAL,
    reworded       INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE global_outlet_pairs (
    outlet_a   TEXT NOT NULL,
    outlet_b   TEXT NOT NULL,
    shared     INTEGER NOT NULL,
    pct_of_a   REAL,
    pct_of_b   REAL,
    PRIMARY KEY (outlet_a, outlet_b)
) WITHOUT ROWID;

-- Quote overlap per outlet across all shards: this archive's outlets and
-- every other shard's, as the job counted them.
CREATE VIEW report_quote_overlap_global AS
SELECT outlet, articles, quotes, shared, unique_quotes, shared_pct, reworded
FROM global_quote_overlap
ORDER BY shared DESC, quotes DESC, outlet;

CREATE VIEW report_outlet_pairs_global AS
SELECT outlet_a, outlet_b, shared, pct_of_a, pct_of_b
FROM global_outlet_pairs
ORDER BY shared DESC, outlet_a, outlet_b;

-- Each quotation of this archive with how far it travelled across all
-- shards: the outlets here that carried it and the outlets anywhere.
CREATE VIEW report_quotations_global AS
SELECT g.root AS global_quotation,
       (SELECT w.text FROM quote_wordings w JOIN global_wordings c ON c.normalized = w.normalized
         WHERE c.root = g.root ORDER BY c.cluster <> c.root, NOT c.canonical, w.id LIMIT 1) AS text,
       count(DISTINCT a.outlet_id) AS outlets_here,
       max(g.outlets) AS outlets_anywhere
FROM global_wordings g
JOIN quote_wordings w ON w.normalized = g.normalized
JOIN quote_units u ON u.wording_id = w.id
JOIN articles a ON a.id = u.article_id
GROUP BY g.root
ORDER BY outlets_anywhere DESC, outlets_here DESC, global_quotation;
