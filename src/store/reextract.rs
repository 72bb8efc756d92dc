//! Re-extraction: stored sources read back, and the articles whose text or
//! quotations came out differently brought up to date in place — their
//! identity (content hash, id, metadata) kept, their body, furniture,
//! quotations and claims replaced.

use super::write::{FirstNew, begin_write, insert_extraction, mark_stale};
use super::{Archive, NewArticle, Result};
use crate::ingest::Meta;
use rusqlite::{OptionalExtension, params};

/// A stored article's source and what is known of it, to extract again.
#[derive(Debug)]
pub struct StoredSource {
    /// The article.
    pub id: i64,
    /// Where it came from.
    pub source_path: String,
    /// The media type it was stored with (a page's names its character set).
    pub media_type: String,
    /// The source bytes.
    pub raw: Vec<u8>,
    /// Its metadata as stored: it wins over what extraction reads again,
    /// since a manifest may have given it.
    pub meta: Meta,
}

/// What an article holds now, to compare with a new extraction.
#[derive(Debug, PartialEq, Eq)]
pub struct StoredText {
    /// `articles.body`.
    pub body: String,
    /// `articles.boilerplate`.
    pub boilerplate: String,
    /// Quotes as (region, start, text, speaker as written), in order. The
    /// speaker as written, not the speaker row: linking may have joined a
    /// short name to a full one since, which no extraction repeats.
    pub quotes: Vec<(String, i64, String, Option<String>)>,
}

/// Which stored sources to read.
#[derive(Debug, Default, Clone)]
pub struct Selection {
    /// Only this outlet's articles.
    pub outlet: Option<String>,
    /// Only articles published on or after this date.
    pub since: Option<String>,
}

impl Archive {
    /// The next `limit` sources of selected articles with ids above `after`,
    /// in id order, so a caller can page through any number of them.
    pub fn stored_sources(&self, sel: &Selection, after: i64, limit: usize) -> Result<Vec<StoredSource>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.source_path, s.media_type, s.raw_zstd, o.name, a.url, a.title, a.author,
                        a.published_at, CASE WHEN a.language_source = 'given' THEN a.language END, a.dateline
                 FROM articles a JOIN sources s ON s.article_id = a.id JOIN outlets o ON o.id = a.outlet_id
                 WHERE a.id > ?1 AND (?2 IS NULL OR o.name = ?2) AND (?3 IS NULL OR a.published_at >= ?3)
                 ORDER BY a.id LIMIT ?4",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map(params![after, sel.outlet, sel.since, limit as i64], |r| {
                let zstd: Vec<u8> = r.get(3)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    zstd,
                    Meta {
                        outlet: r.get(4)?,
                        url: r.get(5)?,
                        title: r.get(6)?,
                        author: r.get(7)?,
                        published: r.get(8)?,
                        language: r.get(9)?,
                        dateline: r.get(10)?,
                        primary: None,
                    },
                ))
            })
            .map_err(|e| self.sql(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, source_path, media_type, zstd, meta) = row.map_err(|e| self.sql(e))?;
            // A source that does not decompress is reported as the article's
            // error by the caller; it is never silently skipped.
            let raw = zstd::decode_all(zstd.as_slice()).unwrap_or_default();
            out.push(StoredSource { id, source_path, media_type, raw, meta });
        }
        Ok(out)
    }

    /// The stored text and quotations of an article.
    pub fn stored_text(&self, id: i64) -> Result<Option<StoredText>> {
        let head = self
            .conn
            .prepare_cached("SELECT body, boilerplate FROM articles WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| Ok((r.get(0)?, r.get(1)?))).optional())
            .map_err(|e| self.sql(e))?;
        let Some((body, boilerplate)) = head else { return Ok(None) };
        let quotes = self
            .conn
            .prepare_cached(
                "SELECT region, start, text, speaker_text FROM quotes WHERE article_id = ?1 ORDER BY region, start, id",
            )
            .and_then(|mut s| {
                s.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| self.sql(e))?;
        Ok(Some(StoredText { body, boilerplate, quotes }))
    }

    /// Replaces the extraction of stored articles, all in one transaction:
    /// body, furniture, word count and title, quotations and claims. Their
    /// summaries are marked stale and new quotations indexed; linking
    /// afterwards places the new wordings and claims.
    pub fn replace_extractions(&mut self, articles: &[(i64, NewArticle)]) -> Result<()> {
        let path = self.path.clone();
        let sql = |source| super::Error::Sqlite { path: path.clone(), source };
        let tx = begin_write(&mut self.conn, &mut self.known).map_err(sql)?;
        let fresh = FirstNew::read(&tx).map_err(sql)?;
        for (id, article) in articles {
            let outlet: Option<i64> = tx
                .prepare_cached("SELECT outlet_id FROM articles WHERE id = ?1")
                .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
                .map_err(sql)?;
            // Deleted by another process since it was read: nothing to update.
            let Some(outlet) = outlet else { continue };
            mark_stale(&tx, *id, outlet, outlet).map_err(sql)?;
            let doc = &article.doc;
            tx.prepare_cached(
                "UPDATE articles SET body = ?2, boilerplate = ?3, word_count = ?4, title = coalesce(title, ?5)
                 WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.execute(params![id, article.body(), article.boilerplate(), article.word_count(), doc.title()])
            })
            .map_err(sql)?;
            tx.prepare_cached("DELETE FROM quotes WHERE article_id = ?1")
                .and_then(|mut s| s.execute([id]))
                .map_err(sql)?;
            tx.prepare_cached("DELETE FROM claims WHERE article_id = ?1")
                .and_then(|mut s| s.execute([id]))
                .map_err(sql)?;
            insert_extraction(&tx, *id, outlet, article, &mut self.known).map_err(sql)?;
        }
        let replaced: Vec<i64> = articles.iter().map(|(id, _)| *id).collect();
        fresh.index(&tx, &replaced).map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(())
    }

    fn sql(&self, source: rusqlite::Error) -> super::Error {
        super::Error::Sqlite { path: self.path.clone(), source }
    }
}
