//! `newsarchive reextract`: stored sources through today's extractors.

use super::Global;
use crate::extract;
use crate::ingest::{self, Source};
use crate::link;
use crate::store::{Archive, NewArticle, NewTranscript, Selection, StoredSource, StoredText};
use anyhow::Result;
use std::collections::HashMap;
use std::process::ExitCode;

/// Re-run layout and extraction on the stored sources of articles.
///
/// Every article's source bytes are kept in the archive. After newsarchive
/// improves (a better main-text extractor, new attribution rules), this
/// reads them again and brings the archive up to date: bodies, quotations,
/// speakers, claims, links, summaries and the full-text index. Only
/// articles whose extraction changed are touched; their metadata (from a
/// manifest, say) is kept. Changes are written in batches, each whole or
/// not at all, so an interrupted run loses nothing and running it again
/// finishes the work. Prints what changed.
///
/// Records (transcripts imported with --primary) are read again too when
/// no --outlet or --since narrows the run: a record whose turns now read
/// differently gets the new ones, and its quotations are checked again.
///
/// Examples:
///   newsarchive reextract
///   newsarchive reextract --outlet "Fox News" --since 2025-01-01
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Only this outlet's articles.
    #[arg(long, value_name = "OUTLET")]
    outlet: Option<String>,

    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    since: Option<String>,
}

fn parse_date(s: &str) -> Result<String, String> {
    ingest::dates::parse_iso(s).ok_or_else(|| format!("'{s}' is not a date (YYYY-MM-DD)"))
}

/// Articles read per batch: extracted on every core, then written in one
/// transaction.
const BATCH: usize = 256;

/// What a run changed.
#[derive(Debug, Default)]
struct Changes {
    read: u64,
    changed: u64,
    failed: u64,
    quotes_added: u64,
    quotes_removed: u64,
    reattributed: u64,
    records_read: u64,
    records_changed: u64,
    records_failed: u64,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let mut archive = Archive::open_existing(&global.db)?;
    if let Some(outlet) = &args.outlet
        && !archive.has_outlet(outlet)?
    {
        anyhow::bail!("no outlet named '{outlet}' in {} (see `newsarchive report outlets`)", archive.path());
    }
    let selection = Selection { outlet: args.outlet, since: args.since };
    let mut changes = Changes::default();
    let mut after = 0;
    let progress = global.progress(None);
    loop {
        progress.set_message(format!("{} articles read, {} changed", changes.read, changes.changed));
        let sources = archive.stored_sources(&selection, after, BATCH)?;
        let Some(last) = sources.last() else { break };
        after = last.id;
        changes.read += sources.len() as u64;
        let mut batch = Vec::new();
        for (id, result) in extract_all(sources) {
            let article = match result {
                Ok(a) => a,
                Err(e) => {
                    progress.suspend(|| eprintln!("error: {e} (the article keeps its earlier extraction)"));
                    changes.failed += 1;
                    continue;
                }
            };
            let Some(stored) = archive.stored_text(id)? else { continue };
            if compare(&stored, &article, &mut changes) {
                changes.changed += 1;
                batch.push((id, article));
            }
        }
        if !batch.is_empty() {
            archive.replace_extractions(&batch)?;
        }
    }
    // Records belong to no outlet and have no publication date: read again
    // when every article is.
    if selection.outlet.is_none() && selection.since.is_none() {
        reread_records(&mut archive, &mut changes, &progress)?;
    }
    progress.set_message("linking");
    let linked = link::link(&mut archive)?;
    progress.finish_and_clear();
    let c = &changes;
    global.note(format!(
        "{}: {} articles read, {} changed, {} unchanged, {} failed; quotes: {} added, {} removed, {} re-attributed; \
         {} records read, {} changed, {} failed; linked {} new wordings, {} quotations checked against the record",
        archive.path(),
        c.read,
        c.changed,
        c.read - c.changed - c.failed,
        c.failed,
        c.quotes_added,
        c.quotes_removed,
        c.reattributed,
        c.records_read,
        c.records_changed,
        c.records_failed,
        linked.wordings,
        linked.judged
    ));
    Ok(if c.failed + c.records_failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Reads every record's (transcript's) source again and replaces the
/// turns of those read differently now; their quotations are checked
/// again by the linking pass that follows.
fn reread_records(archive: &mut Archive, changes: &mut Changes, progress: &indicatif::ProgressBar) -> Result<()> {
    let mut after = 0;
    loop {
        progress.set_message(format!("{} records read, {} changed", changes.records_read, changes.records_changed));
        let records = archive.stored_records(after, BATCH)?;
        let Some(last) = records.last() else { break };
        after = last.id;
        for record in records {
            changes.records_read += 1;
            match ingest::primary::parse(&record.source, &record.meta) {
                Ok(primary) => {
                    if archive.reread_record(&record, &NewTranscript::new(primary))? {
                        changes.records_changed += 1;
                    }
                }
                Err(e) => {
                    progress.suspend(|| eprintln!("error: {e} (the record keeps its earlier turns)"));
                    changes.records_failed += 1;
                }
            }
        }
    }
    Ok(())
}

/// Re-parses and extracts sources on every core, keeping their order.
fn extract_all(sources: Vec<StoredSource>) -> Vec<(i64, Result<NewArticle, ingest::Error>)> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(16);
    let chunk = sources.len().div_ceil(workers).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = sources
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|src| {
                            let source = Source { path: src.source_path.clone(), bytes: src.raw.clone() };
                            let result = if src.raw.is_empty() {
                                Err(ingest::Error::new(&src.source_path, None, "the stored source cannot be read"))
                            } else {
                                ingest::reparse(&source, &src.media_type, &src.meta).map(|doc| {
                                    let extraction = extract::extract(&doc);
                                    NewArticle::new(doc, extraction)
                                })
                            };
                            (src.id, result)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        // A worker that panicked is a bug; its articles are reported, not lost.
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

/// Whether a new extraction differs from what is stored, counting the
/// quotations it adds, removes and attributes to someone else.
fn compare(stored: &StoredText, article: &NewArticle, changes: &mut Changes) -> bool {
    let old: HashMap<(&str, i64, &str), Option<&str>> =
        stored.quotes.iter().map(|(r, s, t, w)| ((r.as_str(), *s, t.as_str()), w.as_deref())).collect();
    let new: HashMap<(&str, i64, &str), Option<&str>> = article
        .quotes
        .iter()
        .map(|q| ((q.region.as_str(), q.start as i64, q.text.as_str()), q.speaker_text.as_deref()))
        .collect();
    let added = new.keys().filter(|k| !old.contains_key(*k)).count() as u64;
    let removed = old.keys().filter(|k| !new.contains_key(*k)).count() as u64;
    let reattributed = new.iter().filter(|(k, w)| old.get(*k).is_some_and(|o| o != *w)).count() as u64;
    let changed = stored.body != article.body()
        || stored.boilerplate != article.boilerplate()
        || added + removed + reattributed > 0
        || stored.quotes.len() != article.quotes.len();
    if changed {
        changes.quotes_added += added;
        changes.quotes_removed += removed;
        changes.reattributed += reattributed;
    }
    changed
}
