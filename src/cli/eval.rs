//! `newsarchive eval`: extraction measured against hand-made answers.

use super::Global;
use crate::eval::claims::{self as claim_eval, ClaimDetail, FactKey, PredictedClaim};
use crate::eval::{self, Detail, Gold, Predicted};
use crate::extract;
use crate::ingest::{Document, corpus::Corpus};
use crate::report::{self, Cell};
use anyhow::Result;
use std::collections::HashSet;
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
        /// One row of figures per language (as given or detected, `?` when
        /// unknown), then one for all.
        #[arg(long)]
        by_language: bool,
    },
    /// Claims: precision, recall and F1 of claim sentences and of their facts.
    ///
    /// GOLD.csv has the columns document, sentence, voice, speaker, facts
    /// (document: the file name; voice: outlet or reported; facts:
    /// kind=value[..high][ unit] separated by ";", e.g. "money=1e12 USD;
    /// year=2027"). Sentences match at 0.85 similarity after case,
    /// punctuation and spacing are set aside; facts match per document when
    /// kind, value, high end and unit agree. Voice accuracy is over matched
    /// claims, speaker accuracy over matched reported claims whose gold
    /// names a speaker. See tests/fixtures/claims/README.md for what counts
    /// as a claim.
    ///
    /// Example: newsarchive eval claims tests/fixtures/seed_claims.csv seed/ --details
    #[command(verbatim_doc_comment)]
    Claims {
        /// The gold answers.
        #[arg(value_name = "GOLD.csv")]
        gold: PathBuf,
        /// Documents (files or directories) the answers are for.
        #[arg(required = true, value_name = "DOCS")]
        docs: Vec<PathBuf>,
        /// A manifest for the documents (default: each directory's manifest.csv).
        #[arg(long, value_name = "FILE")]
        manifest: Option<PathBuf>,
        /// List every missed and false claim and fact, wrong voice and speaker.
        #[arg(long)]
        details: bool,
    },
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    match args.what {
        What::Quotes { gold, docs, manifest, details, by_language } => {
            quotes(&gold, &docs, manifest.as_deref(), details, by_language, global)
        }
        What::Claims { gold, docs, manifest, details } => claims(&gold, &docs, manifest.as_deref(), details, global),
    }
}

/// Every document of the inputs, errors reported and skipped. The gold
/// file itself, when it lies among the documents (`eval … gold.csv dir/`
/// with the gold in `dir/`), is not one.
fn documents(docs: &[PathBuf], manifest: Option<&Path>, gold: &Path) -> Vec<Document> {
    let gold = std::fs::canonicalize(gold).ok();
    let is_gold = |path: &str| gold.is_some() && std::fs::canonicalize(path).ok() == gold;
    let corpus = Corpus::open(docs, manifest);
    for e in corpus.errors.iter().filter(|e| !is_gold(&e.path)) {
        eprintln!("error: {e}");
    }
    corpus
        .documents()
        .filter_map(|d| {
            d.map_err(|e| {
                if !is_gold(&e.path) {
                    eprintln!("error: {e}")
                }
            })
            .ok()
        })
        .collect()
}

fn quotes(
    gold: &Path,
    docs: &[PathBuf],
    manifest: Option<&Path>,
    details: bool,
    by_language: bool,
    global: &Global,
) -> Result<ExitCode> {
    let gold_rows = eval::load_gold(gold)?;
    let mut predicted = Vec::new();
    // Each document's language, for the figures per language.
    let mut languages: Vec<(String, String)> = Vec::new();
    for doc in documents(docs, manifest, gold) {
        let document = file_name(&doc.source_path);
        languages.push((document.clone(), doc.meta.language.clone().unwrap_or_else(|| "?".to_owned())));
        for q in extract::quotes(&doc) {
            predicted.push(Predicted {
                document: document.clone(),
                quote: q.text,
                speaker: q.speaker,
                speaker_kind: q.speaker_kind.map(|k| k.as_str().to_owned()),
                kind: q.kind.as_str().to_owned(),
                region: q.region.as_str().to_owned(),
            });
        }
    }
    let s = eval::score(&gold_rows, &predicted);
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
                Detail::SpeakerKind { document, quote, gold, got } => {
                    format!("SKIND {document}: {quote:?} gold={gold} got={got}")
                }
            };
            writeln!(out, "{line}")?;
        }
    }
    let mut rows = Vec::new();
    if by_language {
        let mut codes: Vec<&str> = languages.iter().map(|(_, l)| l.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        for code in codes {
            let docs: HashSet<&str> = languages.iter().filter(|(_, l)| l == code).map(|(d, _)| d.as_str()).collect();
            let g: Vec<Gold> = gold_rows.iter().filter(|r| docs.contains(r.document.as_str())).cloned().collect();
            let p: Vec<Predicted> = predicted.iter().filter(|r| docs.contains(r.document.as_str())).cloned().collect();
            if !g.is_empty() {
                rows.push(quote_figures(Some(code), &eval::score(&g, &p)));
            }
        }
        rows.push(quote_figures(Some("all"), &s));
    } else {
        rows.push(quote_figures(None, &s));
    }
    figures(global, out, &rows)
}

