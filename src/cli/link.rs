//! `newsarchive link`: link what is not linked yet, or rebuild the summaries.

use super::Global;
use crate::link;
use crate::store::Archive;
use anyhow::Result;
use std::process::ExitCode;

/// Link quotations and articles not linked yet, and refresh the reports.
///
/// Imports link at their end and reports link first, so this is rarely
/// needed: after an import was interrupted, or — with --rebuild — after
/// rows were changed with SQL outside newsarchive, to recompute every
/// report's summary from the archive's rows.
///
/// Example: newsarchive link --rebuild
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Recompute every summary the reports read, not only what changed.
    #[arg(long)]
    rebuild: bool,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let mut archive = Archive::open_existing(&global.db)?;
    let progress = global.progress(None);
    progress.set_message(if args.rebuild { "recomputing every summary" } else { "linking" });
    let linked = if args.rebuild { link::rebuild(&mut archive)? } else { link::link(&mut archive)? };
    progress.finish_and_clear();
    global.note(format!(
        "{}: linked {} new wordings ({} variants, {} fragments), {} articles, {} speakers, {} translations",
        archive.path(),
        linked.wordings,
        linked.variants,
        linked.fragments,
        linked.articles,
        linked.speakers,
        linked.translations
    ));
    super::translation_notice(global, &linked);
    Ok(ExitCode::SUCCESS)
}
