//! The import pipeline: one thread reads the inputs, one thread per core
//! parses and extracts, this thread writes — in order, in large
//! transactions (an article is in the archive whole or not at all) — and
//! links at the end.
//! Memory stays bounded: at most `IN_FLIGHT` items are between reading and
//! writing, whatever the size of the corpus.

use super::Global;
use crate::extract;
use crate::ingest::{
    self,
    corpus::{Item, Parsed},
};
use crate::link;
use crate::store::{Archive, NewArticle, NewTranscript, RunCounts, Saved};
use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex};

/// Items read but not yet written, at most: several batches, so that
/// parsing goes on while a batch is being written.
const IN_FLIGHT: usize = 2_048;

/// Articles per transaction.
const BATCH: usize = 1_000;

/// Source bytes per transaction, at most.
const BATCH_BYTES: usize = 32 << 20;

/// An item to parse, numbered in reading order, with its size in bytes.
type Job = (usize, Result<Item, ingest::Error>, u64);

/// A parsed item, numbered in reading order, with its size in bytes.
type Done = (usize, Result<Prepared, ingest::Error>, u64);

/// An item made ready for storing.
enum Prepared {
    /// An article and what was extracted from it.
    Article(NewArticle),
    /// A primary source.
    Transcript(NewTranscript),
}

/// One import run: documents in, counts and errors recorded, links made at the end.
pub(super) struct Importer<'g> {
    archive: Archive,
    run: i64,
    counts: RunCounts,
    global: &'g Global,
    batch: Vec<NewArticle>,
    batch_bytes: usize,
    transcripts: Vec<NewTranscript>,
    /// Primary sources stored (of the counts, those that are not articles).
    transcripts_stored: usize,
    progress: ProgressBar,
    started: std::time::Instant,
}

