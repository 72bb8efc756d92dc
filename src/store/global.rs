//! Links computed across shards by the Spark job, loaded into the archive
//! (migrations V21, V22): which global quotation each local wording and
//! which global fact each local claim belongs to, the pairs of articles
//! sharing text that involve this archive's, and the job's reports over
//! all shards.

use super::{Archive, Error, Result};
use rusqlite::{Transaction, TransactionBehavior, params};

/// The global links being loaded, inside the transaction that replaces
/// the earlier ones.
pub struct GlobalLoad<'t> {
    tx: Transaction<'t>,
    path: String,
    wordings: u64,
    claims: u64,
    outlets: u64,
    /// Rows of the job's article-similarity report read so far.
    rank: i64,
}

/// What a pair of outlets shares in the job's pairs reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// Quotations both carried (`report_outlet_pairs`).
    Quotations,
    /// Facts both stated (`report_claim_outlet_pairs`).
    Facts,
}

/// What a load kept.
#[derive(Debug, Clone, Copy, Default)]
pub struct GlobalCounts {
    /// Wordings of this archive given a global quotation.
    pub wordings: u64,
    /// Claims of this archive given a global fact.
    pub claims: u64,
    /// Outlets of all shards in the job's reports.
    pub outlets: u64,
}

impl Archive {
    /// Begins replacing the global links: what an earlier load put is
    /// deleted, and nothing is visible until [`GlobalLoad::commit`].
    pub fn begin_global_load(&mut self) -> Result<GlobalLoad<'_>> {
        let path = self.path.clone();
        let sql = |source| Error::Sqlite { path: path.clone(), source };
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sql)?;
        tx.execute_batch(
            "DELETE FROM global_links; DELETE FROM global_wordings;
             DELETE FROM global_quote_overlap; DELETE FROM global_outlet_pairs;
             DELETE FROM global_claims; DELETE FROM global_claim_coverage; DELETE FROM global_claim_outlet_pairs;
             DELETE FROM global_article_similarity;",
        )
        .map_err(sql)?;
        Ok(GlobalLoad { tx, path, wordings: 0, claims: 0, outlets: 0, rank: 0 })
    }
}

