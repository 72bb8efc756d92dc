//! `newsarchive migrate`: bring the archive's schema up to date, or show it.

use super::Global;
use crate::report::{self, Cell};
use crate::store::Archive;
use anyhow::Result;
use std::process::ExitCode;

/// Apply pending schema migrations and list them.
///
/// Every migration is listed with the date it was applied. Every command migrates the archive when it opens it;
/// `--status` only looks. An archive written by a newer newsarchive is
/// refused and left unchanged.
///
/// Example: newsarchive migrate --status
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// List the migrations without applying any.
    #[arg(long)]
    status: bool,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let mut archive = if args.status { Archive::open_unmigrated(&global.db)? } else { Archive::open(&global.db)? };
    let status = archive.migration_status()?;
    let mut sink = report::sink(global.format, global.out()?, global.csv())?;
    sink.header(&["version".into(), "name".into(), "applied_on".into()])?;
    for m in status {
        sink.row(&[
            Cell::Int(m.version),
            Cell::Text(m.name),
            m.applied_on.map_or(Cell::Text("pending".into()), Cell::Text),
        ])?;
    }
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}
