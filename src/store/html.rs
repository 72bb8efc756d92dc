//! What the HTML report shows, read from the `report_*` views (so the page
//! says what `newsarchive report` says) with a bounded number of queries:
//! none runs per row shown, and each section is a top N with a count.

use super::{Archive, Result};
use crate::report::html::{
    Claims, Conflict, Coverage, Day, Heatmap, Limits, Listed, Outlet, Pair, Quote, Report, Speaker, Variant, Wording,
};
use rusqlite::{Row, params};
use std::collections::HashMap;

impl Archive {
    /// The HTML report's data, each section cut to `limits`; `title` and
    /// `generated` are shown as given.
    pub fn html_report(&self, limits: &Limits, title: &str, generated: &str) -> Result<Report> {
        let count = |sql: &str| -> Result<usize> {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0)).map_err(|e| self.err(e))?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        let total = |sql: &str| -> Result<i64> { self.conn.query_row(sql, [], |r| r.get(0)).map_err(|e| self.err(e)) };
        let articles = total("SELECT count(*) FROM articles")?;
        let quotations = total("SELECT count(*) FROM report_quote_spread")?;
        let speakers = Listed {
            items: self.rows(
                "SELECT speaker, kind, quotes, outlets FROM report_speakers LIMIT ?1",
                params![limit(limits.speakers)],
                |r| Ok(Speaker { name: r.get(0)?, kind: r.get(1)?, quotes: r.get(2)?, outlets: r.get(3)? }),
            )?,
            total: count("SELECT count(*) FROM report_speakers")?,
        };
        let days = self.rows(
            "SELECT substr(first_published, 1, 10) AS day, count(*), coalesce(sum(outlets > 1), 0)
             FROM report_quote_spread GROUP BY day ORDER BY day",
            [],
            |r| Ok(Day { day: r.get(0)?, quotations: r.get(1)?, shared: r.get(2)? }),
        )?;
        let claims =
            if total("SELECT EXISTS (SELECT 1 FROM claims)")? != 0 { Some(self.claims(limits, &count)?) } else { None };
        Ok(Report {
            title: title.to_owned(),
            generated: generated.to_owned(),
            articles,
            quotations,
            heatmap: self.heatmap(limits, count("SELECT count(*) FROM report_quote_overlap")?)?,
            variants: self.variants(limits, count("SELECT count(DISTINCT cluster) FROM report_quote_variants")?)?,
            speakers,
            days,
            claims,
        })
    }

    /// The outlets that carried the most quotations, the pairs among them
    /// (`report_outlet_pairs`) and each pair's most widely carried shared
    /// quotations.
    fn heatmap(&self, limits: &Limits, outlets_total: usize) -> Result<Heatmap> {
        let outlets = self.rows(
            "SELECT outlet, quotes FROM report_quote_overlap ORDER BY quotes DESC, outlet LIMIT ?1",
            params![limit(limits.outlets)],
            |r| Ok(Outlet { name: r.get(0)?, quotes: r.get(1)? }),
        )?;
        let names = serde_json::to_string(&outlets.iter().map(|o| o.name.as_str()).collect::<Vec<_>>())
            .expect("strings serialize");
        let index: HashMap<&str, usize> = outlets.iter().enumerate().map(|(i, o)| (o.name.as_str(), i)).collect();
        let mut pairs = Vec::new();
        for (a, b, shared, in_translation) in self.rows(
            "SELECT outlet_a, outlet_b, shared, coalesce(in_translation_only, 0) FROM report_outlet_pairs
             WHERE outlet_a IN (SELECT value FROM json_each(?1)) AND outlet_b IN (SELECT value FROM json_each(?1))",
            params![names],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?)),
        )? {
            if let (Some(&a), Some(&b)) = (index.get(a.as_str()), index.get(b.as_str())) {
                let (a, b) = (a.min(b), a.max(b));
                pairs.push(Pair { a, b, shared, in_translation, quotes: Vec::new() });
            }
        }
        pairs.sort_by_key(|p| (p.a, p.b));
        self.shared_quotes(limits.quotes_per_pair, &names, &index, &mut pairs)?;
        Ok(Heatmap { outlets, outlets_total, pairs })
    }

    /// Fills each pair's quotations: the quotations more than one outlet
    /// carried, most widely carried first, are read once, and each is given
    /// to the pairs of its outlets that still want one — until every pair
    /// has its fill (usually after a few hundred rows, not the archive).
    fn shared_quotes(
        &self,
        per_pair: usize,
        names: &str,
        index: &HashMap<&str, usize>,
        pairs: &mut [Pair],
    ) -> Result<()> {
        let n = index.len();
        let mut slot: HashMap<(usize, usize), usize> = HashMap::new();
        // What each pair can get: quotations both carried in one language
        // (the rest of `shared` was carried only in translation).
        let mut wanted = 0;
        for (k, p) in pairs.iter().enumerate() {
            slot.insert((p.a, p.b), k);
            wanted += usize::try_from(p.shared - p.in_translation).unwrap_or(0).min(per_pair);
        }
        let mut chosen: Vec<Vec<i64>> = vec![Vec::new(); pairs.len()];
        if wanted > 0 {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT q.cluster, o.name FROM report_quote_spread q
                     JOIN outlet_clusters oc ON oc.cluster_id = q.cluster
                     JOIN outlets o ON o.id = oc.outlet_id
                     WHERE q.outlets > 1 AND o.name IN (SELECT value FROM json_each(?1))
                     ORDER BY q.outlets DESC, q.articles DESC, q.cluster",
                )
                .map_err(|e| self.err(e))?;
            let mut rows = stmt.query([names]).map_err(|e| self.err(e))?;
            let mut current: Option<i64> = None;
            let mut carriers: Vec<usize> = Vec::with_capacity(n);
            let mut give = |cluster: i64, carriers: &mut Vec<usize>, wanted: &mut usize| {
                carriers.sort_unstable();
                for (i, &a) in carriers.iter().enumerate() {
                    for &b in &carriers[i + 1..] {
                        if let Some(&k) = slot.get(&(a, b))
                            && chosen[k].len() < per_pair
                        {
                            chosen[k].push(cluster);
                            *wanted = wanted.saturating_sub(1);
                        }
                    }
                }
                carriers.clear();
            };
            while let Some(r) = rows.next().map_err(|e| self.err(e))? {
                let cluster: i64 = r.get(0).map_err(|e| self.err(e))?;
                let name: String = r.get(1).map_err(|e| self.err(e))?;
                if current != Some(cluster) {
                    if let Some(c) = current {
                        give(c, &mut carriers, &mut wanted);
                        if wanted == 0 {
                            break;
                        }
                    }
                    current = Some(cluster);
                }
                if let Some(&i) = index.get(name.as_str()) {
                    carriers.push(i);
                }
            }
            if let Some(c) = current
                && wanted > 0
            {
                give(c, &mut carriers, &mut wanted);
            }
        }
        let ids: Vec<i64> = {
            let mut all: Vec<i64> = chosen.iter().flatten().copied().collect();
            all.sort_unstable();
            all.dedup();
            all
        };
        let ids = serde_json::to_string(&ids).expect("integers serialize");
        let quotes: HashMap<i64, Quote> = self
            .rows(
                "SELECT cluster, speaker, canonical_text, outlets FROM report_quote_spread
                 WHERE cluster IN (SELECT value FROM json_each(?1))",
                params![ids],
                |r| Ok((r.get(0)?, Quote { speaker: r.get(1)?, text: r.get(2)?, outlets: r.get(3)? })),
            )?
            .into_iter()
            .collect();
        for (p, ids) in pairs.iter_mut().zip(chosen) {
            p.quotes = ids.iter().filter_map(|id| quotes.get(id).cloned()).collect();
        }
        Ok(())
    }

    /// The most widely carried quotations printed in more than one wording,
    /// with their wordings (`report_quote_variants`).
    fn variants(&self, limits: &Limits, total: usize) -> Result<Listed<Variant>> {
        let top: Vec<i64> = self.rows(
            "SELECT cluster FROM report_quote_spread WHERE cluster IN (SELECT cluster FROM report_quote_variants)
             ORDER BY outlets DESC, articles DESC, cluster LIMIT ?1",
            params![limit(limits.variants)],
            |r| r.get(0),
        )?;
        let ids = serde_json::to_string(&top).expect("integers serialize");
        let mut by_id: HashMap<i64, Variant> = HashMap::new();
        // The view lists each quotation's canonical wording first, then the
        // others by articles.
        for (cluster, speaker, canonical_text, wording) in self.rows(
            "SELECT cluster, speaker, canonical_text, wording, canonical, outlets, articles FROM report_quote_variants
             WHERE cluster IN (SELECT value FROM json_each(?1))",
            params![ids],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                    Wording {
                        text: r.get(3)?,
                        canonical: r.get::<_, i64>(4)? != 0,
                        outlets: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                        articles: r.get(6)?,
                    },
                ))
            },
        )? {
            let v = by_id.entry(cluster).or_insert_with(|| Variant {
                cluster,
                speaker,
                canonical_text,
                wordings: Listed::default(),
            });
            v.wordings.total += 1;
            if v.wordings.items.len() < limits.wordings {
                v.wordings.items.push(wording);
            }
        }
        Ok(Listed { items: top.iter().filter_map(|id| by_id.remove(id)).collect(), total })
    }

    /// Claim coverage per outlet and the largest conflicts.
    fn claims(&self, limits: &Limits, count: &dyn Fn(&str) -> Result<usize>) -> Result<Claims> {
        Ok(Claims {
            coverage: Listed {
                items: self.rows(
                    "SELECT outlet, stated, shared, only_here, conflicts FROM report_claim_coverage
                     ORDER BY stated DESC, shared DESC, outlet LIMIT ?1",
                    params![limit(limits.coverage)],
                    |r| {
                        Ok(Coverage {
                            outlet: r.get(0)?,
                            stated: r.get(1)?,
                            shared: r.get(2)?,
                            only_here: r.get(3)?,
                            conflicts: r.get(4)?,
                        })
                    },
                )?,
                total: count("SELECT count(*) FROM report_claim_coverage")?,
            },
            conflicts: Listed {
                items: self.rows(
                    "SELECT subject, outlet_a, figure_a, claim_a, outlet_b, figure_b, claim_b, difference_pct
                     FROM report_claim_conflicts LIMIT ?1",
                    params![limit(limits.conflicts)],
                    |r| {
                        Ok(Conflict {
                            subject: r.get(0)?,
                            outlet_a: r.get(1)?,
                            figure_a: r.get(2)?,
                            claim_a: r.get(3)?,
                            outlet_b: r.get(4)?,
                            figure_b: r.get(5)?,
                            claim_b: r.get(6)?,
                            difference_pct: r.get(7)?,
                        })
                    },
                )?,
                total: count("SELECT count(*) FROM report_claim_conflicts")?,
            },
        })
    }

    /// Every row of `sql`, each read by `read`.
    fn rows<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        read: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.err(e))?;
        stmt.query_map(params, read)
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<T>>>()
            .map_err(|e| self.err(e))
    }
}

/// A limit as SQL's `LIMIT` takes it.
fn limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