/// One row of quotation figures, led by its language when given.
fn quote_figures(language: Option<&str>, s: &eval::Scores) -> Vec<(&'static str, Cell)> {
    let mut row = Vec::new();
    if let Some(code) = language {
        row.push(("language", Cell::Text(code.to_owned())));
    }
    row.extend([
        ("gold", count(s.gold)),
        ("predicted", count(s.predicted)),
        ("matched", count(s.matched)),
        ("precision", r3(s.precision)),
        ("recall", r3(s.recall)),
        ("f1", r3(s.f1)),
        ("speaker_accuracy", r3(s.speaker_accuracy)),
        ("kind_accuracy", r3(s.kind_accuracy)),
    ]);
    // Only gold that annotates speakers' kinds can score them.
    row.push((
        "speaker_kind_accuracy",
        if s.speaker_kind_scored > 0 { r3(s.speaker_kind_accuracy) } else { Cell::Null },
    ));
    row
}

fn claims(gold: &Path, docs: &[PathBuf], manifest: Option<&Path>, details: bool, global: &Global) -> Result<ExitCode> {
    let gold_rows = claim_eval::load_gold(gold)?;
    let mut predicted = Vec::new();
    for doc in documents(docs, manifest, gold) {
        let document = file_name(&doc.source_path);
        for c in extract::extract(&doc).claims {
            predicted.push(PredictedClaim {
                document: document.clone(),
                sentence: c.text,
                voice: c.voice.as_str().to_owned(),
                speaker: c.speaker,
                facts: c
                    .facts
                    .into_iter()
                    .map(|f| FactKey {
                        kind: f.kind,
                        value: f.value,
                        high: f.high,
                        unit: f.unit.unwrap_or_default().to_owned(),
                    })
                    .collect(),
            });
        }
    }
    let s = claim_eval::score(&gold_rows, &predicted);
    let mut out = global.out()?;
    if details {
        for d in &s.details {
            let line = match d {
                ClaimDetail::Miss { document, sentence } => format!("MISS  {document}: {sentence:?}"),
                ClaimDetail::Extra { document, sentence } => format!("EXTRA {document}: {sentence:?}"),
                ClaimDetail::MissFact { document, fact, sentence } => {
                    format!("MISS-FACT  {document}: {fact} in {sentence:?}")
                }
                ClaimDetail::ExtraFact { document, fact, sentence } => {
                    format!("EXTRA-FACT {document}: {fact} in {sentence:?}")
                }
                ClaimDetail::Voice { document, sentence, gold, got } => {
                    format!("VOICE {document}: {sentence:?} gold={gold} got={got}")
                }
                ClaimDetail::Speaker { document, sentence, gold, got } => {
                    format!("SPKR  {document}: {sentence:?} gold={gold} got={got:?}")
                }
            };
            writeln!(out, "{line}")?;
        }
    }
    figures(
        global,
        out,
        &[vec![
            ("gold", count(s.gold)),
            ("predicted", count(s.predicted)),
            ("matched", count(s.matched)),
            ("precision", r3(s.precision)),
            ("recall", r3(s.recall)),
            ("f1", r3(s.f1)),
            ("facts_gold", count(s.facts_gold)),
            ("facts_predicted", count(s.facts_predicted)),
            ("facts_matched", count(s.facts_matched)),
            ("fact_precision", r3(s.fact_precision)),
            ("fact_recall", r3(s.fact_recall)),
            ("fact_f1", r3(s.fact_f1)),
            ("voice_accuracy", r3(s.voice_accuracy)),
            ("speaker_accuracy", r3(s.speaker_accuracy)),
        ]],
    )
}

/// Prints an evaluation's figures: a row each (the first names the
/// columns), a column per figure.
fn figures(global: &Global, out: Box<dyn std::io::Write>, rows: &[Vec<(&str, Cell)>]) -> Result<ExitCode> {
    let mut sink = report::sink(global.format, out, global.csv())?;
    if let Some(first) = rows.first() {
        sink.header(&first.iter().map(|(name, _)| (*name).to_owned()).collect::<Vec<_>>())?;
    }
    for row in rows {
        sink.row(&row.iter().map(|(_, cell)| cell.clone()).collect::<Vec<_>>())?;
    }
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn count(n: usize) -> Cell {
    Cell::Int(n as i64)
}

fn r3(x: f64) -> Cell {
    Cell::Real((x * 1000.0).round() / 1000.0)
}

fn file_name(path: &str) -> String {
    Path::new(path).file_name().map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}