impl GlobalLoad<'_> {
    fn err(&self, source: rusqlite::Error) -> Error {
        Error::Sqlite { path: self.path.clone(), source }
    }

    /// A wording's global quotation, kept when this archive holds the
    /// wording (the job's output covers every shard's).
    pub fn wording(&mut self, normalized: &str, cluster: i64, root: i64, canonical: bool, outlets: i64) -> Result<()> {
        let n = self
            .tx
            .prepare_cached(
                "INSERT INTO global_wordings(normalized, cluster, root, canonical, outlets)
                 SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM quote_wordings WHERE normalized = ?1)
                 ON CONFLICT(normalized) DO UPDATE SET cluster = excluded.cluster, root = excluded.root,
                     canonical = excluded.canonical, outlets = excluded.outlets",
            )
            .and_then(|mut s| s.execute(params![normalized, cluster, root, canonical, outlets]))
            .map_err(|e| self.err(e))?;
        self.wordings += n as u64;
        Ok(())
    }

    /// One outlet's row of the job's quote-overlap report.
    #[allow(clippy::too_many_arguments)]
    pub fn overlap(
        &mut self,
        outlet: &str,
        articles: i64,
        quotes: i64,
        shared: i64,
        unique_quotes: i64,
        shared_pct: Option<f64>,
        reworded: i64,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO global_quote_overlap(outlet, articles, quotes, shared, unique_quotes, shared_pct, reworded)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .and_then(|mut s| s.execute(params![outlet, articles, quotes, shared, unique_quotes, shared_pct, reworded]))
            .map_err(|e| self.err(e))?;
        self.outlets += 1;
        Ok(())
    }

    /// One pair's row of the job's outlet pairs: quotations both carried,
    /// or facts both stated.
    pub fn pair(
        &mut self,
        of: Shared,
        outlet_a: &str,
        outlet_b: &str,
        shared: i64,
        pct_of_a: Option<f64>,
        pct_of_b: Option<f64>,
    ) -> Result<()> {
        let table = match of {
            Shared::Quotations => "global_outlet_pairs",
            Shared::Facts => "global_claim_outlet_pairs",
        };
        self.tx
            .prepare_cached(&format!(
                "INSERT INTO {table}(outlet_a, outlet_b, shared, pct_of_a, pct_of_b) VALUES (?1, ?2, ?3, ?4, ?5)"
            ))
            .and_then(|mut s| s.execute(params![outlet_a, outlet_b, shared, pct_of_a, pct_of_b]))
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// A claim's global fact, kept when this archive holds the claim.
    pub fn claim(&mut self, article_sha256: &str, start: i64, cluster: i64, outlets: i64) -> Result<()> {
        let n = self
            .tx
            .prepare_cached(
                "INSERT INTO global_claims(article_sha256, start, cluster, outlets)
                 SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (
                     SELECT 1 FROM articles a JOIN claims c ON c.article_id = a.id
                     WHERE a.content_sha256 = ?1 AND c.start = ?2)
                 ON CONFLICT(article_sha256, start) DO UPDATE SET cluster = excluded.cluster,
                     outlets = excluded.outlets",
            )
            .and_then(|mut s| s.execute(params![article_sha256, start, cluster, outlets]))
            .map_err(|e| self.err(e))?;
        self.claims += n as u64;
        Ok(())
    }

    /// One outlet's row of the job's claim-coverage report: claims, facts,
    /// stated, shared, only_here, conflicts (`counts`), and the shared share.
    pub fn claim_coverage(&mut self, outlet: &str, articles: i64, counts: [i64; 6], pct: Option<f64>) -> Result<()> {
        let [claims, facts, stated, shared, only_here, conflicts] = counts;
        self.tx
            .prepare_cached(
                "INSERT INTO global_claim_coverage(outlet, articles, claims, facts, stated, shared, only_here,
                                                   shared_pct, conflicts)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .and_then(|mut s| {
                s.execute(params![outlet, articles, claims, facts, stated, shared, only_here, pct, conflicts])
            })
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// The job's next row of its article-similarity report, kept when one
    /// of the two articles is in this archive.
    pub fn similar_articles(
        &mut self,
        labels: [&str; 2],
        pcts: [f64; 2],
        source: [Option<&str>; 2],
        shas: [&str; 2],
    ) -> Result<()> {
        self.rank += 1;
        self.tx
            .prepare_cached(
                "INSERT INTO global_article_similarity(rank, article_a, article_b, a_in_b_pct, b_in_a_pct,
                                                       likely_source, source_reason, a_sha256, b_sha256)
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9
                 WHERE EXISTS (SELECT 1 FROM articles WHERE content_sha256 IN (?8, ?9))",
            )
            .and_then(|mut s| {
                s.execute(params![
                    self.rank, labels[0], labels[1], pcts[0], pcts[1], source[0], source[1], shas[0], shas[1]
                ])
            })
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Records where the links came from and makes them visible.
    pub fn commit(self, dir: &str) -> Result<GlobalCounts> {
        let counts = GlobalCounts { wordings: self.wordings, claims: self.claims, outlets: self.outlets };
        let path = self.path.clone();
        let sql = |source| Error::Sqlite { path: path.clone(), source };
        self.tx
            .execute(
                "INSERT INTO global_links(dir, wordings, claims, outlets) VALUES (?1, ?2, ?3, ?4)",
                params![dir, counts.wordings as i64, counts.claims as i64, counts.outlets as i64],
            )
            .map_err(sql)?;
        self.tx.commit().map_err(sql)?;
        Ok(counts)
    }
}
