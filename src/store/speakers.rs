//! Speakers across the archive: one row per person, whatever the articles
//! call them. An article already writes its speakers in their fullest form
//! ("Trump" → "Donald Trump" when it names him so); across articles:
//! - a name seen before, or an alias of one, is that speaker;
//! - a longer name is a speaker with the same first and last words
//!   ("Hillary Rodham Clinton" → "Hillary Clinton");
//! - after each import, a one-word speaker ("Obama", from articles that
//!   never give a full name) joins the full-name speaker of that surname
//!   quoted in the most articles, when that one is quoted in at least two
//!   and in twice as many as any other of the surname. Families share
//!   surnames, so a surname alone is never enough: the evidence of the
//!   whole archive decides, and it decides the same whatever the order of
//!   imports.
//!
//! What rules cannot settle, `newsarchive speakers merge` does.

use super::{Archive, Error, Result};
use crate::extract::SpeakerKind;
use crate::extract::translit::name_key;
use crate::ingest::aliases::Alias;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// The speaker a name stands for, created if new; aliases are recorded.
pub(super) fn speaker_id(tx: &Connection, name: &str, kind: SpeakerKind) -> rusqlite::Result<i64> {
    if let Some(id) = lookup(tx, name)? {
        return Ok(id);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.last().copied().unwrap_or(name);
    let key = (kind == SpeakerKind::Person).then(|| name_key(name)).flatten();
    // The same person spelled another way or in another script.
    // Speakers joined before keys existed may share one: the oldest stands.
    if let Some(key) = &key
        && let Some(id) = tx
            .prepare_cached("SELECT min(id) FROM speakers WHERE key = ?1 AND kind = 'person'")?
            .query_row([key], |r| r.get::<_, Option<i64>>(0))?
    {
        add_alias(tx, name, id)?;
        return Ok(id);
    }
    // Only people's names have first and last names to match on.
    if words.len() > 1 && kind == SpeakerKind::Person {
        // Names starting with the first word and a space: the range from
        // "Ann " up to "Ann!" ('!' follows ' '), which the index seeks.
        let same = ids(
            tx,
            "SELECT id FROM speakers WHERE surname = ?1 COLLATE NOCASE
               AND name COLLATE NOCASE >= ?2 AND name COLLATE NOCASE < ?3",
            [last.to_owned(), format!("{} ", words[0]), format!("{}!", words[0])],
        )?;
        if let [id] = same[..] {
            add_alias(tx, name, id)?;
            return Ok(id);
        }
    }
    tx.prepare_cached("INSERT INTO speakers(name, surname, kind, key) VALUES (?1, ?2, ?3, ?4)")?.execute(params![
        name,
        last,
        kind.as_str(),
        key
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Joins one-word speakers to the full-name speaker of their surname where
/// the archive's evidence is clear (see the module comment). Returns how
/// many were joined.
pub(super) fn resolve_surnames(tx: &Transaction) -> rusqlite::Result<usize> {
    let singles: Vec<(i64, String)> = {
        let mut stmt = tx.prepare("SELECT id, name FROM speakers WHERE instr(name, ' ') = 0 AND kind = 'person'")?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?
    };
    let mut joined = 0;
    for (id, name) in singles {
        // `+f.kind`: sought by surname, not by kind (every person's quotes).
        let mut stmt = tx.prepare_cached(
            "SELECT f.id, count(DISTINCT q.article_id) AS articles FROM speakers f
             JOIN quotes q ON q.speaker_id = f.id
             WHERE f.surname = ?1 COLLATE NOCASE AND instr(f.name, ' ') > 0 AND +f.kind = 'person'
             GROUP BY f.id ORDER BY articles DESC, f.id LIMIT 2",
        )?;
        let top: Vec<(i64, i64)> =
            stmt.query_map([&name], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let dominant = match top[..] {
            [(best, n)] if n >= 2 => Some(best),
            [(best, n), (_, m)] if n >= 2 && n >= 2 * m => Some(best),
            _ => None,
        };
        if let Some(into) = dominant {
            merge_ids(tx, id, into)?;
            joined += 1;
        }
    }
    Ok(joined)
}

/// Records that `alias` (a written form of a name) means speaker `id`,
/// unless it is the speaker's own name or already an alias.
pub(super) fn add_alias(tx: &Connection, alias: &str, id: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO speaker_aliases(alias, speaker_id)
         SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM speakers WHERE name = ?1)
         ON CONFLICT(alias) DO NOTHING",
    )?
    .execute(params![alias, id])?;
    Ok(())
}

pub(super) fn lookup(tx: &Connection, name: &str) -> rusqlite::Result<Option<i64>> {
    if let Some(id) = tx
        .prepare_cached("SELECT speaker_id FROM speaker_aliases WHERE alias = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?
    {
        return Ok(Some(id));
    }
    tx.prepare_cached("SELECT id FROM speakers WHERE name = ?1")?.query_row([name], |r| r.get(0)).optional()
}

fn ids<P: rusqlite::Params>(tx: &Connection, sql: &str, p: P) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = tx.prepare_cached(sql)?;
    stmt.query_map(p, |r| r.get(0))?.collect()
}

/// Moves everything of speaker `from` to speaker `into`; `from`'s name
/// and aliases become aliases of `into`.
fn merge_ids(tx: &Transaction, from: i64, into: i64) -> rusqlite::Result<()> {
    if from == into {
        return Ok(());
    }
    // Both speakers' summaries change, and those of the outlets quoting them.
    tx.execute(
        "INSERT OR IGNORE INTO summary_stale(kind, id)
         SELECT 'speaker', ?1 UNION SELECT 'speaker', ?2
         UNION SELECT DISTINCT 'outlet', a.outlet_id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = ?1",
        [from, into],
    )?;
    tx.prepare_cached("UPDATE quotes SET speaker_id = ?2 WHERE speaker_id = ?1")?.execute([from, into])?;
    tx.prepare_cached("UPDATE claims SET speaker_id = ?2 WHERE speaker_id = ?1")?.execute([from, into])?;
    tx.prepare_cached("UPDATE quote_clusters SET speaker_id = ?2 WHERE speaker_id = ?1")?.execute([from, into])?;
    tx.prepare_cached("UPDATE claim_clusters SET speaker_id = ?2 WHERE speaker_id = ?1")?.execute([from, into])?;
    tx.prepare_cached("UPDATE claim_cluster_stats SET speaker_id = ?2 WHERE speaker_id = ?1")?.execute([from, into])?;
    tx.prepare_cached("UPDATE speaker_aliases SET speaker_id = ?2 WHERE speaker_id = ?1")?.execute([from, into])?;
    tx.prepare_cached("UPDATE transcript_turns SET speaker_id = ?2 WHERE speaker_id = ?1")?.execute([from, into])?;
    // Verdicts compare the quotation's speaker with the record's: those of
    // the merged speaker's quotations are made again.
    tx.prepare_cached(
        "DELETE FROM fidelity_checked WHERE article_id IN (SELECT article_id FROM quotes WHERE speaker_id = ?1)",
    )?
    .execute([into])?;
    let name: String = tx.prepare_cached("SELECT name FROM speakers WHERE id = ?1")?.query_row([from], |r| r.get(0))?;
    tx.prepare_cached("DELETE FROM speakers WHERE id = ?1")?.execute([from])?;
    tx.prepare_cached("INSERT INTO speaker_aliases(alias, speaker_id) VALUES (?1, ?2) ON CONFLICT(alias) DO UPDATE SET speaker_id = ?2")?.execute(
        params![name, into],
    )?;
    Ok(())
}

/// What applying an alias file did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Rows of the file.
    pub aliases: usize,
    /// Speakers merged into their canonical one.
    pub merged: usize,
    /// Quotes that changed speaker.
    pub quotes: usize,
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The speaker kept.
    pub into: String,
    /// Names merged into it.
    pub from: Vec<String>,
    /// Quotes that changed speaker.
    pub quotes: usize,
}

impl Archive {
    /// Applies an alias file in one transaction: each alias becomes a name
    /// of its canonical speaker (created if the archive has none yet), a
    /// speaker already stored under the alias is merged into it, and later
    /// imports attribute the alias to it.
    pub fn apply_aliases(&mut self, aliases: &[Alias]) -> Result<Applied> {
        let path = self.path.clone();
        let sql = |source| Error::Sqlite { path: path.clone(), source };
        let tx = super::write::begin_write(&mut self.conn, &mut self.known).map_err(sql)?;
        self.known.clear();
        let mut applied = Applied { aliases: aliases.len(), ..Applied::default() };
        for a in aliases {
            // speaker_id finds the canonical speaker by name or alias, or
            // creates it.
            let into = speaker_id(&tx, &a.canonical, SpeakerKind::Person).map_err(sql)?;
            // A speaker of that very name joins the canonical one; an alias
            // another speaker was known by moves alone (merging its whole
            // speaker would join two people through one shared spelling).
            let own: Option<i64> = tx
                .query_row("SELECT id FROM speakers WHERE name = ?1", [&a.alias], |r| r.get(0))
                .optional()
                .map_err(sql)?;
            if let Some(from) = own
                && from != into
            {
                let n: i64 = tx
                    .query_row("SELECT count(*) FROM quotes WHERE speaker_id = ?1", [from], |r| r.get(0))
                    .map_err(sql)?;
                merge_ids(&tx, from, into).map_err(sql)?;
                applied.merged += 1;
                applied.quotes += n as usize;
            }
            tx.prepare_cached(
                "INSERT INTO speaker_aliases(alias, speaker_id, language)
                 SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM speakers WHERE name = ?1 AND id = ?2)
                 ON CONFLICT(alias) DO UPDATE SET speaker_id = excluded.speaker_id, language = excluded.language",
            )
            .and_then(|mut s| s.execute(params![a.alias, into, a.language]))
            .map_err(sql)?;
        }
        tx.commit().map_err(sql)?;
        Ok(applied)
    }

    /// Merges the speakers named `from` (names or aliases) into the speaker
    /// named `into`, in one transaction.
    pub fn merge_speakers(&mut self, from: &[String], into: &str) -> Result<Merged> {
        let path = self.path.clone();
        let sql = |source| Error::Sqlite { path: path.clone(), source };
        let tx = super::write::begin_write(&mut self.conn, &mut self.known).map_err(sql)?;
        self.known.clear();
        let find = |name: &str| -> Result<(i64, String)> {
            let id = lookup(&tx, name).map_err(sql)?.ok_or_else(|| Error::NoSuchSpeaker(name.to_owned()))?;
            let real = tx.query_row("SELECT name FROM speakers WHERE id = ?1", [id], |r| r.get(0)).map_err(sql)?;
            Ok((id, real))
        };
        let (into_id, into_name) = find(into)?;
        let mut merged = Merged { into: into_name, from: Vec::new(), quotes: 0 };
        for name in from {
            let (id, real) = find(name)?;
            if id == into_id {
                continue;
            }
            let n: i64 =
                tx.query_row("SELECT count(*) FROM quotes WHERE speaker_id = ?1", [id], |r| r.get(0)).map_err(sql)?;
            merge_ids(&tx, id, into_id).map_err(sql)?;
            merged.quotes += n as usize;
            merged.from.push(real);
        }
        tx.commit().map_err(sql)?;
        Ok(merged)
    }
}
