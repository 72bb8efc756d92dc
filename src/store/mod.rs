//! The archive: a SQLite file, migrated on open. All SQL of the program
//! lives in this module and in `migrations/`.

mod check;
mod claims;
mod describe;
mod fidelity;
mod global;
mod html;
mod link;
mod reextract;
mod search;
mod shard;
mod show;
mod speakers;
mod translations;
mod write;

pub use check::{Finding, Status};
pub use claims::{BLINDSPOTS_OF_OUTLET, ClaimReader, StoredBody, StoredClaim, StoredFact};
pub use describe::{BROWSE, Browse, Description, describe};
pub use fidelity::{
    CharOffsets, Class, EVENT_DAYS_AFTER, EVENT_DAYS_BEFORE, NewTranscript, QuoteToCheck, StoredRecord,
    StoredTranscript, StoredTurn, Verdict, is_questioner, label_name,
};
pub use global::{GlobalCounts, GlobalLoad, Shared};
pub use link::{Carried, LinkTx, PendingArticle, Wording};
pub use reextract::{Selection, StoredSource, StoredText};
pub use search::{Filter, Hit, QuoteHit};
pub use shard::{Column, Kind, PARTITION_COLUMN, Relation};
pub use show::{
    Appearance, ArticleView, MarkedQuote, QuotationRef, QuotationView, RecordCheck, SpeakerView, WordingView,
};
pub use speakers::{Applied, Merged};
pub use translations::Quotation;
pub use write::{NewArticle, RunCounts, Saved};

use crate::report::{Cell, Sink};
use rusqlite::{Connection, OpenFlags, functions::FunctionFlags, types::ValueRef};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// Errors of the storage layer; each names the archive it concerns.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite reported an error.
    #[error("{path}: {source}")]
    Sqlite {
        /// The archive.
        path: String,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// A migration failed; it was rolled back.
    #[error("{path}: migration failed (rolled back): {source}")]
    Migration {
        /// The archive.
        path: String,
        /// What refinery said.
        source: refinery::Error,
    },
    /// The archive was written by a newer newsarchive.
    #[error(
        "{path}: this archive is at schema version {found}, but this newsarchive knows versions up to {known}; \
         use a newer newsarchive (the archive was not changed)"
    )]
    Newer {
        /// The archive.
        path: String,
        /// Its schema version.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// The file is a database, but not a newsarchive archive.
    #[error("{path}: not a newsarchive archive (it has tables but no schema history); refusing to change it")]
    Foreign {
        /// The file.
        path: String,
    },
    /// The sentence encoder's files could not be loaded.
    #[error("sentence encoder: {0} (reinstall it with `make models`, or move it away to link without it)")]
    Model(String),
    /// No archive at the path, for a command that only reads.
    #[error("{path}: no archive here (create one with `newsarchive import` or `newsarchive seed`)")]
    Missing {
        /// The path.
        path: String,
    },
    /// The archive needs migrations, for a command that only reads.
    #[error("{path}: the archive needs upgrading to schema version {known}; run `newsarchive migrate`")]
    Outdated {
        /// The archive.
        path: String,
        /// The version to migrate to.
        known: i64,
    },
    /// More than one statement was given to `sql`.
    #[error("`newsarchive sql` runs one statement at a time; give each separately")]
    MultipleStatements,
    /// A statement given to `sql` would change the archive.
    #[error("refused: `newsarchive sql` only reads; this statement would modify the archive")]
    WriteRefused,
    /// No speaker has this name or alias.
    #[error("no speaker named '{0}' (see `newsarchive report speakers`)")]
    NoSuchSpeaker(String),
    /// No article, quotation or speaker answers to what was asked for.
    #[error("{0}")]
    NotFound(String),
    /// A search query FTS5 cannot read.
    #[error(
        "the search query '{query}' is not valid: {reason} (query syntax: words, \"a phrase\", AND, OR, NOT, \
         NEAR(a b, 5), prefix*, title:word; put text in double quotes to search for it as written)"
    )]
    BadQuery {
        /// The query as given.
        query: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Writing output failed.
    #[error("{0}")]
    Output(#[from] std::io::Error),
}

/// Result of the storage layer.
pub type Result<T> = std::result::Result<T, Error>;

/// A migration and whether it is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationStatus {
    /// Version number (the `V{n}` of its file name).
    pub version: i64,
    /// Its name.
    pub name: String,
    /// When it was applied (RFC 3339), or `None` if pending.
    pub applied_on: Option<String>,
}

