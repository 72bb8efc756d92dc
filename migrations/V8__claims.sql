-- Claims: the sentences of an article's body that state something a
-- fact-checker can check (a figure, a date, a ranking, a concrete event),
-- their normalised facts, the same fact stated by several outlets
-- (claim_clusters), and facts about one subject that differ between
-- articles (claim_pairs: conflicts and roundings).
--
-- The V1 claim tables were never written to; they are replaced.

DROP TABLE claim_facts;
DROP TABLE claims;
DROP TABLE claim_clusters;

-- The same fact as stated by one or more articles. The canonical wording
-- is that of the claim most widely carried (kept by the linker's summary
-- refresh, as is the majority speaker of reported claims).
CREATE TABLE claim_clusters (
    id              INTEGER PRIMARY KEY,
    canonical_text  TEXT NOT NULL,
    canonical_claim INTEGER,
    facts           TEXT,       -- the canonical claim's facts, as a reader sees them
    speaker_id      INTEGER REFERENCES speakers(id) ON DELETE SET NULL
);

-- A claim as printed. `start`/`end` are character offsets into
-- articles.body: substr(body, start + 1, "end" - start) gives the sentence
-- back. `voice` says whether the outlet states it itself ('outlet') or
-- reports someone's statement ('reported', with speaker and cue when the
-- text names them). `score` ranks check-worthiness in [0, 1]. Its
-- article's outlet and date are copied here (an article whose outlet or
-- date changes has its claims extracted again), so that linking and the
-- reports never read the articles' wide rows.
CREATE TABLE claims (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    outlet_id     INTEGER NOT NULL,
    published_at  TEXT,
    speaker_id    INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
    text          TEXT NOT NULL,
    wording       INTEGER NOT NULL,   -- a hash of the sentence's words, case and spacing aside
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    paragraph     INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    voice         TEXT NOT NULL CHECK (voice IN ('outlet', 'reported')),
    cue           TEXT,
    speaker_text  TEXT,
    score         REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
    cluster_id    INTEGER REFERENCES claim_clusters(id) ON DELETE SET NULL,
    CHECK (start <= "end")
);
CREATE INDEX claims_article ON claims(article_id);
-- Partial: a claim is written before it has a cluster, and most have no speaker.
CREATE INDEX claims_cluster ON claims(cluster_id, article_id) WHERE cluster_id IS NOT NULL;
CREATE INDEX claims_speaker ON claims(speaker_id) WHERE speaker_id IS NOT NULL;

-- The linker's place: claims with a larger id wait for it. (Claims are
-- only ever added, so a mark costs nothing per claim, where an index of
-- the unlinked ones would be written twice for each.)
CREATE TABLE claims_linked (upto INTEGER NOT NULL);
INSERT INTO claims_linked(upto) VALUES (0);

-- A normalised fact of a claim. `value` is a number (money in units of its
-- currency, a percentage, a count, a year, the first year of a period) or,
-- for kind 'date', an ISO date at the precision printed ('2025-02-07',
-- '2025-01'); `value_high` the high end of a range, period or week.
-- `unit`: an ISO 4217 code for money, '%' or 'pp' (percentage points) for
-- percentages, a unit of time for durations. `qualifier` ("more than",
-- "nearly", …) bounds the value without changing it. `subject` is the noun
-- phrase the figure measures, normalised for comparison; `text` the figure
-- as printed; `start`/`end` character offsets into articles.body;
-- `precision` the significant digits printed (to tell a rounding).
CREATE TABLE claim_facts (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('money', 'percent', 'number', 'duration', 'date', 'year', 'period')),
    value       NUMERIC NOT NULL,
    value_high  NUMERIC,
    unit        TEXT,
    qualifier   TEXT CHECK (qualifier IN ('about', 'nearly', 'more than', 'at least', 'up to', 'less than')),
    subject     TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    precision   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (claim_id, seq),
    CHECK (start <= "end")
);

-- Candidate keys of claims (their figures, subjects and a sample of
-- content-word pairs), as wording_keys are for quotations.
CREATE TABLE claim_keys (
    key       INTEGER NOT NULL,
    claim_id  INTEGER NOT NULL,
    PRIMARY KEY (key, claim_id)
) WITHOUT ROWID;

