//! Writing articles, quotes and import bookkeeping. Each article is written
//! in one transaction: it is in the archive whole, or not at all.

use super::{Archive, Result, claims, speakers};
use crate::extract::{Claim, Extraction, Quote, SpeakerKind};
use crate::ingest::{self, Document, join_paragraphs};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use std::collections::{HashMap, HashSet};

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

/// An article ready to be stored: the document, its quotes and claims, and
/// its source bytes compressed (the costly part, done where the article
/// was prepared).
#[derive(Debug)]
pub struct NewArticle {
    /// The document.
    pub doc: Document,
    /// Its quotes.
    pub quotes: Vec<Quote>,
    /// Its claims.
    pub claims: Vec<Claim>,
    /// The source bytes, zstd-compressed.
    pub raw_zstd: Vec<u8>,
    /// The body as stored.
    body: String,
    /// The page furniture as stored.
    boilerplate: String,
    /// The body's words.
    word_count: i64,
}

impl NewArticle {
    /// The body as it is stored.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The page furniture as it is stored.
    pub fn boilerplate(&self) -> &str {
        &self.boilerplate
    }

    /// The body's word count.
    pub fn word_count(&self) -> i64 {
        self.word_count
    }

    /// Prepares a document and what was extracted from it for storing.
    pub fn new(doc: Document, extraction: Extraction) -> Self {
        let raw_zstd = compress(&doc.raw);
        // Laid out here, on the core that prepared the article: the writer
        // is the import's one serial stage.
        let (body, boilerplate) = (join_paragraphs(&doc.body), join_paragraphs(&doc.boilerplate));
        let word_count = doc.word_count() as i64;
        NewArticle {
            doc,
            quotes: extraction.quotes,
            claims: extraction.claims,
            raw_zstd,
            body,
            boilerplate,
            word_count,
        }
    }
}

/// What the writer already looked up: each outlet, speaker and alias is
/// read once per import instead of once per quote. Emptied when a
/// transaction fails and when linking starts (linking merges speakers).
#[derive(Debug, Default)]
pub(super) struct Known {
    /// Outlet ids by name and site (registered domain).
    outlets: HashMap<(String, Option<String>), i64>,
    speakers: HashMap<String, i64>,
    aliases: HashSet<(String, i64)>,
    /// `PRAGMA data_version` when the ids were read: it changes when
    /// another process commits, which may have merged or removed some.
    data_version: Option<i64>,
}

impl Known {
    pub(super) fn clear(&mut self) {
        *self = Known::default();
    }

    /// The speaker id of a name (created if new), and how the article
    /// wrote it ("U.S. President Donald Trump") recorded as an alias —
    /// pronouns and role phrases are not.
    pub(super) fn speaker(
        &mut self,
        tx: &Connection,
        name: Option<&str>,
        kind: Option<SpeakerKind>,
        written: Option<&str>,
    ) -> rusqlite::Result<Option<i64>> {
        let Some(name) = name else { return Ok(None) };
        let id = match self.speakers.get(name) {
            Some(&id) => id,
            None => {
                let id = speakers::speaker_id(tx, name, kind.unwrap_or(SpeakerKind::Person))?;
                self.speakers.insert(name.to_owned(), id);
                id
            }
        };
        if let Some(written) = written
            && kind.is_none_or(|k| k == SpeakerKind::Person)
            && is_name_form(written, name)
            && self.aliases.insert((written.to_owned(), id))
        {
            speakers::add_alias(tx, written, id)?;
        }
        Ok(Some(id))
    }
}

