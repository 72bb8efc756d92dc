//! `newsarchive check`: is the archive sound, and what does it hold.

use super::Global;
use crate::report::{self, Cell};
use crate::store::{Archive, Status};
use anyhow::Result;
use std::process::ExitCode;

/// Check the archive for damage and inconsistency, and count its rows.
///
/// Runs SQLite's integrity and foreign-key checks, then newsarchive's own:
/// every article has its source bytes and is in the search index, every
/// quotation's offsets give its text back, and whether anything is left to
/// link or an import was interrupted. Reads only: an older archive is
/// checked as it is, not upgraded. Exits with 1 if a check FAILED.
///
/// Example: newsarchive check
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub fn run(_args: Args, global: &Global) -> Result<ExitCode> {
    let (archive, version) = Archive::open_read_only_any(&global.db)?;
    let findings = archive.check(version)?;
    let mut sink = report::sink(global.format, global.out()?, global.csv())?;
    sink.header(&["check".into(), "status".into(), "count".into(), "detail".into()])?;
    for f in &findings {
        sink.row(&[
            Cell::Text(f.check.clone()),
            Cell::Text(f.status.as_str().into()),
            f.count.map_or(Cell::Null, Cell::Int),
            Cell::Text(f.detail.clone()),
        ])?;
    }
    sink.finish()?;
    let failed = findings.iter().filter(|f| f.status == Status::Failed).count();
    if failed > 0 {
        eprintln!("newsarchive: {}: {failed} checks FAILED", archive.path());
        return Ok(ExitCode::FAILURE);
    }
    global.note(format!("{}: sound", archive.path()));
    Ok(ExitCode::SUCCESS)
}
