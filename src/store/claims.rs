//! The SQL of claims: writing them with their facts, the linker's reads and
//! writes (pending claims, candidate keys, clusters, pairs of differing
//! facts), extracting the claims of articles stored before claims existed,
//! and the claim reports' summaries. The decisions are made in
//! `crate::link`; this is how they are stored.

use super::link::{LinkTx, ids_with_key, refresh_pairs};
use super::write::Known;
use super::{Error, Result};
use crate::extract::Claim;
use crate::extract::figures::{FactKind, Value, format_number};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, params};
use std::collections::HashMap;

/// Writes an article's claims and their facts; `outlet` and `published`
/// are the article's, copied into each claim.
pub(super) fn insert(
    tx: &Connection,
    article: (i64, i64, Option<&str>),
    claims: &[Claim],
    known: &mut Known,
) -> rusqlite::Result<()> {
    let (article, outlet, published) = article;
    let mut c_stmt = tx.prepare_cached(
        "INSERT INTO claims(article_id, outlet_id, published_at, speaker_id, text, wording, start, \"end\", paragraph,
                            line, voice, cue, speaker_text, score)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    let mut f_stmt = tx.prepare_cached(
        "INSERT INTO claim_facts(claim_id, seq, kind, value, value_high, unit, qualifier, subject, text, start, \"end\",
                                 precision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for c in claims {
        let speaker = known.speaker(tx, c.speaker.as_deref(), c.speaker_kind, c.speaker_text.as_deref())?;
        c_stmt.execute(params![
            article,
            outlet,
            published,
            speaker,
            c.text,
            c.wording as i64,
            c.start as i64,
            c.end as i64,
            c.paragraph as i64,
            c.line as i64,
            c.voice.as_str(),
            c.cue,
            c.speaker_text,
            c.score
        ])?;
        let claim = tx.last_insert_rowid();
        for (seq, f) in c.facts.iter().enumerate() {
            f_stmt.execute(params![
                claim,
                seq as i64,
                f.kind.as_str(),
                sql_value(&f.value),
                f.high.as_ref().map(sql_value),
                f.unit,
                f.qualifier.map(|q| q.as_str()),
                f.subject,
                f.text,
                f.start as i64,
                f.end as i64,
                i64::from(f.precision)
            ])?;
        }
    }
    Ok(())
}

fn sql_value(v: &Value) -> rusqlite::types::Value {
    match v {
        Value::Num(n) => rusqlite::types::Value::Real(*n),
        Value::Date(d) => rusqlite::types::Value::Text(d.clone()),
    }
}

fn value_of(v: ValueRef) -> Option<Value> {
    match v {
        ValueRef::Integer(i) => Some(Value::Num(i as f64)),
        ValueRef::Real(r) => Some(Value::Num(r)),
        ValueRef::Text(t) => Some(Value::Date(String::from_utf8_lossy(t).into_owned())),
        _ => None,
    }
}

/// `report_blindspots` for one outlet (?1), driven from that outlet's
/// articles: the same rows as the view filtered by outlet, in the same
/// order, without computing every other outlet's first.
pub const BLINDSPOTS_OF_OUTLET: &str = "WITH me AS (SELECT id, name FROM outlets WHERE name = ?1),
mine AS (SELECT c.cluster_id, c.article_id FROM me JOIN articles a ON a.outlet_id = me.id
         JOIN claims c ON c.article_id = a.id
         JOIN claim_cluster_stats s ON s.cluster_id = c.cluster_id AND s.articles < 65),
story AS (SELECT DISTINCT same.article_id FROM mine
          JOIN claims same ON same.cluster_id = mine.cluster_id AND same.article_id <> mine.article_id),
found AS (SELECT DISTINCT other.cluster_id FROM story
          JOIN claims other ON other.article_id = story.article_id AND other.cluster_id IS NOT NULL)
SELECT me.name AS outlet, k.id AS cluster, k.canonical_text, st.facts, st.outlets, st.outlet_names AS stated_by,
       st.first_published
FROM found f JOIN me JOIN claim_clusters k ON k.id = f.cluster_id JOIN claim_cluster_stats st ON st.cluster_id = k.id
WHERE NOT EXISTS (SELECT 1 FROM outlet_claim_clusters x WHERE x.outlet_id = me.id AND x.cluster_id = k.id)
ORDER BY st.outlets DESC, st.score DESC, k.id";

/// An article stored before claims were extracted: what its claims are
/// read from and with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBody {
    /// `articles.id`.
    pub id: i64,
    /// Its outlet.
    pub outlet: i64,
    /// The stored body.
    pub body: String,
    /// Its publication date.
    pub published: Option<String>,
    /// Its language.
    pub language: Option<String>,
}

