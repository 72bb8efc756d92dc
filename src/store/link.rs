//! The SQL of linking: wordings waiting for a cluster, candidate keys,
//! clusters and their canonical wordings, article shingles and pairs.
//! The decisions are made in `crate::link`; this is how they are stored.

use super::{Archive, Error, Result};
use rusqlite::{Transaction, params};
use std::collections::HashMap;

/// A distinct wording of a quoted sentence.
#[derive(Debug, Clone)]
pub struct Wording {
    /// `quote_wordings.id`.
    pub id: i64,
    /// Normalized words.
    pub normalized: String,
    /// Its speaker (of the first quote printing it that names one).
    pub speaker_id: Option<i64>,
    /// Its cluster, once linked.
    pub cluster_id: Option<i64>,
}

/// An article waiting for its similarity to others to be computed.
#[derive(Debug, Clone)]
pub struct PendingArticle {
    /// `articles.id`.
    pub id: i64,
    /// Stored body.
    pub body: String,
    /// Publication date, if known.
    pub published: Option<String>,
}

/// A wording of a cluster with how widely it was carried.
#[derive(Debug, Clone)]
pub struct Carried {
    /// Its cluster.
    pub cluster: i64,
    /// The wording's speaker.
    pub speaker_id: Option<i64>,
    /// Quoted sentences printing it.
    pub units: i64,
    /// `quote_wordings.id`.
    pub wording_id: i64,
    /// Normalized words.
    pub normalized: String,
    /// Printed form.
    pub text: String,
    /// Outlets printing it.
    pub outlets: i64,
    /// Articles printing it.
    pub articles: i64,
}

/// One transaction of a linking pass: a round of it, or its end (see
/// `link::link`).
pub struct LinkTx<'a> {
    pub(super) tx: Transaction<'a>,
    pub(super) path: String,
}

impl Archive {
    /// Starts a linking transaction.
    pub fn link_tx(&mut self) -> Result<LinkTx<'_>> {
        // Linking may merge speakers: what the writer knew is no longer sure.
        let path = self.path.clone();
        let tx = super::write::begin_write(&mut self.conn, &mut self.known)
            .map_err(|source| Error::Sqlite { path: path.clone(), source })?;
        self.known.clear();
        Ok(LinkTx { tx, path })
    }

    /// Starts a linking pass if no other process is writing to the archive
    /// now; `None` if one is (a report then shows what is linked already
    /// rather than wait for an import to finish).
    pub fn try_link_tx(&mut self) -> Result<Option<LinkTx<'_>>> {
        // A probe without waiting; should another writer slip in between
        // the probe and the pass, the pass waits for it as usual.
        self.conn.busy_timeout(std::time::Duration::ZERO).map_err(|e| self.err(e))?;
        let probe = self.conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;");
        self.conn.busy_timeout(super::lock_timeout()).map_err(|e| self.err(e))?;
        match probe {
            Ok(()) => self.link_tx().map(Some),
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => Ok(None),
            Err(e) => Err(self.err(e)),
        }
    }

    /// Whether the archive has anything left to link: new wordings or
    /// articles, or report summaries to refresh.
    pub fn link_pending(&self) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM quote_wordings WHERE cluster_id IS NULL)
                     OR EXISTS (SELECT 1 FROM articles WHERE linked = 0)
                     OR EXISTS (SELECT 1 FROM articles WHERE claims_pending = 1)
                     OR EXISTS (SELECT 1 FROM articles WHERE language_pending = 1)
                     OR EXISTS (SELECT 1 FROM claims WHERE id > (SELECT upto FROM claims_linked))
                     OR EXISTS (SELECT 1 FROM summary_stale)
                     OR (EXISTS (SELECT 1 FROM transcripts)
                         AND EXISTS (SELECT 1 FROM articles a
                                     WHERE NOT EXISTS (SELECT 1 FROM fidelity_checked c WHERE c.article_id = a.id)))",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }
}