-- Two facts of claims in different articles about the same subject, in the
-- same story, whose figures differ: a 'conflict' (incompatible values) or a
-- 'rounding' (one is the other rounded: "$42 billion" and "$42.4 billion").
-- fact_a belongs to the earlier claim. What the reports show of both sides
-- is copied here when the pair is found — facts, claims and their articles'
-- dates never change, and an article whose claims are extracted again
-- loses its pairs with them — so that the conflicts report reads one
-- table, in its own order (`rank`: the difference in percent of the larger
-- value, 0 for dates and years).
CREATE TABLE claim_pairs (
    relation        TEXT NOT NULL CHECK (relation IN ('conflict', 'rounding')),
    rank            REAL NOT NULL,
    fact_a          INTEGER NOT NULL REFERENCES claim_facts(id) ON DELETE CASCADE,
    fact_b          INTEGER NOT NULL REFERENCES claim_facts(id) ON DELETE CASCADE,
    subject         TEXT NOT NULL,
    kind            TEXT NOT NULL,
    unit            TEXT,
    outlet_a        INTEGER NOT NULL,
    figure_a        TEXT NOT NULL,
    value_a         NUMERIC NOT NULL,
    outlet_b        INTEGER NOT NULL,
    figure_b        TEXT NOT NULL,
    value_b         NUMERIC NOT NULL,
    difference      NUMERIC,
    difference_pct  REAL,
    claim_a         TEXT NOT NULL,
    claim_b         TEXT NOT NULL,
    published_a     TEXT,
    published_b     TEXT,
    article_a       INTEGER NOT NULL,
    article_b       INTEGER NOT NULL,
    PRIMARY KEY (relation, rank, fact_a, fact_b)
) WITHOUT ROWID;
CREATE INDEX claim_pairs_a ON claim_pairs(fact_a);
CREATE INDEX claim_pairs_b ON claim_pairs(fact_b);

-- Articles stored before claims were extracted get theirs when the archive
-- is next linked (from the stored body); new articles arrive with theirs.
ALTER TABLE articles ADD COLUMN claims_pending INTEGER NOT NULL DEFAULT 1;
CREATE INDEX articles_claims_pending ON articles(id) WHERE claims_pending = 1;

