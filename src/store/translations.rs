//! The SQL of translation linking: quotations waiting to be looked at,
//! their vectors and candidate keys, the pairs found, and the statements
//! they make up. The decisions are made in `crate::link::translations`.

use super::Result;
use super::link::{LinkTx, ids_with_key};
use rusqlite::{OptionalExtension, params};
use std::collections::{HashMap, HashSet};

/// A quotation as translation linking sees it.
#[derive(Debug, Clone)]
pub struct Quotation {
    /// `quote_clusters.id`.
    pub cluster: i64,
    /// Its speaker, if attributed.
    pub speaker_id: Option<i64>,
    /// The speaker's name.
    pub speaker: Option<String>,
    /// The canonical wording's id.
    pub wording_id: i64,
    /// The canonical wording as printed.
    pub text: String,
    /// The language of most of its articles.
    pub language: Option<String>,
    /// The first publication date of its articles (`YYYY-MM-DD…`); not
    /// read for a quotation of an earlier pass.
    pub published: Option<String>,
}

/// A quotation's columns but its first publication date.
const QUOTATION: &str = "
SELECT c.id, c.speaker_id, s.name, w.id, w.text,
       coalesce(c.language, (SELECT a.language FROM quote_wordings w2 JOIN quote_units u ON u.wording_id = w2.id
                             JOIN articles a ON a.id = u.article_id
                             WHERE w2.cluster_id = c.id AND a.language IS NOT NULL
                             GROUP BY a.language ORDER BY count(*) DESC, a.language LIMIT 1))";

/// Its first publication date, read over all its articles: only a
/// quotation being looked at needs it (earlier ones were found by keys
/// that carry their days).
const FIRST_PUBLISHED: &str = "
       (SELECT min(a.published_at) FROM quote_wordings w2 JOIN quote_units u ON u.wording_id = w2.id
        JOIN articles a ON a.id = u.article_id WHERE w2.cluster_id = c.id)";

const FROM: &str = "
FROM quote_clusters c
JOIN quote_wordings w ON w.cluster_id = c.id AND w.diff IS NULL
LEFT JOIN speakers s ON s.id = c.speaker_id";

fn quotation(r: &rusqlite::Row) -> rusqlite::Result<Quotation> {
    Ok(Quotation {
        cluster: r.get(0)?,
        speaker_id: r.get(1)?,
        speaker: r.get(2)?,
        wording_id: r.get(3)?,
        text: r.get(4)?,
        language: r.get(5)?,
        published: r.get(6)?,
    })
}

