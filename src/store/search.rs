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
        let mut hits = Vec::new();
        // A column filter names one table's column: the other table then
        // has nothing to give, which is not an error unless both refuse.
        let mut refused = Vec::new();
        if !filter.quotes_only {
            match self.search_articles(fts, filter, speaker) {
                Ok(h) => hits.extend(h),
                Err(e) => refused.push(bad_query(shown, &e).ok_or_else(|| self.err(e))?),
            }
        }
        if !filter.articles_only {
            match self.search_quotes(fts, filter, speaker) {
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
        // Words in a title say more about an article than words in its body.
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, o.name, a.published_at, a.title, a.language, a.url,
                    coalesce(a.title || char(10) || char(10), '') || a.body, bm25(articles_fts, 4.0, 1.0) AS score
             FROM articles_fts
             JOIN articles a ON a.id = articles_fts.rowid
             JOIN outlets o ON o.id = a.outlet_id
             WHERE articles_fts MATCH ?1
               AND (?2 IS NULL OR o.name = ?2)
               AND (?3 IS NULL OR a.language = ?3)
               AND (?4 IS NULL OR substr(a.published_at, 1, 10) >= ?4)
               AND (?5 IS NULL OR substr(a.published_at, 1, 10) <= ?5)
               AND (?6 IS NULL OR a.id IN (SELECT article_id FROM quotes WHERE speaker_id = ?6))
             ORDER BY score LIMIT ?7",
        )?;
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
        let mut stmt = self.conn.prepare_cached(
            "SELECT q.id, s.name, a.id, o.name, a.published_at, a.title, a.language, a.url, q.text,
                    bm25(quotes_fts) AS score,
                    (SELECT coalesce(c.fragment_of, c.id) FROM quote_units u
                     JOIN quote_wordings w ON w.id = u.wording_id JOIN quote_clusters c ON c.id = w.cluster_id
                     WHERE u.quote_id = q.id ORDER BY u.seq LIMIT 1) AS quotation
             FROM quotes_fts
             JOIN quotes q ON q.id = quotes_fts.rowid
             JOIN articles a ON a.id = q.article_id
             JOIN outlets o ON o.id = a.outlet_id
             LEFT JOIN speakers s ON s.id = q.speaker_id
             WHERE quotes_fts MATCH ?1
               AND (?2 IS NULL OR o.name = ?2)
               AND (?3 IS NULL OR a.language = ?3)
               AND (?4 IS NULL OR substr(a.published_at, 1, 10) >= ?4)
               AND (?5 IS NULL OR substr(a.published_at, 1, 10) <= ?5)
               AND (?6 IS NULL OR q.speaker_id = ?6)
               AND (?8 OR (q.kind <> 'mention' AND q.region <> 'boilerplate'))
             ORDER BY score LIMIT ?7",
        )?;
        let rows =
            stmt.query_map(params![fts, f.outlet, f.language, f.since, f.until, speaker, f.limit, f.all], |r| {
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
        let mut hits: Vec<Hit> = rows.collect::<rusqlite::Result<_>>()?;
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
