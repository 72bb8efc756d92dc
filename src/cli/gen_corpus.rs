//! `newsarchive gen-corpus`: a synthetic corpus for benchmarks.

use super::Global;
use crate::synth::Corpus;
use anyhow::{Context, Result};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Write a synthetic news corpus (JSON lines, or CSV for a .csv file).
///
/// Deterministic for a seed: hundreds of outlets, thousands of speakers,
/// stories covered by several outlets with shared, reworded and fragmentary
/// quotations, reprinted wire copy, figures, bylines, captions and promos —
/// the paths a real import takes. Columns: outlet, url, title, author,
/// published, language, text.
///
/// Example: newsarchive gen-corpus --articles 100000 --seed 1 --out corpus.jsonl
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Number of articles.
    #[arg(long, value_name = "N")]
    articles: usize,
    /// Seed: the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// File to write (`.csv` for CSV, anything else for JSON lines).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let file = std::fs::File::create(&args.out).with_context(|| format!("cannot write {}", args.out.display()))?;
    let mut out = BufWriter::new(file);
    let mut corpus = Corpus::new(args.seed);
    let csv = args.out.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if csv {
        let mut w = csv::Writer::from_writer(out);
        for _ in 0..args.articles {
            w.serialize(corpus.next_article())?;
        }
        w.flush()?;
    } else {
        for _ in 0..args.articles {
            serde_json::to_writer(&mut out, &corpus.next_article())?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    global.note(format!("wrote {} articles to {}", args.articles, args.out.display()));
    Ok(ExitCode::SUCCESS)
}
