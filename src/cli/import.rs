//! `newsarchive import`: add documents to the archive.

use super::Global;
use super::pipeline::Importer;
use crate::ingest::aliases;
use crate::ingest::corpus::Corpus;
use crate::store::Archive;
use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// Import articles (files or directories) into the archive.
///
/// A .txt file is one article, and so is a web page (.html, .htm, or any
/// file that starts like one): its main text is found and its furniture
/// set aside, its outlet, title, author, date and language read from the
/// page. A web archive (.warc, .warc.gz) is read record by record: each
/// response with an HTML page is an article (WARC-Target-URI its address);
/// requests, metadata, other media and non-200 responses are counted and
/// skipped. A .jsonl file (one JSON object per line) or
/// a .csv file (a header row) is a corpus of articles with the fields
/// outlet, url, title, author, published, language and text, read as a
/// stream. Each article's text is split into headline, body and page
/// furniture, its quotations and claims extracted and attributed, on every
/// core; the same quoted sentences and the same facts in different
/// articles are linked at the end.
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

    /// The largest article accepted: a text file, a JSON line or a CSV
    /// record. Larger ones are reported and skipped. A number of bytes, or
    /// with a K, M or G suffix (binary units).
    #[arg(long, value_name = "SIZE", default_value = "32M", value_parser = parse_size)]
    max_article_size: u64,

    /// Read the inputs as primary sources — the record of what was said at
    /// an event (official transcripts, interview transcripts, captions) —
    /// rather than articles: stored apart from the outlets' articles and
    /// used to check every quotation of the same event (`report fidelity`).
    /// A manifest row's or record's `kind` column still decides for itself.
    #[arg(long)]
    primary: bool,

    /// An alias file (CSV: alias, canonical, language) applied before the
    /// articles are read: the names it lists are attributed to their
    /// canonical speaker (see `newsarchive speakers --help`).
    #[arg(long, value_name = "FILE")]
    aliases: Option<PathBuf>,
}

/// "32M" → 33554432. Suffixes are binary (K = 1024), as `du` and `ls -h` use.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        _ => (t, 0),
    };
    let n: u64 = digits.trim().parse().map_err(|_| format!("'{s}' is not a size (e.g. 500K, 32M, 1G)"))?;
    n.checked_mul(1 << shift).filter(|&n| n > 0).ok_or_else(|| format!("'{s}' is not a usable size"))
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    // Read before anything is written: a bad alias file stops the import.
    if let Some(file) = &args.aliases {
        let aliases = aliases::load(file)?;
        let mut archive = Archive::open(&global.db)?;
        let applied = archive.apply_aliases(&aliases)?;
        global.note(super::speakers::applied_note(file, &applied));
    }
    let corpus = Corpus::open(&args.paths, args.manifest.as_deref())
        .with_max_article_bytes(args.max_article_size)
        .primary(args.primary);
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
    let warc_skipped = corpus.warc_skipped();
    if !warc_skipped.is_empty() {
        let total: u64 = warc_skipped.values().sum();
        let by: Vec<String> = warc_skipped.iter().map(|(why, n)| format!("{n} {why}")).collect();
        global.note(format!("skipped {total} web-archive records that are no news page: {}", by.join(", ")));
    }
    importer.finish()
}
