//! An archive as one shard of many: written out as Parquet for other
//! engines (every table and report, one directory each, readable as-is by
//! Spark, DuckDB and pandas), and the links a Spark job computed across
//! shards read back in.

mod links;
mod write;

pub use links::{Cell, read_links};
pub use write::{Exported, ExportedColumn, Manifest, Options, write_shard};

/// Errors of the shard layer; each names the file or directory concerned.
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
    /// The Spark job's output is missing or not what it writes.
    #[error("{path}: {message}")]
    Links {
        /// The output directory or file.
        path: String,
        /// What is wrong.
        message: String,
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

/// Result of the shard layer.
pub type Result<T> = std::result::Result<T, Error>;
