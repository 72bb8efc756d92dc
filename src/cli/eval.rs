//! `newsarchive eval`: extraction measured against hand-made answers.

use super::Global;
use crate::eval::{self, Detail, Predicted};
use crate::extract;
use crate::ingest::corpus::Corpus;
use crate::report::{self, Cell};
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Measure extraction against hand-made answers.
///
/// Nothing is written to any archive: the documents are read and their
/// quotations extracted in memory, exactly as `import` would.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// Quotations: precision, recall and F1 of spans, speaker and kind accuracy.
    ///
    /// GOLD.csv has the columns document, line, quote, speaker, kind,
    /// region, cue (document: the file name; speaker: `A|B` for either, `?`
    /// when not annotated). Body quotes of kind full and partial are scored;
    /// headline quotes and rows of region `unsure` are neither required nor
    /// penalised. Spans match at 0.85 similarity after case, punctuation and
    /// spacing are set aside; a speaker is right when the gold name's last
    /// word is among the extracted name's words. Kind accuracy is over body
    /// quotes of every kind, mentions included.
    ///
    /// Example: newsarchive eval quotes tests/fixtures/seed_quotes.csv seed/ --details
    #[command(verbatim_doc_comment)]
    Quotes {
        /// The gold answers.
        #[arg(value_name = "GOLD.csv")]
        gold: PathBuf,
        /// Documents (files or directories) the answers are for.
        #[arg(required = true, value_name = "DOCS")]
        docs: Vec<PathBuf>,
        /// A manifest for the documents (default: each directory's manifest.csv).
        #[arg(long, value_name = "FILE")]
        manifest: Option<PathBuf>,
        /// List every miss, false hit, wrong speaker and wrong kind.
        #[arg(long)]
        details: bool,
    },
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let What::Quotes { gold, docs, manifest, details } = args.what;
    let gold = eval::load_gold(&gold)?;
    let corpus = Corpus::open(&docs, manifest.as_deref());
    for e in &corpus.errors {
        eprintln!("error: {e}");
    }
    let mut predicted = Vec::new();
    for doc in corpus.documents() {
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: {e}");
                continue;
            }
        };
        let document = file_name(&doc.source_path);
        for q in extract::quotes(&doc) {
            predicted.push(Predicted {
                document: document.clone(),
                quote: q.text,
                speaker: q.speaker,
                kind: q.kind.as_str().to_owned(),
                region: q.region.as_str().to_owned(),
            });
        }
    }
    let s = eval::score(&gold, &predicted);
    let mut out = global.out()?;
    if details {
        for d in &s.details {
            let line = match d {
                Detail::Miss { document, quote, speaker } => format!("MISS  {document}: {quote:?} ({speaker})"),
                Detail::Extra { document, quote } => format!("EXTRA {document}: {quote:?}"),
                Detail::Speaker { document, quote, gold, got } => {
                    format!("SPKR  {document}: {quote:?} gold={gold} got={got:?}")
                }
                Detail::Kind { document, quote, gold, got } => {
                    format!("KIND  {document}: {quote:?} gold={gold} got={got}")
                }
            };
            writeln!(out, "{line}")?;
        }
    }
    let mut sink = report::sink(global.format, out, global.csv())?;
    let cols = ["gold", "predicted", "matched", "precision", "recall", "f1", "speaker_accuracy", "kind_accuracy"];
    sink.header(&cols.map(String::from))?;
    let r3 = |x: f64| Cell::Real((x * 1000.0).round() / 1000.0);
    sink.row(&[
        Cell::Int(s.gold as i64),
        Cell::Int(s.predicted as i64),
        Cell::Int(s.matched as i64),
        r3(s.precision),
        r3(s.recall),
        r3(s.f1),
        r3(s.speaker_accuracy),
        r3(s.kind_accuracy),
    ])?;
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn file_name(path: &str) -> String {
    Path::new(path).file_name().map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}
