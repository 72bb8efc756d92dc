//! Full-text search over articles and quotations (the FTS5 tables
//! `articles_fts` and `quotes_fts`, written by the importer).

use super::{Archive, Error, Result};
use rusqlite::{OptionalExtension, params};

/// What a search is limited to.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only this outlet (its name).
    pub outlet: Option<String>,
    /// Only quotations of this speaker, and articles quoting them (name or
    /// alias).
    pub speaker: Option<String>,
    /// Only articles in this language (ISO 639-1 code).
    pub language: Option<String>,
    /// Only articles published on or after this date (YYYY-MM-DD).
    pub since: Option<String>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    pub until: Option<String>,
    /// Search quotations only.
    pub quotes_only: bool,
    /// Search articles only.
    pub articles_only: bool,
    /// Also page furniture: boilerplate quotations and mentions.
    pub all: bool,
    /// At most this many hits.
    pub limit: u32,
}

/// One article or quotation found.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// A quotation (else an article).
    pub quote: Option<QuoteHit>,
    /// The article (the quotation's article for a quotation).
    pub article: i64,
    /// Its outlet.
    pub outlet: String,
    /// Its publication date as stored.
    pub published: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Its language.
    pub language: Option<String>,
    /// Its URL.
    pub url: Option<String>,
    /// The text searched: the article's title and body, or the quotation.
    pub text: String,
    /// bm25 score: lower is a better match.
    pub score: f64,
}

/// What a quotation hit adds.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteHit {
    /// The quote's id (`quotes.id`).
    pub id: i64,
    /// Who said it.
    pub speaker: Option<String>,
    /// The quotation (cluster) it belongs to, if linked.
    pub quotation: Option<i64>,
    /// How many outlets carried that quotation.
    pub outlets: Option<i64>,
}

/// An FTS5 error about the query, said so that a user can mend it.
fn bad_query(query: &str, e: &rusqlite::Error) -> Option<Error> {
    let msg = e.to_string();
    let reason = if let Some(rest) = msg.strip_prefix("fts5: syntax error near ") {
        let near = rest.trim_matches('"');
        if near.is_empty() { "the query ends too soon".to_owned() } else { format!("cannot read it near “{near}”") }
    } else if let Some(col) = msg.strip_prefix("no such column: ") {
        format!("no column '{col}' to search in (articles have title and body, quotations text)")
    } else if msg.starts_with("fts5:") || msg.contains("unknown special query") {
        msg.trim_start_matches("fts5: ").to_owned()
    } else {
        return None;
    };
    Some(Error::BadQuery { query: query.to_owned(), reason })
}

impl Archive {
    /// The best `filter.limit` hits for `fts` (an FTS5 query already
    /// rewritten for the index), articles and quotations together, best
    /// first. `shown` is the query as the user wrote it, for errors.
    pub fn search(&self, fts: &str, shown: &str, filter: &Filter) -> Result<Vec<Hit>> {
        let speaker = match &filter.speaker {
            Some(name) => Some(
                super::speakers::lookup(&self.conn, name)
                    .map_err(|e| self.err(e))?
                    .ok_or_else(|| Error::NoSuchSpeaker(name.clone()))?,
            ),
            None => None,
        };
        // Both tables at once, the quotations on a connection of their own:
        // a word in most of the archive takes as long to rank in either.
        let (articles, quotes) = std::thread::scope(|s| -> Result<_> {
            let quotes = (!filter.quotes_only && !filter.articles_only).then(|| {
                let path = std::path::PathBuf::from(&self.path);
                s.spawn(move || -> Result<rusqlite::Result<Vec<Hit>>> {
                    let (other, _) = Archive::read_only(&path)?;
                    Ok(other.search_quotes(fts, filter, speaker))
                })
            });
            let articles = (!filter.quotes_only).then(|| self.search_articles(fts, filter, speaker));
            let quotes = match quotes {
                Some(handle) => Some(handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?),
                None => (!filter.articles_only).then(|| self.search_quotes(fts, filter, speaker)),
            };
            Ok((articles, quotes))
        })?;
        let mut hits = Vec::new();
        // A column filter names one table's column: the other table then
        // has nothing to give, which is not an error unless both refuse.
        let mut refused = Vec::new();
        for result in [articles, quotes].into_iter().flatten() {
            match result {
                Ok(h) => hits.extend(h),
                Err(e) => refused.push(bad_query(shown, &e).ok_or_else(|| self.err(e))?),
            }
        }
        let searched = usize::from(!filter.quotes_only) + usize::from(!filter.articles_only);
        let column_only =
            refused.iter().all(|e| matches!(e, Error::BadQuery { reason, .. } if reason.starts_with("no column")));
        if !refused.is_empty() && (refused.len() == searched || !column_only) {
            return Err(refused.remove(0));
        }
        hits.sort_by(|a, b| a.score.total_cmp(&b.score));
        hits.truncate(filter.limit as usize);
        Ok(hits)
    }

