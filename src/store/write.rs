//! Writing articles, quotes and import bookkeeping. Each article is written
//! in one transaction: it is in the archive whole, or not at all.

use super::{Archive, Result, speakers};
use crate::extract::Quote;
use crate::ingest::{self, Document, join_paragraphs};
use rusqlite::{OptionalExtension, Transaction, params};

/// What saving a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// A new article.
    Imported(i64),
    /// Already archived; its metadata (from a changed manifest) was updated.
    Updated(i64),
    /// Already archived with the same metadata; nothing changed.
    Unchanged(i64),
}

/// Counts of one import run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunCounts {
    /// New articles.
    pub imported: u64,
    /// Articles whose metadata changed.
    pub updated: u64,
    /// Articles already archived as they are.
    pub unchanged: u64,
    /// Inputs that failed.
    pub failed: u64,
}

impl Archive {
    /// Starts an import run and returns its id.
    pub fn begin_run(&mut self, command: &str) -> Result<i64> {
        self.conn.execute("INSERT INTO import_runs(command) VALUES (?1)", [command]).map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records the counts and end time of a run.
    pub fn finish_run(&mut self, run: i64, c: RunCounts) -> Result<()> {
        self.conn
            .execute(
                "UPDATE import_runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
                        imported = ?2, updated = ?3, unchanged = ?4, failed = ?5 WHERE id = ?1",
                params![run, c.imported as i64, c.updated as i64, c.unchanged as i64, c.failed as i64],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Records a failed input of a run.
    pub fn record_error(&mut self, run: i64, e: &ingest::Error) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO import_errors(run_id, path, line, message) VALUES (?1, ?2, ?3, ?4)",
                params![run, e.path, e.line.map(|l| l as i64), e.message],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Saves a document and its quotes in one transaction. A document whose
    /// text is archived already only has its metadata brought up to date.
    pub fn save(&mut self, doc: &Document, quotes: &[Quote], run: i64) -> Result<Saved> {
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|source| super::Error::Sqlite { path: path.clone(), source })?;
        let saved =
            save_in(&tx, doc, quotes, run).map_err(|source| super::Error::Sqlite { path: path.clone(), source })?;
        tx.commit().map_err(|source| super::Error::Sqlite { path, source })?;
        Ok(saved)
    }
}

/// The metadata of a stored article that a manifest can change.
#[derive(Debug, PartialEq, Eq)]
struct StoredMeta {
    outlet_id: i64,
    url: Option<String>,
    title: Option<String>,
    author: Option<String>,
    published: Option<String>,
    language: Option<String>,
}

fn save_in(tx: &Transaction, doc: &Document, quotes: &[Quote], run: i64) -> rusqlite::Result<Saved> {
    let outlet_id = outlet_id(tx, &doc.outlet)?;
    let m = &doc.meta;
    let wanted = StoredMeta {
        outlet_id,
        url: m.url.clone(),
        title: doc.title().map(str::to_owned),
        author: m.author.clone(),
        published: m.published.clone(),
        language: m.language.clone(),
    };
    let existing = tx
        .query_row(
            "SELECT id, outlet_id, url, title, author, published_at, language FROM articles WHERE content_sha256 = ?1",
            [&doc.content_sha256],
            |r| {
                let stored = StoredMeta {
                    outlet_id: r.get(1)?,
                    url: r.get(2)?,
                    title: r.get(3)?,
                    author: r.get(4)?,
                    published: r.get(5)?,
                    language: r.get(6)?,
                };
                Ok((r.get::<_, i64>(0)?, stored))
            },
        )
        .optional()?;
    let title = wanted.title.clone();
    if let Some((id, stored)) = existing {
        if stored == wanted {
            // An outlet row made for this document and not needed after all.
            drop_unused_outlet(tx, outlet_id)?;
            return Ok(Saved::Unchanged(id));
        }
        let old_outlet = stored.outlet_id;
        tx.execute(
            "UPDATE articles SET outlet_id = ?2, url = ?3, title = ?4, author = ?5, published_at = ?6, language = ?7
             WHERE id = ?1",
            params![id, outlet_id, m.url, title, m.author, m.published, m.language],
        )?;
        // The headline's quotes and the speakers found through it may differ.
        tx.execute("DELETE FROM quotes WHERE article_id = ?1", [id])?;
        insert_quotes(tx, id, quotes)?;
        drop_unused_outlet(tx, old_outlet)?;
        return Ok(Saved::Updated(id));
    }

    let body = join_paragraphs(&doc.body);
    let boilerplate = join_paragraphs(&doc.boilerplate);
    tx.execute(
        "INSERT INTO articles(outlet_id, source_path, url, title, author, published_at, language, dateline,
                              body, boilerplate, content_sha256, word_count, import_run_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            outlet_id,
            doc.source_path,
            m.url,
            title,
            m.author,
            m.published,
            m.language,
            m.dateline,
            body,
            boilerplate,
            doc.content_sha256,
            doc.word_count() as i64,
            run
        ],
    )?;
    let id = tx.last_insert_rowid();
    let raw = zstd::bulk::compress(&doc.raw, 3).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    tx.execute(
        "INSERT INTO sources(article_id, media_type, size, raw_zstd) VALUES (?1, ?2, ?3, ?4)",
        params![id, doc.media_type, doc.raw.len() as i64, raw],
    )?;
    insert_quotes(tx, id, quotes)?;
    Ok(Saved::Imported(id))
}

fn insert_quotes(tx: &Transaction, article: i64, quotes: &[Quote]) -> rusqlite::Result<()> {
    let mut q_stmt = tx.prepare_cached(
        "INSERT INTO quotes(article_id, speaker_id, text, normalized, start, \"end\", paragraph, line, kind, region,
                            cue, speaker_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    // A wording is stored once, however many articles print it; the
    // linker puts new wordings into clusters.
    let mut w_stmt = tx.prepare_cached(
        "INSERT INTO quote_wordings(normalized, text, words, speaker_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(normalized) DO UPDATE SET speaker_id = coalesce(speaker_id, excluded.speaker_id)
         RETURNING id",
    )?;
    let mut u_stmt =
        tx.prepare_cached("INSERT INTO quote_units(quote_id, article_id, seq, wording_id) VALUES (?1, ?2, ?3, ?4)")?;
    for q in quotes {
        let speaker = q.speaker.as_deref().map(|s| speakers::speaker_id(tx, s)).transpose()?;
        // How the article named a person ("U.S. President Donald Trump") is
        // an alias of the speaker; pronouns and role phrases are not.
        if let (Some(id), Some(written)) = (speaker, q.speaker_text.as_deref())
            && is_name_form(written)
        {
            speakers::add_alias(tx, written, id)?;
        }
        q_stmt.execute(params![
            article,
            speaker,
            q.text,
            q.normalized,
            q.start as i64,
            q.end as i64,
            q.paragraph as i64,
            q.line as i64,
            q.kind.as_str(),
            q.region.as_str(),
            q.cue,
            q.speaker_text
        ])?;
        let quote_id = tx.last_insert_rowid();
        for (seq, u) in q.units.iter().enumerate() {
            let words = u.normalized.split(' ').count() as i64;
            let wording: i64 = w_stmt.query_row(params![u.normalized, u.text, words, speaker], |r| r.get(0))?;
            u_stmt.execute(params![quote_id, article, seq as i64, wording])?;
        }
    }
    Ok(())
}

fn outlet_id(tx: &Transaction, name: &str) -> rusqlite::Result<i64> {
    tx.execute("INSERT INTO outlets(name) VALUES (?1) ON CONFLICT(name) DO NOTHING", [name])?;
    tx.query_row("SELECT id FROM outlets WHERE name = ?1", [name], |r| r.get(0))
}

fn drop_unused_outlet(tx: &Transaction, id: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM outlets WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM articles WHERE outlet_id = ?1)", [id])?;
    Ok(())
}

/// A written form that names someone: capitalised, not a pronoun or a
/// phrase led by an article or possessive ("The president", "his aide").
fn is_name_form(written: &str) -> bool {
    let first = written.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(char::is_uppercase)
        && !matches!(
            first.to_lowercase().as_str(),
            "the" | "a" | "an" | "he" | "she" | "it" | "his" | "her" | "their" | "its"
        )
}
