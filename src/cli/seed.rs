//! `newsarchive seed`: import the seed corpus bundled with newsarchive.

use super::Global;
use super::import::Importer;
use crate::ingest::{seed, txt};
use anyhow::Result;
use std::process::ExitCode;

/// Import the bundled seed corpus.
///
/// Five articles from different outlets on the Trump–Ishiba press
/// conference of 2025-02-07, with their manifest. Running it again
/// changes nothing.
///
/// Example: newsarchive --db demo.db seed && newsarchive --db demo.db report quote-overlap
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub fn run(_args: Args, global: &Global) -> Result<ExitCode> {
    let (sources, manifest) = seed::corpus()?;
    let mut importer = Importer::start(global)?;
    for e in &manifest.errors {
        importer.fail(e)?;
    }
    for source in &sources {
        let name = source.path.trim_start_matches("seed/");
        let over = manifest.lookup_name(name).cloned().unwrap_or_default();
        match txt::parse(source, &over) {
            Ok(doc) => importer.add(&doc)?,
            Err(e) => importer.fail(&e)?,
        }
    }
    importer.finish()
}