/// An open archive.
pub struct Archive {
    conn: Connection,
    path: String,
    /// Ids of outlets, speakers and aliases the writer has looked up,
    /// valid between two linking passes (which may merge speakers).
    known: write::Known,
}

/// How long a connection waits for another process's write to end before
/// giving up, in milliseconds; see [`set_lock_timeout`].
static LOCK_TIMEOUT_MS: AtomicU64 = AtomicU64::new(600_000);

/// Sets how long to wait for another process writing to the same archive
/// (two imports at once take turns instead of failing). Applies to
/// archives opened afterwards.
pub fn set_lock_timeout(timeout: Duration) {
    LOCK_TIMEOUT_MS.store(u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX), Ordering::Relaxed);
}

fn lock_timeout() -> Duration {
    Duration::from_millis(LOCK_TIMEOUT_MS.load(Ordering::Relaxed))
}

/// The full-text index's text (see migration V14 and search::segment),
/// which its triggers compute.
fn register_fts_segment(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "fts_segment",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            Ok(match ctx.get_raw(0) {
                rusqlite::types::ValueRef::Text(t) => {
                    let text = String::from_utf8_lossy(t);
                    Some(crate::search::segment::for_index(&text).into_owned())
                }
                _ => None,
            })
        },
    )
}

/// The newest schema version this build knows.
pub fn latest_version() -> i64 {
    embedded::migrations::runner().get_migrations().iter().map(|m| i64::from(m.version())).max().unwrap_or(0)
}

impl Archive {
    /// Opens (creating if needed) and migrates the archive at `path`.
    pub fn open(path: &Path) -> Result<Archive> {
        let mut a = Self::open_unmigrated(path)?;
        let mut version = a.check_version()?;
        while version < latest_version() {
            // Grouped: every pending migration and its record in the
            // schema history commit in one transaction. Ungrouped, refinery
            // commits a migration and its record separately, and a crash
            // between the two leaves an archive that can never be opened.
            let Err(source) = embedded::migrations::runner().set_grouped(true).run(&mut a.conn) else { break };
            // Another process opening the same archive at the same moment
            // may have applied a migration first, making this attempt fail
            // (rolled back). Then what is left is retried; a migration that
            // fails on its own fails again without progress and is reported.
            let now = a.check_version()?;
            if now <= version {
                return Err(Error::Migration { path: a.path.clone(), source });
            }
            version = now;
        }
        Ok(a)
    }

    /// Opens and migrates an archive that must already exist (for commands
    /// that read: a typo in `--db` should not create an empty archive).
    pub fn open_existing(path: &Path) -> Result<Archive> {
        if !path.exists() {
            return Err(Error::Missing { path: path.display().to_string() });
        }
        Self::open(path)
    }

