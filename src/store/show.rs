//! One article, quotation or speaker with everything the archive knows of
//! it, for `newsarchive show`.

use super::{Archive, Error, Result};
use rusqlite::{OptionalExtension, Row, params};

/// An article with its quotations.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ArticleView {
    /// Its id.
    pub id: i64,
    /// Its outlet.
    pub outlet: String,
    /// Title, author, URL, date as stored, language, dateline.
    pub title: Option<String>,
    /// The byline.
    pub author: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// When, as stored (ISO 8601).
    pub published: Option<String>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    /// The place of a dateline.
    pub dateline: Option<String>,
    /// The article's own paragraphs, separated by blank lines.
    pub body: String,
    /// What the importer set aside (promotions, captions, related links).
    pub boilerplate: String,
    /// SHA-256 of its text.
    pub sha256: String,
    /// Words of the body.
    pub words: i64,
    /// The file it came from.
    pub source_path: String,
    /// Media type of the stored source.
    pub media_type: Option<String>,
    /// Every quotation in it, in order of region and offset.
    pub quotes: Vec<MarkedQuote>,
}

/// A quotation as printed in an article.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MarkedQuote {
    /// Its id (`quotes.id`).
    pub id: i64,
    /// `body`, `headline` or `boilerplate`.
    pub region: String,
    /// `full`, `partial` or `mention`.
    pub kind: String,
    /// Character offsets into the region's text.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The speaker it is attributed to.
    pub speaker: Option<String>,
    /// The reporting verb or phrase.
    pub cue: Option<String>,
    /// How the article named the speaker.
    pub speaker_text: Option<String>,
    /// The quotations (clusters) its sentences belong to, in order; empty
    /// until linked.
    pub quotations: Vec<QuotationRef>,
}

/// A quotation a quote belongs to, and how far it travelled.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct QuotationRef {
    /// The quotation's id.
    pub id: i64,
    /// How many outlets carried it.
    pub outlets: i64,
    /// How many quotations in other languages are its translations.
    pub translations: i64,
}

/// A quotation (cluster) and where its words appear.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct QuotationView {
    /// Its id.
    pub id: i64,
    /// The most widely carried wording.
    pub canonical: String,
    /// Who said it.
    pub speaker: Option<String>,
    /// Its language.
    pub language: Option<String>,
    /// The longer quotation this one is a fragment of.
    pub fragment_of: Option<i64>,
    /// Outlets, articles, first publication and its outlet.
    pub outlets: i64,
    /// Articles that carried it.
    pub articles: i64,
    /// When it was first published.
    pub first_published: Option<String>,
    /// Who published it first.
    pub first_outlet: Option<String>,
    /// Each wording, the canonical first.
    pub wordings: Vec<WordingView>,
    /// Each article it appears in (at most [`APPEARANCES`]).
    pub appearances: Vec<Appearance>,
    /// How many articles in all.
    pub appearances_total: i64,
    /// Shorter quotations that are parts of it: (id, wording, outlets).
    pub fragments: Vec<(i64, String, i64)>,
    /// Its translations: (id, language, wording, outlets).
    pub translations: Vec<(i64, Option<String>, String, Option<String>)>,
    /// Each article's printing of it checked against the record of the
    /// event, where there is one.
    pub record: Vec<RecordCheck>,
}

/// An article's quotation beside the record's words.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RecordCheck {
    /// The outlet.
    pub outlet: String,
    /// The article.
    pub article: i64,
    /// The quotation as the article printed it.
    pub printed: String,
    /// verbatim, trimmed, altered, stitched, misattributed, translated or
    /// not_in_record.
    pub class: String,
    /// Who said the words in the record.
    pub said_by: Option<String>,
    /// The record's words.
    pub record_words: Option<String>,
    /// Word edits from the record's words to the printed ones.
    pub diff: Option<String>,
    /// The record's title.
    pub transcript: Option<String>,
}

