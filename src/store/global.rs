//! Links computed across shards by the Spark job, loaded into the archive
//! (migration V21): which global quotation each local wording belongs to,
//! and the job's reports over all shards.

use super::{Archive, Error, Result};
use rusqlite::{Transaction, TransactionBehavior, params};

/// The global links being loaded, inside the transaction that replaces
/// the earlier ones.
pub struct GlobalLoad<'t> {
    tx: Transaction<'t>,
    path: String,
    wordings: u64,
    outlets: u64,
}

/// What a load kept.
#[derive(Debug, Clone, Copy, Default)]
pub struct GlobalCounts {
    /// Wordings of this archive given a global quotation.
    pub wordings: u64,
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
             DELETE FROM global_quote_overlap; DELETE FROM global_outlet_pairs;",
        )
        .map_err(sql)?;
        Ok(GlobalLoad { tx, path, wordings: 0, outlets: 0 })
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

    /// One pair's row of the job's outlet-pairs report.
    pub fn pair(
        &mut self,
        outlet_a: &str,
        outlet_b: &str,
        shared: i64,
        pct_of_a: Option<f64>,
        pct_of_b: Option<f64>,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO global_outlet_pairs(outlet_a, outlet_b, shared, pct_of_a, pct_of_b)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .and_then(|mut s| s.execute(params![outlet_a, outlet_b, shared, pct_of_a, pct_of_b]))
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Records where the links came from and makes them visible.
    pub fn commit(self, dir: &str) -> Result<GlobalCounts> {
        let counts = GlobalCounts { wordings: self.wordings, outlets: self.outlets };
        let path = self.path.clone();
        let sql = |source| Error::Sqlite { path: path.clone(), source };
        self.tx
            .execute(
                "INSERT INTO global_links(dir, wordings, outlets) VALUES (?1, ?2, ?3)",
                params![dir, counts.wordings as i64, counts.outlets as i64],
            )
            .map_err(sql)?;
        self.tx.commit().map_err(sql)?;
        Ok(counts)
    }
}
