//! The SQL of linking: wordings waiting for a cluster, candidate keys,
//! clusters and their canonical wordings, article shingles and pairs.
//! The decisions are made in `crate::link`; this is how they are stored.

use super::{Archive, Error, Result};
use rusqlite::{Transaction, params};

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

/// One linking pass: every change in one transaction.
pub struct LinkTx<'a> {
    tx: Transaction<'a>,
    path: String,
}

impl Archive {
    /// Starts a linking pass.
    pub fn link_tx(&mut self) -> Result<LinkTx<'_>> {
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|source| Error::Sqlite { path: path.clone(), source })?;
        Ok(LinkTx { tx, path })
    }
}

impl LinkTx<'_> {
    fn err(&self, source: rusqlite::Error) -> Error {
        Error::Sqlite { path: self.path.clone(), source }
    }

    /// Makes the pass permanent.
    pub fn commit(self) -> Result<()> {
        let path = self.path.clone();
        self.tx.commit().map_err(|source| Error::Sqlite { path, source })
    }

    /// Wordings not yet in a cluster, oldest first.
    pub fn pending_wordings(&self) -> Result<Vec<Wording>> {
        let mut stmt = self
            .tx
            .prepare("SELECT id, normalized, speaker_id FROM quote_wordings WHERE cluster_id IS NULL ORDER BY id")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
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

    /// Linked wordings sharing `key`, at most `limit` (a key shared by very
    /// many wordings tells little; the rarer keys find the candidates).
    pub fn wordings_with_key(&self, key: i64, limit: usize) -> Result<Vec<i64>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT wording_id FROM wording_keys WHERE key = ?1 LIMIT ?2")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map(params![key, limit as i64], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
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
    pub fn add_keys(&self, keys: &[(i64, i64)]) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO wording_keys(key, wording_id) VALUES (?1, ?2)")
            .map_err(|e| self.err(e))?;
        for (k, w) in keys {
            stmt.execute([*k, *w]).map_err(|e| self.err(e))?;
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
                 JOIN articles a ON a.id = u.article_id
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

    /// Up to `limit` articles whose similarity to others is not computed yet.
    pub fn pending_articles(&self, limit: usize) -> Result<Vec<PendingArticle>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT id, body, published_at FROM articles WHERE linked = 0 ORDER BY id LIMIT ?1")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([limit as i64], |r| Ok(PendingArticle { id: r.get(0)?, body: r.get(1)?, published: r.get(2)? }))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Articles whose sampled shingles include `hash`, at most `limit`.
    pub fn articles_with_shingle(&self, hash: i64, limit: usize) -> Result<Vec<i64>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT article_id FROM article_shingles WHERE hash = ?1 LIMIT ?2")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map(params![hash, limit as i64], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
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

    /// Stores an article's sampled shingles and marks it linked.
    pub fn finish_article(&self, id: i64, sample: &[i64]) -> Result<()> {
        let mut ins = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO article_shingles(hash, article_id) VALUES (?1, ?2)")
            .map_err(|e| self.err(e))?;
        for h in sample {
            ins.execute([*h, id]).map_err(|e| self.err(e))?;
        }
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

    /// Whether linking has anything to do.
    pub fn pending(&self) -> Result<bool> {
        self.tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM quote_wordings WHERE cluster_id IS NULL)
                     OR EXISTS (SELECT 1 FROM articles WHERE linked = 0)",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }
}
