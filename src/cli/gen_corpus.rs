//! `newsarchive gen-corpus`: a synthetic corpus for benchmarks.

use super::Global;
use crate::synth::{Corpus, LANGUAGES, Tongue, by_code};
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
/// published, language, text (and kind, with --transcripts).
///
/// With several languages, each story is carried in two to four of them:
/// every outlet writes in one language, with its press's quotation marks
/// and attribution verbs; outlets of other languages carry translations of
/// the same quotations, with the same figures and names.
///
/// With --transcripts (English only), each story also gets the record of
/// its event: an official transcript, written as its own line (kind
/// "primary") before the story's first article, holding every sentence its
/// speakers are quoted saying. Articles then edit some quotations the way
/// `report fidelity` finds: trimmed, altered, stitched, misattributed or
/// made up. Records are extra lines: --articles still counts articles.
///
/// Example: newsarchive gen-corpus --articles 10000 --seed 1 --out corpus.jsonl
///          newsarchive gen-corpus --articles 3000 --languages en,fr,de,ja --out ml.jsonl
///          newsarchive gen-corpus --articles 2000 --transcripts --out events.jsonl
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
    /// Languages the stories are carried in, as ISO 639-1 codes: en, fr,
    /// de, es, it, pt, nl, ja, zh, ru.
    #[arg(long, value_name = "LIST", value_delimiter = ',', default_value = "en", value_parser = language)]
    languages: Vec<&'static Tongue>,
    /// Also write the record (transcript) of each story's event, before its
    /// first article, and edit quotations as outlets do (English only).
    #[arg(long)]
    transcripts: bool,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    // Each language once, in the order given.
    let mut languages: Vec<&'static Tongue> = Vec::new();
    for t in args.languages {
        if !languages.iter().any(|l| l.code == t.code) {
            languages.push(t);
        }
    }
    if args.transcripts && languages.iter().any(|t| t.code != "en") {
        // Checked before the file is created: a usage error leaves nothing.
        let codes: Vec<&str> = languages.iter().map(|t| t.code).collect();
        eprintln!(
            "newsarchive: error: --transcripts writes English records for English corpora only, \
             not for --languages {}: leave out --languages (or give --languages en)",
            codes.join(",")
        );
        return Ok(ExitCode::from(2));
    }
    let file = std::fs::File::create(&args.out).with_context(|| format!("cannot write {}", args.out.display()))?;
    let mut out = BufWriter::new(file);
    let mut corpus = Corpus::with_languages(args.seed, &languages);
    if args.transcripts {
        corpus = corpus.with_transcripts();
    }
    let csv = args.out.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let mut records = 0;
    if csv {
        let mut w = csv::Writer::from_writer(out);
        for _ in 0..args.articles {
            let (record, mut article) = corpus.next_with_record();
            if let Some(record) = record {
                w.serialize(record)?;
                records += 1;
            }
            if args.transcripts {
                // Every CSV row has the same columns, the records' `kind`
                // among them.
                article.kind = Some("article".into());
            }
            w.serialize(article)?;
        }
        w.flush()?;
    } else {
        for _ in 0..args.articles {
            let (record, article) = corpus.next_with_record();
            if let Some(record) = record {
                serde_json::to_writer(&mut out, &record)?;
                out.write_all(b"\n")?;
                records += 1;
            }
            serde_json::to_writer(&mut out, &article)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    if args.transcripts {
        global.note(format!(
            "wrote {} articles and {records} records of their events to {}",
            args.articles,
            args.out.display()
        ));
    } else {
        global.note(format!("wrote {} articles to {}", args.articles, args.out.display()));
    }
    Ok(ExitCode::SUCCESS)
}

/// The language of an ISO 639-1 code, for `--languages`.
fn language(code: &str) -> Result<&'static Tongue, String> {
    by_code(code).ok_or_else(|| {
        let known: Vec<&str> = LANGUAGES.iter().map(|t| t.code).collect();
        format!("gen-corpus writes {}", known.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_read_by_code() {
        assert_eq!(language(" JA").map(|t| t.code), Ok("ja"));
        let err = language("xx").unwrap_err();
        assert!(err.contains("en, fr") && err.contains("zh"), "{err}");
    }
}
