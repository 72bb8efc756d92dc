//! `newsarchive compare`: the archive's own comparisons of claims and of
//! articles, applied to pairs read as JSON lines. The Spark job
//! (spark/link.py) finds candidate pairs across shards and runs this on
//! its executors, so that a cluster decides what is the same fact and
//! which article reuses which exactly as one archive's linker does,
//! without a second implementation to drift from the first.

use super::Global;
use crate::extract::figures::{FactKind, Value};
use crate::link::{articles, claims};
use crate::store::{StoredClaim, StoredFact};
use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::process::ExitCode;

/// Compare pairs of claims or of articles as the linker does (for spark/link.py).
///
/// Reads one JSON object per line on standard input, a pair {"a": …,
/// "b": …} with `a` the earlier, and writes one JSON object per line, in
/// the same order, on standard output.
///
/// claims: each side {"id", "article", "published", "text", "facts":
/// [{"id", "kind", "value", "high", "unit", "qualifier", "subject",
/// "precision"}]} as the tables claims and claim_facts hold them (ids are
/// the caller's, echoed in fact pairs); out: {"relation": "same" |
/// "conflict" | "differs" | "unrelated", "strength", "roundings":
/// [[fact a, fact b]], "conflicts": [[fact a, fact b]]}.
///
/// articles: each side {"body", "published"}; out: {"a_sentences",
/// "a_found", "b_sentences", "b_found", "source": "a" | "b" | null,
/// "reason"} (the counts of sentences found in the other, as the table
/// article_pairs holds them).
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// What the pairs are.
    #[arg(value_enum)]
    what: What,
}

/// The kind of pair compared.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum What {
    /// Claims: is it the same fact, a conflict, a rounding?
    Claims,
    /// Articles: which sentences of each the other carries.
    Articles,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair<T> {
    a: T,
    b: T,
}

#[derive(Deserialize)]
struct ClaimIn {
    id: i64,
    article: i64,
    published: Option<String>,
    text: String,
    #[serde(default)]
    facts: Vec<FactIn>,
}

#[derive(Deserialize)]
struct FactIn {
    id: i64,
    kind: String,
    value: serde_json::Value,
    high: Option<serde_json::Value>,
    unit: Option<String>,
    qualifier: Option<String>,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    precision: i64,
}

#[derive(Serialize)]
struct ClaimsOut {
    relation: &'static str,
    strength: Option<f64>,
    roundings: Vec<(i64, i64)>,
    conflicts: Vec<(i64, i64)>,
}

#[derive(Deserialize)]
struct ArticleIn {
    body: String,
    published: Option<String>,
}

#[derive(Serialize)]
struct ArticlesOut {
    a_sentences: usize,
    a_found: usize,
    b_sentences: usize,
    b_found: usize,
    source: Option<&'static str>,
    reason: Option<&'static str>,
}

/// A fact's value as the export writes it: a number, or text that is a
/// date (kind `date`) or a number printed as text (a NUMERIC column that
/// also holds dates is exported as text).
fn value(kind: FactKind, v: &serde_json::Value) -> Result<Value> {
    match v {
        serde_json::Value::Number(n) => n.as_f64().map(Value::Num).context("a number out of range"),
        serde_json::Value::String(s) if kind == FactKind::Date => Ok(Value::Date(s.clone())),
        serde_json::Value::String(s) => s
            .trim()
            .parse()
            .map(Value::Num)
            .with_context(|| format!("a {} fact's value {s:?} is not a number", kind.as_str())),
        other => bail!("a fact's value must be a number or text, not {other}"),
    }
}

fn stored(c: ClaimIn) -> Result<StoredClaim> {
    let facts = c
        .facts
        .into_iter()
        .map(|f| {
            let kind = FactKind::parse(&f.kind).with_context(|| format!("unknown fact kind {:?}", f.kind))?;
            Ok(StoredFact {
                id: f.id,
                kind,
                value: value(kind, &f.value)?,
                high: f.high.as_ref().filter(|h| !h.is_null()).map(|h| value(kind, h)).transpose()?,
                unit: f.unit,
                qualifier: f.qualifier,
                subject: f.subject,
                precision: f.precision.clamp(0, 64) as u32,
            })
        })
        .collect::<Result<_>>()?;
    Ok(StoredClaim { id: c.id, article_id: c.article, published: c.published, text: c.text, cluster_id: None, facts })
}

fn compare_claims(line: &str) -> Result<ClaimsOut> {
    let pair: Pair<ClaimIn> = serde_json::from_str(line)?;
    let (a, b) = (claims::sig(&stored(pair.a)?), claims::sig(&stored(pair.b)?));
    let none = ClaimsOut { relation: "unrelated", strength: None, roundings: vec![], conflicts: vec![] };
    Ok(match claims::relate(&a, &b) {
        claims::Relation::Same { strength, roundings } => {
            ClaimsOut { relation: "same", strength: Some(strength), roundings, ..none }
        }
        claims::Relation::Conflict(conflicts) => ClaimsOut { relation: "conflict", conflicts, ..none },
        claims::Relation::Differs => ClaimsOut { relation: "differs", ..none },
        claims::Relation::Unrelated => none,
    })
}

fn compare_articles(line: &str) -> Result<ArticlesOut> {
    let pair: Pair<ArticleIn> = serde_json::from_str(line)?;
    let (a, b) = (articles::shingle(&pair.a.body), articles::shingle(&pair.b.body));
    let (a_sentences, b_sentences) = (a.sentence_count(), b.sentence_count());
    let (a_found, b_found) = (articles::found_in(&a, &b), articles::found_in(&b, &a));
    let share = |found: usize, of: usize| if of == 0 { 0.0 } else { found as f64 / of as f64 };
    let source = articles::likely_source(
        pair.a.published.as_deref(),
        pair.b.published.as_deref(),
        share(a_found, a_sentences),
        share(b_found, b_sentences),
    );
    let (source, reason) = match source {
        Some(articles::Source::A(why)) => (Some("a"), Some(why)),
        Some(articles::Source::B(why)) => (Some("b"), Some(why)),
        None => (None, None),
    };
    Ok(ArticlesOut { a_sentences, a_found, b_sentences, b_found, source, reason })
}

/// Compares every pair on standard input; the first line that is not a
/// pair stops it with an error naming the line.
pub fn run(args: Args, _global: &Global) -> Result<ExitCode> {
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lines().enumerate() {
        let line = line.with_context(|| format!("standard input, line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let written = match args.what {
            What::Claims => compare_claims(&line).and_then(|r| Ok(serde_json::to_writer(&mut out, &r)?)),
            What::Articles => compare_articles(&line).and_then(|r| Ok(serde_json::to_writer(&mut out, &r)?)),
        };
        written.with_context(|| format!("standard input, line {}", n + 1))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