impl LinkTx<'_> {
    pub(super) fn err(&self, source: rusqlite::Error) -> Error {
        Error::Sqlite { path: self.path.clone(), source }
    }

    /// Makes the pass permanent.
    pub fn commit(self) -> Result<()> {
        let path = self.path.clone();
        self.tx.commit().map_err(|source| Error::Sqlite { path, source })
    }

    /// Up to `limit` wordings not yet in a cluster, oldest first.
    pub fn pending_wordings(&self, limit: usize) -> Result<Vec<Wording>> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT id, normalized, speaker_id FROM quote_wordings WHERE cluster_id IS NULL ORDER BY id LIMIT ?1",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([limit as i64], |r| {
                Ok(Wording { id: r.get(0)?, normalized: r.get(1)?, speaker_id: r.get(2)?, cluster_id: None })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Whether any linked wording has keys (false in a new archive, which
    /// spares a lookup per key).
    pub fn has_keys(&self) -> Result<bool> {
        self.tx.query_row("SELECT EXISTS (SELECT 1 FROM wording_keys)", [], |r| r.get(0)).map_err(|e| self.err(e))
    }

    /// Linked wordings sharing `key`, the newest first, at most `limit` (a
    /// key shared by very many wordings tells little; the rarer keys find
    /// the candidates).
    pub fn wordings_with_key(&self, key: i64, limit: usize) -> Result<Vec<i64>> {
        self.ids_with_key(
            "SELECT wording_id FROM wording_keys WHERE key = ?1 ORDER BY wording_id DESC LIMIT ?2",
            key,
            limit,
        )
    }

    /// The ids an index query (`?1` the key, `?2` the limit) lists.
    fn ids_with_key(&self, sql: &str, key: i64, limit: usize) -> Result<Vec<i64>> {
        ids_with_key(&self.tx, sql, key, limit).map_err(|e| self.err(e))
    }

    /// A wording by id.
    pub fn wording(&self, id: i64) -> Result<Wording> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT id, normalized, speaker_id, cluster_id FROM quote_wordings WHERE id = ?1")
            .map_err(|e| self.err(e))?;
        stmt.query_row([id], |r| {
            Ok(Wording { id: r.get(0)?, normalized: r.get(1)?, speaker_id: r.get(2)?, cluster_id: r.get(3)? })
        })
        .map_err(|e| self.err(e))
    }

    /// A cluster's speaker and the cluster it is a fragment of.
    pub fn cluster(&self, id: i64) -> Result<(Option<i64>, Option<i64>)> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT speaker_id, fragment_of FROM quote_clusters WHERE id = ?1")
            .map_err(|e| self.err(e))?;
        stmt.query_row([id], |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| self.err(e))
    }

    /// Creates a cluster whose first wording is `wording`.
    pub fn new_cluster(&self, wording: &Wording) -> Result<i64> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "INSERT INTO quote_clusters(normalized, canonical_text, speaker_id)
                 SELECT normalized, text, speaker_id FROM quote_wordings WHERE id = ?1",
            )
            .map_err(|e| self.err(e))?;
        stmt.execute([wording.id]).map_err(|e| self.err(e))?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Puts a wording in a cluster.
    pub fn assign(&self, wording: i64, cluster: i64) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("UPDATE quote_wordings SET cluster_id = ?2 WHERE id = ?1")
            .map_err(|e| self.err(e))?;
        stmt.execute([wording, cluster]).map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Records a cluster as a fragment of another.
    pub fn set_fragment_of(&self, cluster: i64, of: i64) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("UPDATE quote_clusters SET fragment_of = ?2 WHERE id = ?1 AND fragment_of IS NULL")
            .map_err(|e| self.err(e))?;
        stmt.execute([cluster, of]).map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Stores candidate keys, as (key, wording) pairs.
    pub fn add_keys(&self, keys: impl IntoIterator<Item = (i64, i64)>) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO wording_keys(key, wording_id) VALUES (?1, ?2)")
            .map_err(|e| self.err(e))?;
        for (k, w) in keys {
            stmt.execute([k, w]).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// The wordings of `clusters` (not their fragments') with how widely
    /// each was carried; grouped by cluster, most widely carried first. One
    /// query however many clusters are asked for.
    pub fn carried(&self, clusters: &[i64]) -> Result<Vec<Carried>> {
        let sql = |e| self.err(e);
        self.tx
            .execute_batch(
                "CREATE TEMP TABLE IF NOT EXISTS link_touched(id INTEGER PRIMARY KEY); DELETE FROM link_touched;",
            )
            .map_err(sql)?;
        {
            let mut ins = self.tx.prepare_cached("INSERT INTO link_touched(id) VALUES (?1)").map_err(sql)?;
            for c in clusters {
                ins.execute([c]).map_err(sql)?;
            }
        }
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT w.cluster_id, w.id, w.normalized, w.text, count(DISTINCT a.outlet_id) AS outlets,
                        count(DISTINCT u.article_id) AS articles, w.speaker_id, count(*) AS units
                 FROM link_touched t
                 JOIN quote_wordings w ON w.cluster_id = t.id
                 JOIN quote_units u ON u.wording_id = w.id
                 JOIN articles a INDEXED BY articles_meta ON a.id = u.article_id
                 GROUP BY w.id
                 ORDER BY w.cluster_id, outlets DESC, articles DESC, w.id",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Carried {
                    cluster: r.get(0)?,
                    wording_id: r.get(1)?,
                    normalized: r.get(2)?,
                    text: r.get(3)?,
                    outlets: r.get(4)?,
                    articles: r.get(5)?,
                    speaker_id: r.get(6)?,
                    units: r.get(7)?,
                })
            })
            .map_err(sql)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql)
    }

    /// Makes a wording its cluster's canonical one, and `speaker` the cluster's.
    pub fn set_canonical(&self, canonical: &Carried, speaker: Option<i64>) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "UPDATE quote_clusters SET normalized = ?2, canonical_text = ?3, speaker_id = coalesce(?4, speaker_id)
                 WHERE id = ?1 AND (normalized <> ?2 OR canonical_text <> ?3 OR speaker_id IS NOT coalesce(?4, speaker_id))",
            )
            .map_err(|e| self.err(e))?;
        stmt.execute(params![canonical.cluster, canonical.normalized, canonical.text, speaker])
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Sets a wording's diff against its cluster's canonical wording.
    pub fn set_diff(&self, wording: i64, diff: Option<&str>) -> Result<()> {
        // Unchanged rows are not rewritten: most of a pass's clusters keep
        // their canonical wording, and a rewrite costs index maintenance.
        let mut stmt = self
            .tx
            .prepare_cached("UPDATE quote_wordings SET diff = ?2 WHERE id = ?1 AND diff IS NOT ?2")
            .map_err(|e| self.err(e))?;
        stmt.execute(params![wording, diff]).map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Clusters left without wordings (their quotes were re-extracted away).
    pub fn drop_empty_clusters(&self) -> Result<usize> {
        self.tx
            .execute(
                "DELETE FROM quote_clusters WHERE NOT EXISTS (SELECT 1 FROM quote_wordings w WHERE w.cluster_id = quote_clusters.id)",
                [],
            )
            .map_err(|e| self.err(e))
    }

    /// Up to `limit` articles with ids up to `upto` whose similarity to
    /// others is not computed yet, in order.
    pub fn pending_articles(&self, upto: i64, limit: usize) -> Result<Vec<PendingArticle>> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT id, body, published_at FROM articles WHERE linked = 0 AND id <= ?1 ORDER BY id LIMIT ?2",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![upto, limit as i64], |r| {
                Ok(PendingArticle { id: r.get(0)?, body: r.get(1)?, published: r.get(2)? })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// The id of the `count`th article waiting to be compared (or of the
    /// last, if fewer wait); `None` if none does.
    pub fn pending_articles_end(&self, count: usize) -> Result<Option<i64>> {
        self.tx
            .query_row(
                "SELECT max(id) FROM (SELECT id FROM articles WHERE linked = 0 ORDER BY id LIMIT ?1)",
                [count as i64],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// Articles whose sampled shingles include `hash`, at most `limit`.
    pub fn articles_with_shingle(&self, hash: i64, limit: usize) -> Result<Vec<i64>> {
        self.ids_with_key("SELECT article_id FROM article_shingles WHERE hash = ?1 LIMIT ?2", hash, limit)
    }

    /// An article's body and publication date.
    pub fn article(&self, id: i64) -> Result<PendingArticle> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT id, body, published_at FROM articles WHERE id = ?1")
            .map_err(|e| self.err(e))?;
        stmt.query_row([id], |r| Ok(PendingArticle { id: r.get(0)?, body: r.get(1)?, published: r.get(2)? }))
            .map_err(|e| self.err(e))
    }

    /// An article's publication date.
    pub fn article_date(&self, id: i64) -> Result<Option<String>> {
        let mut stmt =
            self.tx.prepare_cached("SELECT published_at FROM articles WHERE id = ?1").map_err(|e| self.err(e))?;
        stmt.query_row([id], |r| r.get(0)).map_err(|e| self.err(e))
    }

    /// Whether any article of earlier passes is in the shingle index.
    pub fn has_shingles(&self) -> Result<bool> {
        self.tx.query_row("SELECT EXISTS (SELECT 1 FROM article_shingles)", [], |r| r.get(0)).map_err(|e| self.err(e))
    }

    /// Stores sampled shingles, as (hash, article) pairs.
    pub fn add_shingles(&self, shingles: &[(i64, i64)]) -> Result<()> {
        let mut ins = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO article_shingles(hash, article_id) VALUES (?1, ?2)")
            .map_err(|e| self.err(e))?;
        for (h, a) in shingles {
            ins.execute([*h, *a]).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Marks an article compared with the archive.
    pub fn mark_linked(&self, id: i64) -> Result<()> {
        let mut done =
            self.tx.prepare_cached("UPDATE articles SET linked = 1 WHERE id = ?1").map_err(|e| self.err(e))?;
        done.execute([id]).map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Stores (or replaces) a pair of similar articles; `a < b`.
    #[allow(clippy::too_many_arguments)]
    pub fn save_pair(
        &self,
        a: i64,
        b: i64,
        a_counts: (usize, usize),
        b_counts: (usize, usize),
        source: Option<(i64, &str)>,
    ) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "INSERT OR REPLACE INTO article_pairs(article_a, article_b, a_sentences, a_found, b_sentences, b_found,
                                                      likely_source, source_reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .map_err(|e| self.err(e))?;
        stmt.execute(params![
            a,
            b,
            a_counts.0 as i64,
            a_counts.1 as i64,
            b_counts.0 as i64,
            b_counts.1 as i64,
            source.map(|s| s.0),
            source.map(|s| s.1)
        ])
        .map_err(|e| self.err(e))?;
        Ok(())
    }
}

/// Recomputing the summaries of what `summary_stale` names (V6 migration),
/// restricted to those keys, in order: quotations first (their outlets
/// become stale), then outlets, pairs, speakers. The grouping over every
/// quoted sentence of a quotation, and over every pair of outlets, is done
/// here in Rust: SQLite would sort millions of rows to group them.
const REFRESH_START: &str = "
CREATE TEMP TABLE IF NOT EXISTS stale_clusters(id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS stale_outlets(id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS stale_speakers(id INTEGER PRIMARY KEY);
DELETE FROM stale_clusters; DELETE FROM stale_outlets; DELETE FROM stale_speakers;
INSERT INTO stale_clusters SELECT id FROM summary_stale WHERE kind = 'cluster';

-- Outlets that carried a stale quotation before, and after; and which
-- outlets carried it before, for the pairs' counts.
INSERT OR IGNORE INTO summary_stale(kind, id)
    SELECT 'outlet', outlet_id FROM outlet_clusters WHERE cluster_id IN (SELECT id FROM stale_clusters);
CREATE TEMP TABLE IF NOT EXISTS outlet_clusters_before(cluster_id INTEGER, outlet_id INTEGER);
DELETE FROM outlet_clusters_before;
INSERT INTO outlet_clusters_before
    SELECT cluster_id, outlet_id FROM outlet_clusters WHERE cluster_id IN (SELECT id FROM stale_clusters);
DELETE FROM outlet_clusters WHERE cluster_id IN (SELECT id FROM stale_clusters);
DELETE FROM cluster_stats WHERE cluster_id IN (SELECT id FROM stale_clusters);
DELETE FROM wording_stats WHERE cluster_id IN (SELECT id FROM stale_clusters);

CREATE TEMP TABLE IF NOT EXISTS stale_members(cluster_id INTEGER PRIMARY KEY, root INTEGER NOT NULL, fragment INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS temp.stale_members_root ON stale_members(root);
DELETE FROM stale_members;
INSERT INTO stale_members
    SELECT c.id, c.id, 0 FROM quote_clusters c
    WHERE c.id IN (SELECT id FROM stale_clusters) AND c.fragment_of IS NULL
    UNION ALL
    SELECT f.id, f.fragment_of, 1 FROM quote_clusters f
    WHERE f.fragment_of IN (SELECT id FROM stale_clusters);

";

/// After the quotations' rows: their outlets (stale too), and the outlets.
const REFRESH_OUTLETS: &str = "INSERT OR IGNORE INTO summary_stale(kind, id)
    SELECT 'outlet', outlet_id FROM outlet_clusters WHERE cluster_id IN (SELECT id FROM stale_clusters);

-- Outlets.
INSERT INTO stale_outlets SELECT id FROM summary_stale WHERE kind = 'outlet';
DELETE FROM outlet_stats WHERE outlet_id IN (SELECT id FROM stale_outlets);
INSERT INTO outlet_stats(outlet_id, articles, words, quotes, speakers, first_published, last_published,
                         quotations, shared, unique_quotes, reworded, languages, translated)
    SELECT o.id, coalesce(ar.n, 0), coalesce(ar.words, 0), coalesce(qu.n, 0), coalesce(qu.speakers, 0),
           ar.first, ar.last, coalesce(oc.n, 0), coalesce(oc.shared, 0), coalesce(oc.uniq, 0), coalesce(oc.reworded, 0),
           lg.languages, coalesce(tr.n, 0)
    FROM outlets o
    LEFT JOIN (SELECT outlet_id, count(*) AS n, sum(word_count) AS words,
                      min(published_at) AS first, max(published_at) AS last
               FROM articles WHERE outlet_id IN (SELECT id FROM stale_outlets) GROUP BY outlet_id) ar
           ON ar.outlet_id = o.id
    LEFT JOIN (SELECT a.outlet_id, count(*) AS n, count(DISTINCT q.speaker_id) AS speakers
               FROM articles a JOIN quotes q ON q.article_id = a.id
               WHERE a.outlet_id IN (SELECT id FROM stale_outlets) AND q.region = 'body' AND q.kind IN ('full', 'partial')
               GROUP BY a.outlet_id) qu
           ON qu.outlet_id = o.id
    LEFT JOIN (SELECT oc.outlet_id, count(*) AS n, sum(cs.outlets > 1) AS shared, sum(cs.outlets = 1) AS uniq,
                      sum(cs.outlets > 1 AND oc.direct AND NOT oc.canonical) AS reworded
               FROM outlet_clusters oc JOIN cluster_stats cs ON cs.cluster_id = oc.cluster_id
               WHERE oc.outlet_id IN (SELECT id FROM stale_outlets) GROUP BY oc.outlet_id) oc
           ON oc.outlet_id = o.id
    -- Its articles' languages, most used first.
    LEFT JOIN (SELECT outlet_id, group_concat(language, '; ' ORDER BY n DESC, language) AS languages
               FROM (SELECT outlet_id, language, count(*) AS n FROM articles
                     WHERE outlet_id IN (SELECT id FROM stale_outlets) AND language IS NOT NULL
                     GROUP BY outlet_id, language)
               GROUP BY outlet_id) lg
           ON lg.outlet_id = o.id
    -- Its quotations no other outlet printed in their language that
    -- another outlet carried in translation. Read from the quotations
    -- linked across languages (`CROSS JOIN` keeps them first), usually
    -- few: from the outlets' side it read every quotation of every stale
    -- outlet (0.3 s at 100k articles, with no translation at all).
    LEFT JOIN (SELECT oc.outlet_id, count(*) AS n
               FROM quote_statements qs
               CROSS JOIN outlet_clusters oc ON oc.cluster_id = qs.cluster_id
               JOIN cluster_stats cs ON cs.cluster_id = oc.cluster_id AND cs.outlets = 1
               WHERE oc.outlet_id IN (SELECT id FROM stale_outlets)
                 AND EXISTS (SELECT 1 FROM quote_statements x JOIN outlet_clusters y ON y.cluster_id = x.cluster_id
                             WHERE x.statement_id = qs.statement_id AND y.outlet_id <> oc.outlet_id)
               GROUP BY oc.outlet_id) tr
           ON tr.outlet_id = o.id
    WHERE o.id IN (SELECT id FROM stale_outlets);
";

/// Speakers, and done.
const REFRESH_END: &str = "-- Speakers.
INSERT INTO stale_speakers SELECT id FROM summary_stale WHERE kind = 'speaker';
DELETE FROM speaker_stats WHERE speaker_id IN (SELECT id FROM stale_speakers);
INSERT INTO speaker_stats(speaker_id, quotes, articles, outlets, first_quoted, last_quoted, aliases)
    SELECT q.speaker_id, count(*), count(DISTINCT q.article_id), count(DISTINCT a.outlet_id),
           min(a.published_at), max(a.published_at),
           (SELECT group_concat(alias, '; ') FROM (
                SELECT alias FROM speaker_aliases WHERE speaker_id = q.speaker_id ORDER BY alias))
    FROM quotes q JOIN articles a INDEXED BY articles_meta ON a.id = q.article_id
    WHERE q.speaker_id IN (SELECT id FROM stale_speakers) AND q.region = 'body' AND q.kind IN ('full', 'partial')
    GROUP BY q.speaker_id;

DELETE FROM summary_stale;
";

/// Stale quotations summarised at a time: their tallies are held in memory
/// (a few hundred bytes each).
const REFRESH_ROOTS: usize = 50_000;

/// What `wording_stats` shows of wordings a refresh read: the names of the
/// outlets printing each, and how many articles do.
type Printed = HashMap<i64, (String, i64)>;

/// Outlets' names by id, read once per refresh for the summaries that list
/// outlets by name.
pub(super) struct OutletNames(HashMap<i64, String>);

impl OutletNames {
    pub(super) fn read(tx: &rusqlite::Connection) -> rusqlite::Result<Self> {
        let mut stmt = tx.prepare("SELECT id, name FROM outlets")?;
        Ok(OutletNames(stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?))
    }

    /// The names of `outlets`, sorted, each once.
    pub(super) fn sorted(&self, outlets: &[i64]) -> Vec<&str> {
        let mut shown: Vec<&str> = outlets.iter().filter_map(|o| self.0.get(o).map(String::as_str)).collect();
        shown.sort_unstable();
        shown.dedup();
        shown
    }
}

/// One quotation's figures while its quoted sentences are read.
#[derive(Default)]
struct QuotationTally {
    /// Outlet, printed the canonical wording, printed more than a fragment.
    outlets: Vec<(i64, bool, bool)>,
    articles: Vec<i64>,
    wordings: Vec<i64>,
    fragments: Vec<i64>,
    first_published: Option<String>,
    /// (undated, date, article id, outlet): the first article by date.
    first: Option<(bool, String, i64, i64)>,
}

impl LinkTx<'_> {
    /// Up to `limit` articles stored before languages were detected: id,
    /// outlet and body.
    pub fn articles_without_language(&self, limit: usize) -> Result<Vec<(i64, i64, String)>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT id, outlet_id, body FROM articles WHERE language_pending = 1 ORDER BY id LIMIT ?1")
            .map_err(|e| self.err(e))?;
        let rows =
            stmt.query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Records the language detected for an article stored before
    /// detection (`None`: its words did not tell), and marks its outlet's
    /// summary stale.
    pub fn set_detected_language(&self, article: i64, outlet: i64, language: Option<&str>) -> Result<()> {
        let sql = |e| self.err(e);
        self.tx
            .prepare_cached(
                "UPDATE articles SET language = ?2, language_source = CASE WHEN ?2 IS NULL THEN NULL ELSE 'detected' END,
                                     language_pending = 0
                 WHERE id = ?1",
            )
            .map_err(sql)?
            .execute(params![article, language])
            .map_err(sql)?;
        self.tx
            .prepare_cached("INSERT OR IGNORE INTO summary_stale(kind, id) VALUES ('outlet', ?1)")
            .map_err(sql)?
            .execute([outlet])
            .map_err(sql)?;
        Ok(())
    }
}

impl LinkTx<'_> {
    /// Joins one-word speakers to full-name speakers where the archive's
    /// evidence is clear (see `store::speakers`); returns how many.
    pub fn resolve_surnames(&self) -> Result<usize> {
        super::speakers::resolve_surnames(&self.tx).map_err(|e| self.err(e))
    }

    /// Marks quotations (clusters, fragments resolve to their quotation)
    /// whose summaries must be recomputed.
    pub fn mark_clusters_stale(&self, clusters: &[i64]) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "INSERT OR IGNORE INTO summary_stale(kind, id)
                 SELECT 'cluster', coalesce(fragment_of, id) FROM quote_clusters WHERE id = ?1
                 UNION SELECT 'cluster', ?1",
            )
            .map_err(|e| self.err(e))?;
        for c in clusters {
            stmt.execute([c]).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Marks every summary stale, so the next refresh recomputes them all.
    pub fn mark_all_stale(&self) -> Result<()> {
        self.tx
            .execute_batch(
                "INSERT OR IGNORE INTO summary_stale(kind, id) SELECT 'outlet', id FROM outlets;
                 INSERT OR IGNORE INTO summary_stale(kind, id) SELECT 'speaker', id FROM speakers;
                 INSERT OR IGNORE INTO summary_stale(kind, id) SELECT 'cluster', id FROM quote_clusters;
                 DELETE FROM outlet_stats; DELETE FROM speaker_stats; DELETE FROM cluster_stats;
                 DELETE FROM outlet_clusters; DELETE FROM outlet_pair_stats; DELETE FROM wording_stats;
                 DELETE FROM outlet_translation_pair_stats;",
            )
            .map_err(|e| self.err(e))?;
        self.recount_fidelity()?;
        self.mark_claims_stale().map_err(|e| self.err(e))
    }

    /// Recomputes every stale summary.
    pub fn refresh_summaries(&self) -> Result<()> {
        let sql = |e| self.err(e);
        self.tx.execute_batch(REFRESH_START).map_err(sql)?;
        self.refresh_quotations().map_err(sql)?;
        self.refresh_claim_clusters().map_err(sql)?;
        self.tx.execute_batch(REFRESH_OUTLETS).map_err(sql)?;
        refresh_pairs(&self.tx, "outlet_clusters", "stale_clusters", "outlet_pair_stats").map_err(sql)?;
        super::translations::refresh_translation_pairs(&self.tx).map_err(sql)?;
        self.refresh_claim_outlets().map_err(sql)?;
        self.tx.execute_batch(REFRESH_END).map_err(sql)
    }

    /// `outlet_clusters`, `cluster_stats` and `wording_stats` of the stale
    /// quotations, a range of them at a time, so that the tallies held in
    /// memory stay bounded however many quotations an import touched.
    fn refresh_quotations(&self) -> rusqlite::Result<()> {
        let names = OutletNames::read(&self.tx)?;
        let mut after = i64::MIN;
        loop {
            let upto: Option<i64> = self.tx.query_row(
                "SELECT max(root) FROM (SELECT DISTINCT root FROM stale_members WHERE root > ?1 ORDER BY root LIMIT ?2)",
                params![after, REFRESH_ROOTS as i64],
                |r| r.get(0),
            )?;
            let Some(upto) = upto else { break };
            let printed = self.refresh_quotation_range(after, upto, &names)?;
            self.refresh_wordings(
                printed,
                "SELECT cluster_id FROM stale_members WHERE root > ?1 AND root <= ?2
                 INTERSECT SELECT id FROM stale_clusters",
                (after, upto),
            )?;
            after = upto;
        }
        // A stale fragment of a quotation that is not stale has no member
        // row; its wordings are counted by SQL.
        self.refresh_wordings(
            HashMap::new(),
            "SELECT id FROM stale_clusters EXCEPT SELECT cluster_id FROM stale_members",
            (),
        )
    }

    /// `outlet_clusters` and `cluster_stats` of the stale quotations whose
    /// roots are in `after < root <= upto`, from one pass over their quoted
    /// sentences, read quotation by quotation and written as each ends (a
    /// quotation carried by thousands of articles holds one list of them at
    /// a time); returns what `wording_stats` will show of the wordings of
    /// clusters printed in several wordings.
    fn refresh_quotation_range(&self, after: i64, upto: i64, names: &OutletNames) -> rusqlite::Result<Printed> {
        let mut printed: Printed = HashMap::new();
        let mut stmt = self.tx.prepare_cached(
            "SELECT m.root, m.fragment, m.cluster_id, w.id, w.diff IS NULL, a.outlet_id, u.article_id, a.published_at
             FROM stale_members m
             JOIN quote_wordings w ON w.cluster_id = m.cluster_id
             JOIN quote_units u ON u.wording_id = w.id
             JOIN articles a INDEXED BY articles_meta ON a.id = u.article_id
             WHERE m.root > ?1 AND m.root <= ?2
             ORDER BY m.root",
        )?;
        let mut rows = stmt.query([after, upto])?;
        let mut current: Option<(i64, QuotationTally)> = None;
        // The current quotation's wordings: cluster, outlets, articles.
        let mut wordings: HashMap<i64, (i64, Vec<i64>, Vec<i64>)> = HashMap::new();
        while let Some(r) = rows.next()? {
            let (root, fragment, cluster, wording): (i64, bool, i64, i64) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            let (canonical, outlet, article): (bool, i64, i64) = (r.get(4)?, r.get(5)?, r.get(6)?);
            let published: Option<String> = r.get(7)?;
            if current.as_ref().is_none_or(|(c, _)| *c != root) {
                if let Some((done, t)) = current.take() {
                    self.write_quotation(done, t, &mut wordings, &mut printed, names)?;
                }
                current = Some((root, QuotationTally::default()));
            }
            let t = &mut current.as_mut().expect("set above").1;
            let p = wordings.entry(wording).or_insert_with(|| (cluster, Vec::new(), Vec::new()));
            p.1.push(outlet);
            p.2.push(article);
            let canonical = canonical && !fragment;
            match t.outlets.iter_mut().find(|o| o.0 == outlet) {
                Some(o) => {
                    o.1 |= canonical;
                    o.2 |= !fragment;
                }
                None => t.outlets.push((outlet, canonical, !fragment)),
            }
            t.articles.push(article);
            if fragment {
                t.fragments.push(cluster);
            } else {
                t.wordings.push(wording);
            }
            if let Some(p) = &published
                && t.first_published.as_ref().is_none_or(|f| p < f)
            {
                t.first_published = Some(p.clone());
            }
            // Dated before undated, then by date, then by id.
            let key = (published.is_none(), published.unwrap_or_default(), article, outlet);
            if t.first.as_ref().is_none_or(|f| (key.0, &key.1, key.2) < (f.0, &f.1, f.2)) {
                t.first = Some(key);
            }
        }
        if let Some((done, t)) = current.take() {
            self.write_quotation(done, t, &mut wordings, &mut printed, names)?;
        }
        Ok(printed)
    }

    /// Writes a quotation's `outlet_clusters` and `cluster_stats` rows, and
    /// keeps in `printed` the outlets and article count of its `wordings`
    /// (emptied) that belong to clusters printed in several wordings.
    fn write_quotation(
        &self,
        root: i64,
        mut t: QuotationTally,
        wordings: &mut HashMap<i64, (i64, Vec<i64>, Vec<i64>)>,
        printed: &mut Printed,
        names: &OutletNames,
    ) -> rusqlite::Result<()> {
        let mut oc = self.tx.prepare_cached(
            "INSERT INTO outlet_clusters(cluster_id, outlet_id, canonical, direct) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut cs = self.tx.prepare_cached(
            "INSERT INTO cluster_stats(cluster_id, outlets, articles, wordings, fragments, first_published, first_outlet_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        t.outlets.sort_unstable();
        for &(outlet, canonical, direct) in &t.outlets {
            oc.execute(params![root, outlet, canonical, direct])?;
        }
        let distinct = |v: &mut Vec<i64>| {
            v.sort_unstable();
            v.dedup();
            v.len() as i64
        };
        cs.execute(params![
            root,
            t.outlets.len() as i64,
            distinct(&mut t.articles),
            distinct(&mut t.wordings),
            distinct(&mut t.fragments),
            t.first_published,
            t.first.map(|f| f.3)
        ])?;
        let mut per_cluster: HashMap<i64, usize> = HashMap::new();
        for (cluster, _, _) in wordings.values() {
            *per_cluster.entry(*cluster).or_default() += 1;
        }
        for (wording, (cluster, outlets, mut articles)) in wordings.drain() {
            // A cluster with one wording printed needs no row, unless it has
            // wordings no article prints any more: SQL counts those.
            if per_cluster[&cluster] < 2 {
                continue;
            }
            // As SQL's group_concat of the distinct names in order would.
            printed.insert(wording, (names.sorted(&outlets).join("; "), distinct(&mut articles)));
        }
        Ok(())
    }

    /// `wording_stats` of the quotations `clusters` lists (an SQL query,
    /// with `params`) that are printed in several wordings: each wording's
    /// outlets and articles, as `printed` holds them. A wording it does not
    /// hold (no article prints it any more, say) is counted by SQL.
    fn refresh_wordings(
        &self,
        mut printed: Printed,
        clusters: &str,
        params: impl rusqlite::Params,
    ) -> rusqlite::Result<()> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT w.id, w.cluster_id FROM quote_wordings w
             WHERE w.cluster_id IN (
                 SELECT cluster_id FROM quote_wordings
                 WHERE cluster_id IN ({clusters})
                 GROUP BY cluster_id HAVING count(*) > 1)
             ORDER BY w.cluster_id, w.id"
        ))?;
        let wordings: Vec<(i64, i64)> =
            stmt.query_map(params, |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let mut add = self.tx.prepare_cached(
            "INSERT INTO wording_stats(wording_id, cluster_id, outlets, articles) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut count = self.tx.prepare_cached(
            "INSERT INTO wording_stats(wording_id, cluster_id, outlets, articles)
             SELECT w.id, w.cluster_id,
                    (SELECT group_concat(name, '; ') FROM (
                         SELECT DISTINCT o.name FROM quote_units u2 JOIN articles a2 ON a2.id = u2.article_id
                         JOIN outlets o ON o.id = a2.outlet_id WHERE u2.wording_id = w.id ORDER BY o.name)),
                    (SELECT count(DISTINCT u3.article_id) FROM quote_units u3 WHERE u3.wording_id = w.id)
             FROM quote_wordings w WHERE w.id = ?1",
        )?;
        for (wording, cluster) in wordings {
            match printed.remove(&wording) {
                Some((outlets, articles)) => add.execute(params![wording, cluster, outlets, articles])?,
                None => count.execute([wording])?,
            };
        }
        Ok(())
    }
}

/// The ids `sql` lists for `key` (its parameters: the key, then `limit`).
pub(super) fn ids_with_key(
    conn: &rusqlite::Connection,
    sql: &str,
    key: i64,
    limit: usize,
) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params![key, limit as i64], |r| r.get(0))?;
    rows.collect()
}

/// Brings the pairs of outlets in `dest` (`outlet_a`, `outlet_b`,
/// `shared`: how many quotations or facts both carried) up to date with
/// `source` (`cluster_id`, `outlet_id`: which outlet carried what), whose
/// rows for the clusters in `stale` were just recomputed; the rows they
/// replaced are in `{source}_before`. A pair's count changes only with a
/// cluster both carry, and then that cluster is stale: a stale cluster
/// whose outlets changed takes away the pairs of the outlets it lost and
/// adds those of the outlets it gained. The work follows what the import
/// changed, not the archive: recounting every pair of every
/// outlet an import touched (a day's crawl touches them all) took 4 s of
/// a 10k import into 100k articles. Used for quotations and for claims.
pub(super) fn refresh_pairs(tx: &rusqlite::Connection, source: &str, stale: &str, dest: &str) -> rusqlite::Result<()> {
    let mut counts: HashMap<(i64, i64), i64> = HashMap::new();
    {
        // Each cluster's outlets before and after, in outlet order (pairs
        // are stored with the lower outlet first).
        let mut stmt = tx.prepare(&format!(
            "SELECT cluster_id, outlet_id, 1 FROM {source} WHERE cluster_id IN (SELECT id FROM {stale})
             UNION ALL SELECT cluster_id, outlet_id, 0 FROM {source}_before
             ORDER BY 1, 2"
        ))?;
        let mut rows = stmt.query([])?;
        let mut current = None;
        let (mut before, mut after): (Vec<i64>, Vec<i64>) = (Vec::new(), Vec::new());
        while let Some(r) = rows.next()? {
            let (cluster, outlet, now): (i64, i64, bool) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if current != Some(cluster) {
                count_changed_pairs(&mut before, &mut after, &mut counts);
                current = Some(cluster);
            }
            if now { after.push(outlet) } else { before.push(outlet) }
        }
        count_changed_pairs(&mut before, &mut after, &mut counts);
    }
    let mut add = tx.prepare_cached(&format!(
        "INSERT INTO {dest}(outlet_a, outlet_b, shared) VALUES (?1, ?2, ?3)
         ON CONFLICT(outlet_a, outlet_b) DO UPDATE SET shared = shared + excluded.shared"
    ))?;
    let mut pairs: Vec<((i64, i64), i64)> = counts.into_iter().filter(|&(_, n)| n != 0).collect();
    pairs.sort_unstable();
    for ((a, b), n) in pairs {
        add.execute(params![a, b, n])?;
    }
    tx.prepare_cached(&format!("DELETE FROM {dest} WHERE shared = 0"))?.execute([])?;
    Ok(())
}

/// Adds to `counts` how one cluster's pairs of outlets changed, from its
/// outlets `before` and `after` (each sorted), and empties both. Only
/// pairs with an outlet that came or went change: a quotation carried by
/// 300 outlets that a 301st prints again adds 300 pairs, not 45,150.
fn count_changed_pairs(before: &mut Vec<i64>, after: &mut Vec<i64>, counts: &mut HashMap<(i64, i64), i64>) {
    // Each pair of `outlets` with an outlet not in `other`, once.
    let mut count = |outlets: &[i64], other: &[i64], sign: i64| {
        let changed = |o: &i64| other.binary_search(o).is_err();
        for &a in outlets.iter().filter(|o| changed(o)) {
            for &b in outlets {
                // A pair of two changed outlets is counted from the lower.
                if b != a && !(changed(&b) && b < a) {
                    *counts.entry((a.min(b), a.max(b))).or_default() += sign;
                }
            }
        }
    };
    if before != after {
        count(after, before, 1);
        count(before, after, -1);
    }
    before.clear();
    after.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_pairs_of_outlets_that_came_or_went_change() {
        let mut counts = HashMap::new();
        count_changed_pairs(&mut vec![1, 2, 3], &mut vec![1, 2, 4, 5], &mut counts);
        let mut changed: Vec<_> = counts.into_iter().filter(|&(_, n)| n != 0).collect();
        changed.sort_unstable();
        let expected = [((1, 3), -1), ((1, 4), 1), ((1, 5), 1), ((2, 3), -1), ((2, 4), 1), ((2, 5), 1), ((4, 5), 1)];
        assert_eq!(changed, expected);
        let mut counts = HashMap::new();
        count_changed_pairs(&mut vec![1, 2, 3], &mut vec![1, 2, 3], &mut counts);
        assert!(counts.is_empty(), "the same outlets: nothing to count");
    }
}