/// A fact as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredFact {
    /// `claim_facts.id`.
    pub id: i64,
    /// What it measures.
    pub kind: FactKind,
    /// Its value.
    pub value: Value,
    /// The high end of a range.
    pub high: Option<Value>,
    /// Currency, `%`/`pp`, unit of time.
    pub unit: Option<String>,
    /// "more than", "nearly", …
    pub qualifier: Option<String>,
    /// Normalised subject.
    pub subject: String,
    /// Significant digits printed.
    pub precision: u32,
}

/// A claim as the linker reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredClaim {
    /// `claims.id`.
    pub id: i64,
    /// Its article.
    pub article_id: i64,
    /// Its article's publication date.
    pub published: Option<String>,
    /// The sentence.
    pub text: String,
    /// Its cluster, once linked.
    pub cluster_id: Option<i64>,
    /// Its facts, in order.
    pub facts: Vec<StoredFact>,
}

const CLAIM_COLUMNS: &str = "c.id, c.article_id, c.published_at, c.text, c.cluster_id,
     f.id, f.kind, f.value, f.value_high, f.unit, f.qualifier, f.subject, f.precision";

/// Reads rows of `CLAIM_COLUMNS` (claims left-joined to their facts,
/// ordered by claim) into claims.
fn read_claims(rows: &mut rusqlite::Rows) -> rusqlite::Result<Vec<StoredClaim>> {
    let mut out: Vec<StoredClaim> = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if out.last().is_none_or(|c| c.id != id) {
            out.push(StoredClaim {
                id,
                article_id: r.get(1)?,
                published: r.get(2)?,
                text: r.get(3)?,
                cluster_id: r.get(4)?,
                facts: Vec::new(),
            });
        }
        let Some(fact) = r.get::<_, Option<i64>>(5)? else { continue };
        let kind: String = r.get(6)?;
        let (Some(kind), Some(value)) = (FactKind::parse(&kind), value_of(r.get_ref(7)?)) else { continue };
        let claim = out.last_mut().expect("pushed above");
        claim.facts.push(StoredFact {
            id: fact,
            kind,
            value,
            high: value_of(r.get_ref(8)?),
            unit: r.get(9)?,
            qualifier: r.get(10)?,
            subject: r.get(11)?,
            precision: r.get::<_, i64>(12)?.clamp(0, 64) as u32,
        });
    }
    Ok(out)
}

/// The archive's committed claims, read on a connection of their own so
/// that claims are compared on one core while the linking pass links
/// articles on another. The pass holds the archive's write lock, so what
/// this reads cannot change under it.
pub struct ClaimReader {
    conn: Connection,
    path: String,
}

impl LinkTx<'_> {
    /// Opens a [`ClaimReader`] on this pass's archive.
    pub fn claim_reader(&self) -> Result<ClaimReader> {
        let file = self.tx.path().filter(|p| !p.is_empty()).map(str::to_owned).unwrap_or_else(|| self.path.clone());
        let conn = Connection::open_with_flags(
            &file,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| self.err(e))?;
        let reader = ClaimReader { conn, path: self.path.clone() };
        // A quarter of the writer's cache: the claims are read in order,
        // the keys and earlier claims looked up one by one.
        reader.conn.execute_batch("PRAGMA cache_size = -16384; BEGIN;").map_err(|e| reader.err(e))?;
        Ok(reader)
    }

    /// The last claim of a linking round: claims follow the last linked one
    /// in order, at most `limit` of them, ending where an article's claims
    /// end (unless one article has more), and none of an article after
    /// `articles_upto` (the round's last article compared, whose pairs
    /// decide which figures conflict). `None` when no claim waits, or the
    /// next one must wait for a later round.
    pub fn claims_round_end(&self, articles_upto: Option<i64>, limit: usize) -> Result<Option<i64>> {
        let sql = |e| self.err(e);
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT id, article_id FROM claims WHERE id > (SELECT upto FROM claims_linked) ORDER BY id LIMIT ?1",
            )
            .map_err(sql)?;
        let mut rows = stmt.query([limit as i64 + 1]).map_err(sql)?;
        let (mut end, mut before_article, mut article, mut taken) = (None, None, None, 0);
        while let Some(r) = rows.next().map_err(sql)? {
            let (id, of): (i64, i64) = (r.get(0).map_err(sql)?, r.get(1).map_err(sql)?);
            if articles_upto.is_some_and(|upto| of > upto) {
                break;
            }
            if article != Some(of) {
                before_article = end;
                article = Some(of);
            }
            if taken == limit {
                // The limit falls inside an article: the round ends before it.
                return Ok(before_article.or(end));
            }
            end = Some(id);
            taken += 1;
        }
        Ok(end)
    }

    /// Records that every claim up to `upto` is linked.
    pub fn set_claims_linked(&self, upto: i64) -> Result<()> {
        self.tx.execute("UPDATE claims_linked SET upto = ?1", [upto]).map(|_| ()).map_err(|e| self.err(e))
    }
}