    /// Opens without migrating (for `migrate --status`).
    pub fn open_unmigrated(path: &Path) -> Result<Archive> {
        let display = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| Error::Sqlite { path: display.clone(), source })?;
        let a = Archive { conn, path: display, known: write::Known::default() };
        a.conn.busy_timeout(lock_timeout()).map_err(|e| a.err(e))?;
        // The writer and the linker each keep a few dozen statements ready;
        // rusqlite's default of 16 would prepare them again and again.
        a.conn.set_prepared_statement_cache_capacity(64);
        a.set_wal()?;
        // Migrations and the speaker writer read speakers' keys in SQL.
        a.conn
            .create_scalar_function(
                "name_key",
                1,
                FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
                |ctx| Ok(crate::extract::translit::name_key(&ctx.get::<String>(0)?)),
            )
            .map_err(|e| a.err(e))?;
        register_fts_segment(&a.conn).map_err(|e| a.err(e))?;
        a.conn
            .execute_batch(
                "PRAGMA foreign_keys = ON;
                 PRAGMA synchronous = NORMAL;
                 -- 64 MiB of page cache: the linker's working set at 100k articles.
                 -- More bought little (160 MiB saved 2 s of 60) and broke the
                 -- 300 MB memory budget.
                 PRAGMA cache_size = -65536;",
            )
            .map_err(|e| a.err(e))?;
        Ok(a)
    }

    /// Puts the archive in WAL mode: readers see the last commit while an
    /// import writes, and a killed process leaves every committed
    /// transaction intact. The mode is stored in the file, so this only
    /// changes something once; but when two processes create an archive at
    /// the same moment, SQLite refuses the switch to one of them at once
    /// (no busy wait), so it is retried within the lock timeout.
    fn set_wal(&self) -> Result<()> {
        let started = std::time::Instant::now();
        loop {
            match self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
                Ok(_) => return Ok(()),
                Err(e)
                    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                        && started.elapsed() < lock_timeout() =>
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(e) => return Err(self.err(e)),
            }
        }
    }

    /// Opens an existing, current archive so that no statement can change it.
    pub fn open_read_only(path: &Path) -> Result<Archive> {
        let (a, version) = Self::open_read_only_any(path)?;
        if version < latest_version() {
            return Err(Error::Outdated { path: a.path.clone(), known: latest_version() });
        }
        Ok(a)
    }

    /// Opens an existing archive of this or an older schema version so that
    /// no statement can change it; returns it with its version.
    ///
    /// A process killed while writing may leave a hot rollback journal (when
    /// killed while the archive was being created) or a WAL that needs
    /// recovery, which a read-only connection may not replay. Then the
    /// archive is opened read-write once, without migrating, just so that
    /// SQLite restores the last committed state — what any reader would
    /// see — and the read-only connection is opened again.
    pub fn open_read_only_any(path: &Path) -> Result<(Archive, i64)> {
        let display = path.display().to_string();
        if !path.exists() {
            return Err(Error::Missing { path: display });
        }
        match Self::read_only(path) {
            Err(Error::Sqlite { source, .. }) if source.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) => {
                let recovering = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
                    .and_then(|c| {
                        c.busy_timeout(lock_timeout())?;
                        c.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))
                    })
                    .map_err(|source| Error::Sqlite { path: display.clone(), source });
                // On read-only media recovery is impossible: the first
                // error says best what is wrong.
                if recovering.is_err() {
                    return Err(Error::Sqlite { path: display, source });
                }
                Self::read_only(path)
            }
            other => other,
        }
    }

    fn read_only(path: &Path) -> Result<(Archive, i64)> {
        let display = path.display().to_string();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|source| Error::Sqlite { path: display.clone(), source })?;
        let a = Archive { conn, path: display, known: write::Known::default() };
        a.conn.busy_timeout(lock_timeout()).map_err(|e| a.err(e))?;
        a.conn.execute_batch("PRAGMA query_only = ON;").map_err(|e| a.err(e))?;
        // Without it, a statement `sql` refuses would fail on preparing the
        // full-text triggers, with a message about a missing function.
        register_fts_segment(&a.conn).map_err(|e| a.err(e))?;
        let version = a.check_version()?;
        Ok((a, version))
    }

    /// The archive's path as the user gave it.
    pub fn path(&self) -> &str {
        &self.path
    }

    fn err(&self, source: rusqlite::Error) -> Error {
        Error::Sqlite { path: self.path.clone(), source }
    }

    /// Refuses archives from a newer build and databases that are not
    /// archives; returns the current schema version (0 for a new file).
    fn check_version(&self) -> Result<i64> {
        let has_history: bool = self
            .conn
            .query_row(
                "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'refinery_schema_history'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        if !has_history {
            let tables: i64 = self
                .conn
                .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            if tables > 0 {
                return Err(Error::Foreign { path: self.path.clone() });
            }
            return Ok(0);
        }
        let found: i64 = self
            .conn
            .query_row("SELECT coalesce(max(version), 0) FROM refinery_schema_history", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        let known = latest_version();
        if found > known {
            return Err(Error::Newer { path: self.path.clone(), found, known });
        }
        Ok(found)
    }

    /// Every migration this build knows, with its applied date if applied.
    pub fn migration_status(&mut self) -> Result<Vec<MigrationStatus>> {
        let runner = embedded::migrations::runner();
        let applied = if self.check_version()? > 0 {
            runner
                .get_applied_migrations(&mut self.conn)
                .map_err(|source| Error::Migration { path: self.path.clone(), source })?
        } else {
            Vec::new()
        };
        let mut out: Vec<MigrationStatus> = runner
            .get_migrations()
            .iter()
            .map(|m| MigrationStatus {
                version: i64::from(m.version()),
                name: m.name().to_owned(),
                applied_on: applied
                    .iter()
                    .find(|a| a.version() == m.version())
                    .and_then(|a| a.applied_on())
                    .map(ToString::to_string),
            })
            .collect();
        out.sort_by_key(|m| m.version);
        Ok(out)
    }

    /// Runs a read-only query and streams its rows into `sink`.
    pub fn query_into(&self, sql: &str, params: &[&dyn rusqlite::ToSql], sink: &mut dyn Sink) -> Result<()> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| match e {
            rusqlite::Error::MultipleStatement => Error::MultipleStatements,
            e => self.err(e),
        })?;
        if !stmt.readonly() {
            return Err(Error::WriteRefused);
        }
        let columns: Vec<String> = stmt.column_names().iter().map(|s| (*s).to_owned()).collect();
        sink.header(&columns)?;
        let mut rows = stmt.query(params).map_err(|e| self.err(e))?;
        let mut cells = Vec::with_capacity(columns.len());
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            cells.clear();
            for i in 0..columns.len() {
                cells.push(cell(row.get_ref(i).map_err(|e| self.err(e))?));
            }
            sink.row(&cells)?;
        }
        sink.finish()?;
        Ok(())
    }

    /// Whether an outlet of this name exists.
    pub fn has_outlet(&self, name: &str) -> Result<bool> {
        self.conn
            .query_row("SELECT EXISTS (SELECT 1 FROM outlets WHERE name = ?1)", [name], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// The languages of the archive's articles, most used first.
    pub fn languages(&self) -> Result<Vec<String>> {
        self.names(
            "SELECT language FROM articles WHERE language IS NOT NULL GROUP BY language ORDER BY count(*) DESC, language",
        )
    }

    /// Names of the `report_*` views, without the prefix, sorted.
    pub fn report_names(&self) -> Result<Vec<String>> {
        self.names("SELECT substr(name, 8) FROM sqlite_master WHERE type = 'view' AND name LIKE 'report\\_%' ESCAPE '\\' ORDER BY name")
    }

    /// Tables and report views to export: (name, columns that are not blobs).
    pub fn exportable(&self) -> Result<Vec<(String, Vec<String>)>> {
        let mut names = self.user_relations()?;
        // Reports first: a spreadsheet user's export starts with them.
        names.sort_by_key(|(name, is_view)| (!is_view, name.clone()));
        let mut out = Vec::new();
        for (name, _) in names {
            if INDEX_TABLES.contains(&name.as_str()) {
                continue;
            }
            let cols = self.declared_columns(&name)?;
            let cols = cols.into_iter().filter(|(_, t)| t != "BLOB").map(|(n, _)| n).collect();
            out.push((name, cols));
        }
        Ok(out)
    }

    /// The tables that hold the archive's data (not the full-text indexes,
    /// which are rebuilt from them, nor SQLite's or the migrations' own)
    /// and the `report_*` views: (name, whether a view), tables first, by name.
    fn user_relations(&self) -> Result<Vec<(String, bool)>> {
        let virtuals =
            self.names("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT name, type = 'view' FROM sqlite_master
                 WHERE (type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'refinery_schema_history')
                    OR (type = 'view' AND name LIKE 'report\\_%' ESCAPE '\\')
                 ORDER BY type = 'view', name",
            )
            .map_err(|e| self.err(e))?;
        let all: Vec<(String, bool)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        Ok(all
            .into_iter()
            .filter(|(name, _)| !virtuals.iter().any(|v| name == v || name.starts_with(&format!("{v}_"))))
            .collect())
    }

    /// A table's or view's columns with their declared types, upper-case
    /// ('' where none is declared).
    fn declared_columns(&self, name: &str) -> Result<Vec<(String, String)>> {
        let mut stmt =
            self.conn.prepare("SELECT name, upper(type) FROM pragma_table_info(?1)").map_err(|e| self.err(e))?;
        stmt.query_map([name], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Every table and view a client of the archive sees (SQLite's own
    /// tables aside), in name order, with their columns. Generated
    /// columns are included; the hidden columns of virtual tables are not.
    pub fn relations(&self) -> Result<Vec<(String, Vec<String>)>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT name FROM sqlite_master
                 WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
            )
            .map_err(|e| self.err(e))?;
        let relations = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        let mut columns =
            self.conn.prepare("SELECT name FROM pragma_table_xinfo(?1) WHERE hidden <> 1").map_err(|e| self.err(e))?;
        relations
            .into_iter()
            .map(|name| {
                let cols = columns
                    .query_map([&name], |r| r.get(0))
                    .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
                    .map_err(|e| self.err(e))?;
                Ok((name, cols))
            })
            .collect()
    }

    fn names(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.err(e))?;
        stmt.query_map([], |r| r.get(0))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<String>>>()
            .map_err(|e| self.err(e))
    }
}

/// Tables that only index other tables for the linker: nothing a
/// spreadsheet user would read.
const INDEX_TABLES: &[&str] = &["wording_keys", "article_shingles"];

/// Quotes an SQL identifier.
pub fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn cell(v: ValueRef<'_>) -> Cell {
    match v {
        ValueRef::Null => Cell::Null,
        ValueRef::Integer(i) => Cell::Int(i),
        ValueRef::Real(f) => Cell::Real(f),
        ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Cell::Blob(b.len()),
    }
}
