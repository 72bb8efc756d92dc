//! `newsarchive import-links`: the links the Spark job computed across
//! shards, loaded into this archive.

use super::Global;
use crate::shard::{self, Cell};
use crate::store::{Archive, Shared};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Load the quotations and facts the Spark job linked across shards into this archive.
///
/// DIR is the output of spark/link.py, run over the Parquet exports of
/// several archives (`export --format parquet`). Each wording this archive
/// holds gets its global quotation (table global_wordings), each claim its
/// global fact (global_claims), and the job's reports over all shards
/// become this archive's `report quote-overlap-global`, `outlet-pairs-global`,
/// `claim-coverage-global` and `claim-outlet-pairs-global`; `report
/// quotations-global` and `claims-global` list this archive's quotations and
/// facts with how many outlets, here and anywhere, carried them, and
/// `article-similarity-global` the pairs of articles sharing text one of
/// which is here (the other in any shard). A new load replaces the last,
/// in one transaction: an output that is incomplete or not the job's
/// changes nothing.
///
/// Each archive is exported, the job links the exports, and its output is
/// loaded into each archive:
///   newsarchive --db shard-1.db export --format parquet --dir shard-1/
///   spark-submit spark/link.py --out links/ shard-1/ shard-2/
///   newsarchive --db shard-1.db import-links links/
///
/// tests/fixtures/seed-links/ is the job's output for the seed corpus
/// split in two archives by outlet.
///
/// Examples:
///   newsarchive import-links tests/fixtures/seed-links/
///   newsarchive import-links tests/fixtures/seed-links/ && newsarchive report quote-overlap-global
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The Spark job's output directory.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
}

/// The job's numbers and names, as their columns hold them; anything else
/// means the output is not the job's.
fn int(dir: &Path, c: &Cell) -> shard::Result<i64> {
    match c {
        Cell::Int(i) => Ok(*i),
        other => Err(not_the_jobs(dir, "an integer", other)),
    }
}

fn real(dir: &Path, c: &Cell) -> shard::Result<Option<f64>> {
    match c {
        Cell::Int(i) => Ok(Some(*i as f64)),
        Cell::Real(x) => Ok(Some(*x)),
        Cell::Null => Ok(None),
        other => Err(not_the_jobs(dir, "a number", other)),
    }
}

fn text<'c>(dir: &Path, c: &'c Cell) -> shard::Result<&'c str> {
    match c {
        Cell::Text(s) => Ok(s),
        other => Err(not_the_jobs(dir, "text", other)),
    }
}

fn optional_text<'c>(dir: &Path, c: &'c Cell) -> shard::Result<Option<&'c str>> {
    match c {
        Cell::Null => Ok(None),
        other => text(dir, other).map(Some),
    }
}

fn not_the_jobs(dir: &Path, expected: &str, found: &Cell) -> shard::Error {
    shard::Error::Links {
        path: dir.display().to_string(),
        message: format!("{found:?} where the job writes {expected}: is this the output of spark/link.py?"),
    }
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let dir = &args.dir;
    if !dir.is_dir() {
        anyhow::bail!("{}: no such directory (the output of spark/link.py --out DIR)", dir.display());
    }
    let mut archive = Archive::open_existing(&global.db)?;
    let mut load = archive.begin_global_load()?;
    let out = dir.join("wording_clusters");
    shard::read_links(
        dir,
        "wording_clusters",
        &["wording_normalized", "cluster", "root", "canonical", "outlets"],
        |c| {
            let canonical = int(&out, &c[3])? != 0;
            Ok(load.wording(text(&out, &c[0])?, int(&out, &c[1])?, int(&out, &c[2])?, canonical, int(&out, &c[4])?)?)
        },
    )?;
    let out = dir.join("report_quote_overlap");
    shard::read_links(
        dir,
        "report_quote_overlap",
        &["outlet", "articles", "quotes", "shared", "unique_quotes", "shared_pct?", "reworded"],
        |c| {
            let counts = [int(&out, &c[1])?, int(&out, &c[2])?, int(&out, &c[3])?, int(&out, &c[4])?];
            let [articles, quotes, shared, unique] = counts;
            Ok(load.overlap(
                text(&out, &c[0])?,
                articles,
                quotes,
                shared,
                unique,
                real(&out, &c[5])?,
                int(&out, &c[6])?,
            )?)
        },
    )?;
    let out = dir.join("report_outlet_pairs");
    shard::read_links(
        dir,
        "report_outlet_pairs",
        &["outlet_a", "outlet_b", "shared", "pct_of_a?", "pct_of_b?"],
        |c| {
            let (a, b) = (text(&out, &c[0])?, text(&out, &c[1])?);
            Ok(load.pair(Shared::Quotations, a, b, int(&out, &c[2])?, real(&out, &c[3])?, real(&out, &c[4])?)?)
        },
    )?;
    let out = dir.join("claim_clusters");
    shard::read_links(dir, "claim_clusters", &["article_sha256", "start", "cluster", "outlets"], |c| {
        Ok(load.claim(text(&out, &c[0])?, int(&out, &c[1])?, int(&out, &c[2])?, int(&out, &c[3])?)?)
    })?;
    let out = dir.join("report_claim_coverage");
    shard::read_links(
        dir,
        "report_claim_coverage",
        &["outlet", "articles", "claims", "facts", "stated", "shared", "only_here", "shared_pct?", "conflicts"],
        |c| {
            // claims, facts, stated, shared, only_here, conflicts
            let mut counts = [0; 6];
            for (slot, i) in counts.iter_mut().zip([2, 3, 4, 5, 6, 8]) {
                *slot = int(&out, &c[i])?;
            }
            Ok(load.claim_coverage(text(&out, &c[0])?, int(&out, &c[1])?, counts, real(&out, &c[7])?)?)
        },
    )?;
    let out = dir.join("report_claim_outlet_pairs");
    shard::read_links(
        dir,
        "report_claim_outlet_pairs",
        &["outlet_a", "outlet_b", "shared", "pct_of_a?", "pct_of_b?"],
        |c| {
            let (a, b) = (text(&out, &c[0])?, text(&out, &c[1])?);
            Ok(load.pair(Shared::Facts, a, b, int(&out, &c[2])?, real(&out, &c[3])?, real(&out, &c[4])?)?)
        },
    )?;
    let out = dir.join("report_article_similarity");
    shard::read_links(
        dir,
        "report_article_similarity",
        &[
            "article_a",
            "article_b",
            "a_in_b_pct",
            "b_in_a_pct",
            "likely_source?",
            "source_reason?",
            "a_sha256",
            "b_sha256",
        ],
        |c| {
            let labels = [text(&out, &c[0])?, text(&out, &c[1])?];
            let pct = |i: usize| real(&out, &c[i])?.ok_or_else(|| not_the_jobs(&out, "a number", &c[i]));
            let source = [optional_text(&out, &c[4])?, optional_text(&out, &c[5])?];
            Ok(load.similar_articles(labels, [pct(2)?, pct(3)?], source, [text(&out, &c[6])?, text(&out, &c[7])?])?)
        },
    )?;
    let counts = load.commit(&dir.display().to_string()).with_context(|| format!("loading {}", dir.display()))?;
    global.note(format!(
        "loaded the links of {}: {} of this archive's wordings in global quotations, {} of its claims in global \
         facts; {} outlets in all shards (report quote-overlap-global, claim-coverage-global)",
        dir.display(),
        counts.wordings,
        counts.claims,
        counts.outlets
    ));
    Ok(ExitCode::SUCCESS)
}
