//! The archive: a SQLite file, migrated on open. All SQL of the program
//! lives in this module and in `migrations/`.

mod link;
mod speakers;
mod write;

pub use link::{Carried, LinkTx, PendingArticle, Wording};
pub use speakers::Merged;
pub use write::{NewArticle, RunCounts, Saved};

use crate::report::{Cell, Sink};
use rusqlite::{Connection, OpenFlags, types::ValueRef};
use std::path::Path;

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
    /// A statement given to `sql` would change the archive.
    #[error("refused: `newsarchive sql` only reads; this statement would modify the archive")]
    WriteRefused,
    /// No speaker has this name or alias.
    #[error("no speaker named '{0}' (see `newsarchive report speakers`)")]
    NoSuchSpeaker(String),
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

/// The newest schema version this build knows.
pub fn latest_version() -> i64 {
    embedded::migrations::runner().get_migrations().iter().map(|m| i64::from(m.version())).max().unwrap_or(0)
}

impl Archive {
    /// Opens (creating if needed) and migrates the archive at `path`.
    pub fn open(path: &Path) -> Result<Archive> {
        let mut a = Self::open_unmigrated(path)?;
        a.check_version()?;
        embedded::migrations::runner()
            .run(&mut a.conn)
            .map_err(|source| Error::Migration { path: a.path.clone(), source })?;
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
        a.conn
            .execute_batch(
                "PRAGMA foreign_keys = ON;
                 PRAGMA busy_timeout = 10000;
                 PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = NORMAL;
                 -- 64 MiB of page cache: the linker's working set at 100k articles.
                 -- More bought little (160 MiB saved 2 s of 60) and broke the
                 -- 300 MB memory budget.
                 PRAGMA cache_size = -65536;",
            )
            .map_err(|e| a.err(e))?;
        Ok(a)
    }

    /// Opens an existing, current archive so that no statement can change it.
    pub fn open_read_only(path: &Path) -> Result<Archive> {
        let display = path.display().to_string();
        if !path.exists() {
            return Err(Error::Missing { path: display });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|source| Error::Sqlite { path: display.clone(), source })?;
        let a = Archive { conn, path: display, known: write::Known::default() };
        a.conn.execute_batch("PRAGMA busy_timeout = 10000; PRAGMA query_only = ON;").map_err(|e| a.err(e))?;
        let version = a.check_version()?;
        if version < latest_version() {
            return Err(Error::Outdated { path: a.path.clone(), known: latest_version() });
        }
        Ok(a)
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
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.err(e))?;
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

    /// Names of the `report_*` views, without the prefix, sorted.
    pub fn report_names(&self) -> Result<Vec<String>> {
        self.names("SELECT substr(name, 8) FROM sqlite_master WHERE type = 'view' AND name LIKE 'report\\_%' ESCAPE '\\' ORDER BY name")
    }

    /// Tables and report views to export: (name, columns that are not blobs).
    pub fn exportable(&self) -> Result<Vec<(String, Vec<String>)>> {
        let virtuals =
            self.names("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")?;
        let names = self.names(
            "SELECT name FROM sqlite_master
             WHERE (type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'refinery_schema_history')
                OR (type = 'view' AND name LIKE 'report\\_%' ESCAPE '\\')
             ORDER BY type DESC, name",
        )?;
        let mut out = Vec::new();
        for name in names {
            if virtuals.iter().any(|v| name == *v || name.starts_with(&format!("{v}_")))
                || INDEX_TABLES.contains(&name.as_str())
            {
                continue;
            }
            let mut stmt =
                self.conn.prepare("SELECT name, upper(type) FROM pragma_table_info(?1)").map_err(|e| self.err(e))?;
            let cols = stmt
                .query_map([&name], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                .map_err(|e| self.err(e))?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(|e| self.err(e))?;
            let cols = cols.into_iter().filter(|(_, t)| t != "BLOB").map(|(n, _)| n).collect();
            out.push((name, cols));
        }
        Ok(out)
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