/// How many articles `show quote` lists.
pub const APPEARANCES: i64 = 100;

/// One wording of a quotation.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct WordingView {
    /// The words as first printed.
    pub text: String,
    /// The canonical wording.
    pub canonical: bool,
    /// Outlets that printed it, as a list.
    pub outlets: Option<String>,
    /// Articles that printed it.
    pub articles: i64,
}

/// An article a quotation appears in.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Appearance {
    /// The article.
    pub article: i64,
    /// Its outlet.
    pub outlet: String,
    /// Its date.
    pub published: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// The quote as that article printed it.
    pub text: String,
}

/// A speaker and what they said.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SpeakerView {
    /// The name.
    pub name: String,
    /// person, role, organisation or anonymous.
    pub kind: String,
    /// Other names for them.
    pub aliases: Vec<String>,
    /// Quotes, articles, outlets.
    pub quotes: i64,
    /// Articles quoting them.
    pub articles: i64,
    /// Outlets quoting them.
    pub outlets: i64,
    /// First and last date quoted.
    pub first_quoted: Option<String>,
    /// Last date quoted.
    pub last_quoted: Option<String>,
    /// Quotes per outlet, most first.
    pub by_outlet: Vec<(String, i64)>,
    /// Their quotations, most widely carried first (at most
    /// [`SPEAKER_QUOTATIONS`]), each with its wordings.
    pub quotations: Vec<(i64, String, i64, Vec<WordingView>)>,
    /// How many quotations in all.
    pub quotations_total: i64,
}

/// How many quotations `show speaker` lists.
pub const SPEAKER_QUOTATIONS: i64 = 20;

fn opt_text(r: &Row, i: usize) -> rusqlite::Result<Option<String>> {
    r.get(i)
}

