//! `newsarchive import`: add documents to the archive.

use super::Global;
use super::pipeline::Importer;
use crate::ingest::corpus::Corpus;
use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// Import articles (files or directories) into the archive.
///
/// A .txt file is one article; a .jsonl file (one JSON object per line) or
/// a .csv file (a header row) is a corpus of articles with the fields
/// outlet, url, title, author, published, language and text, read as a
/// stream. Each article's text is split into headline, body and page
/// furniture, its quotations extracted and attributed, on every core; the
/// same quoted sentences in different articles are linked at the end.
/// A directory's `manifest.csv` (columns file, outlet, url, published,
/// title, author, language) supplies what a text file does not say;
/// `--manifest` names one explicitly. Importing the same text again changes
/// nothing, except metadata given differently now. A file, line or record
/// that cannot be read is reported (file and line), recorded in
/// `import_errors`, and the rest still imports. A progress bar shows on a
/// terminal (not with --quiet).
///
/// Examples:
///   newsarchive import articles/ --manifest articles/manifest.csv
///   newsarchive import corpus.jsonl
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files or directories to import (directories are read recursively).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// A manifest CSV giving metadata for the text files (default: each
    /// directory's manifest.csv).
    #[arg(long, value_name = "FILE")]
    manifest: Option<PathBuf>,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let corpus = Corpus::open(&args.paths, args.manifest.as_deref());
    let mut importer = Importer::start(global, corpus.bytes())?;
    for m in corpus.manifests() {
        global.note(format!("using manifest {} ({} rows)", m.path, m.len()));
    }
    for e in &corpus.errors {
        importer.fail(e)?;
    }
    if corpus.skipped > 0 {
        global.note(format!("skipped {} files of types newsarchive does not read", corpus.skipped));
    }
    importer.import(corpus.items())?;
    importer.finish()
}
