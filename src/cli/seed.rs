//! `newsarchive seed`: import the seed corpus bundled with newsarchive.

use super::Global;
use super::pipeline::Importer;
use crate::ingest::corpus::Item;
use crate::ingest::seed;
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
    let bytes = sources.iter().map(|s| s.bytes.len() as u64).sum();
    let mut importer = Importer::start(global, bytes)?;
    for e in &manifest.errors {
        importer.fail(e)?;
    }
    let items = sources.into_iter().map(|source| {
        let over = manifest.lookup_name(source.path.trim_start_matches("seed/")).cloned().unwrap_or_default();
        let size = source.bytes.len() as u64;
        (Ok(Item::File { source, over }), size)
    });
    importer.import(items)?;
    importer.finish()
}