impl<'g> Importer<'g> {
    /// Opens the archive and starts a run; `total_bytes` sizes the progress bar.
    pub(super) fn start(global: &'g Global, total_bytes: u64) -> Result<Self> {
        // A broken encoder stops the import before the archive is touched.
        link::translations::check_encoder().map_err(anyhow::Error::msg)?;
        let mut archive = Archive::open(&global.db)?;
        let command = std::env::args().collect::<Vec<_>>().join(" ");
        let run = archive.begin_run(&command)?;
        // Drawn only on a terminal (indicatif checks), never with --quiet.
        let progress = if global.quiet {
            ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::hidden())
        } else {
            ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr())
        };
        progress.set_style(
            ProgressStyle::with_template("{elapsed_precise} {wide_bar} {bytes}/{total_bytes} {msg} ({eta} left)")
                .expect("the template is valid"),
        );
        Ok(Importer {
            archive,
            run,
            counts: RunCounts::default(),
            global,
            batch: Vec::new(),
            batch_bytes: 0,
            transcripts: Vec::new(),
            transcripts_stored: 0,
            progress,
            started: std::time::Instant::now(),
        })
    }

    /// Imports every item: parsing and extraction on all cores, writing here.
    pub(super) fn import<I>(&mut self, items: I) -> Result<()>
    where
        I: Iterator<Item = (Result<Item, ingest::Error>, u64)> + Send,
    {
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(16);
        let (work_tx, work_rx) = sync_channel::<Job>(IN_FLIGHT);
        let work_rx = Arc::new(Mutex::new(work_rx));
        let (done_tx, done_rx) = sync_channel::<Done>(IN_FLIGHT);
        // Tickets bound what is between the reader and the writer, so one
        // slow document cannot make the others pile up in memory.
        let (ticket_tx, ticket_rx) = sync_channel::<()>(IN_FLIGHT);
        for _ in 0..IN_FLIGHT {
            ticket_tx.send(()).expect("the ticket channel has room");
        }
        std::thread::scope(|s| {
            s.spawn(move || {
                for (seq, (item, bytes)) in items.enumerate() {
                    if ticket_rx.recv().is_err() || work_tx.send((seq, item, bytes)).is_err() {
                        break;
                    }
                }
            });
            for _ in 0..workers {
                let (rx, tx) = (Arc::clone(&work_rx), done_tx.clone());
                s.spawn(move || worker(&rx, &tx));
            }
            drop(done_tx);
            let written = self.write_in_order(&done_rx, &ticket_tx);
            // Stop the reader and workers if writing failed.
            drop(ticket_tx);
            drop(done_rx);
            written
        })
    }

    fn write_in_order(&mut self, done: &Receiver<Done>, tickets: &std::sync::mpsc::SyncSender<()>) -> Result<()> {
        let mut next = 0;
        let mut waiting = BTreeMap::new();
        for (seq, result, bytes) in done {
            waiting.insert(seq, (result, bytes));
            while let Some((result, bytes)) = waiting.remove(&next) {
                match result {
                    Ok(Prepared::Article(article)) => self.push(article)?,
                    Ok(Prepared::Transcript(t)) => self.transcripts.push(t),
                    Err(e) => self.fail(&e)?,
                }
                self.progress.inc(bytes);
                // The reader may have stopped; a ticket nobody takes is fine.
                let _ = tickets.try_send(());
                next += 1;
            }
        }
        self.flush()
    }

    fn push(&mut self, article: NewArticle) -> Result<()> {
        self.batch_bytes += article.doc.raw.len();
        self.batch.push(article);
        if self.batch.len() >= BATCH || self.batch_bytes >= BATCH_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the pending batch in one transaction, and the primary
    /// sources read so far in another.
    fn flush(&mut self) -> Result<()> {
        if !self.transcripts.is_empty() {
            let transcripts = std::mem::take(&mut self.transcripts);
            for (t, saved) in transcripts.iter().zip(self.archive.save_transcripts(&transcripts, self.run)?) {
                match saved {
                    Ok(saved) => {
                        self.transcripts_stored += 1;
                        self.count(saved);
                    }
                    Err(message) => {
                        self.fail(&ingest::Error::new(&t.primary.source_path, None, message))?;
                    }
                }
            }
        }
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        self.batch_bytes = 0;
        for (article, saved) in batch.iter().zip(self.archive.save_batch(&batch, self.run)?) {
            match saved {
                Ok(saved) => self.count(saved),
                Err(message) => self.fail(&ingest::Error::new(&article.doc.source_path, None, message))?,
            }
        }
        let done = self.counts.imported + self.counts.updated + self.counts.unchanged;
        self.progress.set_message(format!("{done} articles"));
        Ok(())
    }

    fn count(&mut self, saved: Saved) {
        match saved {
            Saved::Imported(_) => self.counts.imported += 1,
            Saved::Updated(_) => self.counts.updated += 1,
            Saved::Unchanged(_) => self.counts.unchanged += 1,
        }
    }

    /// Reports and records an input that failed.
    pub(super) fn fail(&mut self, e: &ingest::Error) -> Result<()> {
        self.progress.suspend(|| eprintln!("error: {e}"));
        self.archive.record_error(self.run, e)?;
        self.counts.failed += 1;
        Ok(())
    }

    /// Links new quotes and articles, closes the run and prints its
    /// summary. Exit code 1 when any input failed.
    pub(super) fn finish(mut self) -> Result<ExitCode> {
        self.progress.set_message("linking");
        // Linking reports no steps: the bar keeps moving while it works.
        self.progress.enable_steady_tick(std::time::Duration::from_millis(120));
        let stored = self.started.elapsed();
        let linked = link::link(&mut self.archive)?;
        let linking = self.started.elapsed() - stored;
        self.progress.finish_and_clear();
        self.archive.finish_run(self.run, self.counts)?;
        let c = self.counts;
        self.global.note(format!(
            "{}: {} imported, {} updated, {} unchanged, {} failed; linked {} new wordings ({} variants, {} fragments), {} articles, {} translations; {:.1} s reading and storing, {:.1} s linking",
            self.archive.path(),
            c.imported,
            c.updated,
            c.unchanged,
            c.failed,
            linked.wordings,
            linked.variants,
            linked.fragments,
            linked.articles,
            linked.translations,
            stored.as_secs_f64(),
            linking.as_secs_f64()
        ));
        if self.transcripts_stored > 0 || linked.judged > 0 {
            self.global.note(format!(
                "{} of the documents are primary sources (transcripts); {} quotations checked against the record",
                self.transcripts_stored, linked.judged
            ));
        }
        super::translation_notice(self.global, &linked);
        Ok(if c.failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
    }
}

/// Parses and extracts items until the reader is done or the writer gone.
fn worker(work: &Mutex<Receiver<Job>>, done: &std::sync::mpsc::SyncSender<Done>) {
    loop {
        let job = work.lock().map(|rx| rx.recv());
        let Ok(Ok((seq, item, bytes))) = job else { return };
        let result = item.and_then(Item::into_parsed).map(|parsed| match parsed {
            Parsed::Article(doc) => {
                let extraction = extract::extract(&doc);
                Prepared::Article(NewArticle::new(doc, extraction))
            }
            Parsed::Primary(primary) => Prepared::Transcript(NewTranscript::new(primary)),
        });
        if done.send((seq, result, bytes)).is_err() {
            return;
        }
    }
}
