//! The SQL of claims: writing them with their facts, the linker's reads and
//! writes (pending claims, candidate keys, clusters, pairs of differing
//! facts), extracting the claims of articles stored before claims existed,
//! and the claim reports' summaries. The decisions are made in
//! `crate::link`; this is how they are stored.

use super::link::{LinkTx, refresh_pairs};
use super::write::Known;
use super::{Error, Result};
use crate::extract::Claim;
use crate::extract::figures::{FactKind, Value, format_number};
use crate::extract::normalize::normalize;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, params};
use std::collections::{HashMap, HashSet};

/// Writes an article's claims and their facts.
pub(super) fn insert(tx: &Connection, article: i64, claims: &[Claim], known: &mut Known) -> rusqlite::Result<()> {
    let mut c_stmt = tx.prepare_cached(
        "INSERT INTO claims(article_id, speaker_id, text, start, \"end\", paragraph, line, voice, cue, speaker_text,
                            score)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut f_stmt = tx.prepare_cached(
        "INSERT INTO claim_facts(claim_id, seq, kind, value, value_high, unit, qualifier, subject, text, start, \"end\",
                                 precision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for c in claims {
        let speaker = known.speaker(tx, c.speaker.as_deref(), c.speaker_text.as_deref())?;
        c_stmt.execute(params![
            article,
            speaker,
            c.text,
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

/// What the archive says of articles' stories (see [`LinkTx::story_evidence`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryEvidence {
    /// Per article, the specific facts (claim cluster ids) and quotations
    /// (negated quotation cluster ids) it carries, sorted.
    pub carried: HashMap<i64, Vec<i64>>,
    /// Pairs of articles (lower id first) one of which reuses the other's text.
    pub reused: HashSet<(i64, i64)>,
}

impl StoryEvidence {
    /// Whether two articles are of one story: they state one of the same
    /// specific facts, or carry two of the same specific quotations (a
    /// quotation, unlike a fact, can be a stock phrase), or one reuses the
    /// other's text.
    pub fn same_story(&self, a: i64, b: i64) -> bool {
        if self.reused.contains(&(a.min(b), a.max(b))) {
            return true;
        }
        let (Some(x), Some(y)) = (self.carried.get(&a), self.carried.get(&b)) else { return false };
        let (mut facts, mut quotes) = (0, 0);
        for c in x.iter().filter(|c| y.binary_search(c).is_ok()) {
            if *c > 0 {
                facts += 1;
            } else {
                quotes += 1;
            }
        }
        facts >= 1 || quotes >= 2
    }
}

/// An article's stored body with what its claims are read with: (id,
/// body, publication date, language).
pub type StoredBody = (i64, String, Option<String>, Option<String>);

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
    /// Its normalised form.
    pub normalized: String,
    /// Its cluster, once linked.
    pub cluster_id: Option<i64>,
    /// Its facts, in order.
    pub facts: Vec<StoredFact>,
}

const CLAIM_COLUMNS: &str = "c.id, c.article_id, a.published_at, c.text, c.cluster_id,
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
                normalized: String::new(),
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
    for c in &mut out {
        c.normalized = normalize(&c.text);
    }
    Ok(out)
}

impl LinkTx<'_> {
    /// The id of the last claim linked: later ones wait for the linker.
    pub fn claims_linked(&self) -> Result<i64> {
        self.tx.query_row("SELECT upto FROM claims_linked", [], |r| r.get(0)).map_err(|e| self.err(e))
    }

    /// Records that every claim up to `upto` is linked.
    pub fn set_claims_linked(&self, upto: i64) -> Result<()> {
        self.tx.execute("UPDATE claims_linked SET upto = ?1", [upto]).map(|_| ()).map_err(|e| self.err(e))
    }

    /// Up to `limit` claims with ids above `after`, in order.
    pub fn claims_after(&self, after: i64, limit: usize) -> Result<Vec<StoredClaim>> {
        let sql = |e| self.err(e);
        let mut stmt = self
            .tx
            .prepare_cached(&format!(
                "WITH batch AS (SELECT id FROM claims WHERE id > ?1 ORDER BY id LIMIT ?2)
                 SELECT {CLAIM_COLUMNS}
                 FROM batch b JOIN claims c ON c.id = b.id JOIN articles a ON a.id = c.article_id
                 LEFT JOIN claim_facts f ON f.claim_id = c.id
                 ORDER BY c.id, f.seq"
            ))
            .map_err(sql)?;
        let mut rows = stmt.query(params![after, limit as i64]).map_err(sql)?;
        read_claims(&mut rows).map_err(sql)
    }

    /// A claim by id, with its facts.
    pub fn stored_claim(&self, id: i64) -> Result<Option<StoredClaim>> {
        let sql = |e| self.err(e);
        let mut stmt = self
            .tx
            .prepare_cached(&format!(
                "SELECT {CLAIM_COLUMNS}
                 FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN claim_facts f ON f.claim_id = c.id
                 WHERE c.id = ?1 ORDER BY f.seq"
            ))
            .map_err(sql)?;
        let mut rows = stmt.query([id]).map_err(sql)?;
        Ok(read_claims(&mut rows).map_err(sql)?.pop())
    }

    /// Whether any claim of an earlier pass has keys.
    pub fn has_claim_keys(&self) -> Result<bool> {
        self.tx.query_row("SELECT EXISTS (SELECT 1 FROM claim_keys)", [], |r| r.get(0)).map_err(|e| self.err(e))
    }

    /// Linked claims sharing `key`, at most `limit`.
    pub fn claims_with_key(&self, key: i64, limit: usize) -> Result<Vec<i64>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT claim_id FROM claim_keys WHERE key = ?1 LIMIT ?2")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map(params![key, limit as i64], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Stores candidate keys, as (key, claim) pairs, sorted.
    pub fn add_claim_keys(&self, keys: &[(i64, i64)]) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO claim_keys(key, claim_id) VALUES (?1, ?2)")
            .map_err(|e| self.err(e))?;
        for (k, c) in keys {
            stmt.execute([*k, *c]).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// A new claim cluster whose first claim is `claim` (the canonical
    /// wording until the summary refresh finds one more widely carried).
    pub fn new_claim_cluster(&self, claim: &StoredClaim) -> Result<i64> {
        let mut stmt = self
            .tx
            .prepare_cached("INSERT INTO claim_clusters(canonical_text, canonical_claim) VALUES (?1, ?2)")
            .map_err(|e| self.err(e))?;
        stmt.execute(params![claim.text, claim.id]).map_err(|e| self.err(e))?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Puts claims in clusters, as (claim, cluster) pairs sorted by claim,
    /// and marks the clusters' summaries stale.
    pub fn assign_claims(&self, assigned: &[(i64, i64)]) -> Result<()> {
        let sql = |e| self.err(e);
        let mut set = self.tx.prepare_cached("UPDATE claims SET cluster_id = ?2 WHERE id = ?1").map_err(sql)?;
        for (claim, cluster) in assigned {
            set.execute([claim, cluster]).map_err(sql)?;
        }
        let mut clusters: Vec<i64> = assigned.iter().map(|(_, c)| *c).collect();
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
    /// both sides.
    pub fn add_claim_pairs(&self, pairs: &[(i64, i64, &str)]) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "INSERT OR IGNORE INTO claim_pairs(relation, rank, fact_a, fact_b, subject, kind, unit, outlet_a, figure_a,
                                                   value_a, outlet_b, figure_b, value_b, difference, difference_pct,
                                                   claim_a, claim_b, published_a, published_b, article_a, article_b)
                 SELECT ?3, coalesce(d.pct, 0), fa.id, fb.id, fa.subject, fa.kind, fa.unit, aa.outlet_id, fa.text,
                        fa.value, ab.outlet_id, fb.text, fb.value, d.difference, d.pct, ca.text, cb.text,
                        aa.published_at, ab.published_at, aa.id, ab.id
                 FROM claim_facts fa JOIN claims ca ON ca.id = fa.claim_id JOIN articles aa ON aa.id = ca.article_id
                 JOIN claim_facts fb ON fb.id = ?2 JOIN claims cb ON cb.id = fb.claim_id JOIN articles ab ON ab.id = cb.article_id
                 JOIN (SELECT CASE WHEN x.kind = 'date' THEN round(julianday(y.value) - julianday(x.value))
                                   ELSE y.value - x.value END AS difference,
                              CASE WHEN x.kind IN ('money', 'percent', 'number', 'duration')
                                        AND max(abs(x.value), abs(y.value)) > 0
                                   THEN round(100.0 * abs(y.value - x.value) / max(abs(x.value), abs(y.value)), 1) END AS pct
                       FROM claim_facts x, claim_facts y WHERE x.id = ?1 AND y.id = ?2) d
                 WHERE fa.id = ?1",
            )
            .map_err(|e| self.err(e))?;
        for (a, b, relation) in pairs {
            stmt.execute(params![a, b, relation]).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// What tells whether `articles` are of one story: the facts (claim
    /// clusters) and quotations (quotation clusters, fragments counted as
    /// their quotation) each states — only those fewer than `common`
    /// articles carry (a slogan in a thousand articles says nothing of
    /// which story an article tells) — and the pairs of them that reuse
    /// each other's text. Read in a few statements, however many articles.
    pub fn story_evidence(&self, articles: &[i64], common: usize) -> Result<StoryEvidence> {
        let sql = |e| self.err(e);
        self.tx
            .execute_batch(
                "CREATE TEMP TABLE IF NOT EXISTS story_articles(id INTEGER PRIMARY KEY);
                 CREATE TEMP TABLE IF NOT EXISTS story_clusters(id INTEGER PRIMARY KEY);
                 CREATE TEMP TABLE IF NOT EXISTS story_roots(id INTEGER PRIMARY KEY);
                 DELETE FROM story_articles; DELETE FROM story_clusters; DELETE FROM story_roots;",
            )
            .map_err(sql)?;
        {
            let mut ins =
                self.tx.prepare_cached("INSERT OR IGNORE INTO story_articles(id) VALUES (?1)").map_err(sql)?;
            for a in articles {
                ins.execute([a]).map_err(sql)?;
            }
        }
        let pairs_of = |query: &str| -> Result<Vec<(i64, i64)>> {
            let mut stmt = self.tx.prepare(query).map_err(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).map_err(sql)?;
            rows.collect::<rusqlite::Result<_>>().map_err(sql)
        };
        let claims = pairs_of(
            "SELECT DISTINCT c.article_id, c.cluster_id FROM story_articles t JOIN claims c ON c.article_id = t.id
             WHERE c.cluster_id IS NOT NULL",
        )?;
        let quotes = pairs_of(
            "SELECT DISTINCT u.article_id, coalesce(c.fragment_of, c.id) FROM story_articles t
             JOIN quote_units u ON u.article_id = t.id JOIN quote_wordings w ON w.id = u.wording_id
             JOIN quote_clusters c ON c.id = w.cluster_id",
        )?;
        self.tx
            .execute_batch(
                "INSERT OR IGNORE INTO story_clusters(id) SELECT DISTINCT c.cluster_id FROM story_articles t
                     JOIN claims c ON c.article_id = t.id WHERE c.cluster_id IS NOT NULL;
                 INSERT OR IGNORE INTO story_roots(id) SELECT DISTINCT coalesce(c.fragment_of, c.id) FROM story_articles t
                     JOIN quote_units u ON u.article_id = t.id JOIN quote_wordings w ON w.id = u.wording_id
                     JOIN quote_clusters c ON c.id = w.cluster_id;",
            )
            .map_err(sql)?;
        let limit = common as i64;
        let too_common = |query: &str| -> Result<HashSet<i64>> {
            let mut stmt = self.tx.prepare(query).map_err(sql)?;
            let rows = stmt.query_map([limit], |r| r.get(0)).map_err(sql)?;
            rows.collect::<rusqlite::Result<_>>().map_err(sql)
        };
        let common_claims = too_common(
            "SELECT s.id FROM story_clusters s
             WHERE (SELECT count(*) FROM (SELECT DISTINCT article_id FROM claims c WHERE c.cluster_id = s.id LIMIT ?1)) >= ?1",
        )?;
        let common_quotes = too_common(
            "SELECT s.id FROM story_roots s
             WHERE (SELECT count(*) FROM (SELECT DISTINCT u.article_id FROM quote_clusters c
                                          JOIN quote_wordings w ON w.cluster_id = c.id
                                          JOIN quote_units u ON u.wording_id = w.id
                                          WHERE c.id = s.id OR c.fragment_of = s.id LIMIT ?1)) >= ?1",
        )?;
        let reused = pairs_of(
            "SELECT p.article_a, p.article_b FROM story_articles t JOIN article_pairs p ON p.article_a = t.id
             WHERE p.article_b IN (SELECT id FROM story_articles)",
        )?;
        let mut evidence = StoryEvidence { reused: reused.into_iter().collect(), ..StoryEvidence::default() };
        for (article, cluster) in claims.into_iter().filter(|(_, c)| !common_claims.contains(c)) {
            evidence.carried.entry(article).or_default().push(cluster);
        }
        // Quotations are told apart from facts by sign.
        for (article, root) in quotes.into_iter().filter(|(_, r)| !common_quotes.contains(r)) {
            evidence.carried.entry(article).or_default().push(-root);
        }
        for v in evidence.carried.values_mut() {
            v.sort_unstable();
        }
        Ok(evidence)
    }

    /// Articles stored before claims were extracted, up to `limit`: (id,
    /// body, publication date, language).
    pub fn articles_without_claims(&self, limit: usize) -> Result<Vec<StoredBody>> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT id, body, published_at, language FROM articles WHERE claims_pending = 1 ORDER BY id LIMIT ?1",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Stores the claims extracted for an article stored before claims were.
    pub fn save_late_claims(&mut self, article: i64, claims: &[Claim]) -> Result<()> {
        let path = self.path.clone();
        let sql = |source| Error::Sqlite { path: path.clone(), source };
        let mut known = Known::default();
        insert(&self.tx, article, claims, &mut known).map_err(sql)?;
        self.tx
            .prepare_cached("UPDATE articles SET claims_pending = 0 WHERE id = ?1")
            .map_err(sql)?
            .execute([article])
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
    /// summaries are recomputed.
    pub(super) fn refresh_claim_clusters(&self) -> rusqlite::Result<()> {
        self.tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS stale_claims(id INTEGER PRIMARY KEY);
             DELETE FROM stale_claims;
             INSERT INTO stale_claims SELECT id FROM summary_stale WHERE kind = 'claim';
             INSERT OR IGNORE INTO summary_stale(kind, id)
                 SELECT 'outlet', outlet_id FROM outlet_claim_clusters WHERE cluster_id IN (SELECT id FROM stale_claims);
             DELETE FROM outlet_claim_clusters WHERE cluster_id IN (SELECT id FROM stale_claims);
             DELETE FROM claim_cluster_stats WHERE cluster_id IN (SELECT id FROM stale_claims);",
        )?;
        let mut tally: HashMap<i64, ClusterTally> = HashMap::new();
        {
            let mut stmt = self.tx.prepare(
                "SELECT c.cluster_id, c.id, c.text, c.score, c.speaker_id, a.id, a.outlet_id,
                        a.published_at, o.name
                 FROM stale_claims s
                 JOIN claims c ON c.cluster_id = s.id
                 JOIN articles a ON a.id = c.article_id
                 JOIN outlets o ON o.id = a.outlet_id",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let t = tally.entry(r.get(0)?).or_default();
                let text: String = r.get(2)?;
                let claim = TalliedClaim {
                    id: r.get(1)?,
                    wording: wording_hash(&text),
                    text,
                    score: r.get(3)?,
                    speaker: r.get(4)?,
                    article: r.get(5)?,
                    outlet: r.get(6)?,
                };
                let published: Option<String> = r.get(7)?;
                let outlet_name: String = r.get(8)?;
                if !t.outlets.iter().any(|(o, _)| *o == claim.outlet) {
                    t.outlets.push((claim.outlet, outlet_name));
                }
                // Dated before undated, then by date, then by article.
                let key = (published.is_none(), published.clone().unwrap_or_default(), claim.article, claim.outlet);
                if t.first.as_ref().is_none_or(|f| (key.0, &key.1, key.2) < (f.0, &f.1, f.2)) {
                    t.first = Some(key);
                }
                if let Some(p) = published
                    && t.first_published.as_ref().is_none_or(|f| p < *f)
                {
                    t.first_published = Some(p);
                }
                t.claims.push(claim);
            }
        }
        let mut stats = self.tx.prepare_cached(
            "INSERT INTO claim_cluster_stats(cluster_id, outlets, articles, claims, facts, outlet_names, score,
                                             first_published, first_outlet_id, canonical_text, speaker_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        let mut oc =
            self.tx.prepare_cached("INSERT INTO outlet_claim_clusters(cluster_id, outlet_id) VALUES (?1, ?2)")?;
        let mut canon = self.tx.prepare_cached(
            "UPDATE claim_clusters SET canonical_text = ?2, canonical_claim = ?3, speaker_id = ?4
             WHERE id = ?1 AND (canonical_claim IS NOT ?3 OR speaker_id IS NOT ?4 OR canonical_text <> ?2)",
        )?;
        let mut clusters: Vec<(i64, ClusterTally)> = tally.into_iter().collect();
        clusters.sort_unstable_by_key(|(id, _)| *id);
        let canonicals: Vec<usize> =
            clusters.iter().map(|(_, t)| t.claims.iter().position(|c| c.id == t.canonical().id).unwrap_or(0)).collect();
        let ids: Vec<i64> = clusters.iter().zip(&canonicals).map(|((_, t), &k)| t.claims[k].id).collect();
        let mut summaries = self.facts_summaries(&ids)?;
        for ((cluster, mut t), k) in clusters.into_iter().zip(canonicals) {
            let (canonical_id, canonical_text) = (t.claims[k].id, std::mem::take(&mut t.claims[k].text));
            let speaker = t.majority_speaker();
            canon.execute(params![cluster, canonical_text, canonical_id, speaker])?;
            let facts = summaries.remove(&canonical_id);
            t.outlets.sort_unstable();
            for (outlet, _) in &t.outlets {
                oc.execute([cluster, *outlet])?;
            }
            let mut names: Vec<&str> = t.outlets.iter().map(|(_, n)| n.as_str()).collect();
            names.sort_unstable();
            let shown = if names.len() > 10 {
                format!("{}; and {} more", names[..10].join("; "), names.len() - 10)
            } else {
                names.join("; ")
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
                t.first.map(|f| f.3),
                canonical_text,
                speaker
            ])?;
        }
        self.tx.execute_batch(
            "INSERT OR IGNORE INTO summary_stale(kind, id)
                 SELECT 'outlet', outlet_id FROM outlet_claim_clusters WHERE cluster_id IN (SELECT id FROM stale_claims);",
        )
    }

    /// Claims' facts as a reader sees them: "money 1e12 USD (japanese
    /// investment in us); year 2027", by claim, in one statement.
    fn facts_summaries(&self, claims: &[i64]) -> rusqlite::Result<HashMap<i64, String>> {
        self.tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS summary_claims(id INTEGER PRIMARY KEY); DELETE FROM summary_claims;",
        )?;
        {
            let mut ins = self.tx.prepare_cached("INSERT OR IGNORE INTO summary_claims(id) VALUES (?1)")?;
            let mut sorted = claims.to_vec();
            sorted.sort_unstable();
            for c in sorted {
                ins.execute([c])?;
            }
        }
        let mut stmt = self.tx.prepare_cached(
            "SELECT f.claim_id, f.kind, f.value, f.value_high, f.unit, f.qualifier, f.subject
             FROM summary_claims s JOIN claim_facts f ON f.claim_id = s.id ORDER BY f.claim_id, f.seq",
        )?;
        let mut rows = stmt.query([])?;
        let mut out: HashMap<i64, String> = HashMap::new();
        while let Some(r) = rows.next()? {
            let claim: i64 = r.get(0)?;
            let kind: String = r.get(1)?;
            let show = |v: Option<Value>| match v {
                Some(Value::Num(n)) if n.abs() >= 1e6 => format!("{n:e}"),
                Some(Value::Num(n)) => format_number(n),
                Some(Value::Date(d)) => d,
                None => String::new(),
            };
            let mut part = kind;
            part.push(' ');
            if let Some(q) = r.get::<_, Option<String>>(5)? {
                part.push_str(&q);
                part.push(' ');
            }
            part.push_str(&show(value_of(r.get_ref(2)?)));
            if let Some(h) = value_of(r.get_ref(3)?) {
                part.push_str("..");
                part.push_str(&show(Some(h)));
            }
            if let Some(u) = r.get::<_, Option<String>>(4)? {
                part.push(' ');
                part.push_str(&u);
            }
            let subject: String = r.get(6)?;
            if !subject.is_empty() {
                part.push_str(&format!(" ({subject})"));
            }
            let summary = out.entry(claim).or_default();
            if !summary.is_empty() {
                summary.push_str("; ");
            }
            summary.push_str(&part);
        }
        Ok(out)
    }

    /// The claim figures of stale outlets (`stale_outlets`, filled by the
    /// outlets' refresh), and their pairs.
    pub(super) fn refresh_claim_outlets(&self) -> rusqlite::Result<()> {
        self.tx.execute_batch(
            "DELETE FROM outlet_claim_stats WHERE outlet_id IN (SELECT id FROM stale_outlets);
             DELETE FROM outlet_claim_pair_stats
                 WHERE outlet_a IN (SELECT id FROM stale_outlets) OR outlet_b IN (SELECT id FROM stale_outlets);
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
        refresh_pairs(&self.tx, "outlet_claim_clusters", "outlet_claim_pair_stats")
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

/// A hash of a sentence's words, case and spacing aside: two outlets
/// printing the same sentence print one wording.
fn wording_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        for c in w.chars().flat_map(char::to_lowercase) {
            c.hash(&mut h);
        }
        ' '.hash(&mut h);
    }
    h.finish()
}

/// Claims of a cluster its canonical wording is compared with.
const CENTRAL_SAMPLE: usize = 32;

/// One claim of a cluster while its summary is computed.
struct TalliedClaim {
    id: i64,
    /// What tells wordings apart: the sentence's words, case and spacing aside.
    wording: u64,
    text: String,
    score: f64,
    speaker: Option<i64>,
    article: i64,
    outlet: i64,
}

#[derive(Default)]
struct ClusterTally {
    claims: Vec<TalliedClaim>,
    /// (outlet id, name)
    outlets: Vec<(i64, String)>,
    first_published: Option<String>,
    /// (undated, date, article, outlet) of the first article by date.
    first: Option<(bool, String, i64, i64)>,
}

impl ClusterTally {
    /// The wording stated by the most outlets; among equals the one most
    /// like the others (the most words in common with them: the wording
    /// that best stands for all), then the most check-worthy, then the first.
    fn canonical(&self) -> &TalliedClaim {
        let mut outlets: HashMap<u64, Vec<i64>> = HashMap::new();
        for c in &self.claims {
            let v = outlets.entry(c.wording).or_default();
            if !v.contains(&c.outlet) {
                v.push(c.outlet);
            }
        }
        let widest = outlets.values().map(Vec::len).max().unwrap_or(0);
        let candidates: Vec<&TalliedClaim> =
            self.claims.iter().filter(|c| outlets[&c.wording].len() == widest).collect();
        // Words of each claim, for how central it is; a big cluster is
        // judged on its first claims only, which keeps this linear.
        let words = |c: &TalliedClaim| -> HashSet<String> {
            c.text.split(|ch: char| !ch.is_alphanumeric()).filter(|w| w.len() > 2).map(str::to_lowercase).collect()
        };
        let sample: Vec<HashSet<String>> = self.claims.iter().take(CENTRAL_SAMPLE).map(words).collect();
        let central = |c: &TalliedClaim| -> f64 {
            let mine = words(c);
            sample
                .iter()
                .map(|other| 2.0 * mine.intersection(other).count() as f64 / (mine.len() + other.len()).max(1) as f64)
                .sum()
        };
        let scored: Vec<(f64, &TalliedClaim)> = if candidates.len() > 1 {
            candidates.iter().map(|c| (central(c), *c)).collect()
        } else {
            vec![(0.0, candidates[0])]
        };
        scored
            .into_iter()
            .max_by(|(x, a), (y, b)| x.total_cmp(y).then(a.score.total_cmp(&b.score)).then(b.id.cmp(&a.id)))
            .map(|(_, c)| c)
            .expect("a cluster in the tally has a claim")
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