/// Begins a write transaction. IMMEDIATE takes the write lock up front, so
/// a second writer waits (busy timeout) at the start instead of failing
/// halfway when its read snapshot turns stale. Forgets what the writer
/// knew if another process wrote since.
pub(super) fn begin_write<'c>(conn: &'c mut Connection, known: &mut Known) -> rusqlite::Result<Transaction<'c>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
    if known.data_version != Some(version) {
        known.clear();
        known.data_version = Some(version);
    }
    Ok(tx)
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
    /// The slow path of [`Archive::save_batch`]: a transaction per article.
    fn save_one_by_one(
        &mut self,
        articles: &[NewArticle],
        run: i64,
    ) -> Result<Vec<std::result::Result<Saved, String>>> {
        let path = self.path.clone();
        let sql = |source| super::Error::Sqlite { path: path.clone(), source };
        let mut out = Vec::with_capacity(articles.len());
        for a in articles {
            let tx = begin_write(&mut self.conn, &mut self.known).map_err(sql)?;
            let fresh = FirstNew::read(&tx).map_err(sql)?;
            match save_in(&tx, a, run, &mut self.known, false)
                .and_then(|saved| fresh.index(&tx, &replaced(&[saved])).map(|()| saved))
            {
                Ok(saved) => {
                    tx.commit().map_err(sql)?;
                    out.push(Ok(saved));
                }
                Err(e) => {
                    self.known.clear();
                    out.push(Err(format!("could not be stored: {e}")));
                }
            }
        }
        Ok(out)
    }

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

    /// Saves articles in one transaction. An article is in the archive whole
    /// or not at all, and one that cannot be stored does not stop the others
    /// (its result is the reason). An article whose text is archived
    /// already only has its metadata brought up to date.
    pub fn save_batch(&mut self, articles: &[NewArticle], run: i64) -> Result<Vec<std::result::Result<Saved, String>>> {
        let path = self.path.clone();
        let sql = |source| super::Error::Sqlite { path: path.clone(), source };
        // One transaction for the batch, without a savepoint per article: a
        // savepoint makes SQLite's full-text index flush each time. Should an
        // article fail, the batch is rolled back and stored article by article.
        // A batch of articles all new to the archive only inserts, and each
        // row's parents are rows this transaction wrote or looked up: the
        // parent lookups SQLite makes per row for foreign keys were 11% of
        // a 10k import. A batch that meets an archived article may delete
        // its quotations, which needs the cascades, so it keeps them on.
        // (The pragma cannot change inside a transaction; `check` proves
        // the keys sound either way.)
        let mut unchecked = ForeignKeysOff::set(&mut self.conn).map_err(sql)?;
        let mut tx = begin_write(unchecked.conn, &mut self.known).map_err(sql)?;
        // Known new, each article is not looked up again by its content.
        let known_new = all_new(&tx, articles).map_err(sql)?;
        if !known_new {
            drop(tx);
            unchecked.restore().map_err(sql)?;
            tx = begin_write(unchecked.conn, &mut self.known).map_err(sql)?;
        }
        let fresh = FirstNew::read(&tx).map_err(sql)?;
        let mut out = Vec::with_capacity(articles.len());
        for a in articles {
            match save_in(&tx, a, run, &mut self.known, known_new) {
                Ok(saved) => out.push(Ok(saved)),
                Err(_) => break,
            }
        }
        if out.len() < articles.len() {
            drop(tx);
            unchecked.restore().map_err(sql)?;
            drop(unchecked);
            self.known.clear();
            return self.save_one_by_one(articles, run);
        }
        fresh.index(&tx, &replaced(&out.iter().flatten().copied().collect::<Vec<_>>())).map_err(sql)?;
        tx.commit().map_err(sql)?;
        unchecked.restore().map_err(sql)?;
        Ok(out)
    }
}

/// Foreign-key enforcement turned off on a connection until restored,
/// or until dropped (an error on the way out of the batch).
struct ForeignKeysOff<'c> {
    conn: &'c mut Connection,
    off: bool,
}

impl<'c> ForeignKeysOff<'c> {
    fn set(conn: &'c mut Connection) -> rusqlite::Result<Self> {
        conn.execute_batch("PRAGMA foreign_keys = OFF")?;
        Ok(ForeignKeysOff { conn, off: true })
    }

    /// Turns enforcement back on (outside a transaction, where the pragma works).
    fn restore(&mut self) -> rusqlite::Result<()> {
        if self.off {
            self.conn.execute_batch("PRAGMA foreign_keys = ON")?;
            self.off = false;
        }
        Ok(())
    }
}

impl Drop for ForeignKeysOff<'_> {
    fn drop(&mut self) {
        // The connection is in no transaction here (the batch's was
        // committed or dropped, which rolls back); should the pragma still
        // fail, the next batch's `set` and `restore` run it again.
        let _ = self.restore();
    }
}

/// The articles of a transaction whose quotations may have ids below the
/// first new one: when one article's were written again, every article
/// written after it may have taken the ids its old quotations freed.
fn replaced(saved: &[Saved]) -> Vec<i64> {
    if !saved.iter().any(|s| matches!(s, Saved::Updated(_))) {
        return Vec::new();
    }
    saved
        .iter()
        .filter_map(|s| if let Saved::Updated(id) | Saved::Imported(id) = s { Some(*id) } else { None })
        .collect()
}

