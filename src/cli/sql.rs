//! `newsarchive sql`: read-only SQL over the archive.

use super::Global;
use crate::report;
use crate::store::Archive;
use anyhow::Result;
use std::process::ExitCode;

/// Run a read-only SQL query and print its rows in the chosen format.
///
/// The archive is opened read-only: a statement that would change it is
/// refused. Every canned report is a view named report_*; `.schema` in
/// sqlite3 (or `SELECT sql FROM sqlite_master`) shows the rest.
///
/// Example: newsarchive sql "SELECT outlet, shared FROM report_quote_overlap" --format csv
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// One SQL statement.
    #[arg(value_name = "QUERY")]
    query: String,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let archive = Archive::open_read_only(&global.db)?;
    let mut sink = report::sink(global.format, global.out()?, global.csv())?;
    archive.query_into(&args.query, &[], sink.as_mut())?;
    Ok(ExitCode::SUCCESS)
}