impl LinkTx<'_> {
    /// Up to `limit` quotations (clusters that are no fragment) not yet
    /// looked at for translations, in id order.
    pub fn untranslated_quotations(&self, limit: usize) -> Result<Vec<Quotation>> {
        let sql = format!(
            "{QUOTATION}, {FIRST_PUBLISHED} {FROM}
             WHERE c.id > (SELECT upto FROM translations_linked) AND c.fragment_of IS NULL
             GROUP BY c.id ORDER BY c.id LIMIT ?1"
        );
        let mut stmt = self.tx.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt.query_map([limit as i64], quotation).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// The one language of the archive's articles, if there is at most
    /// one (`Some(None)`: none known); `None` when there are several.
    pub fn sole_language(&self) -> Result<Option<Option<String>>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT DISTINCT language FROM articles WHERE language IS NOT NULL LIMIT 2")
            .map_err(|e| self.err(e))?;
        let found: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        Ok(match found.len() {
            0 => Some(None),
            1 => found.into_iter().next().map(Some),
            _ => None,
        })
    }

    /// Gives the quotations not yet looked at `language`, without looking
    /// at them: in an archive of one language there is nothing to link,
    /// and they are looked at when a second language arrives.
    pub fn set_pending_language(&self, language: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE quote_clusters SET language = ?1
                 WHERE id > (SELECT upto FROM translations_linked) AND language IS NULL",
            )
            .and_then(|mut s| s.execute([language]))
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// A quotation looked at in an earlier pass, without its first
    /// publication date; `None` if it has become a fragment of another
    /// since.
    pub fn translated_quotation(&self, cluster: i64) -> Result<Option<Quotation>> {
        let sql = format!("{QUOTATION}, NULL {FROM} WHERE c.id = ?1 AND c.fragment_of IS NULL LIMIT 1");
        let mut stmt = self.tx.prepare_cached(&sql).map_err(|e| self.err(e))?;
        stmt.query_row([cluster], quotation).optional().map_err(|e| self.err(e))
    }

    /// The stored vectors of `wordings` that have one.
    pub fn wording_vectors(&self, wordings: &[i64]) -> Result<HashMap<i64, Vec<u8>>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT vector FROM wording_vectors WHERE wording_id = ?1")
            .map_err(|e| self.err(e))?;
        let mut out = HashMap::new();
        for &w in wordings {
            if let Some(v) = stmt.query_row([w], |r| r.get::<_, Vec<u8>>(0)).optional().map_err(|e| self.err(e))? {
                out.insert(w, v);
            }
        }
        Ok(out)
    }

    /// Stores a wording's vector.
    pub fn set_wording_vector(&self, wording: i64, vector: &[u8]) -> Result<()> {
        self.tx
            .prepare_cached("INSERT OR REPLACE INTO wording_vectors(wording_id, vector) VALUES (?1, ?2)")
            .and_then(|mut s| s.execute(params![wording, vector]))
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// Quotations of earlier passes with a translation key, the newest
    /// first, at most `limit`.
    pub fn quotations_with_translation_key(&self, key: i64, limit: usize) -> Result<Vec<i64>> {
        let sql = "SELECT cluster_id FROM translation_keys WHERE key = ?1 ORDER BY cluster_id DESC LIMIT ?2";
        ids_with_key(&self.tx, sql, key, limit).map_err(|e| self.err(e))
    }

    /// Stores translation keys, given in key order.
    pub fn add_translation_keys(&self, keys: impl Iterator<Item = (i64, i64)>) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO translation_keys(key, cluster_id) VALUES (?1, ?2)")
            .map_err(|e| self.err(e))?;
        for (k, c) in keys {
            stmt.execute([k, c]).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Records the language of quotations looked at, and that every
    /// quotation up to `upto` has been.
    pub fn finish_translations(&self, languages: &[(i64, Option<String>)], upto: i64) -> Result<()> {
        let mut stmt =
            self.tx.prepare_cached("UPDATE quote_clusters SET language = ?2 WHERE id = ?1").map_err(|e| self.err(e))?;
        for (c, l) in languages {
            stmt.execute(params![c, l]).map_err(|e| self.err(e))?;
        }
        self.tx
            .execute("UPDATE translations_linked SET upto = max(upto, ?1)", [upto])
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// Records two quotations as translations of each other and joins
    /// their statements; the quotations of the statement are marked stale.
    pub fn add_translation(&self, a: i64, b: i64, similarity: f32) -> Result<()> {
        let sql = |e| self.err(e);
        let (a, b) = (a.min(b), a.max(b));
        self.tx
            .prepare_cached(
                "INSERT OR IGNORE INTO quote_translations(cluster_a, cluster_b, similarity) VALUES (?1, ?2, ?3)",
            )
            .map_err(sql)?
            .execute(params![a, b, similarity as f64])
            .map_err(sql)?;
        let statement = |c: i64| -> rusqlite::Result<i64> {
            self.tx
                .prepare_cached("SELECT statement_id FROM quote_statements WHERE cluster_id = ?1")?
                .query_row([c], |r| r.get(0))
                .optional()
                .map(|s| s.unwrap_or(c))
        };
        let (sa, sb) = (statement(a).map_err(sql)?, statement(b).map_err(sql)?);
        let (keep, gone) = (sa.min(sb), sa.max(sb));
        let mut set = self
            .tx
            .prepare_cached("INSERT OR REPLACE INTO quote_statements(cluster_id, statement_id) VALUES (?1, ?2)")
            .map_err(sql)?;
        set.execute([a, keep]).map_err(sql)?;
        set.execute([b, keep]).map_err(sql)?;
        if gone != keep {
            self.tx
                .prepare_cached("UPDATE quote_statements SET statement_id = ?1 WHERE statement_id = ?2")
                .map_err(sql)?
                .execute([keep, gone])
                .map_err(sql)?;
        }
        self.tx
            .prepare_cached(
                "INSERT OR IGNORE INTO summary_stale(kind, id)
                 SELECT 'cluster', cluster_id FROM quote_statements WHERE statement_id = ?1",
            )
            .map_err(sql)?
            .execute([keep])
            .map_err(sql)?;
        Ok(())
    }
}

/// `outlet_translation_pair_stats` of the stale outlets: per pair, the
/// statements both carried without a quotation in common.
pub(super) fn refresh_translation_pairs(tx: &rusqlite::Connection) -> rusqlite::Result<()> {
    tx.execute_batch(
        "DELETE FROM outlet_translation_pair_stats
         WHERE outlet_a IN (SELECT id FROM stale_outlets) OR outlet_b IN (SELECT id FROM stale_outlets)",
    )?;
    let stale: HashSet<i64> = {
        let mut stmt = tx.prepare("SELECT id FROM stale_outlets")?;
        stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    if stale.is_empty() {
        return Ok(());
    }
    let mut counts: HashMap<(i64, i64), i64> = HashMap::new();
    {
        let mut stmt = tx.prepare(
            "SELECT qs.statement_id, oc.outlet_id, oc.cluster_id
             FROM quote_statements qs JOIN outlet_clusters oc ON oc.cluster_id = qs.cluster_id
             WHERE qs.statement_id IN (SELECT q.statement_id FROM outlet_clusters o
                                       JOIN quote_statements q ON q.cluster_id = o.cluster_id
                                       WHERE o.outlet_id IN (SELECT id FROM stale_outlets))
             ORDER BY qs.statement_id, oc.outlet_id",
        )?;
        let mut rows = stmt.query([])?;
        let mut current = None;
        // The statement's outlets, each with the quotations it carried.
        let mut carried: Vec<(i64, Vec<i64>)> = Vec::new();
        let mut flush = |carried: &mut Vec<(i64, Vec<i64>)>| {
            for (i, (a, ca)) in carried.iter().enumerate() {
                for (b, cb) in &carried[i + 1..] {
                    let disjoint = !ca.iter().any(|c| cb.contains(c));
                    if disjoint && (stale.contains(a) || stale.contains(b)) {
                        *counts.entry((*a.min(b), *a.max(b))).or_default() += 1;
                    }
                }
            }
            carried.clear();
        };
        while let Some(r) = rows.next()? {
            let (statement, outlet, cluster): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if current != Some(statement) {
                flush(&mut carried);
                current = Some(statement);
            }
            match carried.last_mut() {
                Some((o, clusters)) if *o == outlet => clusters.push(cluster),
                _ => carried.push((outlet, vec![cluster])),
            }
        }
        flush(&mut carried);
    }
    let mut ins =
        tx.prepare_cached("INSERT INTO outlet_translation_pair_stats(outlet_a, outlet_b, shared) VALUES (?1, ?2, ?3)")?;
    let mut pairs: Vec<((i64, i64), i64)> = counts.into_iter().collect();
    pairs.sort_unstable();
    for ((a, b), n) in pairs {
        ins.execute(params![a, b, n])?;
    }
    Ok(())
}