impl Archive {
    /// The article with this id, URL or content hash (a prefix of at least
    /// six hex digits will do).
    pub fn article_view(&self, key: &str) -> Result<ArticleView> {
        let sql = |e| self.err(e);
        let key = key.trim();
        let id: Option<i64> = if let Ok(id) = key.parse::<i64>() {
            self.conn.query_row("SELECT id FROM articles WHERE id = ?1", [id], |r| r.get(0)).optional().map_err(sql)?
        } else if key.contains("://") {
            self.conn
                .query_row("SELECT id FROM articles WHERE url = ?1 ORDER BY id LIMIT 1", [key], |r| r.get(0))
                .optional()
                .map_err(sql)?
        } else if key.len() >= 6 && key.chars().all(|c| c.is_ascii_hexdigit()) {
            let ids: Vec<i64> = self
                .conn
                .prepare("SELECT id FROM articles WHERE content_sha256 >= ?1 AND content_sha256 < ?1 || 'g' LIMIT 2")
                .and_then(|mut s| s.query_map([key.to_lowercase()], |r| r.get(0))?.collect())
                .map_err(sql)?;
            if ids.len() > 1 {
                return Err(Error::NotFound(format!(
                    "more than one article's hash starts with {key}; give more digits"
                )));
            }
            ids.first().copied()
        } else {
            None
        };
        let id = id.ok_or_else(|| {
            Error::NotFound(format!(
                "no article with id, URL or hash '{key}' (`newsarchive search WORDS` finds articles by their words)"
            ))
        })?;
        let mut view = self
            .conn
            .query_row(
                "SELECT a.id, o.name, a.title, a.author, a.url, a.published_at, a.language, a.dateline, a.body,
                        a.boilerplate, a.content_sha256, a.word_count, a.source_path, s.media_type
                 FROM articles a JOIN outlets o ON o.id = a.outlet_id LEFT JOIN sources s ON s.article_id = a.id
                 WHERE a.id = ?1",
                [id],
                |r| {
                    Ok(ArticleView {
                        id: r.get(0)?,
                        outlet: r.get(1)?,
                        title: opt_text(r, 2)?,
                        author: opt_text(r, 3)?,
                        url: opt_text(r, 4)?,
                        published: opt_text(r, 5)?,
                        language: opt_text(r, 6)?,
                        dateline: opt_text(r, 7)?,
                        body: r.get(8)?,
                        boilerplate: r.get(9)?,
                        sha256: r.get(10)?,
                        words: r.get(11)?,
                        source_path: r.get(12)?,
                        media_type: opt_text(r, 13)?,
                        quotes: Vec::new(),
                    })
                },
            )
            .map_err(sql)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT q.id, q.region, q.kind, q.start, q.\"end\", s.name, q.cue, q.speaker_text
                 FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id
                 WHERE q.article_id = ?1 ORDER BY q.region, q.start",
            )
            .map_err(sql)?;
        view.quotes = stmt
            .query_map([id], |r| {
                Ok(MarkedQuote {
                    id: r.get(0)?,
                    region: r.get(1)?,
                    kind: r.get(2)?,
                    start: r.get::<_, i64>(3)?.max(0) as usize,
                    end: r.get::<_, i64>(4)?.max(0) as usize,
                    speaker: opt_text(r, 5)?,
                    cue: opt_text(r, 6)?,
                    speaker_text: opt_text(r, 7)?,
                    quotations: Vec::new(),
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(sql)?;
        // A quote of several sentences may belong to several quotations.
        let mut stmt = self
            .conn
            .prepare(
                "WITH c AS (SELECT coalesce(c.fragment_of, c.id) AS id, min(u.seq) AS seq FROM quote_units u
                            JOIN quote_wordings w ON w.id = u.wording_id
                            JOIN quote_clusters c ON c.id = w.cluster_id
                            WHERE u.quote_id = ?1 GROUP BY 1)
                 SELECT c.id, coalesce(cs.outlets, 0),
                        (SELECT count(*) FROM quote_statements x JOIN quote_statements y ON y.statement_id = x.statement_id
                         WHERE x.cluster_id = c.id AND y.cluster_id <> c.id)
                 FROM c LEFT JOIN cluster_stats cs ON cs.cluster_id = c.id ORDER BY c.seq",
            )
            .map_err(sql)?;
        for q in &mut view.quotes {
            q.quotations = stmt
                .query_map([q.id], |r| Ok(QuotationRef { id: r.get(0)?, outlets: r.get(1)?, translations: r.get(2)? }))
                .and_then(|rows| rows.collect())
                .map_err(sql)?;
        }
        Ok(view)
    }

    /// The quotation (cluster) with this id.
    pub fn quotation_view(&self, id: i64) -> Result<QuotationView> {
        let sql = |e| self.err(e);
        let mut view = self
            .conn
            .query_row(
                "SELECT c.id, c.canonical_text, s.name, c.language, c.fragment_of, coalesce(cs.outlets, 0),
                        coalesce(cs.articles, 0), cs.first_published, o.name
                 FROM quote_clusters c LEFT JOIN speakers s ON s.id = c.speaker_id
                 LEFT JOIN cluster_stats cs ON cs.cluster_id = c.id LEFT JOIN outlets o ON o.id = cs.first_outlet_id
                 WHERE c.id = ?1",
                [id],
                |r| {
                    Ok(QuotationView {
                        id: r.get(0)?,
                        canonical: r.get(1)?,
                        speaker: opt_text(r, 2)?,
                        language: opt_text(r, 3)?,
                        fragment_of: r.get(4)?,
                        outlets: r.get(5)?,
                        articles: r.get(6)?,
                        first_published: opt_text(r, 7)?,
                        first_outlet: opt_text(r, 8)?,
                        wordings: Vec::new(),
                        appearances: Vec::new(),
                        appearances_total: 0,
                        record: Vec::new(),
                        fragments: Vec::new(),
                        translations: Vec::new(),
                    })
                },
            )
            .optional()
            .map_err(sql)?
            .ok_or_else(|| {
                Error::NotFound(format!(
                    "no quotation {id} (`newsarchive report quotes` lists quotations; \
                     `newsarchive search --quotes-only WORDS` finds them by their words)"
                ))
            })?;
        view.wordings = self.wordings(id)?;
        // A fragment's articles are the quotation's too.
        let members = "SELECT ?1 UNION ALL SELECT id FROM quote_clusters WHERE fragment_of = ?1";
        view.appearances_total = self
            .conn
            .query_row(
                &format!(
                    "SELECT count(DISTINCT u.article_id) FROM quote_units u JOIN quote_wordings w ON w.id = u.wording_id
                     WHERE w.cluster_id IN ({members})"
                ),
                [id],
                |r| r.get(0),
            )
            .map_err(sql)?;
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT a.id, o.name, a.published_at, a.title, min(q.text)
                 FROM quote_units u JOIN quote_wordings w ON w.id = u.wording_id
                 JOIN quotes q ON q.id = u.quote_id JOIN articles a ON a.id = u.article_id
                 JOIN outlets o ON o.id = a.outlet_id
                 WHERE w.cluster_id IN ({members})
                 GROUP BY a.id ORDER BY a.published_at IS NULL, a.published_at, o.name, a.id LIMIT ?2"
            ))
            .map_err(sql)?;
        view.appearances = stmt
            .query_map(params![id, APPEARANCES], |r| {
                Ok(Appearance {
                    article: r.get(0)?,
                    outlet: r.get(1)?,
                    published: opt_text(r, 2)?,
                    title: opt_text(r, 3)?,
                    text: r.get(4)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(sql)?;
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT o.name, a.id, q.text, f.class, coalesce(ts.name, t.label),
                        substr(tr.text, f.start + 1, f.\"end\" - f.start), f.diff, tr.title
                 FROM quote_fidelity f JOIN quotes q ON q.id = f.quote_id
                 JOIN articles a ON a.id = q.article_id JOIN outlets o ON o.id = a.outlet_id
                 JOIN transcripts tr ON tr.id = f.transcript_id
                 LEFT JOIN transcript_turns t ON t.id = f.turn_id LEFT JOIN speakers ts ON ts.id = t.speaker_id
                 WHERE q.id IN (SELECT u.quote_id FROM quote_units u JOIN quote_wordings w ON w.id = u.wording_id
                                WHERE w.cluster_id IN ({members}))
                 ORDER BY a.published_at IS NULL, a.published_at, o.name, q.id LIMIT ?2"
            ))
            .map_err(sql)?;
        view.record = stmt
            .query_map(params![id, APPEARANCES], |r| {
                Ok(RecordCheck {
                    outlet: r.get(0)?,
                    article: r.get(1)?,
                    printed: r.get(2)?,
                    class: r.get(3)?,
                    said_by: r.get(4)?,
                    record_words: r.get(5)?,
                    diff: r.get(6)?,
                    transcript: r.get(7)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(sql)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.id, c.canonical_text, coalesce(cs.outlets, 0) FROM quote_clusters c
                 LEFT JOIN cluster_stats cs ON cs.cluster_id = c.id WHERE c.fragment_of = ?1 ORDER BY cs.outlets DESC, c.id",
            )
            .map_err(sql)?;
        view.fragments =
            stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).and_then(|r| r.collect()).map_err(sql)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.id, c.language, c.canonical_text,
                        (SELECT group_concat(name, '; ') FROM (SELECT o.name FROM outlet_clusters oc
                         JOIN outlets o ON o.id = oc.outlet_id WHERE oc.cluster_id = c.id ORDER BY o.name))
                 FROM quote_statements x JOIN quote_statements y ON y.statement_id = x.statement_id
                 JOIN quote_clusters c ON c.id = y.cluster_id
                 WHERE x.cluster_id = ?1 AND y.cluster_id <> ?1 ORDER BY c.language, c.id",
            )
            .map_err(sql)?;
        view.translations = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .and_then(|r| r.collect())
            .map_err(sql)?;
        Ok(view)
    }

    /// The wordings of a quotation, the canonical first, then by articles.
    fn wordings(&self, cluster: i64) -> Result<Vec<WordingView>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT w.text, w.diff IS NULL, ws.outlets, ws.articles FROM wording_stats ws
                 JOIN quote_wordings w ON w.id = ws.wording_id
                 WHERE ws.cluster_id = ?1 ORDER BY w.diff IS NOT NULL, ws.articles DESC, w.id",
            )
            .map_err(|e| self.err(e))?;
        stmt.query_map([cluster], |r| {
            Ok(WordingView { text: r.get(0)?, canonical: r.get(1)?, outlets: r.get(2)?, articles: r.get(3)? })
        })
        .and_then(|r| r.collect())
        .map_err(|e| self.err(e))
    }

    /// The speaker with this name or alias.
    pub fn speaker_view(&self, name: &str) -> Result<SpeakerView> {
        let sql = |e| self.err(e);
        let id = super::speakers::lookup(&self.conn, name)
            .map_err(sql)?
            .ok_or_else(|| Error::NoSuchSpeaker(name.to_owned()))?;
        let mut view = self
            .conn
            .query_row(
                "SELECT s.name, s.kind, coalesce(st.quotes, 0), coalesce(st.articles, 0), coalesce(st.outlets, 0),
                        st.first_quoted, st.last_quoted
                 FROM speakers s LEFT JOIN speaker_stats st ON st.speaker_id = s.id WHERE s.id = ?1",
                [id],
                |r| {
                    Ok(SpeakerView {
                        name: r.get(0)?,
                        kind: r.get(1)?,
                        aliases: Vec::new(),
                        quotes: r.get(2)?,
                        articles: r.get(3)?,
                        outlets: r.get(4)?,
                        first_quoted: opt_text(r, 5)?,
                        last_quoted: opt_text(r, 6)?,
                        by_outlet: Vec::new(),
                        quotations: Vec::new(),
                        quotations_total: 0,
                    })
                },
            )
            .map_err(sql)?;
        view.aliases = self
            .conn
            .prepare("SELECT alias FROM speaker_aliases WHERE speaker_id = ?1 AND alias <> ?2 ORDER BY alias")
            .and_then(|mut s| s.query_map(params![id, view.name], |r| r.get(0))?.collect())
            .map_err(sql)?;
        view.by_outlet = self
            .conn
            .prepare(
                "SELECT o.name, count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
                 JOIN outlets o ON o.id = a.outlet_id
                 WHERE q.speaker_id = ?1 AND q.kind <> 'mention' AND q.region = 'body'
                 GROUP BY o.id ORDER BY count(*) DESC, o.name",
            )
            .and_then(|mut s| s.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(sql)?;
        view.quotations_total = self
            .conn
            .query_row("SELECT count(*) FROM quote_clusters WHERE speaker_id = ?1 AND fragment_of IS NULL", [id], |r| {
                r.get(0)
            })
            .map_err(sql)?;
        let top: Vec<(i64, String, i64)> = self
            .conn
            .prepare(
                "SELECT c.id, c.canonical_text, coalesce(cs.outlets, 0) FROM quote_clusters c
                 LEFT JOIN cluster_stats cs ON cs.cluster_id = c.id
                 WHERE c.speaker_id = ?1 AND c.fragment_of IS NULL
                 ORDER BY cs.outlets DESC, cs.articles DESC, c.id LIMIT ?2",
            )
            .and_then(|mut s| {
                s.query_map(params![id, SPEAKER_QUOTATIONS], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect()
            })
            .map_err(sql)?;
        for (cluster, text, outlets) in top {
            let wordings = self.wordings(cluster)?;
            view.quotations.push((cluster, text, outlets, wordings));
        }
        Ok(view)
    }
}