/// Whether no article of a batch is archived yet, nor twice in the batch.
fn all_new(tx: &Connection, articles: &[NewArticle]) -> rusqlite::Result<bool> {
    let mut seen = HashSet::with_capacity(articles.len());
    let mut stored = tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE content_sha256 = ?1)")?;
    for a in articles {
        if !seen.insert(a.doc.content_sha256.as_str()) || stored.query_row([&a.doc.content_sha256], |r| r.get(0))? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The first ids new articles and quotes get in a transaction, so that
/// their full-text rows can be added in one statement each.
pub(super) struct FirstNew {
    article: i64,
    quote: i64,
}

impl FirstNew {
    pub(super) fn read(tx: &Connection) -> rusqlite::Result<Self> {
        let next = |table: &str| -> rusqlite::Result<i64> {
            tx.prepare_cached(&format!("SELECT coalesce(max(id), 0) + 1 FROM {table}"))?.query_row([], |r| r.get(0))
        };
        Ok(FirstNew { article: next("articles")?, quote: next("quotes")? })
    }

    /// Adds the full-text rows of everything stored since `read`, and marks
    /// the summaries it changes as stale: its outlets, its speakers, and the
    /// quotations whose wordings it printed again. `replaced` are articles
    /// whose quotations may have ids below the first new one read before:
    /// deleting an article's quotations frees their ids, and when they were
    /// the last ones SQLite hands them out again.
    pub(super) fn index(&self, tx: &Connection, replaced: &[i64]) -> rusqlite::Result<()> {
        let mut reused = tx.prepare_cached(
            "INSERT INTO quotes_fts(rowid, text) SELECT id, fts_segment(text) FROM quotes WHERE article_id = ?1 AND id < ?2",
        )?;
        for article in replaced {
            reused.execute([*article, self.quote])?;
        }
        tx.prepare_cached(
            "INSERT OR IGNORE INTO summary_stale(kind, id)
             SELECT DISTINCT 'outlet', outlet_id FROM articles WHERE id >= ?1
             UNION SELECT DISTINCT 'speaker', speaker_id FROM quotes WHERE id >= ?2 AND speaker_id IS NOT NULL
             UNION SELECT DISTINCT 'cluster', w.cluster_id FROM quote_units u
                   JOIN quote_wordings w ON w.id = u.wording_id
                   WHERE u.quote_id >= ?2 AND w.cluster_id IS NOT NULL
             -- A fragment's quotation too: its counts include the fragment's.
             UNION SELECT DISTINCT 'cluster', c.fragment_of FROM quote_units u
                   JOIN quote_wordings w ON w.id = u.wording_id JOIN quote_clusters c ON c.id = w.cluster_id
                   WHERE u.quote_id >= ?2 AND c.fragment_of IS NOT NULL",
        )?
        .execute([self.article, self.quote])?;
        tx.prepare_cached(
            "INSERT INTO articles_fts(rowid, title, body)
             SELECT id, fts_segment(title), fts_segment(body) FROM articles WHERE id >= ?1",
        )?
        .execute([self.article])?;
        tx.prepare_cached(
            "INSERT INTO quotes_fts(rowid, text) SELECT id, fts_segment(text) FROM quotes WHERE id >= ?1",
        )?
        .execute([self.quote])?;
        Ok(())
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

fn save_in(
    tx: &Connection,
    article: &NewArticle,
    run: i64,
    known: &mut Known,
    known_new: bool,
) -> rusqlite::Result<Saved> {
    let doc = &article.doc;
    let key = (doc.outlet.clone(), doc.site.clone());
    let outlet_id = match known.outlets.get(&key) {
        Some(&id) => id,
        None => {
            let id = outlet_id(tx, &doc.outlet, doc.site.as_deref())?;
            known.outlets.insert(key, id);
            id
        }
    };
    let m = &doc.meta;
    let wanted = StoredMeta {
        outlet_id,
        url: m.url.clone(),
        title: doc.title().map(str::to_owned),
        author: m.author.clone(),
        published: m.published.clone(),
        language: m.language.clone(),
    };
    let source = language_source(doc);
    let existing = if known_new { None } else { archived(tx, doc)? };
    let title = wanted.title.clone();
    if let Some((id, stored, given)) = existing {
        // A language read from the words is not metadata given differently:
        // an article stored without one (or with another reading) only has
        // it brought up to date.
        let mut wanted = wanted;
        if doc.language_detected && !given {
            if stored.language != wanted.language {
                tx.prepare_cached(
                    "UPDATE articles SET language = ?2, language_source = ?3, language_pending = 0 WHERE id = ?1",
                )?
                .execute(params![id, wanted.language, source])?;
                tx.prepare_cached("INSERT OR IGNORE INTO summary_stale(kind, id) VALUES ('outlet', ?1)")?
                    .execute([stored.outlet_id])?;
            }
            wanted.language = stored.language.clone();
        }
        if stored == wanted {
            // An outlet row made for this document and not needed after all.
            drop_unused_outlet(tx, outlet_id)?;
            return Ok(Saved::Unchanged(id));
        }
        let old_outlet = stored.outlet_id;
        mark_stale(tx, id, old_outlet, outlet_id)?;
        tx.prepare_cached(
            "UPDATE articles SET outlet_id = ?2, url = ?3, title = ?4, author = ?5, published_at = ?6, language = ?7,
                                 language_source = ?8, language_pending = 0
             WHERE id = ?1",
        )?
        .execute(params![id, outlet_id, m.url, title, m.author, m.published, m.language, source])?;
        // The headline's quotes and the speakers found through it may
        // differ, and so may the dates claims resolve against publication.
        tx.prepare_cached("DELETE FROM quotes WHERE article_id = ?1")?.execute([id])?;
        tx.prepare_cached("DELETE FROM claims WHERE article_id = ?1")?.execute([id])?;
        insert_extraction(tx, id, outlet_id, article, known)?;
        drop_unused_outlet(tx, old_outlet)?;
        return Ok(Saved::Updated(id));
    }

    let (body, boilerplate, word_count) = (&article.body, &article.boilerplate, article.word_count);
    tx.prepare_cached(
        "INSERT INTO articles(outlet_id, source_path, url, title, author, published_at, language, dateline,
                              body, boilerplate, content_sha256, word_count, import_run_id, claims_pending,
                              language_source, fetched_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, ?14, ?15)",
    )?
    .execute(params![
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
        word_count,
        run,
        source,
        doc.fetched_at
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO sources(article_id, media_type, size, raw_zstd) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![id, doc.media_type, doc.raw.len() as i64, article.raw_zstd])?;
    insert_extraction(tx, id, outlet_id, article, known)?;
    Ok(Saved::Imported(id))
}

/// The stored article with the same content, if any: its id, metadata,
/// and whether its language was given rather than detected.
fn archived(tx: &Connection, doc: &Document) -> rusqlite::Result<Option<(i64, StoredMeta, bool)>> {
    tx.prepare_cached(
        "SELECT id, outlet_id, url, title, author, published_at, language, language_source = 'given'
         FROM articles WHERE content_sha256 = ?1",
    )?
    .query_row([&doc.content_sha256], |r| {
        let stored = StoredMeta {
            outlet_id: r.get(1)?,
            url: r.get(2)?,
            title: r.get(3)?,
            author: r.get(4)?,
            published: r.get(5)?,
            language: r.get(6)?,
        };
        Ok((r.get::<_, i64>(0)?, stored, r.get::<_, Option<bool>>(7)?.unwrap_or(false)))
    })
    .optional()
}

/// Marks what an article's quotations and claims count in as stale: its
/// outlets (old and new), speakers, quotation clusters and claim clusters.
pub(super) fn mark_stale(tx: &Connection, id: i64, old_outlet: i64, outlet_id: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT OR IGNORE INTO summary_stale(kind, id)
         SELECT DISTINCT 'claim', cluster_id FROM claims WHERE article_id = ?1 AND cluster_id IS NOT NULL",
    )?
    .execute([id])?;
    tx.prepare_cached(
        "INSERT OR IGNORE INTO summary_stale(kind, id)
         SELECT 'outlet', ?2 UNION SELECT 'outlet', ?3
         UNION SELECT DISTINCT 'speaker', speaker_id FROM quotes WHERE article_id = ?1 AND speaker_id IS NOT NULL
         UNION SELECT DISTINCT 'cluster', w.cluster_id FROM quote_units u
               JOIN quote_wordings w ON w.id = u.wording_id
               WHERE u.article_id = ?1 AND w.cluster_id IS NOT NULL
         UNION SELECT DISTINCT 'cluster', c.fragment_of FROM quote_units u
               JOIN quote_wordings w ON w.id = u.wording_id JOIN quote_clusters c ON c.id = w.cluster_id
               WHERE u.article_id = ?1 AND c.fragment_of IS NOT NULL",
    )?
    .execute(params![id, old_outlet, outlet_id])?;
    Ok(())
}

/// Stores an article's quotations and claims.
pub(super) fn insert_extraction(
    tx: &Connection,
    id: i64,
    outlet_id: i64,
    article: &NewArticle,
    known: &mut Known,
) -> rusqlite::Result<()> {
    insert_quotes(tx, id, &article.quotes, known)?;
    claims::insert(tx, (id, outlet_id, article.doc.meta.published.as_deref()), &article.claims, known)
}

/// Where an article's language came from, as `articles.language_source` says.
fn language_source(doc: &Document) -> Option<&'static str> {
    match (&doc.meta.language, doc.language_detected) {
        (None, _) => None,
        (Some(_), true) => Some("detected"),
        (Some(_), false) => Some("given"),
    }
}

fn insert_quotes(tx: &Connection, article: i64, quotes: &[Quote], known: &mut Known) -> rusqlite::Result<()> {
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
        let speaker = known.speaker(tx, q.speaker.as_deref(), q.speaker_kind, q.speaker_text.as_deref())?;
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

/// The outlet of a name, made if new. With a site, the outlet already
/// filed under that site is the one, whatever the page calls itself ("BBC
/// News", "BBC Sport" on bbc.co.uk), and a new one is filed under it.
fn outlet_id(tx: &Connection, name: &str, site: Option<&str>) -> rusqlite::Result<i64> {
    if let Some(site) = site {
        let known: Option<i64> = tx
            .prepare_cached("SELECT id FROM outlets WHERE domain = ?1 ORDER BY id LIMIT 1")?
            .query_row([site], |r| r.get(0))
            .optional()?;
        if let Some(id) = known {
            return Ok(id);
        }
    }
    tx.prepare_cached(
        "INSERT INTO outlets(name, domain) VALUES (?1, ?2)
         ON CONFLICT(name) DO UPDATE SET domain = coalesce(outlets.domain, excluded.domain)",
    )?
    .execute(params![name, site])?;
    tx.prepare_cached("SELECT id FROM outlets WHERE name = ?1")?.query_row([name], |r| r.get(0))
}

fn drop_unused_outlet(tx: &Connection, id: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "DELETE FROM outlets WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM articles WHERE outlet_id = ?1)",
    )?
    .execute([id])?;
    Ok(())
}

/// A written form that names the person `name`: it shares a word with the
/// name, or a word's beginning (an inflected or honorific form).
fn is_name_form(written: &str, name: &str) -> bool {
    // A pronoun ("Er", "she") or a role ("the mayor", "Wali Kota") shares
    // no word with the name; "Mr. Hale", "Kowalskiego", "大西氏" do.
    // Names written without spaces in scripts without letters of the
    // Latin alphabet (大西礼子) begin with a surname of two characters.
    let unspaced = !name.contains(' ') && !name.chars().any(|c| c.is_ascii_alphabetic());
    let needed = if unspaced { 2 } else { 4 };
    written.split_whitespace().any(|w| {
        name.split_whitespace().filter(|n| unspaced || n.chars().count() >= 3).any(|n| {
            let shared = w.chars().zip(n.chars()).take_while(|(a, b)| a.to_lowercase().eq(b.to_lowercase())).count();
            shared >= needed.min(n.chars().count())
        })
    })
}

/// A source's bytes as stored (zstd, level 3). A compression context per
/// thread, made once: making one per article cost more than compressing a
/// short article. Compressing a buffer in memory cannot fail: zstd's errors
/// are about frame sizes and dictionaries, neither of which applies here.
pub(super) fn compress(raw: &[u8]) -> Vec<u8> {
    thread_local! {
        static ZSTD: std::cell::RefCell<zstd::bulk::Compressor<'static>> =
            std::cell::RefCell::new(zstd::bulk::Compressor::new(3).expect("zstd makes a context at level 3"));
    }
    ZSTD.with(|z| z.borrow_mut().compress(raw)).expect("zstd compresses an in-memory buffer")
}