-- summary_stale learns a kind: 'claim' (a claim cluster).
CREATE TABLE summary_stale_v8 (
    kind  TEXT NOT NULL CHECK (kind IN ('outlet', 'speaker', 'cluster', 'claim')),
    id    INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
INSERT INTO summary_stale_v8(kind, id) SELECT kind, id FROM summary_stale;
DROP TABLE summary_stale;
ALTER TABLE summary_stale_v8 RENAME TO summary_stale;
-- Outlets' claim figures are new: compute them all at the next link.
INSERT OR IGNORE INTO summary_stale(kind, id) SELECT 'outlet', id FROM outlets;

-- Summaries behind the claim reports, refreshed like the quotation ones.

-- Per claim cluster, kept in the claims report's order (and with its
-- canonical wording and speaker) so that the report reads one table from
-- start to end.
CREATE TABLE claim_cluster_stats (
    outlets          INTEGER NOT NULL,
    articles         INTEGER NOT NULL,
    score            REAL NOT NULL,
    cluster_id       INTEGER NOT NULL,
    claims           INTEGER NOT NULL,
    canonical_text   TEXT NOT NULL,
    speaker_id       INTEGER,
    facts            TEXT,      -- the canonical claim's facts, normalised
    outlet_names     TEXT,      -- the outlets stating it (the first ten, then "and N more")
    first_published  TEXT,
    first_outlet_id  INTEGER,
    PRIMARY KEY (outlets DESC, articles DESC, score DESC, cluster_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX claim_cluster_stats_cluster ON claim_cluster_stats(cluster_id);

-- Which outlet stated which claim cluster.
CREATE TABLE outlet_claim_clusters (
    cluster_id  INTEGER NOT NULL,
    outlet_id   INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, outlet_id)
) WITHOUT ROWID;
CREATE INDEX outlet_claim_clusters_outlet ON outlet_claim_clusters(outlet_id, cluster_id);

-- Per outlet: claims, facts, distinct facts stated (clusters), of them
-- shared with another outlet and stated only here, and conflicts its claims
-- are part of.
CREATE TABLE outlet_claim_stats (
    outlet_id  INTEGER PRIMARY KEY,
    claims     INTEGER NOT NULL,
    facts      INTEGER NOT NULL,
    clusters   INTEGER NOT NULL,
    shared     INTEGER NOT NULL,
    only_here  INTEGER NOT NULL,
    conflicts  INTEGER NOT NULL
);

-- Per pair of outlets (by id, outlet_a < outlet_b): claim clusters both stated.
CREATE TABLE outlet_claim_pair_stats (
    outlet_a  INTEGER NOT NULL,
    outlet_b  INTEGER NOT NULL,
    shared    INTEGER NOT NULL,
    PRIMARY KEY (outlet_a, outlet_b)
) WITHOUT ROWID;
CREATE INDEX outlet_claim_pair_stats_b ON outlet_claim_pair_stats(outlet_b);

-- The reports.

-- Each fact stated (a claim cluster): canonical sentence, its facts, the
-- speaker when it is someone's statement, how widely it was carried, and
-- where it first appeared.
CREATE VIEW report_claims AS
SELECT st.cluster_id AS cluster, s.name AS speaker, st.canonical_text, st.facts, st.outlets, st.articles, st.claims,
       st.outlet_names, st.score, st.first_published, o.name AS first_outlet
FROM claim_cluster_stats st
LEFT JOIN speakers s ON s.id = st.speaker_id
LEFT JOIN outlets o ON o.id = st.first_outlet_id
ORDER BY st.outlets DESC, st.articles DESC, st.score DESC, st.cluster_id;

-- Per outlet: claims, facts, distinct facts stated, shared with at least one
-- other outlet, stated by it alone (the other outlets' blindspots), the
-- shared share in percent, and conflicts with other articles.
CREATE VIEW report_claim_coverage AS
SELECT o.name AS outlet, os.articles, st.claims, st.facts, st.clusters AS stated, st.shared, st.only_here,
       CASE WHEN st.clusters = 0 THEN NULL ELSE round(100.0 * st.shared / st.clusters, 1) END AS shared_pct,
       st.conflicts
FROM outlet_claim_stats st
JOIN outlets o ON o.id = st.outlet_id
JOIN outlet_stats os ON os.outlet_id = st.outlet_id
ORDER BY st.shared DESC, st.clusters DESC, o.name;

-- Per pair of outlets: facts both stated, as a share of each one's.
CREATE VIEW report_claim_outlet_pairs AS
SELECT CASE WHEN a.name < b.name THEN a.name ELSE b.name END AS outlet_a,
       CASE WHEN a.name < b.name THEN b.name ELSE a.name END AS outlet_b,
       p.shared,
       round(100.0 * p.shared / CASE WHEN a.name < b.name THEN sa.clusters ELSE sb.clusters END, 1) AS pct_of_a,
       round(100.0 * p.shared / CASE WHEN a.name < b.name THEN sb.clusters ELSE sa.clusters END, 1) AS pct_of_b
FROM outlet_claim_pair_stats p
JOIN outlets a ON a.id = p.outlet_a
JOIN outlets b ON b.id = p.outlet_b
JOIN outlet_claim_stats sa ON sa.outlet_id = p.outlet_a
JOIN outlet_claim_stats sb ON sb.outlet_id = p.outlet_b
ORDER BY p.shared DESC, outlet_a, outlet_b;

-- Every pair of differing facts, side by side: the subject, both outlets,
-- the figures as printed and normalised, and the size of the difference
-- (b − a: days between dates, years between years; and in percent of the
-- larger value for numbers).
CREATE VIEW claim_differences AS
SELECT p.relation, p.subject, p.kind, p.unit, oa.name AS outlet_a, p.figure_a, p.value_a, ob.name AS outlet_b,
       p.figure_b, p.value_b, p.difference, p.difference_pct, p.claim_a, p.claim_b, p.published_a, p.published_b,
       p.article_a, p.article_b, p.fact_a, p.fact_b, p.rank
FROM claim_pairs p
JOIN outlets oa ON oa.id = p.outlet_a
JOIN outlets ob ON ob.id = p.outlet_b;

-- Conflicts: the same subject, the same story, incompatible figures; the
-- largest differences first.
CREATE VIEW report_claim_conflicts AS
SELECT subject, kind, unit, outlet_a, figure_a, value_a, outlet_b, figure_b, value_b, difference, difference_pct,
       claim_a, claim_b, published_a, published_b, article_a, article_b
FROM claim_differences
WHERE relation = 'conflict'
ORDER BY rank DESC, fact_a DESC, fact_b DESC;

-- What other outlets stated about the stories an outlet covered that the
-- outlet did not state. A story is told by the articles that state a fact
-- one of the outlet's articles states too — a fact stated by fewer than 65
-- articles: one in more is common knowledge, not a story's. Their other
-- facts are the candidates. Read it for one outlet
-- (`newsarchive report blindspots --outlet NAME` does, driving the same
-- query from that outlet, which SQLite cannot do through the view's GROUP BY).
CREATE VIEW report_blindspots AS
SELECT o.name AS outlet, k.id AS cluster, k.canonical_text, st.facts, st.outlets, st.outlet_names AS stated_by,
       st.first_published
FROM outlets o
JOIN articles a ON a.outlet_id = o.id
JOIN claims mine ON mine.article_id = a.id
JOIN claim_cluster_stats ms ON ms.cluster_id = mine.cluster_id AND ms.articles < 65
JOIN claims same ON same.cluster_id = mine.cluster_id AND same.article_id <> mine.article_id
JOIN claims other ON other.article_id = same.article_id AND other.cluster_id IS NOT NULL
JOIN claim_clusters k ON k.id = other.cluster_id
JOIN claim_cluster_stats st ON st.cluster_id = k.id
WHERE NOT EXISTS (SELECT 1 FROM outlet_claim_clusters x WHERE x.outlet_id = o.id AND x.cluster_id = k.id)
GROUP BY o.name, k.id
ORDER BY o.name, st.outlets DESC, st.score DESC, k.id;