impl ClaimReader {
    fn err(&self, source: rusqlite::Error) -> Error {
        Error::Sqlite { path: self.path.clone(), source }
    }

    /// The id of the last claim linked: later ones wait for the linker.
    pub fn claims_linked(&self) -> Result<i64> {
        self.conn.query_row("SELECT upto FROM claims_linked", [], |r| r.get(0)).map_err(|e| self.err(e))
    }

    /// Up to `limit` claims with ids above `after` and up to `upto`, in order.
    pub fn claims_between(&self, after: i64, upto: i64, limit: usize) -> Result<Vec<StoredClaim>> {
        let sql = |e| self.err(e);
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "WITH batch AS (SELECT id FROM claims WHERE id > ?1 AND id <= ?3 ORDER BY id LIMIT ?2)
                 SELECT {CLAIM_COLUMNS}
                 FROM batch b JOIN claims c ON c.id = b.id
                 LEFT JOIN claim_facts f ON f.claim_id = c.id
                 ORDER BY c.id, f.seq"
            ))
            .map_err(sql)?;
        let mut rows = stmt.query(params![after, limit as i64, upto]).map_err(sql)?;
        read_claims(&mut rows).map_err(sql)
    }

    /// A claim by id, with its facts.
    pub fn stored_claim(&self, id: i64) -> Result<Option<StoredClaim>> {
        let sql = |e| self.err(e);
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {CLAIM_COLUMNS}
                 FROM claims c LEFT JOIN claim_facts f ON f.claim_id = c.id
                 WHERE c.id = ?1 ORDER BY f.seq"
            ))
            .map_err(sql)?;
        let mut rows = stmt.query([id]).map_err(sql)?;
        Ok(read_claims(&mut rows).map_err(sql)?.pop())
    }

    /// Whether any claim of an earlier pass has keys.
    pub fn has_claim_keys(&self) -> Result<bool> {
        self.conn.query_row("SELECT EXISTS (SELECT 1 FROM claim_keys)", [], |r| r.get(0)).map_err(|e| self.err(e))
    }

    /// Linked claims sharing `key`, the newest first (the same story, told
    /// the same days), at most `limit`.
    pub fn claims_with_key(&self, key: i64, limit: usize) -> Result<Vec<i64>> {
        ids_with_key(
            &self.conn,
            "SELECT claim_id FROM claim_keys WHERE key = ?1 ORDER BY claim_id DESC LIMIT ?2",
            key,
            limit,
        )
        .map_err(|e| self.err(e))
    }

    /// The id of the newest claim cluster (0 when there is none).
    pub fn last_claim_cluster(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT coalesce(max(id), 0) FROM claim_clusters", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }
}