    fn search_articles(&self, fts: &str, f: &Filter, speaker: Option<i64>) -> rusqlite::Result<Vec<Hit>> {
        // The best hits are chosen from the index and its scores alone, and
        // only they are read whole: a word in nearly every article would
        // otherwise read every body.
        let filtered =
            f.outlet.is_some() || f.language.is_some() || f.since.is_some() || f.until.is_some() || speaker.is_some();
        let best = if filtered {
            "SELECT articles_fts.rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score
             FROM articles_fts
             JOIN articles a ON a.id = articles_fts.rowid
             JOIN outlets o ON o.id = a.outlet_id
             WHERE articles_fts MATCH ?1
               AND (?2 IS NULL OR o.name = ?2)
               AND (?3 IS NULL OR a.language = ?3)
               AND (?4 IS NULL OR substr(a.published_at, 1, 10) >= ?4)
               AND (?5 IS NULL OR substr(a.published_at, 1, 10) <= ?5)
               AND (?6 IS NULL OR a.id IN (SELECT article_id FROM quotes WHERE speaker_id = ?6))
             ORDER BY score LIMIT ?7"
        } else {
            // Words in a title say more about an article than words in its body.
            "SELECT rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts
             WHERE articles_fts MATCH ?1 AND coalesce(?2, ?3, ?4, ?5, ?6) IS NULL
             ORDER BY score LIMIT ?7"
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "WITH best AS ({best})
             SELECT a.id, o.name, a.published_at, a.title, a.language, a.url,
                    coalesce(a.title || char(10) || char(10), '') || a.body, best.score
             FROM best JOIN articles a ON a.id = best.id JOIN outlets o ON o.id = a.outlet_id
             ORDER BY best.score"
        ))?;
        let rows = stmt.query_map(params![fts, f.outlet, f.language, f.since, f.until, speaker, f.limit], |r| {
            Ok(Hit {
                quote: None,
                article: r.get(0)?,
                outlet: r.get(1)?,
                published: r.get(2)?,
                title: r.get(3)?,
                language: r.get(4)?,
                url: r.get(5)?,
                text: r.get(6)?,
                score: r.get(7)?,
            })
        })?;
        rows.collect()
    }

    fn search_quotes(&self, fts: &str, f: &Filter, speaker: Option<i64>) -> rusqlite::Result<Vec<Hit>> {
        // As for articles: the best hits first, then what is shown of them.
        let filtered = f.outlet.is_some() || f.language.is_some() || f.since.is_some() || f.until.is_some();
        let article_filter = if filtered {
            "AND q.article_id IN (SELECT a.id FROM articles a JOIN outlets o ON o.id = a.outlet_id
                                  WHERE (?2 IS NULL OR o.name = ?2)
                                    AND (?3 IS NULL OR a.language = ?3)
                                    AND (?4 IS NULL OR substr(a.published_at, 1, 10) >= ?4)
                                    AND (?5 IS NULL OR substr(a.published_at, 1, 10) <= ?5))"
        } else {
            "AND coalesce(?2, ?3, ?4, ?5) IS NULL"
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "WITH ranked AS (
                SELECT rowid AS id, bm25(quotes_fts) AS score FROM quotes_fts WHERE quotes_fts MATCH ?1
                ORDER BY score LIMIT ?9),
             best AS (
                SELECT q.id, ranked.score FROM ranked JOIN quotes q ON q.id = ranked.id
                WHERE (?6 IS NULL OR q.speaker_id = ?6)
                  AND (?8 OR (q.kind <> 'mention' AND q.region <> 'boilerplate'))
                  {article_filter}
                ORDER BY ranked.score LIMIT ?7)
             SELECT q.id, s.name, a.id, o.name, a.published_at, a.title, a.language, a.url, q.text, best.score,
                    (SELECT coalesce(c.fragment_of, c.id) FROM quote_units u
                     JOIN quote_wordings w ON w.id = u.wording_id JOIN quote_clusters c ON c.id = w.cluster_id
                     WHERE u.quote_id = q.id ORDER BY u.seq LIMIT 1) AS quotation
             FROM best
             JOIN quotes q ON q.id = best.id
             JOIN articles a ON a.id = q.article_id
             JOIN outlets o ON o.id = a.outlet_id
             LEFT JOIN speakers s ON s.id = q.speaker_id
             ORDER BY best.score"
        ))?;
        // Unfiltered, the best few hundred by score hold the best hits that
        // are not furniture or mentions, and only they are looked up; should
        // too few be left, every match is.
        let shortlist = if filtered || speaker.is_some() { -1 } else { i64::from(f.limit) * 4 + 64 };
        let mut run = |shortlist: i64| -> rusqlite::Result<Vec<Hit>> {
            let params = params![fts, f.outlet, f.language, f.since, f.until, speaker, f.limit, f.all, shortlist];
            let rows = stmt.query_map(params, |r| {
                Ok(Hit {
                    quote: Some(QuoteHit { id: r.get(0)?, speaker: r.get(1)?, quotation: r.get(10)?, outlets: None }),
                    article: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    title: r.get(5)?,
                    language: r.get(6)?,
                    url: r.get(7)?,
                    text: r.get(8)?,
                    score: r.get(9)?,
                })
            })?;
            rows.collect()
        };
        let mut hits = run(shortlist)?;
        if shortlist >= 0 && hits.len() < f.limit as usize {
            hits = run(-1)?;
        }
        let mut outlets = self.conn.prepare_cached("SELECT outlets FROM cluster_stats WHERE cluster_id = ?1")?;
        for h in &mut hits {
            if let Some(q) = h.quote.as_mut()
                && let Some(c) = q.quotation
            {
                q.outlets = outlets.query_row([c], |r| r.get(0)).optional()?;
            }
        }
        Ok(hits)
    }
}
