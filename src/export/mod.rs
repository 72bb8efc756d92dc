//! Writing an archive out for other engines: every table and report as
//! Parquet, one directory per relation, readable as-is by Spark, DuckDB and
//! pandas (the shard format of `SCALING.md`).

mod parquet;

pub use parquet::{Exported, ExportedColumn, Manifest, Options, write_shard};

/// Errors of an export; each names what was being written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading the archive failed.
    #[error(transparent)]
    Store(#[from] crate::store::Error),
    /// A file or directory could not be written.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The Parquet encoder refused what it was given.
    #[error("{path}: {source}")]
    Parquet {
        /// The file being written.
        path: String,
        /// What the encoder said.
        source: ::parquet::errors::ParquetError,
    },
    /// A value does not fit its column's declared type (SQLite lets a
    /// column hold any type; Parquet does not).
    #[error("{relation}: row {row}, column {column}: {found} where the column holds {expected}; nothing was written")]
    Value {
        /// The table or report.
        relation: String,
        /// The row, counted from 1 in the order read.
        row: u64,
        /// The column.
        column: String,
        /// What the row holds.
        found: String,
        /// What the column holds.
        expected: &'static str,
    },
}

/// Result of an export.
pub type Result<T> = std::result::Result<T, Error>;