impl LinkTx<'_> {
    /// Stores candidate keys, as (key, claim) pairs, sorted.
    pub fn add_claim_keys(&self, keys: impl IntoIterator<Item = (i64, i64)>) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO claim_keys(key, claim_id) VALUES (?1, ?2)")
            .map_err(|e| self.err(e))?;
        for (k, c) in keys {
            stmt.execute([k, c]).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// New claim clusters, as (id, first claim) sorted by claim: the first
    /// claim's wording is the canonical one until the summary refresh
    /// finds one more widely carried.
    pub fn add_claim_clusters(&self, clusters: &[(i64, i64)]) -> Result<()> {
        let sql = |e| self.err(e);
        let mut stmt = self
            .tx
            .prepare_cached(
                "INSERT INTO claim_clusters(id, canonical_text, canonical_claim, facts)
                 SELECT ?1, text, id, ?3 FROM claims WHERE id = ?2",
            )
            .map_err(sql)?;
        for &(cluster, claim) in clusters {
            stmt.execute(params![cluster, claim, self.facts_of(claim).map_err(sql)?]).map_err(sql)?;
        }
        Ok(())
    }

    /// Puts claims in clusters, as (claim, cluster) pairs sorted by claim,
    /// and marks the clusters' summaries stale.
    pub fn assign_claims(&self, assigned: impl IntoIterator<Item = (i64, i64)>) -> Result<()> {
        let sql = |e| self.err(e);
        let mut set = self.tx.prepare_cached("UPDATE claims SET cluster_id = ?2 WHERE id = ?1").map_err(sql)?;
        let mut clusters: Vec<i64> = Vec::new();
        for (claim, cluster) in assigned {
            set.execute([claim, cluster]).map_err(sql)?;
            clusters.push(cluster);
        }
        clusters.sort_unstable();
        clusters.dedup();
        let mut stale = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO summary_stale(kind, id) VALUES ('claim', ?1)")
            .map_err(sql)?;
        for c in clusters {
            stale.execute([c]).map_err(sql)?;
        }
        Ok(())
    }

    /// Records pairs of differing facts: (fact of the earlier claim, fact of
    /// the later, "conflict" or "rounding"), with what the reports show of
    /// both sides. The pairs are gathered first and written in the table's
    /// order: wide rows put in at random places split pages all the time.
    pub fn add_claim_pairs(&self, pairs: &[(i64, i64, &str)]) -> Result<()> {
        let sql = |e| self.err(e);
        self.tx
            .execute_batch(
                "CREATE TEMP TABLE IF NOT EXISTS new_claim_pairs(relation TEXT, fact_a INTEGER, fact_b INTEGER);
                 DELETE FROM new_claim_pairs;",
            )
            .map_err(sql)?;
        let mut add = self
            .tx
            .prepare_cached("INSERT INTO new_claim_pairs(relation, fact_a, fact_b) VALUES (?1, ?2, ?3)")
            .map_err(sql)?;
        for (a, b, relation) in pairs {
            add.execute(params![relation, a, b]).map_err(sql)?;
        }
        self.tx
            .execute_batch(
                "INSERT OR IGNORE INTO claim_pairs(relation, rank, fact_a, fact_b, subject, kind, unit, outlet_a,
                                                   figure_a, value_a, outlet_b, figure_b, value_b, difference,
                                                   difference_pct, claim_a, claim_b, published_a, published_b,
                                                   article_a, article_b)
                 SELECT relation, coalesce(pct, 0), fact_a, fact_b, subject, kind, unit, outlet_a, figure_a, value_a,
                        outlet_b, figure_b, value_b, difference, pct, claim_a, claim_b, published_a, published_b,
                        article_a, article_b
                 FROM (SELECT n.relation, fa.id AS fact_a, fb.id AS fact_b, fa.subject, fa.kind, fa.unit,
                              ca.outlet_id AS outlet_a, fa.text AS figure_a, fa.value AS value_a,
                              cb.outlet_id AS outlet_b, fb.text AS figure_b, fb.value AS value_b,
                              CASE WHEN fa.kind = 'date' THEN round(julianday(fb.value) - julianday(fa.value))
                                   ELSE fb.value - fa.value END AS difference,
                              CASE WHEN fa.kind IN ('money', 'percent', 'number', 'duration')
                                        AND max(abs(fa.value), abs(fb.value)) > 0
                                   THEN round(100.0 * abs(fb.value - fa.value) / max(abs(fa.value), abs(fb.value)), 1)
                              END AS pct,
                              ca.text AS claim_a, cb.text AS claim_b, ca.published_at AS published_a,
                              cb.published_at AS published_b, ca.article_id AS article_a, cb.article_id AS article_b
                       FROM new_claim_pairs n
                       JOIN claim_facts fa ON fa.id = n.fact_a JOIN claims ca ON ca.id = fa.claim_id
                       JOIN claim_facts fb ON fb.id = n.fact_b JOIN claims cb ON cb.id = fb.claim_id
                       -- An article that gives two figures for one thing
                       -- ('more than 3000', 'at least 3200') differs from
                       -- itself, not from another outlet.
                       WHERE ca.article_id <> cb.article_id AND fa.kind = fb.kind)
                 ORDER BY relation, coalesce(pct, 0), fact_a, fact_b;
                 DELETE FROM new_claim_pairs;",
            )
            .map_err(sql)
    }

    /// Whether one of two articles (`a` < `b`) reuses the other's text.
    pub fn reuses_text(&self, a: i64, b: i64) -> Result<bool> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM article_pairs WHERE article_a = ?1 AND article_b = ?2)")
            .map_err(|e| self.err(e))?;
        stmt.query_row([a, b], |r| r.get(0)).map_err(|e| self.err(e))
    }

    /// The claim clusters (facts) an article states.
    pub fn article_claim_clusters(&self, article: i64) -> Result<Vec<i64>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT DISTINCT cluster_id FROM claims WHERE article_id = ?1 AND cluster_id IS NOT NULL")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([article], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// How many claims a cluster has, counted up to `cap`.
    pub fn claim_cluster_size(&self, cluster: i64, cap: usize) -> Result<usize> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT count(*) FROM (SELECT 1 FROM claims WHERE cluster_id = ?1 LIMIT ?2)")
            .map_err(|e| self.err(e))?;
        stmt.query_row(params![cluster, cap as i64], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| self.err(e))
    }

    /// Articles stored before claims were extracted, up to `limit`.
    pub fn articles_without_claims(&self, limit: usize) -> Result<Vec<StoredBody>> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT id, outlet_id, body, published_at, language FROM articles WHERE claims_pending = 1
                 ORDER BY id LIMIT ?1",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([limit as i64], |r| {
                Ok(StoredBody {
                    id: r.get(0)?,
                    outlet: r.get(1)?,
                    body: r.get(2)?,
                    published: r.get(3)?,
                    language: r.get(4)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Stores the claims extracted for an article stored before claims were.
    pub fn save_late_claims(&mut self, article: &StoredBody, claims: &[Claim]) -> Result<()> {
        let path = self.path.clone();
        let sql = |source| Error::Sqlite { path: path.clone(), source };
        let mut known = Known::default();
        insert(&self.tx, (article.id, article.outlet, article.published.as_deref()), claims, &mut known)
            .map_err(sql)?;
        self.tx
            .prepare_cached("UPDATE articles SET claims_pending = 0 WHERE id = ?1")
            .map_err(sql)?
            .execute([article.id])
            .map_err(sql)?;
        Ok(())
    }

    /// Claim clusters left without claims (their articles were re-extracted).
    pub fn drop_empty_claim_clusters(&self) -> Result<usize> {
        self.tx
            .execute(
                "DELETE FROM claim_clusters
                 WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.cluster_id = claim_clusters.id)",
                [],
            )
            .map_err(|e| self.err(e))
    }

    /// Recomputes the summaries of stale claim clusters: their statistics,
    /// canonical wording and speaker, and which outlets stated them; the
    /// outlets they had and have become stale. Runs before the outlets'
    /// summaries are recomputed. Reads the clusters' claims (never their
    /// sentences) in cluster order and writes a few thousand clusters at a
    /// time, so its memory is flat however many are stale.
    pub(super) fn refresh_claim_clusters(&self) -> rusqlite::Result<()> {
        self.tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS stale_claims(id INTEGER PRIMARY KEY);
             DELETE FROM stale_claims;
             INSERT INTO stale_claims SELECT id FROM summary_stale WHERE kind = 'claim';
             INSERT OR IGNORE INTO summary_stale(kind, id)
                 SELECT 'outlet', outlet_id FROM outlet_claim_clusters WHERE cluster_id IN (SELECT id FROM stale_claims);
             CREATE TEMP TABLE IF NOT EXISTS outlet_claim_clusters_before(cluster_id INTEGER, outlet_id INTEGER);
             DELETE FROM outlet_claim_clusters_before;
             INSERT INTO outlet_claim_clusters_before
                 SELECT cluster_id, outlet_id FROM outlet_claim_clusters WHERE cluster_id IN (SELECT id FROM stale_claims);
             DELETE FROM outlet_claim_clusters WHERE cluster_id IN (SELECT id FROM stale_claims);
             DELETE FROM claim_cluster_stats WHERE cluster_id IN (SELECT id FROM stale_claims);",
        )?;
        let names = super::link::OutletNames::read(&self.tx)?;
        // Many stale clusters (an import into a new archive): every claim is
        // read in the table's order and sorted by cluster (SQLite's sorter
        // spills to disk, so memory stays bounded). Few: their claims
        // through the index, cluster by cluster.
        let (stale, all): (i64, i64) = self.tx.query_row(
            "SELECT (SELECT count(*) FROM stale_claims), (SELECT count(*) FROM claim_clusters)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut stmt = self.tx.prepare(if stale * 10 > all {
            "SELECT c.cluster_id, c.id, c.wording, c.score, c.speaker_id, c.article_id, c.outlet_id, c.published_at
             FROM claims c NOT INDEXED WHERE c.cluster_id IN (SELECT id FROM stale_claims) ORDER BY c.cluster_id, c.id"
        } else {
            "SELECT c.cluster_id, c.id, c.wording, c.score, c.speaker_id, c.article_id, c.outlet_id, c.published_at
             FROM stale_claims s JOIN claims c ON c.cluster_id = s.id ORDER BY s.id"
        })?;
        let mut rows = stmt.query([])?;
        let mut chunk: Vec<(i64, ClusterTally)> = Vec::new();
        while let Some(r) = rows.next()? {
            let cluster: i64 = r.get(0)?;
            if chunk.last().is_none_or(|(c, _)| *c != cluster) {
                if chunk.len() >= REFRESH_CHUNK {
                    self.write_claim_clusters(&mut chunk, &names)?;
                }
                chunk.push((cluster, ClusterTally::default()));
            }
            let t = &mut chunk.last_mut().expect("pushed above").1;
            let claim = TalliedClaim {
                id: r.get(1)?,
                wording: r.get(2)?,
                score: r.get(3)?,
                speaker: r.get(4)?,
                article: r.get(5)?,
                outlet: r.get(6)?,
            };
            t.add(claim, r.get_ref(7)?.as_str_or_null()?);
        }
        self.write_claim_clusters(&mut chunk, &names)?;
        self.tx.execute_batch(
            "INSERT OR IGNORE INTO summary_stale(kind, id)
                 SELECT 'outlet', outlet_id FROM outlet_claim_clusters WHERE cluster_id IN (SELECT id FROM stale_claims);",
        )
    }

    /// Writes the summaries of tallied clusters, and empties `chunk`. A
    /// cluster keeps its canonical wording unless another is stated by more
    /// outlets; only then is a sentence read.
    fn write_claim_clusters(
        &self,
        chunk: &mut Vec<(i64, ClusterTally)>,
        names: &super::link::OutletNames,
    ) -> rusqlite::Result<()> {
        let mut stats = self.tx.prepare_cached(
            "INSERT INTO claim_cluster_stats(cluster_id, outlets, articles, claims, facts, outlet_names, score,
                                             first_published, first_outlet_id, canonical_text, speaker_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        let mut oc =
            self.tx.prepare_cached("INSERT INTO outlet_claim_clusters(cluster_id, outlet_id) VALUES (?1, ?2)")?;
        let mut current = self.tx.prepare_cached(
            "SELECT canonical_claim, canonical_text, facts, speaker_id FROM claim_clusters WHERE id = ?1",
        )?;
        let mut text_of = self.tx.prepare_cached("SELECT text FROM claims WHERE id = ?1")?;
        let mut set = self.tx.prepare_cached(
            "UPDATE claim_clusters SET canonical_claim = ?2, canonical_text = ?3, facts = ?4, speaker_id = ?5 WHERE id = ?1",
        )?;
        for (cluster, t) in chunk.iter_mut() {
            let cluster = *cluster;
            let (was, mut text, mut facts, was_speaker): (Option<i64>, String, Option<String>, Option<i64>) =
                current.query_row([cluster], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            let canonical = t.canonical(was);
            let speaker = t.majority_speaker();
            if Some(canonical) != was {
                text = text_of.query_row([canonical], |r| r.get(0))?;
                facts = self.facts_of(canonical)?;
            }
            if Some(canonical) != was || speaker != was_speaker {
                set.execute(params![cluster, canonical, text, facts, speaker])?;
            }
            t.outlets.sort_unstable();
            for outlet in &t.outlets {
                oc.execute([cluster, *outlet])?;
            }
            let shown = names.sorted(&t.outlets);
            let shown = if shown.len() > 10 {
                format!("{}; and {} more", shown[..10].join("; "), shown.len() - 10)
            } else {
                shown.join("; ")
            };
            let mut articles: Vec<i64> = t.claims.iter().map(|c| c.article).collect();
            articles.sort_unstable();
            articles.dedup();
            let score = t.claims.iter().map(|c| c.score).fold(0.0, f64::max);
            stats.execute(params![
                cluster,
                t.outlets.len() as i64,
                articles.len() as i64,
                t.claims.len() as i64,
                facts,
                shown,
                score,
                t.first_published,
                t.first.as_ref().map(|f| f.3),
                text,
                speaker
            ])?;
        }
        chunk.clear();
        Ok(())
    }

    /// A claim's facts as a reader sees them.
    fn facts_of(&self, claim: i64) -> rusqlite::Result<Option<String>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT kind, value, value_high, unit, qualifier, subject FROM claim_facts WHERE claim_id = ?1 ORDER BY seq",
        )?;
        type Row = (String, Option<Value>, Option<Value>, Option<String>, Option<String>, String);
        let rows: Vec<Row> = stmt
            .query_map([claim], |r| {
                Ok((r.get(0)?, value_of(r.get_ref(1)?), value_of(r.get_ref(2)?), r.get(3)?, r.get(4)?, r.get(5)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(facts_text(rows.iter().map(|(kind, value, high, unit, qualifier, subject)| ShownFact {
            kind,
            value: value.as_ref(),
            high: high.as_ref(),
            unit: unit.as_deref(),
            qualifier: qualifier.as_deref(),
            subject,
        })))
    }

    /// The claim figures of stale outlets (`stale_outlets`, filled by the
    /// outlets' refresh), and their pairs.
    pub(super) fn refresh_claim_outlets(&self) -> rusqlite::Result<()> {
        self.tx.execute_batch(
            "DELETE FROM outlet_claim_stats WHERE outlet_id IN (SELECT id FROM stale_outlets);
             INSERT INTO outlet_claim_stats(outlet_id, claims, facts, clusters, shared, only_here, conflicts)
             SELECT o.id, coalesce(cl.n, 0), coalesce(cl.facts, 0), coalesce(oc.n, 0), coalesce(oc.shared, 0),
                    coalesce(oc.only_here, 0), coalesce(cf.n, 0)
             FROM outlets o
             LEFT JOIN (SELECT a.outlet_id, count(*) AS n,
                               sum((SELECT count(*) FROM claim_facts f WHERE f.claim_id = c.id)) AS facts
                        FROM articles a JOIN claims c ON c.article_id = a.id
                        WHERE a.outlet_id IN (SELECT id FROM stale_outlets) GROUP BY a.outlet_id) cl
                    ON cl.outlet_id = o.id
             LEFT JOIN (SELECT x.outlet_id, count(*) AS n, sum(st.outlets > 1) AS shared, sum(st.outlets = 1) AS only_here
                        FROM outlet_claim_clusters x JOIN claim_cluster_stats st ON st.cluster_id = x.cluster_id
                        WHERE x.outlet_id IN (SELECT id FROM stale_outlets) GROUP BY x.outlet_id) oc
                    ON oc.outlet_id = o.id
             LEFT JOIN (SELECT outlet_id, count(*) AS n FROM (
                            SELECT outlet_a AS outlet_id FROM claim_pairs WHERE relation = 'conflict'
                            UNION ALL SELECT outlet_b FROM claim_pairs WHERE relation = 'conflict')
                        WHERE outlet_id IN (SELECT id FROM stale_outlets) GROUP BY outlet_id) cf
                    ON cf.outlet_id = o.id
             WHERE o.id IN (SELECT id FROM stale_outlets);",
        )?;
        refresh_pairs(&self.tx, "outlet_claim_clusters", "stale_claims", "outlet_claim_pair_stats")
    }

    /// Marks every claim summary stale (`link --rebuild`).
    pub(super) fn mark_claims_stale(&self) -> rusqlite::Result<()> {
        self.tx.execute_batch(
            "INSERT OR IGNORE INTO summary_stale(kind, id) SELECT 'claim', id FROM claim_clusters;
             DELETE FROM claim_cluster_stats; DELETE FROM outlet_claim_clusters; DELETE FROM outlet_claim_stats;
             DELETE FROM outlet_claim_pair_stats;",
        )
    }
}

/// Claim clusters whose summaries are written at a time.
const REFRESH_CHUNK: usize = 4_096;

/// One fact's parts as [`facts_text`] prints them.
struct ShownFact<'a> {
    kind: &'a str,
    value: Option<&'a Value>,
    high: Option<&'a Value>,
    unit: Option<&'a str>,
    qualifier: Option<&'a str>,
    subject: &'a str,
}

/// Facts as a reader sees them: "money 1e12 USD (japanese investment in
/// us); year 2027".
fn facts_text<'a>(facts: impl Iterator<Item = ShownFact<'a>>) -> Option<String> {
    let show = |v: &Value| match v {
        Value::Num(n) if n.abs() >= 1e6 => format!("{n:e}"),
        Value::Num(n) => format_number(*n),
        Value::Date(d) => d.clone(),
    };
    let parts: Vec<String> = facts
        .map(|ShownFact { kind, value, high, unit, qualifier, subject }| {
            let mut part = kind.to_owned();
            part.push(' ');
            if let Some(q) = qualifier {
                part.push_str(q);
                part.push(' ');
            }
            part.push_str(&value.map(show).unwrap_or_default());
            if let Some(h) = high {
                part.push_str("..");
                part.push_str(&show(h));
            }
            if let Some(u) = unit {
                part.push(' ');
                part.push_str(u);
            }
            if !subject.is_empty() {
                part.push_str(&format!(" ({subject})"));
            }
            part
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// One claim of a cluster while its summary is computed.
struct TalliedClaim {
    id: i64,
    /// What tells wordings apart: the sentence's words, case and spacing aside.
    wording: i64,
    score: f64,
    speaker: Option<i64>,
    article: i64,
    outlet: i64,
}

#[derive(Default)]
struct ClusterTally {
    claims: Vec<TalliedClaim>,
    /// Outlet ids.
    outlets: Vec<i64>,
    first_published: Option<String>,
    /// (undated, date, article, outlet) of the first article by date.
    first: Option<(bool, String, i64, i64)>,
}

impl ClusterTally {
    /// Counts a claim of its article's date.
    fn add(&mut self, claim: TalliedClaim, published: Option<&str>) {
        if !self.outlets.contains(&claim.outlet) {
            self.outlets.push(claim.outlet);
        }
        // Dated before undated, then by date, then by article.
        let better = self
            .first
            .as_ref()
            .is_none_or(|f| (published.is_none(), published.unwrap_or(""), claim.article) < (f.0, f.1.as_str(), f.2));
        if better {
            self.first = Some((published.is_none(), published.unwrap_or("").to_owned(), claim.article, claim.outlet));
        }
        if let Some(p) = published
            && self.first_published.as_deref().is_none_or(|f| p < f)
        {
            self.first_published = Some(p.to_owned());
        }
        self.claims.push(claim);
    }

    /// The claim whose wording the most outlets state: `was` (the
    /// canonical claim so far) when its wording is among those, else the
    /// first claim of the first such wording. A cluster's canonical
    /// wording changes only when another is carried more widely.
    fn canonical(&self, was: Option<i64>) -> i64 {
        let mut outlets: HashMap<i64, Vec<i64>> = HashMap::new();
        for c in &self.claims {
            let v = outlets.entry(c.wording).or_default();
            if !v.contains(&c.outlet) {
                v.push(c.outlet);
            }
        }
        let widest = outlets.values().map(Vec::len).max().unwrap_or(0);
        let wide = |c: &&TalliedClaim| outlets[&c.wording].len() == widest;
        if let Some(w) = was
            && self.claims.iter().filter(wide).any(|c| c.id == w)
        {
            return w;
        }
        self.claims.iter().filter(wide).map(|c| c.id).min().unwrap_or_default()
    }

    /// The speaker at least half of the cluster's claims name: a fact one
    /// outlet attributes to someone and others state as their own is
    /// nobody's statement.
    fn majority_speaker(&self) -> Option<i64> {
        let mut counts: Vec<(i64, usize)> = Vec::new();
        for s in self.claims.iter().filter_map(|c| c.speaker) {
            match counts.iter_mut().find(|(k, _)| *k == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
        counts.iter().rev().max_by_key(|(_, n)| *n).filter(|(_, n)| 2 * n >= self.claims.len()).map(|(s, _)| *s)
    }
}
