//! `newsarchive import`: add documents to the archive.

use super::Global;
use crate::extract;
use crate::ingest::{self, Document, corpus::Corpus};
use crate::link;
use crate::store::{Archive, RunCounts, Saved};
use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// Import articles (files or directories) into the archive.
///
/// Each file is one article; its text is split into headline, body and
/// page furniture, its quotations extracted and attributed, and the same
/// quoted sentences in different articles linked. A directory's
/// `manifest.csv` (columns file, outlet, url, published, title, author,
/// language) supplies what the text does not say; `--manifest` names one
/// explicitly. Importing the same text again changes nothing, except
/// metadata the manifest now gives differently. A file that cannot be
/// read is reported (file and line), recorded in `import_errors`, and the
/// other files still import.
///
/// Example: newsarchive import articles/ --manifest articles/manifest.csv
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files or directories to import (directories are read recursively).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// A manifest CSV giving metadata for the files (default: each
    /// directory's manifest.csv).
    #[arg(long, value_name = "FILE")]
    manifest: Option<PathBuf>,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let mut importer = Importer::start(global)?;
    let corpus = Corpus::open(&args.paths, args.manifest.as_deref());
    for m in corpus.manifests() {
        global.note(format!("using manifest {} ({} rows)", m.path, m.len()));
    }
    for e in &corpus.errors {
        importer.fail(e)?;
    }
    if corpus.skipped > 0 {
        global.note(format!("skipped {} files of types newsarchive does not read", corpus.skipped));
    }
    for doc in corpus.documents() {
        match doc {
            Ok(doc) => importer.add(&doc)?,
            Err(e) => importer.fail(&e)?,
        }
    }
    importer.finish()
}

/// One import run: documents in, counts and errors recorded, links made
/// at the end.
pub(super) struct Importer<'g> {
    archive: Archive,
    run: i64,
    counts: RunCounts,
    global: &'g Global,
}

impl<'g> Importer<'g> {
    /// Opens the archive and starts a run.
    pub(super) fn start(global: &'g Global) -> Result<Self> {
        let mut archive = Archive::open(&global.db)?;
        let command = std::env::args().collect::<Vec<_>>().join(" ");
        let run = archive.begin_run(&command)?;
        Ok(Importer { archive, run, counts: RunCounts::default(), global })
    }

    /// Extracts and stores one document.
    pub(super) fn add(&mut self, doc: &Document) -> Result<()> {
        let quotes = extract::quotes(doc);
        match self.archive.save(doc, &quotes, self.run)? {
            Saved::Imported(_) => self.counts.imported += 1,
            Saved::Updated(_) => self.counts.updated += 1,
            Saved::Unchanged(_) => self.counts.unchanged += 1,
        }
        Ok(())
    }

    /// Reports and records an input that failed.
    pub(super) fn fail(&mut self, e: &ingest::Error) -> Result<()> {
        eprintln!("error: {e}");
        self.archive.record_error(self.run, e)?;
        self.counts.failed += 1;
        Ok(())
    }

    /// Links new quotes, closes the run and prints its summary. Exit code 1
    /// when any input failed.
    pub(super) fn finish(mut self) -> Result<ExitCode> {
        let linked = link::link(&mut self.archive)?;
        self.archive.finish_run(self.run, self.counts)?;
        let c = self.counts;
        self.global.note(format!(
            "{}: {} imported, {} updated, {} unchanged, {} failed; linked {} new wordings ({} variants, {} fragments), {} articles",
            self.archive.path(),
            c.imported,
            c.updated,
            c.unchanged,
            c.failed,
            linked.wordings,
            linked.variants,
            linked.fragments,
            linked.articles
        ));
        Ok(if c.failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
    }
}
